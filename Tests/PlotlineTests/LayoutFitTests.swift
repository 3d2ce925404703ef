import Foundation
import Plotline
import Testing

/// Nothing may be clipped at any size from 200×150 to 4000×3000.
@Suite struct LayoutFitTests {
    let renderer = Renderer()

    static let sizes: [(Double, Double)] = [(200, 150), (320, 200), (640, 480), (800, 500), (1200, 400), (4000, 3000), (200, 3000), (4000, 150)]

    @Test(arguments: sizes)
    func everythingFitsOnTheCanvas(width: Double, height: Double) throws {
        var spec = try ChartSpecLoader.load(path: Repo.seedSpec)
        spec.width = width
        spec.height = height
        spec.title = "A title for the figure"
        spec.y.label = "MMLU-Pro (accuracy, %)"
        let scene = try renderer.scene(for: spec, specFile: "seed")
        for text in scene.allTexts {
            let box = try #require(text.glyphs.controlBounds)
            #expect(box.x >= 0 && box.y >= 0 && box.maxX <= width && box.maxY <= height,
                    "\"\(text.text)\" at \(box) spills out of \(width)×\(height)")
        }
        // Tick labels never overlap each other along the x axis.
        let xTexts = try #require(scene.group(.axisX)).nodes.compactMap { n -> Rect? in
            if case .text(let t) = n, t.rotation == 0, t.text != "RL training steps" { return t.glyphs.controlBounds }
            return nil
        }
        for (a, b) in zip(xTexts, xTexts.dropFirst()) { #expect(a.maxX < b.x, "x tick labels overlap at \(width)×\(height)") }
    }

    @Test(arguments: [
        #"{"series": [{"y": [5, 5, 5]}]}"#,
        #"{"series": [{"x": [1e-9, 2e-9], "y": [-1e9, 2e9]}]}"#,
        #"{"series": [{"x": [0], "y": [0]}]}"#,
        #"{"series": [{"y": [-1e299, 1e299]}]}"#,
        #"{"x": {"domain": [0, 1]}, "series": [{"x": [5, 6], "y": [1, 2]}]}"#,
        #"{"x": {"domain": [10, null]}, "series": [{"x": [1, 2], "y": [1, 2]}]}"#,
        #"{"series": [{"name": "a", "y": [1, 2]}, {"name": "b", "y": [2, 1], "dash": [4, 2]}]}"#,
    ])
    func awkwardDataLaysOutWithoutTrouble(json: String) throws {
        // (A chart with nothing to draw at all is an error: see `nothingToDrawIsAnError`.)
        let folder = Repo.temporaryFolder()
        let path = Repo.writeSpec(json, named: "awkward", in: folder)
        let chart = try renderer.render(specAt: path)
        // Every coordinate the Scene holds is finite and near the canvas: the writers never see a
        // value they would have to hide, and the PNG decodes at the spec's size.
        for point in chart.scene.allPoints {
            #expect(point.x.isFinite && point.y.isFinite && abs(point.x) <= 1e6 && abs(point.y) <= 1e6, "\(point)")
        }
        let png = try PNGDecoder.decode(try #require(chart.files.first { $0.format == .png }).bytes)
        #expect(png.width == 800 && png.height == 500)
    }
}

