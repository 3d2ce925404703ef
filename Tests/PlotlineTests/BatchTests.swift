import Foundation
import Plotline
import Testing

/// A batch renders on every core and still gives exactly what a serial run gives, in input order.
@Suite struct BatchTests {
    @Test func aBatchMatchesASerialRunInOrder() throws {
        let folder = Repo.temporaryFolder()
        let bad = Repo.writeSpec(#"{"series": [{"y": [1], "color": "nope"}]}"#, named: "bad", in: folder)
        let templates = ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Templates"))) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { Repo.path("Templates/" + $0) }
        let paths = Array(templates.prefix(4)) + [bad] + Array(templates.dropFirst(4))
        let renderer = Renderer()
        let batch = renderer.renderAll(specsAt: paths)
        #expect(batch.count == paths.count)
        for (path, result) in zip(paths, batch) {
            switch result {
            case .success(let chart):
                let serial = try renderer.render(specAt: path)
                #expect(chart.name == serial.name)
                #expect(chart.files.map(\.bytes) == serial.files.map(\.bytes), "\(path) differs between batch and serial runs")
            case .failure(let error):
                #expect(path == bad)
                #expect(error.keyPath == "series[0].color")
            }
        }
    }
}
