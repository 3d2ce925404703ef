import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import Testing

/// Each mark's data extent, legend swatch and sentence, without FreeType.
@Suite struct MarkTests {
    func extent(_ s: SeriesSpec, with others: [SeriesSpec] = []) -> (x: Extent, y: Extent) {
        let all = others + [s]
        return renderers(ChartSpec(series: all))[all.count - 1].extent()
    }

    @Test func lineExtentIgnoresGapsAndIncludesErrorBars() {
        let s = SeriesSpec(x: .numbers([0, 1, .nan, 3]),
                           mark: .line(LineMark(y: [5, .nan, 100, 7], errors: ErrorBars(y: [5, .nan, 100, 7], error: [1, 1, 1, 2]))))
        let e = extent(s)
        #expect(e.x.min == 0 && e.x.max == 3)
        #expect(e.y.min == 4 && e.y.max == 9)
    }

    @Test func scatterExtentCoversItsPoints() {
        let e = extent(SeriesSpec(x: .numbers([-2, 4]), mark: .scatter(ScatterMark(y: [10, -10]))))
        #expect(e.x.min == -2 && e.x.max == 4 && e.y.min == -10 && e.y.max == 10)
    }

    @Test func barExtentStartsAtZeroAndStacksBothWays() {
        let x = XValues.categories(["a", "b"])
        let a = SeriesSpec(x: x, mark: .bar(BarMark(y: [3, -2], stack: true)))
        let b = SeriesSpec(x: x, mark: .bar(BarMark(y: [4, -5], stack: true)))
        let e = extent(b, with: [a])
        #expect(e.y.min == -7 && e.y.max == 7)
        #expect(abs((e.x.min ?? 0) - 0.1) < 1e-12 && abs((e.x.max ?? 0) - 1.9) < 1e-12)  // two categories, bars 0.8 of each band
        let single = extent(SeriesSpec(x: .numbers([10, 20, 30]), mark: .bar(BarMark(y: [5, 6, 7]))))
        #expect(single.y.min == 0 && single.y.max == 7)
        #expect(single.x.min == 6 && single.x.max == 34)  // half of 0.8 × the gap of 10 beyond each end
    }

    @Test func horizontalBarsPutValuesAlongX() {
        let e = extent(SeriesSpec(x: .categories(["a", "b", "c"]), mark: .bar(BarMark(y: [2, 9, 4], orientation: .horizontal))))
        #expect(e.x.min == 0 && e.x.max == 9)
        #expect((e.y.min ?? 0) > 0 && (e.y.max ?? 9) < 3)
    }

    @Test func histogramExtentIsItsBinEdges() {
        let s = SeriesSpec(x: .numbers([1, 3]), mark: .bar(BarMark(y: [4, 2], barWidth: 1, binEdges: [0, 2, 4])))
        let e = extent(s)
        #expect(e.x.min == 0 && e.x.max == 4 && e.y.min == 0 && e.y.max == 4)
    }

    @Test func areaExtentReachesItsBaselineAndStacks() {
        let x = XValues.numbers([0, 1])
        let e = extent(SeriesSpec(x: x, mark: .area(AreaMark(y: [5, 8], baseline: 2))))
        #expect(e.y.min == 2 && e.y.max == 8)
        let lower = SeriesSpec(x: x, mark: .area(AreaMark(y: [1, 2], stack: true)))
        let upper = SeriesSpec(x: x, mark: .area(AreaMark(y: [3, 3], stack: true)))
        let stacked = extent(upper, with: [lower])
        #expect(stacked.y.min == 1 && stacked.y.max == 5)
    }

    @Test func bandExtentSpansBothBounds() {
        let e = extent(SeriesSpec(x: .numbers([0, 1, 2]), mark: .band(BandMark(lower: [1, .nan, 0], upper: [2, 50, 3]))))
        #expect(e.x.min == 0 && e.x.max == 2 && e.y.min == 0 && e.y.max == 3)
    }

    // MARK: Swatches

    let box = Rect(x: 10, y: 10, width: 18, height: 12)

    func swatch(_ s: SeriesSpec) -> [ScenePath] {
        renderers(ChartSpec(series: [s]))[0].swatch(in: box, theme: Theme()).compactMap {
            if case .path(let p) = $0 { return p }
            return nil
        }
    }