extension LayoutFitTests {
    @Test(arguments: [
        (#"{"series": [{"y": []}]}"#, "series: nothing to draw: series[0] has no point"),
        (#"{"series": [{"name": "a", "y": [null, null]}, {"name": "b", "x": [1, null], "y": [null, 2]}]}"#,
         #"series: nothing to draw: series[0] ("a") and series[1] ("b") have no point"#),
        (#"{"series": [{"kind": "band", "x": [1, 2], "yLower": [1, null], "yUpper": [null, 2]}]}"#, "series[0] has no point"),
    ])
    func nothingToDrawIsAnError(json: String, message: String) throws {
        let path = Repo.writeSpec(json, named: "empty", in: Repo.temporaryFolder())
        #expect {
            try renderer.render(specAt: path)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}

@Suite struct AutomaticAxisTests {
    let renderer = Renderer()

    func scene(_ json: String) throws -> PlotScene {
        let path = Repo.writeSpec(json, named: "auto", in: Repo.temporaryFolder())
        return try renderer.scene(specAt: path)
    }

    func labelBoxes(_ scene: PlotScene, _ role: SceneRole) throws -> [Rect] {
        try #require(scene.group(role)).nodes.compactMap { n -> Rect? in
            if case .text(let t) = n, t.rotation == 0, t.text != "x", t.text != "y" { return t.glyphs.controlBounds }
            return nil
        }
    }

    @Test(arguments: [200.0, 300, 450, 640, 1000, 2000])
    func automaticTickLabelsNeverCollide(width: Double) throws {
        let json = #"{"width": \#(width), "height": \#(width * 0.6), "x": {"label": "x"}, "y": {"label": "y"}, "series": [{"x": [1234567, 9876543], "y": [-0.00123, 0.0456]}]}"#
        let s = try scene(json)
        let x = try labelBoxes(s, .axisX), y = try labelBoxes(s, .axisY)
        #expect(x.count >= 2, "only \(x.count) x ticks at width \(width)")
        #expect(y.count >= 2, "only \(y.count) y ticks at width \(width)")
        for (a, b) in zip(x, x.dropFirst()) { #expect(a.maxX + 8 <= b.x, "x labels collide at width \(width)") }
        for (a, b) in zip(y, y.dropFirst()) { #expect(b.maxY + 4 <= a.y, "y labels collide at width \(width)") }
        // Typical axes get 4 to 10 ticks.
        if width >= 640 { #expect((4...10).contains(x.count)); #expect((4...10).contains(y.count)) }
    }

    @Test func legendAvoidsTheData() throws {
        // Data rising to the top right: the legend must go elsewhere.
        let s = try scene(#"{"series": [{"name": "a", "y": [0, 1, 2, 3, 10]}, {"name": "b", "y": [0, 2, 3, 5, 9]}]}"#)
        let legend = try #require(s.group(.legend))
        guard case .path(let frame) = legend.nodes.first, let box = frame.path.controlBounds else {
            Issue.record("legend has no frame")
            return
        }
        let plotCentre = s.width / 2
        #expect(box.maxX < plotCentre, "legend at \(box) sits over the rising data")
    }
}

/// The Swift API must not trap on values the JSON loader would have refused.
@Suite struct LayoutRobustnessTests {
    func fonts() throws -> ChartFonts {
        let path = try #require(FontLocator.locate(family: "DejaVu Sans"))
        let font = try Typeface(path: path)
        return ChartFonts(regular: font, bold: font)
    }

    @Test(arguments: [Double.nan, .infinity, 1e308, -5, 0])
    func oddCanvasSizesDoNotTrap(side: Double) throws {
        let spec = ChartSpec(width: side, height: side, series: [SeriesSpec(y: [1, 2, 3])])
        let scene = ChartLayout(fonts: try fonts()).scene(for: spec)
        #expect(scene.width.isFinite && scene.width >= 1 && scene.width <= 16384)
    }

    @Test func anEmptyPaletteFallsBackToTheDefault() throws {
        var theme = Theme()
        theme.palette = []
        let scene = ChartLayout(fonts: try fonts(), theme: theme).scene(for: ChartSpec(series: [SeriesSpec(y: [1, 2])]))
        let line = try #require(scene.group(.series(0))?.nodes.first)
        guard case .path(let p) = line else { Issue.record("no line"); return }
        #expect(p.stroke?.color == Theme().palette[0])
    }

    @Test func aHalfSetDomainAtTheEndOfTheRangeStaysFinite() throws {
        let spec = ChartSpec(x: AxisSpec(lower: 1.7e308), series: [SeriesSpec(x: [1, 2], y: [1, 2])])
        let scene = ChartLayout(fonts: try fonts()).scene(for: spec)
        #expect(!scene.description.contains("∞"))
        #expect(scene.description.contains("X axis from"))
    }
}
