import Foundation
import Plotline
import Testing

/// `ChartSpec` round-trips through JSON: every template, to an equal value and the same render.
@Suite struct CodableTests {
    static let templates: [String] = {
        let folder = Repo.path("Templates")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(arguments: templates)
    func everyTemplateRoundTrips(template: String) throws {
        let path = Repo.path("Templates/" + template)
        let spec = try ChartSpecLoader.load(path: path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(spec)
        let decoded = try JSONDecoder().decode(ChartSpec.self, from: json)
        #expect(decoded == spec, "\(template) changed on its way through JSON")
        // The encoded text is a spec file the loader reads too, and a second trip changes nothing.
        let loaded = try ChartSpecLoader.decode(Array(json), file: template, baseDirectory: "")
        #expect(loaded == spec)
        #expect(try encoder.encode(decoded) == json)
        let renderer = Renderer()
        #expect(try renderer.scene(for: decoded, specFile: template) == renderer.scene(for: spec, specFile: template))
    }

    @Test func decodingUsesTheLoadersChecks() {
        let json = Data(#"{"series": [{"y": [1], "color": "lightcorral"}]}"#.utf8)
        do {
            _ = try JSONDecoder().decode(ChartSpec.self, from: json)
            Issue.record("decoded a bad colour")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == #"series[0].color: "lightcorral" is not a colour; did you mean "lightcoral"?"#)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func gapsAndDatesSurvive() throws {
        let spec = try ChartSpecLoader.decode(Array(#"{"series": [{"x": ["2024-03-01T06:00:00.25Z", "2024-03-02"], "y": [null, 2]}]}"#.utf8),
                                              file: "t.json", baseDirectory: "")
        let json = try JSONEncoder().encode(spec)
        #expect(String(decoding: json, as: UTF8.self).contains("2024-03-01T06:00:00.25Z"))
        #expect(try JSONDecoder().decode(ChartSpec.self, from: json) == spec)
    }
}
