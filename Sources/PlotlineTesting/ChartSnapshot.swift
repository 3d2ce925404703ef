import Plotline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When a snapshot assertion writes its reference.
public enum RecordMode: String, Sendable, CaseIterable {
    /// Never: a missing reference is a failure and nothing is written (for CI).
    case never
    /// Only a missing reference is written, and the assertion still fails, so a forgotten file
    /// never passes unseen. The default.
    case missing
    /// Every reference is rewritten, and every assertion fails, so a run left in record mode can
    /// never pass.
    case all
}

/// Compares a chart's render with a reference file kept beside the tests, recording it when asked.
///
/// References live in `Snapshots/` next to the test file (found through `#filePath`), named after
/// the test function and an optional name: `<test>.png`, or `<test>.<name>.png` when one test
/// checks several charts. What is recorded follows ``RecordMode``, set per assertion or by
/// `PLOTLINE_RECORD` (`never`, `missing`, `all`; `1` means `all`); recording always fails the
/// assertion. On a mismatch the expected, diff and actual images and an *expected | diff | actual*
/// panel are written to `$PLOTLINE_ARTIFACTS/<test>/` (default: `<temporary folder>/plotline-snapshots`)
/// and named in the message.
public struct ChartSnapshot: Sendable {
    /// The format compared: PNG pixels (default) or SVG text.
    public var format: OutputFormat
    /// Render options (scale, SVG text mode).
    public var options: RenderOptions
    /// The pixel tolerance; strict by default.
    public var tolerance: ImageComparison.Options
    /// The renderer, shared so fonts load once.
    public var renderer: Renderer
    /// When to write references: nil (the default) follows `PLOTLINE_RECORD`, else ``RecordMode/missing``.
    public var record: RecordMode?

    /// Creates a snapshot configuration.
    public init(format: OutputFormat = .png, options: RenderOptions = RenderOptions(),
                tolerance: ImageComparison.Options = ImageComparison.Options(), renderer: Renderer = Renderer(),
                record: RecordMode? = nil) {
        self.record = record
        self.format = format
        self.options = options
        self.tolerance = tolerance
        self.renderer = renderer
    }

    /// The environment variable that sets the record mode: `never`, `missing` or `all` (`1` means `all`).
    public static let recordVariable = "PLOTLINE_RECORD"

    /// The record mode in force: this configuration's, else the environment's, else `missing`.
    var recordMode: RecordMode {
        if let record { return record }
        switch ChartSnapshot.environment(ChartSnapshot.recordVariable) {
        case "1", "all"?: return .all
        case "never"?: return .never
        default: return .missing
        }
    }

