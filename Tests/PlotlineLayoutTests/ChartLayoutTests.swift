import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import Testing

@Suite struct ChartLayoutTests {
    @Test func theSceneHasTheDocumentedRolesInPaintingOrder() {
        let scene = layout.scene(for: ChartSpec(title: "T", series: [SeriesSpec(name: "a", y: [1, 2]), SeriesSpec(name: "b", y: [2, 1])]))
        let roles = scene.nodes.compactMap { n -> SceneRole? in
            if case .group(let g) = n { return g.role }
            return nil
        }
        #expect(roles == [.grid, .data, .axisX, .axisY, .title, .legend])
        #expect(scene.group(.series(1)) != nil)
    }

    @Test func negativeStackedBarsHangBelowTheZeroLine() throws {
        let x = XValues.categories(["a"])
        let spec = ChartSpec(series: [
            SeriesSpec(x: x, mark: .bar(BarMark(y: [4], stack: true))),
            SeriesSpec(x: x, mark: .bar(BarMark(y: [-3], stack: true))),
            SeriesSpec(x: x, mark: .bar(BarMark(y: [2], stack: true))),
        ])
        let scene = layout.scene(for: spec)
        let zero = try #require(scene.group(.zeroLine)?.allPaths.first?.path.controlBounds)
        let bars = try (0..<3).map { try #require(scene.group(.series($0))?.allPaths.first?.path.controlBounds) }
        #expect(bars[0].maxY <= zero.y + 1 && bars[2].maxY <= bars[0].y + 0.5, "\(bars) \(zero)")  // up, and the third on top of the first
        #expect(bars[1].y >= zero.y - 1)                                          // down from zero
        #expect(abs(bars[0].x - bars[1].x) < 0.01)                                // one slot for the whole stack
    }

    @Test func groupedBarsSitSideBySide() throws {
        let x = XValues.categories(["a", "b"])
        let spec = ChartSpec(series: [SeriesSpec(x: x, mark: .bar(BarMark(y: [1, 2]))), SeriesSpec(x: x, mark: .bar(BarMark(y: [3, 4])))])
        let scene = layout.scene(for: spec)
        let first = try #require(scene.group(.series(0))?.allPaths.first?.path.controlBounds)
        let second = try #require(scene.group(.series(1))?.allPaths.first?.path.controlBounds)
        #expect(first.x < second.x)
        #expect(scene.group(.zeroLine) == nil)  // zero is the axis itself
    }

    @Test func horizontalGroupsReadTopToBottom() throws {
        let x = XValues.categories(["a", "b"])
        let spec = ChartSpec(series: [SeriesSpec(x: x, mark: .bar(BarMark(y: [1, 2], orientation: .horizontal))),
                                      SeriesSpec(x: x, mark: .bar(BarMark(y: [3, 4], orientation: .horizontal)))])
        let scene = layout.scene(for: spec)
        let first = try #require(scene.group(.series(0))?.allPaths.first?.path.controlBounds)
        let second = try #require(scene.group(.series(1))?.allPaths.first?.path.controlBounds)
        #expect(first.y < second.y)
        #expect(first.x == second.x)  // both grow rightwards from the axis
    }

    @Test func aLongTitleWrapsBeforeItShrinks() throws {
        let title = "A rather long title that cannot possibly fit on one line of this narrow chart"
        let scene = layout.scene(for: ChartSpec(width: 500, height: 400, title: title, series: [SeriesSpec(y: [1, 2])]))
        let lines = try #require(scene.group(.title)).allTexts
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.font.size == Theme().titleSize })
        #expect(lines.map(\.text).joined(separator: " ") == title)
        for line in lines {
            let box = try #require(line.glyphs.controlBounds)
            #expect(box.x >= 0 && box.maxX <= 500)
        }
        // A single word too long for the canvas still shrinks.
        let word = String(repeating: "W", count: 80)
        let shrunk = try #require(layout.scene(for: ChartSpec(width: 300, title: word, series: [SeriesSpec(y: [1])])).group(.title)).allTexts
        #expect(shrunk.count == 1 && shrunk[0].font.size < Theme().titleSize)
    }

    @Test func subtitleSitsUnderTheTitle() throws {
        let scene = layout.scene(for: ChartSpec(title: "T", subtitle: "S", series: [SeriesSpec(y: [1, 2])]))
        let texts = try #require(scene.group(.title)).allTexts
        #expect(texts.map(\.text) == ["T", "S"])
        #expect(texts[1].origin.y > texts[0].origin.y)
    }

    @Test func longCategoryLabelsTurnInsteadOfOverlapping() throws {
        let names = (0..<12).map { "Category number \($0)" }
        let spec = ChartSpec(series: [SeriesSpec(x: .categories(names), mark: .bar(BarMark(y: names.indices.map(Double.init))))])
        let scene = layout.scene(for: spec)
        let labels = try #require(scene.group(.axisX)).allTexts
        #expect(labels.count == 12 && labels.allSatisfy { $0.rotation == -45 })
        for label in labels {
            let box = try #require(label.glyphs.controlBounds)
            #expect(box.x >= 0 && box.maxY <= 500, "\(label.text) spills out")
        }
        let short = layout.scene(for: ChartSpec(series: [SeriesSpec(x: .categories(["a", "b"]), mark: .bar(BarMark(y: [1, 2])))]))
        #expect(try #require(short.group(.axisX)).allTexts.allSatisfy { $0.rotation == 0 })
    }

    @Test func categoriesFollowTheAxisOrder() {
        let spec = ChartSpec(x: AxisSpec(sort: .ascending), series: [SeriesSpec(x: .categories(["b", "c", "a"]), mark: .bar(BarMark(y: [1, 2, 3])))])
        #expect(layout.resolve(spec).x.labels == ["a", "b", "c"])
        let horizontal = ChartSpec(series: [SeriesSpec(x: .categories(["b", "a"]), mark: .bar(BarMark(y: [1, 2], orientation: .horizontal)))])
        let chart = layout.resolve(horizontal)
        #expect(chart.y.categories == ["b", "a"] && chart.x.categories == nil)
        // The first category is at the top.
        #expect(chart.frame.y.map(chart.y.ticks[0]) < chart.frame.y.map(chart.y.ticks[1]))
    }

    @Test func bubbleAreasFollowTheirSizes() throws {
        let spec = ChartSpec(series: [SeriesSpec(x: .numbers([0, 1]),
                                                 mark: .scatter(ScatterMark(y: [0, 1], marker: MarkerSpec(size: 40), sizes: [1, 4])))])
        let chart = layout.resolve(spec)
        guard let scatter = chart.marks.first as? ScatterRenderer else {
            Issue.record("not a scatter renderer")
            return
        }
        let sizes = scatter.markers(chart.frame).map(\.size)
        #expect(sizes == [20, 40])  // four times the value, twice the width
    }

    @Test(arguments: [200.0, 400, 800, 1600])
    func yearsGetWholeTicksAndLittlePadding(width: Double) {
        let years = (2005...2024).map(Double.init)
        let chart = layout.resolve(ChartSpec(width: width, series: [SeriesSpec(x: years, y: years.map { $0 - 2000 })]))
        let ticks = chart.x.ticks
        #expect(ticks.count >= 2)
        #expect(ticks.allSatisfy { $0 == $0.rounded() }, "fractional year ticks: \(ticks)")
        #expect(!chart.x.labels.contains { $0.contains(",") || $0.contains(".") })
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        #expect(chart.x.lower >= 2005 - step && chart.x.upper <= 2024 + step)
        // Counts on y are whole numbers too.
        #expect(chart.y.ticks.allSatisfy { $0 == $0.rounded() })
    }

    @Test func aSecondAxisHasItsOwnScaleAndNoGrid() throws {
        let spec = ChartSpec(y2: AxisSpec(label: "dollars"), series: [
            SeriesSpec(y: [0.1, 0.2]),
            SeriesSpec(x: .numbers([0, 1]), mark: .line(LineMark(y: [1000, 5000])), axis: .y2),
        ])
        let chart = layout.resolve(spec)
        let y2 = try #require(chart.y2)
        #expect(y2.upper >= 5000 && chart.y.upper < 1)
        let scene = layout.scene(for: spec)
        #expect(scene.group(.axisY2) != nil)
        let grid = try #require(scene.group(.grid))
        #expect(grid.allPaths.count == 2)  // x and the left y only
        // The y2 series is drawn on its own scale: its last point sits at the top of the plot.
        let line = try #require(scene.group(.series(1))?.allPaths.first?.path.controlBounds)
        #expect(abs(line.y - (chart.plot.y + 0.5 + (1 - 5000 / y2.upper) * (chart.plot.height - 1))) < 0.01)
    }

    @Test func reversedAxesRunBackwards() {
        var x = AxisSpec()
        x.reverse = true
        let chart = layout.resolve(ChartSpec(x: x, series: [SeriesSpec(y: [1, 2])]))
        #expect(chart.frame.x.map(chart.x.lower) > chart.frame.x.map(chart.x.upper))
    }

    @Test func oddInputsLayOutWithoutTrouble() {
        let cases: [ChartSpec] = [
            ChartSpec(series: [SeriesSpec(x: .categories([]), mark: .bar(BarMark(y: [])))]),
            ChartSpec(series: [SeriesSpec(x: .categories(["a", ""]), mark: .bar(BarMark(y: [.nan, 1e308])))]),
            ChartSpec(series: [SeriesSpec(x: .numbers([1, 2, 3]), mark: .bar(BarMark(y: [1], errors: ErrorBars(lower: [], upper: [5]))))]),
            ChartSpec(series: [SeriesSpec(x: .numbers([1]), mark: .scatter(ScatterMark(y: [1, 2], sizes: [])))]),
            ChartSpec(series: [SeriesSpec(x: .numbers([0, 1]), mark: .area(AreaMark(y: [-1e308, 1e308], stack: true)))]),
            ChartSpec(series: [SeriesSpec(x: .numbers([0, 1]), mark: .band(BandMark(lower: [1], upper: [0, 2])))]),
            ChartSpec(series: [SeriesSpec(x: .numbers([5]), mark: .bar(BarMark(y: [1], binEdges: [5])))]),
            ChartSpec(series: [SeriesSpec(x: .categories(["a"]), mark: .bar(BarMark(y: [1]))), SeriesSpec(y: [1e300, 2])]),
        ]
        for spec in cases {
            let scene = layout.scene(for: spec)
            #expect(scene.width == 800)
            #expect(!scene.description.contains("nan"))
        }
    }
}

