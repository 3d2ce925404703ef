import PlotlineCore
import PlotlineDiff
import PlotlinePNG

/// The verdict of comparing a render with its reference file.
public struct ComparisonOutcome: Sendable {
    /// Whether the render matches within the tolerance.
    public var passes: Bool
    /// One line saying what differs, or that nothing does.
    public var summary: String
    /// For PNGs that differ (or when asked for): the diff image, encoded (expected faded, changes red, anti-aliasing yellow).
    public var diffImage: [UInt8]?
    /// For SVGs that differ: a unified line diff.
    public var textDiff: String?
}

/// Compares rendered bytes with reference bytes: PNGs as decoded pixels, SVGs as text.
public enum ReferenceComparison {
    /// Compares two files of one format; `expectedName` and `actualName` label the output.
    ///
    /// A size mismatch or an unreadable expected PNG is an error (exit 2 for `plotline diff`), unless
    /// `mismatchIsDifference`, which `render --check` sets: there a chart whose size changed is
    /// simply different, and `--update` must be able to replace a broken reference.
    public static func compare(_ format: OutputFormat, expected: [UInt8], actual: [UInt8],
                               expectedName: String, actualName: String,
                               options: ImageComparison.Options = ImageComparison.Options(),
                               alwaysMakeDiffImage: Bool = false,
                               mismatchIsDifference: Bool = false,
                               svgComparison: SVGComparison = .text,
                               renderer: Renderer? = nil) throws(PlotlineError) -> ComparisonOutcome {
        switch format {
        case .svg where svgComparison == .render && expected != actual:
            // Draw both and compare what a reader sees; an SVG Plotline did not write is compared as text.
            let drawer = renderer ?? Renderer()
            guard let e = try? drawer.rasterize(svg: expected), let a = try? drawer.rasterize(svg: actual) else {
                var outcome = try compare(.svg, expected: expected, actual: actual, expectedName: expectedName, actualName: actualName,
                                          options: options, svgComparison: .text)
                outcome.summary = "compared as text (not an SVG Plotline can draw): " + outcome.summary
                return outcome
            }
            return try comparePixels(e, a, actualName: actualName, options: options, alwaysMakeDiffImage: alwaysMakeDiffImage, label: "drawn: ")
        case .svg:
            guard let diff = TextDiff.compare(expected: expected, actual: actual, expectedName: expectedName, actualName: actualName) else {
                return ComparisonOutcome(passes: true, summary: "SVG text is identical", diffImage: nil, textDiff: nil)
            }
            // Counted over the whole diff, not the part of it that is shown.
            let changed = diff.changedLines
            return ComparisonOutcome(passes: false, summary: "SVG text differs (\(changed) changed line\(changed == 1 ? "" : "s"))",
                                     diffImage: nil, textDiff: abridged(diff.text))
        case .png:
            let e: Pixmap
            do {
                e = try decode(expected, expectedName)
            } catch where mismatchIsDifference {
                return ComparisonOutcome(passes: false, summary: "the reference is not a readable PNG (\(error))",
                                         diffImage: nil, textDiff: nil)
            }
            let a = try decode(actual, actualName)
            if !mismatchIsDifference, e.width != a.width || e.height != a.height {
                throw PlotlineError(.image, file: actualName, message: "size differs: expected \(e.width)×\(e.height), actual \(a.width)×\(a.height)")
            }
            return try comparePixels(e, a, actualName: actualName, options: options, alwaysMakeDiffImage: alwaysMakeDiffImage, label: "")
        }
    }

    /// Two images compared with the tolerances: a size change is simply a difference; the
    /// summary says which limit decided, then what differs.
    static func comparePixels(_ e: Pixmap, _ a: Pixmap, actualName: String, options: ImageComparison.Options,
                              alwaysMakeDiffImage: Bool, label: String) throws(PlotlineError) -> ComparisonOutcome {
        if e.width != a.width || e.height != a.height {
            return ComparisonOutcome(passes: false, summary: "size differs: expected \(e.width)×\(e.height), actual \(a.width)×\(a.height)",
                                     diffImage: nil, textDiff: nil)
        }
        let result: ImageComparison.Result
        do {
            result = try ImageComparison.compare(expected: e, actual: a, options: options)
        } catch {
            throw PlotlineError(.image, file: actualName, message: "\(error)")
        }
        var summary = label + result.summary
        if let decision = result.decision { summary = decision + "; " + summary }
        let image = !result.passes || alwaysMakeDiffImage ? try? PNGEncoder.encode(result.diffImage) : nil
        return ComparisonOutcome(passes: result.passes, summary: summary, diffImage: image, textDiff: nil)
    }

    /// A diff cut to a screenful for a log: at most `maxLines` lines, each at most `maxWidth`
    /// characters with the middle of a longer one elided (a 50,000-point path is one line).
    static func abridged(_ diff: String, maxLines: Int = 12, maxWidth: Int = 160) -> String {
        // The lines come from files: escape what a terminal would act on (`ESC [2J`, OSC links).
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.escaped(String($0)) }
        var out: [String] = lines.prefix(maxLines).map { line in
            guard line.count > maxWidth else { return String(line) }
            let keep = maxWidth / 2 - 10
            return line.prefix(keep) + " … \(line.count - 2 * keep) characters … " + line.suffix(keep)
        }
        if lines.count > maxLines { out.append("… \(lines.count - maxLines) more diff lines") }
        return out.joined(separator: "\n")
    }

    private static func decode(_ bytes: [UInt8], _ name: String) throws(PlotlineError) -> Pixmap {
        do {
            return try PNGDecoder.decode(bytes)
        } catch {
            throw PlotlineError(.image, file: name, message: "\(error)")
        }
    }
}
