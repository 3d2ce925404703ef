import ArgumentParser
import Plotline

/// `plotline render`: specs to files, or a check of the files already there.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render chart specs to SVG and PNG files.",
        discussion: """
            Writes <output>/<spec name>.svg and .png. With --check, renders in memory and compares \
            with the files already in the output folder: exit 1 and a <name>.diff.png beside any \
            PNG that differs. With --check --update, rewrites the references that differ.
            """)

    @Argument(help: "Chart spec files (JSON).")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "Output"

    @Option(help: "Formats to write, comma-separated: svg, png.", transform: RenderCommand.parseFormats)
    var format: [OutputFormat] = [.svg, .png]

    @Option(help: "Pixel density of PNG output (1-8): 2 gives twice the pixels for HiDPI screens.")
    var scale: Double = 1

    @Option(help: "How SVG text is written: text (<text> elements) or paths (glyph outlines).")
    var svgText: SVGWriter.TextMode = .text

    @Option(help: "Colour scheme for every chart, overriding the specs: light, dark, or auto (an SVG that follows the reader's preference; its PNG is light).")
    var theme: ThemeChoice?

    @Flag(help: "Compare with the files in the output folder instead of writing them.")
    var check = false

    @Flag(help: "With --check: rewrite the references that differ.")
    var update = false

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
        guard scale.isFinite, scale >= 1, scale <= 8, scale == scale.rounded() else {
            throw ValidationError("--scale must be a whole number from 1 to 8")
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
        let options = RenderOptions(formats: format, scale: scale, svgText: svgText, theme: theme)
        var badInput = false, different = false
        if !check {
            do {
                try FileOutput.makeFolder(output)
            } catch {
                Console.error("plotline: \(error)")
                throw ExitCode.badInput
            }
        }
        for spec in specs {
            do {
                let chart = try renderer.render(specAt: spec, options: options)
                for warning in chart.warnings { Console.error("plotline: warning: \(warning)") }
                if check {
                    if try !checkChart(chart) { different = true }
                } else {
                    for file in chart.files {
                        let path = output + "/" + chart.name + "." + file.format.fileExtension
                        try FileOutput.writeAtomically(file.bytes, to: path)
                        Console.out("wrote \(path)")
                    }
                }
            } catch {
                Console.error("plotline: \(error)")
                badInput = true
            }
        }
        if badInput { throw ExitCode.badInput }
        if different { throw ExitCode.different }
    }

    /// Compares one chart with its references and prints what it found; true when every file passes.
    func checkChart(_ chart: RenderedChart) throws(PlotlineError) -> Bool {
        let reports = try ReferenceCheck.check(chart, in: output, update: update, options: tolerance.comparisonOptions)
        for report in reports {
            switch report.status {
            case .matches:
                // Identical, or different only within the tolerance: say which.
                Console.out("\(report.path): " + (report.summary.hasPrefix("within tolerance") ? report.summary : "matches"))
            case .updated: Console.out("\(report.path): updated (\(report.summary))")
            case .missing, .differs: Console.out("\(report.path): \(report.summary)")
            }
            if let diff = report.textDiff { Console.out(diff) }
            if let image = report.diffImagePath { Console.out("\(report.path): diff image written to \(image)") }
        }
        return reports.allSatisfy(\.passes)
    }
}
