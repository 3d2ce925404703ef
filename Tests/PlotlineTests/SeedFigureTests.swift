import Foundation
import Plotline
import Testing

@Suite struct SeedFigureTests {
    let renderer = Renderer()

    @Test func ticksAndLabelsMatchTheFigure() throws {
        let scene = try renderer.scene(specAt: Repo.seedSpec)
        let xLabels = try #require(scene.group(.axisX)).nodes.compactMap { n -> String? in
            if case .text(let t) = n { return t.text } else { return nil }
        }
        let yLabels = try #require(scene.group(.axisY)).nodes.compactMap { n -> String? in
            if case .text(let t) = n { return t.text } else { return nil }
        }
        #expect(xLabels == ["0", "200", "400", "600", "800", "RL training steps"])
        #expect(yLabels == ["50", "52", "54", "56", "MMLU-Pro"])
        let title = try #require(scene.allTexts.first { $0.text == "MMLU-Pro" })
        #expect(title.rotation == -90)
        #expect(scene.title == "MMLU-Pro vs. RL training steps")
        #expect(scene.description.contains("RL training steps"))
        #expect(scene.description.contains("from 50 to 57"))
    }

    @Test func gridlinesAndRulesSitOnPixelCentres() throws {
        let scene = try renderer.scene(specAt: Repo.seedSpec)
        let grid = try #require(scene.group(.grid))
        var coordinates: [Double] = []
        for case .path(let p) in grid.nodes {
            #expect(p.stroke?.width == 1)
            for case .move(let pt) in p.path.elements { coordinates += [pt.x, pt.y] }
        }
        // 5 vertical lines (x) and 4 horizontal (y): each has one coordinate on a half pixel.
        #expect(coordinates.count == 18)
        let halves = coordinates.filter { ($0 - 0.5).rounded() == $0 - 0.5 }
        #expect(halves.count >= 9)
    }

    @Test func theLinePassesThroughTheFivePoints() throws {
        let scene = try renderer.scene(specAt: Repo.seedSpec)
        let series = try #require(scene.group(.series(0)))
        guard case .path(let line) = series.nodes.first else { Issue.record("no series path"); return }
        #expect(line.path.elements.count == 5)
        #expect(line.stroke?.color == PlotColor(css: "lightcoral"))
        #expect(line.stroke?.join == .round)
        #expect(line.stroke?.width == 2)
    }

    @Test func svgMatchesTheCommittedRender() throws {
        let chart = try renderer.render(specAt: Repo.seedSpec, options: RenderOptions(formats: [.svg]))
        let committed = try String(contentsOfFile: Repo.path("Output/mmlu-pro-rl.svg"), encoding: .utf8)
        let rendered = String(decoding: chart.files[0].bytes, as: UTF8.self)
        let diff = TextDiff.unified(expected: committed, actual: rendered, expectedName: "Output/mmlu-pro-rl.svg", actualName: "rendered")
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test func pngMatchesTheCommittedRender() throws {
        let chart = try renderer.render(specAt: Repo.seedSpec, options: RenderOptions(formats: [.png]))
        let committed = try #require(FileManager.default.contents(atPath: Repo.path("Output/mmlu-pro-rl.png")))
        let outcome = try ReferenceComparison.compare(.png, expected: Array(committed), actual: chart.files[0].bytes,
                                                      expectedName: "Output/mmlu-pro-rl.png", actualName: "rendered")
        #expect(outcome.passes, "\(outcome.summary)")
    }
}