@Suite struct TextStyleTests {
    @Test func rolesTakeTheirOwnSizeWeightColourAndFamily() throws {
        var spec = ChartSpec(title: "T", subtitle: "S", x: AxisSpec(label: "x"), y: AxisSpec(label: "y"),
                             series: [SeriesSpec(name: "a", y: [1, 2]), SeriesSpec(name: "b", y: [2, 1])])
        spec.text.title = TextStyle(family: "Serif Display", bold: false)
        spec.text.tickLabel = TextStyle(size: 9, color: PlotColor(rgb: 0x123456))
        spec.text.axisTitle = TextStyle(size: 15, bold: true)
        spec.text.legend = TextStyle(color: PlotColor(rgb: 0xAA0000))
        let scene = layout.scene(for: spec)
        let title = try #require(scene.group(.title)?.allTexts.first)
        #expect(title.font.family == "Serif Display" && !title.font.bold)
        let x = try #require(scene.group(.axisX)?.allTexts)
        #expect(x.filter { $0.text != "x" }.allSatisfy { $0.font.size == 9 && $0.color == PlotColor(rgb: 0x123456) })
        let axisTitle = try #require(x.first { $0.text == "x" })
        #expect(axisTitle.font.size == 15 && axisTitle.font.bold)
        #expect(try #require(scene.group(.legend)?.allTexts).allSatisfy { $0.color == PlotColor(rgb: 0xAA0000) })
    }
}
