import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plotline
import Testing

@Suite struct SVGInvariantTests {
    let renderer = Renderer()

    func svg(_ json: String, name: String = "chart", textMode: SVGWriter.TextMode = .text) throws -> String {
        let folder = Repo.temporaryFolder()
        let path = Repo.writeSpec(json, named: name, in: folder)
        let chart = try renderer.render(specAt: path, options: RenderOptions(formats: [.svg], svgText: textMode))
        return String(decoding: chart.files[0].bytes, as: UTF8.self)
    }

    static let spec = #"{"series": [{"name": "a", "y": [1, 3, 2]}], "x": {"label": "%X%"}}"#

    func ids(_ svg: String) -> [String] {
        svg.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func twoChartsInOnePageShareNoID() throws {
        let a = try svg(Self.spec.replacingOccurrences(of: "%X%", with: "first"))
        let b = try svg(Self.spec.replacingOccurrences(of: "%X%", with: "second"))
        let idsA = Set(ids(a)), idsB = Set(ids(b))
        #expect(!idsA.isEmpty)
        #expect(idsA.isDisjoint(with: idsB))
        // Every reference points at an id of its own document.
        for (doc, own) in [(a, idsA), (b, idsB)] {
            let refs = doc.components(separatedBy: "url(#").dropFirst().map { String($0.prefix { $0 != ")" }) }
            #expect(refs.allSatisfy(own.contains))
        }
    }

    @Test func idsStayWhenOnlyTheDataChanges() throws {
        let a = try svg(#"{"title": "T", "series": [{"name": "a", "y": [1, 3, 2]}]}"#)
        let b = try svg(#"{"title": "T", "series": [{"name": "a", "y": [1, 3, 2.5]}]}"#)
        let c = try svg(#"{"title": "Other", "series": [{"name": "a", "y": [1, 3, 2]}]}"#)
        let d = try svg(#"{"title": "T", "series": [{"name": "a", "y": [1, 3, 2]}]}"#, name: "another")
        #expect(ids(a) == ids(b))                    // a data change leaves the ids alone
        #expect(Set(ids(a)).isDisjoint(with: ids(c)))  // another structure gets others
        #expect(Set(ids(a)).isDisjoint(with: ids(d)))  // and so does another chart name
    }

    @Test func specIDSetsThePrefix() throws {
        let doc = try svg(#"{"id": "fig-1", "series": [{"y": [1, 2]}]}"#)
        #expect(ids(doc).allSatisfy { $0.hasPrefix("fig-1") })
        #expect(ids(doc).contains("fig-1-clip-0"))
    }

    @Test(arguments: [SVGWriter.TextMode.text, .paths])
    func hostileLabelIsText(mode: SVGWriter.TextMode) throws {
        let doc = try svg(#"{"title": "</text><script>alert(1)</script>", "series": [{"name": "\"><script>x</script>", "y": [1, 2]}], "x": {"label": "a & b <c>"}, "legend": true}"#, textMode: mode)
        #expect(!doc.contains("<script"))
        #expect(doc.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The document is well-formed XML with exactly the elements we wrote.
        let parser = XMLParser(data: Data(doc.utf8))
        let names = ElementNames()
        parser.delegate = names
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!names.all.contains("script"))
    }

    @Test func accessibleRoot() throws {
        let doc = try svg(Self.spec)
        #expect(doc.contains("role=\"img\""))
        let root = try #require(ids(doc).first)
        #expect(doc.contains("aria-labelledby=\"\(root)-title\" aria-describedby=\"\(root)-desc\""))
        #expect(doc.contains("<title id=\"\(root)-title\">"))
        #expect(doc.contains("<desc id=\"\(root)-desc\">Line chart with 1 series."))
        #expect(doc.contains("viewBox=\"0 0 800 500\""))
    }

    @Test(.enabled(if: Judge.available("xmllint"), Judge.note("xmllint", package: "libxml2-utils"))) func validatesWithXmllint() throws {
        guard let xmllint = Repo.which("xmllint") else {
            Issue.record("xmllint is not installed (Debian: libxml2-utils)")
            return
        }
        let folder = Repo.temporaryFolder()
        for mode in [SVGWriter.TextMode.text, .paths] {
            let path = folder + "/chart-\(mode).svg"
            try svg(Self.spec, textMode: mode).write(toFile: path, atomically: true, encoding: .utf8)
            let result = try Repo.run(xmllint, ["--noout", path])
            #expect(result.status == 0, "\(result.err)")
        }
    }

    @Test func gapsBreakTheLine() throws {
        let doc = try svg(#"{"id": "g", "series": [{"x": [0, 1, 2, 3, 4], "y": [1, null, 2, 3, 1e299]}]}"#)
        let seriesGroup = try #require(doc.components(separatedBy: "class=\"series series-0\"").last)
        let d = try #require(seriesGroup.components(separatedBy: "d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(d.filter { $0 == "M" }.count == 2)
        // The 1e299 point is held at the edge of representable pixels, so the segment stays drawable.
        let numbers = d.split(whereSeparator: { $0 == " " || $0.isLetter }).compactMap { Double($0) }
        #expect(numbers.allSatisfy { abs($0) <= 1e6 })
    }
}

/// Collects element names from an XML parse.
final class ElementNames: NSObject, XMLParserDelegate {
    var all: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        all.append(name)
    }
}
