import Foundation
import Plotline
import Testing

/// The SVG reader: every template's SVG, read back and drawn, looks as its PNG does.
@Suite struct SVGReadBackTests {
    static let templates: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Templates"))) ?? []).filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }.sorted()
    }()

    @Test(arguments: templates)
    func theSVGDrawsAsThePNG(name: String) throws {
        let svg = Array(try Data(contentsOf: URL(fileURLWithPath: Repo.path("Output/\(name).svg"))))
        let png = try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: Repo.path("Output/\(name).png")))))
        let drawn = try Renderer().rasterize(svg: svg)
        // SVG numbers carry three decimals, so an edge pixel may move by a shade; at a perceptual
        // threshold of 0.1 nothing a reader could see differs.
        let result = try ImageComparison.compare(expected: png, actual: drawn, options: .init(threshold: 0.1))
        #expect(result.differentPixels == 0, "\(name): \(result.summary)")
    }

    @Test func aForeignSVGIsRefusedWithAReason() {
        #expect(throws: PlotlineError.self) { try Renderer().rasterize(svg: Array(#"<svg width="10" height="10"><circle r="3"/></svg>"#.utf8)) }
    }
}
