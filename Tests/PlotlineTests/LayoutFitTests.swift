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
        let xTexts = try #require(scene.group("axis axis-x")).nodes.compactMap { n -> Rect? in
            if case .text(let t) = n, t.rotation == 0, t.text != "RL training steps" { return t.glyphs.controlBounds }
            return nil
        }
        for (a, b) in zip(xTexts, xTexts.dropFirst()) { #expect(a.maxX < b.x, "x tick labels overlap at \(width)×\(height)") }
    }

    @Test(arguments: [
        #"{"series": [{"y": [5, 5, 5]}]}"#,
        #"{"series": [{"x": [1e-9, 2e-9], "y": [-1e9, 2e9]}]}"#,
        #"{"series": [{"x": [0], "y": [0]}]}"#,
        #"{"series": [{"y": []}]}"#,
        #"{"series": [{"y": [null, null]}]}"#,
        #"{"series": [{"y": [-1e308, 1e308]}]}"#,
        #"{"x": {"domain": [0, 1]}, "series": [{"x": [5, 6], "y": [1, 2]}]}"#,
        #"{"x": {"domain": [10, null]}, "series": [{"x": [1, 2], "y": [1, 2]}]}"#,
        #"{"series": [{"name": "a", "y": [1, 2]}, {"name": "b", "y": [2, 1], "dash": [4, 2]}]}"#,
    ])
    func awkwardDataLaysOutWithoutTrouble(json: String) throws {
        let folder = Repo.temporaryFolder()
        let path = Repo.writeSpec(json, named: "awkward", in: folder)
        let chart = try renderer.render(specAt: path)
        #expect(chart.files.count == 2)
        let svg = String(decoding: chart.files[0].bytes, as: UTF8.self)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }
}
