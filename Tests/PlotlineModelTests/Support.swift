import Foundation
import Testing
@testable import PlotlineModel

/// Paths of the files under Fixtures/, copied into the test bundle.
enum Fixtures {
    /// The Fixtures folder inside the test bundle.
    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"
    }

    /// The path of a fixture file.
    static func path(_ name: String) -> String { root + "/" + name }

    /// The bytes of a fixture file.
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }
}

/// Decodes a spec held in a string, as if read from `t.json` in the current folder.
func decode(_ json: String, baseDirectory: String = "") throws(SpecError) -> ChartSpec {
    try ChartSpecLoader.decode(Array(json.utf8), file: "t.json", baseDirectory: baseDirectory)
}

/// The error that decoding a spec produces, or nil when it decodes.
func decodeError(_ json: String) -> SpecError? {
    do {
        _ = try decode(json)
        return nil
    } catch {
        return error
    }
}

/// The error that parsing JSON produces, or nil when it parses.
func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// Deterministic pseudo-random bytes (a 64-bit LCG), so fuzz-style tests repeat exactly.
struct LCG {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

extension SeriesSpec {
    /// The line mark, when the series is a line.
    var line: LineMark? {
        if case .line(let l) = mark { return l }
        return nil
    }
}