    @Test func lineSwatchIsItsStrokeWithDashAndMarker() throws {
        let paths = swatch(SeriesSpec(color: .black, x: .numbers([0, 1]),
                                      mark: .line(LineMark(y: [0, 1], width: 3, dash: [4, 2], marker: MarkerSpec(shape: .square)))))
        #expect(paths.count == 2)
        let stroke = try #require(paths.first?.stroke)
        #expect(stroke.width == 3 && stroke.dash == [4, 2] && stroke.color == .black)
        #expect(paths[1].fill?.color == .black)
    }

    @Test func barAndAreaSwatchesAreFilledSquares() throws {
        for s in [SeriesSpec(color: .black, x: .numbers([0]), mark: .bar(BarMark(y: [1]))),
                  SeriesSpec(color: .black, x: .numbers([0, 1]), mark: .area(AreaMark(y: [1, 2], stack: true)))] {
            let square = try #require(swatch(s).first)
            let bounds = try #require(square.path.controlBounds)
            #expect(square.fill?.color == .black)
            #expect(bounds.width == bounds.height && bounds.width == 10)
        }
    }

    @Test func bandSwatchIsTranslucent() throws {
        let band = try #require(swatch(SeriesSpec(color: .black, x: .numbers([0]), mark: .band(BandMark(lower: [0], upper: [1])))).first)
        #expect(band.stroke == nil)
        #expect((band.fill?.color.alpha ?? 255) < 255)
    }

    @Test func scatterSwatchIsAMarker() throws {
        let marker = try #require(swatch(SeriesSpec(color: .black, x: .numbers([0]),
                                                    mark: .scatter(ScatterMark(y: [1], marker: MarkerSpec(shape: .cross))))).first)
        #expect(marker.fill == nil && marker.stroke != nil)  // a cross is stroked
    }

    // MARK: Sentences

    func sentence(_ series: [SeriesSpec]) -> String {
        let chart = layout.resolve(ChartSpec(series: series))
        return chart.description
    }

    @Test func descriptionsSayWhatEachMarkShows() {
        let bars = sentence([SeriesSpec(name: "Sales", x: .categories(["Q1", "Q2"]), mark: .bar(BarMark(y: [3, 5])))])
        #expect(bars.hasPrefix("Bar chart with 1 series. X axis with 2 categories: \"Q1\", \"Q2\"; Y axis from 0 to"))
        #expect(bars.hasSuffix("Series \"Sales\": 2 bars, from (\"Q1\", 3) to (\"Q2\", 5), y between 3 and 5."))

        let histogram = sentence([SeriesSpec(x: .numbers([1, 3]), mark: .bar(BarMark(y: [4, 2], barWidth: 1, binEdges: [0, 2, 4])))])
        #expect(histogram.hasSuffix("Series 1: histogram of 6 values in 2 bins from 0 to 4, counts between 2 and 4."))

        let band = sentence([SeriesSpec(name: "CI", x: .numbers([0, 1]), mark: .band(BandMark(lower: [1, 2], upper: [3, 4])))])
        #expect(band.hasSuffix("Series \"CI\": band over 2 points, from 1 to 4."))

        let mixed = sentence([SeriesSpec(y: [1, 2]), SeriesSpec(x: .numbers([0, 1]), mark: .scatter(ScatterMark(y: [2, 3])))])
        #expect(mixed.hasPrefix("Chart with 2 series."))
        #expect(mixed.contains("Series 2: 2 points, from (0, 2) to (1, 3)"))
    }

    @Test func bandNamedLikeALineGoesUnderItInItsColour() {
        let spec = ChartSpec(series: [
            SeriesSpec(name: "run", x: .numbers([0, 1]), mark: .band(BandMark(lower: [0, 1], upper: [2, 3]))),
            SeriesSpec(name: "run", color: .black, y: [1, 2]),
        ])
        let chart = layout.resolve(spec)
        #expect(chart.marks.map(\.series.index) == [0, 1])
        #expect(chart.marks[0].series.color == .black)
        // One legend row shows both: the band behind the line.
        let entries = layout.legendEntries(chart.marks)
        #expect(entries.count == 1 && entries[0].marks == [0, 1])
    }
}
