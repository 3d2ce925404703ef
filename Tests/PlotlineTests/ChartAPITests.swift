import Foundation
import Plotline
import Testing

/// The Swift front end: the builder, its modifiers, and the same validation as JSON.
@Suite struct ChartAPITests {
    let steps = [0, 200, 400, 600, 800]
    let scores = [50.2, 54.8, 55.4, 55.2, 56.7]

    @Test func theSeedBuiltInSwiftRendersAsTheJSONDoes() throws {
        let chart = Chart(width: 800, height: 500) {
            Line(x: steps, y: scores).name("MMLU-Pro").color(PlotColor(rgb: 0xF08080))
        }
        .xAxis("RL training steps", domain: 0...800, tickStep: 200)
        .yAxis("MMLU-Pro", domain: 50...57, tickStep: 2)
        .legend(nil)
        .axis(\.x) { $0.grid = true }
        .axis(\.y) { $0.grid = true }
        let loaded = try ChartSpecLoader.load(path: Repo.seedSpec)
        #expect(chart.spec == loaded)
        let renderer = Renderer()
        #expect(try renderer.scene(for: chart.spec, specFile: Repo.seedSpec) == renderer.scene(specAt: Repo.seedSpec))
        #expect(try chart.svg().hasPrefix("<svg"))
        let png = try chart.png(scale: 2)
        let decoded = try PNGDecoder.decode(png)
        #expect(decoded.width == 1600 && decoded.height == 1000)
    }

    @Test func marksComeFromLoopsAndConditions() throws {
        let runs = [("a", [1.0, 2, 3]), ("b", [2.0, 1, 0])]
        let showBand = true
        let chart = Chart {
            for (name, values) in runs {
                Line(y: values).name(name)
            }
            if showBand {
                Band(x: [0, 1, 2], lower: [0.5, 1, 1.5], upper: [1.5, 3, 4]).opacity(0.2).name("a")
            } else {
                Scatter(x: [0], y: [0])
            }
            Bar(x: ["p", "q", "r"], y: [1, 2, 3]).stacked()
        }
        #expect(chart.spec.series.map(\.kind) == [.line, .line, .band, .bar])
        #expect(chart.spec.series[2].opacity == 0.2)
        // Categories next to numbers on one axis are refused, as in JSON.
        #expect(throws: PlotlineError(.invalidSpec, keyPath: "series[3].x", message: "has categories, but series[0] puts numbers on the axis; one axis cannot mix them")) {
            try chart.validated()
        }
    }

    @Test func badSpecsBuiltInSwiftThrowTheLoadersErrors() {
        #expect(throws: PlotlineError(.invalidSpec, keyPath: "width", message: "0 is out of range; expected 1 to 16384 pixels")) {
            try Chart(width: 0) { Line(y: [1, 2]) }.validated()
        }
        #expect(throws: PlotlineError(.invalidSpec, keyPath: "x.domain", message: "the lower end (5) must be less than the upper end (1); use \"reverse\": true to run the axis backwards")) {
            try Chart { Line(y: [1, 2]) }.axis(\.x) { $0.lower = 5; $0.upper = 1 }.validated()
        }
        #expect(throws: PlotlineError(.invalidSpec, keyPath: "series[0]", message: "x has 3 values but y has 5; they must match")) {
            try Chart { Line(x: [1, 2, 3], y: [1, 2, 3, 4, 5]) }.validated()
        }
        // Rendering goes through the same check: nothing is written for a bad chart.
        let folder = Repo.temporaryFolder()
        #expect(throws: PlotlineError.self) { try Chart(width: 0) { Line(y: [1]) }.write(to: folder + "/bad") }
        // The error is typed: its kind and key path are values, rendered to text only at the edge.
        do {
            _ = try Chart(width: 0) { Line(y: [1]) }.validated()
        } catch {
            #expect(error.kind == .invalidSpec && error.keyPath == "width" && error.line == nil)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
    }

    @Test func datesGapsAndCSVColumns() throws {
        let days = try ["2024-03-01", "2024-03-02", "2024-03-03"].map { s throws(ISO8601.ParseError) in try PlotDate(iso: s) }
        let chart = Chart { Line(x: days, y: [1.0, nil, 3.0]).gaps(.join).axis(.y2) }.y2Axis("count", format: try NumberFormat(",d"))
        #expect(chart.spec.series[0].x == .dates([1_709_251_200, 1_709_337_600, 1_709_424_000]))
        #expect(chart.spec.y2?.label == "count")
        #expect(try chart.svg().contains("Mar"))
        let csv = try CSVData(path: Repo.path("Templates/data/mmlu-pro-rl.csv"))
        let fromCSV = try Chart { Line(x: try csv.numbers("step"), y: try csv.numbers("mmlu_pro")) }
        #expect(fromCSV.spec.series[0].x == .numbers([0, 200, 400, 600, 800]))
        #expect(throws: PlotlineError.self) { try csv.numbers("nope") }
    }
}