    /// The reference's name: the test function's (without its parentheses), then `name` if given.
    public static func snapshotName(test: String?, name: String?) -> String {
        let function = test.map { t in String(t.prefix { $0 != "(" }).filter { $0.isLetter || $0.isNumber || $0 == "_" } }
        return [function, name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
    }

    /// Verifies a spec file's render; returns nil when it matches, else the failure message.
    /// The reference is named after `test` and `name` (or the spec file when both are nil).
    public func verify(specAt path: String, named name: String? = nil, test: String? = nil, testFile: String) -> String? {
        do {
            let scene = try renderer.scene(specAt: path)
            let snapshot = ChartSnapshot.snapshotName(test: test, name: name)
            return try verify(scene, named: snapshot.isEmpty ? Renderer.chartName(path) : snapshot, testFile: testFile)
        } catch {
            return "\(error)"
        }
    }

    /// Verifies an in-memory spec's render; returns nil when it matches, else the failure message.
    public func verify(_ spec: ChartSpec, named name: String, test: String? = nil, testFile: String) -> String? {
        do {
            let scene = try renderer.scene(for: spec, specFile: name)
            return try verify(scene, named: ChartSnapshot.snapshotName(test: test, name: name), testFile: testFile)
        } catch {
            return "\(error)"
        }
    }

    /// Verifies a PlotScene's render; returns nil when it matches, else the failure message.
    public func verify(_ scene: PlotScene, named name: String, testFile: String) throws(PlotlineError) -> String? {
        let actual = try Renderer.encode(scene, as: format, options: options, name: name)
        let folder = ChartSnapshot.folder(of: testFile) + "/Snapshots"
        let reference = folder + "/" + name + "." + format.fileExtension
        let mode = recordMode
        if mode == .all {
            try FileOutput.makeFolder(folder)
            try FileOutput.writeAtomically(actual, to: reference)
            return "Recorded \(reference) (record mode is on); turn \(ChartSnapshot.recordVariable) off and re-run to check it."
        }
        guard let expected = try FileOutput.read(reference, limit: format == .svg ? InputFile.Limit.svg : InputFile.Limit.png) else {
            guard mode == .missing else { return "No reference for \"\(name)\" at \(reference), and record mode is never." }
            try FileOutput.makeFolder(folder)
            try FileOutput.writeAtomically(actual, to: reference)
            return "No reference for \"\(name)\"; recorded \(reference). Check it and re-run."
        }
        let outcome = try ReferenceComparison.compare(format, expected: expected, actual: actual,
                                                      expectedName: reference, actualName: "rendered \(name)",
                                                      options: tolerance)
        if outcome.passes { return nil }
        var message = "\"\(name)\" differs from \(reference): \(outcome.summary)"
        // Each test's artifacts in a folder of its own, so tests never overwrite each other's.
        let root = ChartSnapshot.environment("PLOTLINE_ARTIFACTS") ?? (ChartSnapshot.temporaryFolder() + "/plotline-snapshots")
        let artifacts = root + "/" + name
        try FileOutput.makeFolder(root)
        try FileOutput.makeFolder(artifacts)
        let ext = format.fileExtension
        try FileOutput.writeAtomically(expected, to: artifacts + "/expected." + ext)
        try FileOutput.writeAtomically(actual, to: artifacts + "/actual." + ext)
        if let diff = outcome.diffImage { try FileOutput.writeAtomically(diff, to: artifacts + "/diff.png") }
        if format == .png, let panels = try ChartSnapshot.panels(expected: expected, actual: actual, options: tolerance) {
            try FileOutput.writeAtomically(panels, to: artifacts + "/panels.png")
            message += "; expected | diff | actual: \(artifacts)/panels.png"
        }
        if let text = outcome.textDiff { message += "\n" + text }
        message += " (set \(ChartSnapshot.recordVariable)=all to re-record)"
        return message
    }

    /// An *expected | diff | actual* image, side by side, encoded as PNG; nil when sizes differ.
    static func panels(expected: [UInt8], actual: [UInt8], options: ImageComparison.Options) throws(PlotlineError) -> [UInt8]? {
        let e: Pixmap, a: Pixmap
        do {
            e = try PNGDecoder.decode(expected)
            a = try PNGDecoder.decode(actual)
        } catch {
            throw PlotlineError(.image, message: "cannot decode snapshot: \(error)")
        }
        guard e.width == a.width, e.height == a.height,
              let result = try? ImageComparison.compare(expected: e, actual: a, options: options) else { return nil }
        let w = e.width, h = e.height, gap = 4
        var out = Pixmap(width: 3 * w + 2 * gap, height: h, fill: PlotColor(rgb: 0x808080))
        for (index, panel) in [e, result.diffImage, a].enumerated() {
            let x0 = index * (w + gap)
            for y in 0..<h {
                let src = y * w * 4, dst = (y * out.width + x0) * 4
                out.data.replaceSubrange(dst..<(dst + w * 4), with: panel.data[src..<(src + w * 4)])
            }
        }
        return try? PNGEncoder.encode(out)
    }

    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return String(file[..<slash])
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static func temporaryFolder() -> String {
        environment("TMPDIR").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp"
    }
}
