import Foundation
import Testing
@testable import PlotlineModel

/// Limits stated in the README, and the file reading policy.
@Suite struct LimitTests {
    func folder() -> String {
        let path = NSTemporaryDirectory() + "plotline-limits-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path + "/specs", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: path + "/elsewhere", withIntermediateDirectories: true)
        return path
    }

    @Test func textLongerThanTheLimitIsRefused() {
        let long = String(repeating: "x", count: ChartSpecLoader.maximumTextLength + 1)
        #expect(decodeError(#"{"title": "\#(long)", "series": [{"y": [1]}]}"#)?.description
            == "t.json:1:11: title: is too long: 10001 characters; at most 10000 are allowed")
        #expect(decodeError(#"{"x": {"scale": "band"}, "series": [{"kind": "bar", "x": ["\#(long)"], "y": [1]}]}"#)?.keyPath == "series[0].x[0]")
        let fine = String(repeating: "x", count: ChartSpecLoader.maximumTextLength)
        #expect(decodeError(#"{"title": "\#(fine)", "series": [{"y": [1]}]}"#) == nil)
    }

    @Test func everyLongCategoryInACSVColumnIsFound() throws {
        let root = folder()
        // The first long cell is short in characters (2 bytes each); the second is long.
        let csv = "x,y\n" + String(repeating: "é", count: 6000) + ",1\n" + String(repeating: "a", count: 20_000) + ",2\n"
        try csv.write(toFile: root + "/specs/c.csv", atomically: true, encoding: .utf8)
        let spec = root + "/specs/c.json"
        try #"{"x": {"scale": "band"}, "series": [{"kind": "bar", "data": {"csv": "c.csv", "x": "x", "y": "y"}}]}"#
            .write(toFile: spec, atomically: true, encoding: .utf8)
        #expect {
            try ChartSpecLoader.load(path: spec)
        } throws: { error in
            (error as? SpecError)?.description.contains("c.csv:3: column \"x\": a category name is too long (20000 characters") == true
        }
    }

    @Test func aRowOfAMillionFieldsIsReportedWithItsCount() {
        let row = String(repeating: ",", count: 1_000_000)
        #expect(throws: SpecError(file: "r.csv", line: 2, message: "row has 1000001 fields but the header has 2")) {
            try CSVTable.parse("a,b\n" + row + "\n", file: "r.csv")
        }
    }

    @Test func manySeriesAndAnnotationsAreRefused() {
        let series = Array(repeating: #"{"y": [1]}"#, count: ChartSpecLoader.maximumSeries + 1).joined(separator: ",")
        #expect(decodeError(#"{"series": [\#(series)]}"#)?.message == "has 1001 series; at most 1000 are allowed")
    }

    @Test func wideHeadersAndManyKeysAreLinear() throws {
        // Both were quadratic: 100,000 names took tens of seconds. Hashing makes them instant;
        // the header is refused by its column limit, the object by its unknown keys.
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        #expect(throws: SpecError(file: "w.csv", line: 1, message: "the header has 100000 columns; at most 10000 are allowed")) {
            try CSVTable.parse(header + "\n", file: "w.csv")
        }
        let names = (0..<10_000).map { "c\($0)" }
        let table = try CSVTable.parse(names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n", file: "w.csv")
        #expect(table.header.count == 10_000)
        #expect(throws: SpecError(file: "d.csv", line: 1, message: "column \"c5000\" appears twice in the header (columns 5001 and 10000)")) {
            try CSVTable.parse((names.dropLast() + ["c5000"]).joined(separator: ",") + "\n", file: "d.csv")
        }
        let keys = (0..<100_000).map { #""k\#($0)": 1"# }.joined(separator: ",")
        let object = try JSONParser.parse(Array("{\(keys)}".utf8))
        if case .object(let members) = object.value { #expect(members.count == 100_000) }
        #expect(parseError(Array(#"{"#.utf8) + Array(keys.utf8) + Array(#", "k99999": 2}"#.utf8))?.message == "duplicate key \"k99999\"")
    }

    @Test func dataOutsideTheSpecFolderIsRefused() throws {
        let root = folder()
        try "x,y\n1,2\n".write(toFile: root + "/elsewhere/d.csv", atomically: true, encoding: .utf8)
        try "x,y\n1,2\n".write(toFile: root + "/specs/own.csv", atomically: true, encoding: .utf8)
        symlink(root + "/elsewhere/d.csv", root + "/specs/link.csv")
        func load(_ csv: String, allow: [String] = []) throws(SpecError) -> ChartSpec {
            let spec = root + "/specs/chart.json"
            try? #"{"series": [{"data": {"csv": "\#(csv)", "x": "x", "y": "y"}}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
            return try ChartSpecLoader.load(path: spec, allowRead: allow)
        }
        #expect(throws: Never.self) { try load("own.csv") }
        for path in ["../elsewhere/d.csv", "link.csv", root + "/elsewhere/d.csv", "/etc/passwd"] {
            #expect {
                try load(path)
            } throws: { error in
                (error as? SpecError)?.message.contains("is outside the spec's folder and the current directory") == true
            }
        }
        #expect(throws: Never.self) { try load("link.csv", allow: [root + "/elsewhere"]) }
        // Specs held in memory are the program's own: no policy unless one is given.
        let json = Array(#"{"series": [{"data": {"csv": "\#(root)/elsewhere/d.csv", "x": "x", "y": "y"}}]}"#.utf8)
        #expect(throws: Never.self) { try ChartSpecLoader.decode(json, file: "m.json", baseDirectory: "") }
        #expect(throws: SpecError.self) {
            try ChartSpecLoader.decode(json, file: "m.json", baseDirectory: "", readPolicy: ReadPolicy(folders: [root + "/specs"]))
        }
    }
}
