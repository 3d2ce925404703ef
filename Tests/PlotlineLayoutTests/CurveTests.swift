import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import Testing

@Suite struct CurveTests {
    let points = [Point(0, 0), Point(10, 10), Point(20, 10), Point(30, 40), Point(40, 35)]

    func path(_ interpolate: Interpolation) -> PlotPath {
        var p = PlotPath()
        Curves.append(points, to: &p, interpolate: interpolate)
        return p
    }

    @Test func stepsTurnWhereTheyShould() {
        let after = path(.stepAfter).elements
        #expect(after[1] == .line(Point(10, 0)) && after[2] == .line(Point(10, 10)))
        let before = path(.stepBefore).elements
        #expect(before[1] == .line(Point(0, 10)) && before[2] == .line(Point(10, 10)))
        let mid = path(.stepMid).elements
        #expect(mid[1] == .line(Point(5, 0)) && mid[2] == .line(Point(5, 10)) && mid[3] == .line(Point(10, 10)))
    }

    @Test func monotoneNeverOvershoots() {
        // Between each pair of points the Bézier's control points, and so the curve, stay within the pair's range.
        let elements = path(.monotone).elements
        #expect(elements.count == points.count)
        for (k, element) in elements.dropFirst().enumerated() {
            guard case .cubic(let c1, let c2, let end) = element else {
                Issue.record("expected a cubic, found \(element)")
                continue
            }
            let lo = min(points[k].y, points[k + 1].y), hi = max(points[k].y, points[k + 1].y)
            #expect(end == points[k + 1])
            for c in [c1, c2] { #expect(c.y >= lo - 1e-9 && c.y <= hi + 1e-9, "segment \(k) overshoots: \(c)") }
        }
    }

    @Test func monotoneFallsBackToSegmentsWhenXRunsBackwards() {
        var p = PlotPath()
        Curves.append([Point(0, 0), Point(10, 5), Point(5, 8)], to: &p, interpolate: .monotone)
        #expect(p.elements == [.move(Point(0, 0)), .line(Point(10, 5)), .line(Point(5, 8))])
    }

    @Test func joinedGapsSkipMissingValues() throws {
        let spec = ChartSpec(series: [SeriesSpec(x: .numbers([0, 1, 2]), mark: .line(LineMark(y: [1, .nan, 3], gaps: .join)))])
        let scene = layout.scene(for: spec)
        let line = try #require(scene.group(.series(0))?.allPaths.first)
        #expect(line.path.elements.count == 2)
        let broken = layout.scene(for: ChartSpec(series: [SeriesSpec(y: [1, .nan, 3])]))
        let moves = try #require(broken.group(.series(0))?.allPaths.first).path.elements.filter { if case .move = $0 { true } else { false } }
        #expect(moves.count == 2)
    }
}
