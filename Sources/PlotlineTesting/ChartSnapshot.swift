import Plotline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares a chart's render with a reference file kept beside the tests, recording it when asked.
///
/// References live in `Snapshots/` next to the test file (found through `#filePath`), named
/// `<name>.png` or `<name>.svg`. A missing reference is recorded and reported as a failure, so a
/// forgotten file never passes silently in CI; set `PLOTLINE_RECORD=1` to re-record every reference
/// on purpose. On a mismatch an *expected | diff | actual* image is written to
/// `$PLOTLINE_ARTIFACTS` (default: `<temporary folder>/plotline-snapshots`) and named in the message.
public struct ChartSnapshot: Sendable {
    /// The format compared: PNG pixels (default) or SVG text.
    public var format: OutputFormat
    /// Render options (scale, SVG text mode).
    public var options: RenderOptions
    /// The pixel tolerance; strict by default.
    public var tolerance: ImageComparison.Options
    /// The renderer, shared so fonts load once.
    public var renderer: Renderer
    /// Whether to re-record references: nil (the default) follows `PLOTLINE_RECORD`.
    public var record: Bool?

    /// Creates a snapshot configuration.
    public init(format: OutputFormat = .png, options: RenderOptions = RenderOptions(),
                tolerance: ImageComparison.Options = ImageComparison.Options(), renderer: Renderer = Renderer(),
                record: Bool? = nil) {
        self.record = record
        self.format = format
        self.options = options
        self.tolerance = tolerance
        self.renderer = renderer
    }

    /// The environment variable that, set to `1`, re-records every reference.
    public static let recordVariable = "PLOTLINE_RECORD"

    /// Verifies a spec file's render; returns nil when it matches, else the failure message.
    public func verify(specAt path: String, named name: String? = nil, testFile: String) -> String? {
        do {
            let scene = try renderer.scene(specAt: path)
            return try verify(scene, named: name ?? Renderer.chartName(path), testFile: testFile)
        } catch {
            return "\(error)"
        }
    }

    /// Verifies an in-memory spec's render; returns nil when it matches, else the failure message.
    public func verify(_ spec: ChartSpec, named name: String, testFile: String) -> String? {
        do {
            let scene = try renderer.scene(for: spec, specFile: name)
            return try verify(scene, named: name, testFile: testFile)
        } catch {
            return "\(error)"
        }
    }

    /// Verifies a PlotScene's render; returns nil when it matches, else the failure message.
    public func verify(_ scene: PlotScene, named name: String, testFile: String) throws(PlotlineError) -> String? {
        let actual = try Renderer.encode(scene, as: format, options: options, name: name)
        let folder = ChartSnapshot.folder(of: testFile) + "/Snapshots"
        let reference = folder + "/" + name + "." + format.fileExtension
        let record = self.record ?? (ChartSnapshot.environment(ChartSnapshot.recordVariable) == "1")
        if record {
            try FileOutput.makeFolder(folder)
            try FileOutput.writeAtomically(actual, to: reference)
            print("PlotlineTesting: recorded \(reference)")
            return nil
        }
        guard let expected = try FileOutput.read(reference) else {
            try FileOutput.makeFolder(folder)
            try FileOutput.writeAtomically(actual, to: reference)
            return "No reference for \"\(name)\"; recorded \(reference). Check it and re-run."
        }
        let outcome = try ReferenceComparison.compare(format, expected: expected, actual: actual,
                                                      expectedName: reference, actualName: "rendered \(name)",
                                                      options: tolerance)
        if outcome.passes { return nil }
        var message = "\"\(name)\" differs from \(reference): \(outcome.summary)"
        if format == .png, let panels = try ChartSnapshot.panels(expected: expected, actual: actual, options: tolerance) {
            let artifacts = ChartSnapshot.environment("PLOTLINE_ARTIFACTS") ?? (ChartSnapshot.temporaryFolder() + "/plotline-snapshots")
            try FileOutput.makeFolder(artifacts)
            let path = artifacts + "/" + name + ".diff.png"
            try FileOutput.writeAtomically(panels, to: path)
            message += "; expected | diff | actual: \(path)"
        }
        if let text = outcome.textDiff { message += "\n" + text }
        message += " (set \(ChartSnapshot.recordVariable)=1 to re-record)"
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
