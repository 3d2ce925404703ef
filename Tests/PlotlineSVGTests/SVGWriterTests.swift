import PlotlineCore
import Testing
@testable import PlotlineSVG

@Suite struct SVGWriterTests {
    func scene(prefix: String = "chart", text: String = "label") -> PlotScene {
        var glyph = PlotPath()
        glyph.move(to: Point(1, 1)); glyph.line(to: Point(2, 1)); glyph.line(to: Point(2, 2)); glyph.close()
        return PlotScene(
            width: 200, height: 100, title: "A <title> & more", description: "Plots \"y\" against x",
            idPrefix: prefix,
            nodes: [
                .group(SceneGroup(role: .grid, nodes: [
                    .path(ScenePath(path: PlotPath([.move(Point(0, 10.5)), .line(Point(200, 10.5))]),
                                    stroke: Stroke(color: PlotColor(rgb: 0xE2E2E2)))),
                ])),
                .group(SceneGroup(role: .data, clip: Rect(x: 10, y: 10, width: 180, height: 80), nodes: [
                    .path(ScenePath(path: PlotPath([.move(Point(10, 80)), .line(Point(190, 20))]),
                                    stroke: Stroke(color: PlotColor(rgb: 0xF08080).withOpacity(0.5), width: 2, cap: .round, join: .round))),
                ])),
                .text(SceneText(text: text, origin: Point(100, 95), anchor: .middle, rotation: -90,
                                font: FontDescriptor(family: "DejaVu Sans", size: 12), color: .black, glyphs: glyph)),
            ])
    }

    @Test func hasAccessibleRootWithViewBox() {
        let svg = SVGWriter().write(scene())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" id=\"chart\""))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\""))
        #expect(svg.contains("<title id=\"chart-title\">A &lt;title&gt; &amp; more</title>"))
        #expect(svg.contains("<desc id=\"chart-desc\">Plots \"y\" against x</desc>"))
        #expect(SVGWriter(includeSize: false).write(scene()).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\""))
    }

    @Test func escapesHostileText() {
        let svg = SVGWriter().write(scene(text: "</text><script>alert(1)</script>"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        let paths = SVGWriter(textMode: .paths).write(scene(text: "\"><script>"))
        #expect(!paths.contains("<script>"))
        #expect(paths.contains("aria-label=\"&quot;&gt;&lt;script&gt;\""))
    }

    @Test func replacesCharactersXMLForbids() {
        let svg = SVGWriter().write(scene(text: "a\u{0}b\u{1B}c"))
        #expect(svg.contains(">a\u{FFFD}b\u{FFFD}c</text>"))
    }

    @Test func prefixesEveryID() {
        let svg = SVGWriter().write(scene(prefix: "p1"))
        let ids = svg.split(separator: "id=\"").dropFirst().map { $0.prefix(while: { $0 != "\"" }) }
        #expect(ids.count == 4)
        #expect(ids.allSatisfy { $0.hasPrefix("p1") })
        #expect(svg.contains("clip-path=\"url(#p1-clip-0)\""))
    }

    @Test func emptyPrefixBecomesAContentHash() {
        let a = SVGWriter().write(scene(prefix: "")), b = SVGWriter().write(scene(prefix: ""))
        let c = SVGWriter().write(scene(prefix: "", text: "other"))
        func root(_ s: String) -> Substring { s.split(separator: "id=\"")[1].prefix(while: { $0 != "\"" }) }
        #expect(a == b)
        #expect(root(a) != root(c))
        #expect(root(a).hasPrefix("plotline-"))
    }

    @Test func sanitizesPrefix() {
        #expect(SVGWriter.sanitizedID("a b\"<c") == "abc")
        #expect(SVGWriter.sanitizedID("9x") == "p9x")
    }

    @Test func writesStyleAndGroups() {
        let svg = SVGWriter().write(scene())
        #expect(svg.contains("<g class=\"grid\">"))
        #expect(svg.contains("stroke=\"#f08080\" stroke-opacity=\"0.502\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\""))
        #expect(svg.contains("text-anchor=\"middle\" transform=\"rotate(-90 100 95)\" font-family=\"'DejaVu Sans', sans-serif\" font-size=\"12\""))
        #expect(SVGWriter(textMode: .paths).write(scene()).contains("d=\"M1 1 L2 1 L2 2 Z\""))
    }

    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (0.1 + 0.2, "0.3"), (1e-9, "0"), (-0.0004, "0"),
        (123.4567, "123.457"), (800, "800"), (Double.nan, "0"), (Double.infinity, "0"), (-2.25, "-2.25"),
    ])
    func formatsNumbers(value: Double, text: String) {
        #expect(SVGNumber.format(value) == text)
    }
}
