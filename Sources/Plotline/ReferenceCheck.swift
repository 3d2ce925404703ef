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
    /// For files that differ: the folder holding `expected`, `actual` and (for PNGs) `diff` images.
    public var artifactsFolder: String?
    /// For files that differ: whether the chart's `diff.png` shows this file's differences.
    public var hasDiffImage = false
    /// The chart's name.
    public var chart: String = ""
    /// The format compared.
    public var format: OutputFormat = .png

    /// Whether the check passed for this file.
    public var passes: Bool { status == .matches || status == .updated }
}

/// Checks rendered charts against the reference files in an output folder, as `render --check` does.
public enum ReferenceCheck {
    /// Compares each file of `chart` with `<folder>/<name>.<ext>`.
    ///
    /// A file that differs gets `expected`, `actual` and (for a PNG) `diff` images in
    /// `<artifacts>/<name>/`, never in the output folder; a chart that matches again has its stale
    /// artifacts removed. With `update`, references that differ or are missing are rewritten instead.
    public static func check(_ chart: RenderedChart, in folder: String, artifacts: String, update: Bool,
                             options: ImageComparison.Options, svgComparison: SVGComparison = .render,
                             renderer: Renderer? = nil) throws(PlotlineError) -> [CheckReport] {
        var reports: [CheckReport] = []
        let chartArtifacts = artifacts + "/" + chart.name
        // A chart has one `diff.png`, written by whichever of its files differs with a diff image
        // (the PNG's when both do: it is the exact one). Once written in this check, no later file
        // of the chart removes it, whatever the order of the formats.
        var wroteDiff = false
        for file in chart.files {
            let ext = file.format.fileExtension
            let path = folder + "/" + chart.name + "." + ext
            let stale = ["expected.\(ext)", "actual.\(ext)"] + (file.format == .png && !wroteDiff ? ["diff.png"] : [])
            guard let reference = try FileOutput.read(path, limit: file.format == .svg ? InputFile.Limit.svg : InputFile.Limit.png) else {
                if update {
                    try FileOutput.writeAtomically(file.bytes, to: path)
                    reports.append(CheckReport(path: path, status: .updated, summary: "recorded", chart: chart.name, format: file.format))
                } else {
                    reports.append(CheckReport(path: path, status: .missing,
                                               summary: "no reference file; run with --check --update to record it",
                                               chart: chart.name, format: file.format))
                }
                continue
            }
            let outcome = try ReferenceComparison.compare(file.format, expected: reference, actual: file.bytes,
                                                          expectedName: path, actualName: "rendered \(chart.name)",
                                                          options: options, mismatchIsDifference: true,
                                                          svgComparison: svgComparison, renderer: renderer)
            if outcome.passes || update {
                if !outcome.passes { try FileOutput.writeAtomically(file.bytes, to: path) }
                for name in stale { FileOutput.remove(chartArtifacts + "/" + name) }
                reports.append(CheckReport(path: path, status: outcome.passes ? .matches : .updated, summary: outcome.summary,
                                           chart: chart.name, format: file.format))
                continue
            }
            try FileOutput.makeFolder(artifacts)
            try FileOutput.makeFolder(chartArtifacts)
            try FileOutput.writeAtomically(reference, to: chartArtifacts + "/expected." + ext)
            try FileOutput.writeAtomically(file.bytes, to: chartArtifacts + "/actual." + ext)
            if let image = outcome.diffImage {
                if !wroteDiff || file.format == .png {
                    try FileOutput.writeAtomically(image, to: chartArtifacts + "/diff.png")
                }
                wroteDiff = true
            } else if !wroteDiff {
                FileOutput.remove(chartArtifacts + "/diff.png")
            }
            reports.append(CheckReport(path: path, status: .differs, summary: outcome.summary, textDiff: outcome.textDiff,
                                       artifactsFolder: chartArtifacts, hasDiffImage: outcome.diffImage != nil,
                                       chart: chart.name, format: file.format))
        }
        return reports
    }

    /// A small self-contained page showing each differing chart's expected, diff and actual images,
    /// with a toggle that flips between expected and actual.
    public static func indexPage(_ reports: [CheckReport]) -> String {
        func escape(_ s: String) -> String {
            s.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\"", "&quot;")
        }
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Plotline: renders that changed</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:2em;color:#222}
            figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top}
            img{max-width:420px;border:1px solid #ccc;background:#fff}
            .flip img.actual{display:none}.flip.show-actual img.actual{display:inline}.flip.show-actual img.expected{display:none}
            </style></head><body>
            <h1>Renders that changed</h1>
            <p>Diff colours: <b style="color:#e62828">red</b> ink the new render lost, <b style="color:#1e64e6">blue</b> ink it gained, <b style="color:#b8a800">yellow</b> anti-aliasing shifts. Click a flip image to switch between expected and actual.</p>

            """
        for r in reports where r.status == .differs {
            let base = escape(r.chart)
            html += "<section><h2>\(base).\(r.format.fileExtension)</h2><p>\(escape(r.summary))</p>\n"
            let ext = r.format.fileExtension
            html += "<figure><img src=\"\(base)/expected.\(ext)\" alt=\"expected\"><figcaption>expected</figcaption></figure>\n"
            if r.hasDiffImage {
                html += "<figure><img src=\"\(base)/diff.png\" alt=\"diff\"><figcaption>diff</figcaption></figure>\n"
            }
            html += "<figure><img src=\"\(base)/actual.\(ext)\" alt=\"actual\"><figcaption>actual</figcaption></figure>\n"
            html += "<figure class=\"flip\" onclick=\"this.classList.toggle('show-actual')\"><img class=\"expected\" src=\"\(base)/expected.\(ext)\" alt=\"expected\">"
            html += "<img class=\"actual\" src=\"\(base)/actual.\(ext)\" alt=\"actual\"><figcaption>flip (click)</figcaption></figure></section>\n"
        }
        return html + "</body></html>\n"
    }

    /// A Markdown summary for a CI job: one table row per file that did not match.
    public static func markdownSummary(_ reports: [CheckReport]) -> String {
        let failed = reports.filter { !$0.passes }
        let changed = reports.filter { $0.status != .matches }
        var md = "### Plotline render check\n\n"
        if changed.isEmpty { return md + "All \(reports.count) files match.\n" }
        md += "\(failed.count) of \(reports.count) files differ.\n\n| file | result |\n| --- | --- |\n"
        for r in changed {
            md += "| `\(r.path)` | \(r.summary.replacingAll("|", "\\|")) |\n"
        }
        return md
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
