import ArgumentParser
import Plotline

/// `plotline render`: specs to files, or a check of the files already there.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render chart specs to SVG and PNG files.",
        discussion: """
            Writes <output>/<spec name>.svg and .png; -o - writes one spec in one format to standard \
            output. With --check, renders in memory and compares with the files already in the output \
            folder, writing nothing there: exit 1 when a file differs, with its expected, actual and \
            diff images and an index.html in the artifacts folder. With --check --update, rewrites the \
            references that differ. Spec reference: README.md ("Chart spec") or `plotline schema`.
            """)

    @Argument(help: "Chart spec files (JSON).")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output folder, or - for standard output (one spec, one format).")
    var output: String = "Output"

    @Option(help: ArgumentHelp("Formats to write, comma-separated: svg, png. (default: svg,png)", valueName: "formats"),
            transform: RenderCommand.parseFormats)
    var format: [OutputFormat] = [.svg, .png]

    @Option(help: ArgumentHelp("Pixel density of PNG output, 1 to 8, fractions allowed: 2 gives twice the pixels for HiDPI screens. (default: 1)",
                               valueName: "scale"))
    var scale: Double?

    @Option(help: "How SVG text is written: text (<text> elements) or paths (glyph outlines).")
    var svgText: SVGWriter.TextMode = .text

    @Option(help: "Colour scheme for every chart, overriding the specs: light, dark, or auto (an SVG that follows the reader's preference; its PNG is light).")
    var theme: ThemeChoice?

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("A folder specs may read CSV and font files from, besides each spec's own folder and the current directory; repeat for more.", valueName: "folder"))
    var allowRead: [String] = []

    @Flag(help: "Compare with the files in the output folder instead of writing them.")
    var check = false

    @Flag(help: "With --check: rewrite the references that differ.")
    var update = false

    @Option(help: "With --check: where expected, actual and diff images and an index.html go (keep it out of git). (default: .plotline-artifacts)")
    var artifacts: String = ".plotline-artifacts"

    @Option(help: "With --check: write a Markdown summary of what changed here (for a CI job summary).")
    var summary: String?

    @Option(help: "With --check: compare SVGs as drawn (render, with the pixel tolerances) or as exact text. (default: render)")
    var svgCompare: SVGComparison = .render

    @OptionGroup var tolerance: ToleranceOptions

    static func parseFormats(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",") {
            let name = part.filter { $0 != " " }.lowercased()
            guard let f = OutputFormat(rawValue: name) else {
                throw ValidationError("unknown format \"\(name)\"; use svg, png or svg,png")
            }
            if !formats.contains(f) { formats.append(f) }
        }
        guard !formats.isEmpty else { throw ValidationError("--format needs svg, png or both") }
        return formats
    }

    func validate() throws {
        if let scale, !(scale.isFinite && scale >= 1 && scale <= 8) {
            throw ValidationError("--scale must be a number from 1 to 8")
        }
        if output == "-" {
            guard specs.count == 1, format.count == 1, !check else {
                throw ValidationError("-o - writes one spec in one format to standard output; name one spec and --format svg or --format png")
            }
        }
        if update, !check { throw ValidationError("--update goes with --check") }
        guard !specs.isEmpty else { throw ValidationError("name at least one spec file") }
        // Outputs are named after the spec file alone: two specs of one name would overwrite each other.
        var seen: [String: String] = [:]
        for spec in specs {
            let name = Renderer.chartName(spec)
            if let other = seen[name], other != spec {
                throw ValidationError("\(other) and \(spec) would both write \(name).*; rename one")
            }
            seen[name] = spec
        }
    }

    func run() throws {
        let renderer = Renderer()
        let options = RenderOptions(formats: format, scale: scale ?? 1, svgText: svgText, theme: theme, allowRead: allowRead)
        if output == "-" {
            do {
                let chart = try renderer.render(specAt: specs[0], options: options)
                for warning in chart.warnings { Console.error("plotline: warning: \(warning)") }
                Console.writeBytes(chart.files[0].bytes)
                return
            } catch {
                Console.error("plotline: \(error)")
                throw ExitCode.badInput
            }
        }
        var badInput = false, different = false
        var reports: [CheckReport] = []
        if !check {
            do {
                try FileOutput.makeFolder(output)
            } catch {
                Console.error("plotline: \(error)")
                throw ExitCode.badInput
            }
        }
        // Rendering runs on every core; writing, checking and reporting follow in input order.
        renderer.renderAll(specsAt: specs, options: options) { result in
            do {
                let chart = try result.get()
                for warning in chart.warnings { Console.error("plotline: warning: \(warning)") }
                if check {
                    let found = try checkChart(chart, renderer: renderer)
                    reports += found
                    if !found.allSatisfy(\.passes) { different = true }
                } else {
                    // A chart's files replace their old versions together or not at all.
                    let files = chart.files.map { ($0.bytes, output + "/" + chart.name + "." + $0.format.fileExtension) }
                    try FileOutput.writeTogether(files)
                    for (_, path) in files { Console.out("wrote \(path)") }
                }
            } catch {
                Console.error("plotline: \(error)")
                badInput = true
            }
        }
        if check {
            do {
                if reports.contains(where: { $0.status == .differs }) {
                    try FileOutput.writeAtomically(Array(ReferenceCheck.indexPage(reports).utf8), to: artifacts + "/index.html")
                    Console.out("artifacts: \(artifacts)/index.html")
                }
                if let summary { try FileOutput.writeAtomically(Array(ReferenceCheck.markdownSummary(reports).utf8), to: summary) }
            } catch {
                Console.error("plotline: \(error)")
                badInput = true
            }
        }
        if badInput { throw ExitCode.badInput }
        if different { throw ExitCode.different }
    }

    /// Compares one chart with its references and prints what it found.
    func checkChart(_ chart: RenderedChart, renderer: Renderer) throws(PlotlineError) -> [CheckReport] {
        let reports = try ReferenceCheck.check(chart, in: output, artifacts: artifacts, update: update, options: tolerance.comparisonOptions,
                                               svgComparison: svgCompare, renderer: renderer)
        for report in reports {
            switch report.status {
            case .matches:
                // Identical, or different only within the tolerance: say which.
                Console.out("\(report.path): " + (report.summary.hasPrefix("within tolerance") ? report.summary : "matches"))
            case .updated: Console.out("\(report.path): updated (\(report.summary))")
            case .missing, .differs: Console.out("\(report.path): \(report.summary)")
            }
            if let diff = report.textDiff { Console.out(diff) }
            if let folder = report.artifactsFolder { Console.out("\(report.path): expected, actual and diff in \(folder)") }
        }
        return reports
    }
}
