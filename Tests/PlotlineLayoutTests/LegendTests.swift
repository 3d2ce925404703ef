import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import Testing

@Suite struct LegendTests {
    /// Points crowding three corners of the unit square, leaving `free` empty.
    static func corners(leaving free: LegendPosition) -> (x: [Double], y: [Double]) {
        let all: [(LegendPosition, Double, Double)] = [(.topLeft, 0, 1), (.topRight, 1, 1), (.bottomLeft, 0, 0), (.bottomRight, 1, 0)]
        var xs: [Double] = [], ys: [Double] = []
        for (corner, cx, cy) in all where corner != free {
            for i in 0..<5 {
                for j in 0..<5 {
                    xs.append(cx == 0 ? Double(i) * 0.05 : 1 - Double(i) * 0.05)
                    ys.append(cy == 0 ? Double(j) * 0.05 : 1 - Double(j) * 0.05)
                }
            }
        }
        return (xs, ys)
    }

    static let freeCorners: [LegendPosition] = [.topLeft, .topRight, .bottomLeft, .bottomRight]

    @Test(arguments: freeCorners)
    func legendNeverCoversAPointWhenACornerIsFree(free: LegendPosition) throws {
        let (x, y) = Self.corners(leaving: free)
        let spec = ChartSpec(x: AxisSpec(domain: 0...1), y: AxisSpec(domain: 0...1), series: [
            SeriesSpec(name: "a", x: .numbers(x), mark: .scatter(ScatterMark(y: y))),
            SeriesSpec(name: "b", x: .numbers([0.5]), mark: .scatter(ScatterMark(y: [0.5]))),
        ])
        let chart = layout.resolve(spec)
        let legend = try #require(chart.legend)
        #expect(legend.position == free)
        let frame = chart.frame
        for m in chart.marks {
            for case .disc(let c, let r) in m.obstacles(in: frame) {
                #expect(!overlaps(legend.box, Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)), "legend covers a point at \(c)")
            }
        }
    }

    @Test func legendAvoidsFilledAreas() throws {
        // An area filling the bottom and the right: the top-left corner is the free one.
        let spec = ChartSpec(series: [
            SeriesSpec(name: "a", x: .numbers([0, 1, 2, 3, 4]), mark: .area(AreaMark(y: [1, 1, 2, 6, 10]))),
            SeriesSpec(name: "b", y: [0, 0.5, 1, 1, 1]),
        ])
        #expect(layout.resolve(spec).legend?.position == .topLeft)
    }

    @Test func namedCornersAreHonoured() {
        for position in LegendPosition.allCases where position != .best {
            let spec = ChartSpec(legend: .shown(position), series: [SeriesSpec(name: "a", y: [1, 2])])
            #expect(layout.resolve(spec).legend?.position == position)
        }
    }

    @Test func hiddenAndAutomaticLegends() {
        let one = [SeriesSpec(name: "a", y: [1, 2])]
        let two = one + [SeriesSpec(name: "b", y: [2, 1])]
        #expect(layout.resolve(ChartSpec(series: one)).legend == nil)
        #expect(layout.resolve(ChartSpec(series: two)).legend != nil)
        #expect(layout.resolve(ChartSpec(legend: .hidden, series: two)).legend == nil)
        #expect(layout.resolve(ChartSpec(legend: .shown(.best), series: one)).legend != nil)
    }

    @Test(arguments: [LegendPosition.right, .top, .bottom])
    func anOutsideLegendShrinksThePlotAndStaysOutOfIt(position: LegendPosition) throws {
        let series = (0..<3).map { SeriesSpec(name: "Series \($0)", y: [Double($0), 5]) }
        let inside = layout.resolve(ChartSpec(legend: .shown(.topRight), series: series))
        let outside = layout.resolve(ChartSpec(legend: .shown(position), series: series))
        let legend = try #require(outside.legend)
        #expect(!overlaps(legend.box, outside.plot))
        #expect(legend.box.x >= 0 && legend.box.maxX <= 800 && legend.box.y >= 0 && legend.box.maxY <= 500)
        if position == .right {
            #expect(outside.plot.width < inside.plot.width)
        } else {
            #expect(outside.plot.height < inside.plot.height)
        }
    }

    @Test(arguments: [LegendPosition.right, .top, .bottom])
    func aLongOutsideLegendStaysOffThePlotAndTheTitle(position: LegendPosition) throws {
        let series = (0..<40).map { SeriesSpec(name: "A long series name \($0)", y: [Double($0), 1]) }
        let chart = layout.resolve(ChartSpec(title: "Title", legend: .shown(position), series: series))
        let legend = try #require(chart.legend)
        #expect(!overlaps(legend.box, chart.plot), "\(legend.box) covers the plot \(chart.plot)")
        let titleBottom = try #require(chart.title).baselines[0]
        #expect(legend.box.y >= titleBottom)
        for (_, origin) in legend.entries { #expect(origin.x >= 0 && origin.y >= 0) }
    }

    @Test func aLongLegendWrapsIntoColumns() throws {
        let series = (0..<30).map { SeriesSpec(name: "s\($0)", y: [Double($0), Double($0)]) }
        let chart = layout.resolve(ChartSpec(series: series))
        let legend = try #require(chart.legend)
        let columns = Set(legend.entries.map(\.origin.x)).count
        #expect(columns > 1)
        #expect(legend.box.height <= chart.plot.height * 0.7 + 16)
    }

    @Test func legendRowsShowEachKindsSwatch() throws {
        let spec = ChartSpec(series: [
            SeriesSpec(name: "line", y: [1, 2]),
            SeriesSpec(name: "bars", x: .numbers([0, 1]), mark: .bar(BarMark(y: [1, 2]))),
        ])
        let scene = layout.scene(for: spec)
        let legend = try #require(scene.group(.legend))
        let paths = legend.allPaths
        #expect(paths.count == 3)  // frame, line swatch, square swatch
        #expect(paths[1].stroke != nil && paths[1].fill == nil)
        #expect(paths[2].fill != nil && paths[2].stroke == nil)
        #expect(legend.allTexts.map(\.text) == ["line", "bars"])
    }
}
