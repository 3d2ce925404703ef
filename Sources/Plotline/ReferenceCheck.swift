/// What `render --check` found for one output file.
public struct CheckReport: Sendable {
    /// What happened to the file.
    public enum Status: Sendable, Equatable {
        /// The render matches the reference.
        case matches
        /// The render differs; nothing was written but a diff image.
        case differs
        /// No reference exists and none was recorded.
        case missing
        /// The reference differed (or was missing) and was rewritten.
        case updated
    }

    /// The reference file's path.
    public var path: String
    /// The verdict.
    public var status: Status
    /// One line saying what differs, or why.
    public var summary: String
    /// For SVGs that differ: a unified line diff.
    public var textDiff: String?
    /// For PNGs that differ: where the diff image was written.
    public var diffImagePath: String?

    /// Whether the check passed for this file.
    public var passes: Bool { status == .matches || status == .updated }
}

/// Checks rendered charts against the reference files in an output folder, as `render --check` does.
public enum ReferenceCheck {
    /// Compares each file of `chart` with `<folder>/<name>.<ext>`.
    ///
    /// A PNG that differs gets `<name>.diff.png` beside it, and a stale one is removed when the PNG
    /// matches (or is updated) again. With `update`, references that differ or are missing are
    /// rewritten instead. Nothing else is written.
    public static func check(_ chart: RenderedChart, in folder: String, update: Bool,
                             options: ImageComparison.Options) throws(PlotlineError) -> [CheckReport] {
        var reports: [CheckReport] = []
        let diffPath = folder + "/" + chart.name + ".diff.png"
        for file in chart.files {
            let path = folder + "/" + chart.name + "." + file.format.fileExtension
            guard let reference = try FileOutput.read(path) else {
                if update {
                    try FileOutput.writeAtomically(file.bytes, to: path)
                    reports.append(CheckReport(path: path, status: .updated, summary: "recorded"))
                } else {
                    reports.append(CheckReport(path: path, status: .missing,
                                               summary: "no reference file; run with --check --update to record it"))
                }
                continue
            }
            let outcome = try ReferenceComparison.compare(file.format, expected: reference, actual: file.bytes,
                                                          expectedName: path, actualName: "rendered \(chart.name)",
                                                          options: options, mismatchIsDifference: true)
            if outcome.passes || update {
                if !outcome.passes { try FileOutput.writeAtomically(file.bytes, to: path) }
                if file.format == .png { FileOutput.remove(diffPath) }
                reports.append(CheckReport(path: path, status: outcome.passes ? .matches : .updated, summary: outcome.summary))
                continue
            }
            var report = CheckReport(path: path, status: .differs, summary: outcome.summary, textDiff: outcome.textDiff)
            if let image = outcome.diffImage {
                try FileOutput.writeAtomically(image, to: diffPath)
                report.diffImagePath = diffPath
            } else if file.format == .png {
                FileOutput.remove(diffPath)
            }
            reports.append(report)
        }
        return reports
    }
}
