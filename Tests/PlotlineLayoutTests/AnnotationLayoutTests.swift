import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import Testing

@Suite struct AnnotationLayoutTests {
    let spec: ChartSpec = {
        var s = ChartSpec(x: AxisSpec(domain: 0...10), y: AxisSpec(domain: 0...10), series: [SeriesSpec(x: [0, 10], y: [0, 10])])
        s.annotations = [
            .range(RangeAnnotation(axis: .x, lower: 2, upper: 4, label: "phase")),
            .range(RangeAnnotation(axis: .y, lower: -5, upper: 3)),
            .rule(RuleAnnotation(axis: .y, value: 8, label: "target")),
            .text(TextAnnotation(x: 5, y: 5, text: "middle")),
        ]
        return s
    }()

    @Test func rangesGoUnderTheDataAndNotesOverIt() throws {
        let scene = layout.scene(for: spec)
        let roles = scene.nodes.compactMap { n -> SceneRole? in if case .group(let g) = n { g.role } else { nil } }
        let data = try #require(roles.firstIndex(of: .data))
        #expect(roles.firstIndex(of: .annotations).map { $0 < data } == true)
        #expect(roles.lastIndex(of: .annotations).map { $0 > data } == true)
    }

    @Test func annotationsSitAtTheirDataCoordinates() throws {
        let chart = layout.resolve(spec)
        let frame = chart.frame
        let ranges = layout.rangeNodes(spec, chart).compactMap { n -> Rect? in if case .path(let p) = n { p.path.controlBounds } else { nil } }
        #expect(ranges.count == 2)
        // The x range spans 2…4 on pixel boundaries; the y range is clipped to the plot.
        #expect(abs(ranges[0].x - (frame.x.map(2) - 0.5)) < 1 && abs(ranges[0].maxX - (frame.x.map(4) + 0.5)) < 1)
        #expect(ranges[1].maxY <= chart.plot.maxY && ranges[1].y >= chart.plot.y)
        let notes = layout.noteNodes(spec, chart)
        let texts = notes.compactMap { n -> SceneText? in if case .text(let t) = n { t } else { nil } }
        #expect(texts.map(\.text) == ["target", "middle"])
        let dashed = notes.compactMap { n -> ScenePath? in if case .path(let p) = n, p.stroke?.dash.isEmpty == false { p } else { nil } }
        let rule = try #require(dashed.first)
        #expect(rule.path.controlBounds?.y == layout.snap(frame.y.map(8)))
        // The arrow's head ends just short of the point.
        let heads = notes.compactMap { n -> Rect? in if case .path(let p) = n, p.fill != nil { p.path.controlBounds } else { nil } }
        let head = try #require(heads.first)
        let point = frame.point(5, 5)
        #expect(abs(head.minXDistance(to: point)) < 8)
    }

    @Test func aRuleOutsideTheDataWidensTheAxis() {
        var s = ChartSpec(series: [SeriesSpec(y: [1, 2, 3])])
        s.annotations = [.rule(RuleAnnotation(axis: .y, value: 10))]
        #expect(layout.resolve(s).y.upper >= 10)
    }
}

extension Rect {
    /// How far a point lies from the rectangle's nearest corner along x.
    func minXDistance(to p: Point) -> Double { min(abs(x - p.x), abs(maxX - p.x)) }
}
