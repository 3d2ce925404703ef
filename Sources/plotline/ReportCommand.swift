import ArgumentParser
import Plotline
import PlotlineReport

/// `plotline report`: many charts on one self-contained HTML page, or in one Markdown file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render specs into one HTML page (SVGs inlined) or one Markdown file.",
        discussion: """
            Takes spec files, folders (every .json below them) and globs; charts are grouped into \
            sections by folder. Each chart's SVG and PNG are written beside the report, in the same \
            sub-folders; when a spec fails, the others' files are still written but the report is not. \
            The HTML page has no scripts and no network references, follows the \
            reader's light or dark preference, and prints one chart per page. --template uses your \
            own Mustache template; --print-template prints the default one to start from.
            """)

    @Argument(help: "Chart spec files, folders or globs.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "The report file; its folder receives the chart files. (default: report.html, or report.md with --format md)")
    var output: String?

    @Option(help: "html (one page, SVGs inlined) or md (Markdown referencing the SVG files). (default: from the output's extension, else html)")
    var format: ReportFormat?

    @Option(help: "The page title. (default: Charts)")
    var title: String = "Charts"

    @Option(help: "A Mustache template file for the page (see --print-template).")
    var template: String?

    @Flag(help: "Print the default template for --format and exit.")
    var printTemplate = false

    @Option(help: "Colour scheme for every chart, overriding the specs: light, dark, or auto.")
    var theme: ThemeChoice?

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("A folder specs may read CSV and font files from, besides each spec's own folder and the current directory; repeat for more.", valueName: "folder"))
    var allowRead: [String] = []

    func validate() throws {
        if !printTemplate, inputs.isEmpty { throw ValidationError("give at least one spec file, folder or glob") }
    }

    func run() throws {
        let format = self.format ?? (output?.lowercased().hasSuffix(".md") == true ? .md : .html)
        if printTemplate {
            Console.writeBytes(Array(ReportTemplates.default(for: format).utf8))
            return
        }
        let output = self.output ?? (format == .md ? "report.md" : "report.html")
        do {
            let templateText: String
            if let template {
                guard let bytes = try FileOutput.read(template, limit: InputFile.Limit.spec) else {
                    throw PlotlineError(.file, file: template, message: "cannot read: no such file")
                }
                templateText = String(decoding: bytes, as: UTF8.self)
            } else {
                templateText = ReportTemplates.default(for: format)
            }
            let entries = try ReportInputs.entries(for: inputs)
            let folder = Paths.folder(of: output)
            let builder = ReportBuilder(options: RenderOptions(theme: theme, allowRead: allowRead))
            try FileOutput.makeFolder(folder.isEmpty ? "." : folder)
            let (charts, errors) = builder.build(entries, folder: folder.isEmpty ? "." : folder)
            for error in errors { Console.error("plotline: \(error)") }
            // A page without some of its charts would pass for the whole report: the good charts'
            // files are written, as `render` writes them, but the page is not (nor replaced).
            guard errors.isEmpty else {
                Console.error("plotline: \(output): not written: \(errors.count) of \(entries.count) charts failed")
                throw ExitCode.badInput
            }
            let page = try Report(title: title, charts: charts).render(template: templateText, format: format)
            try FileOutput.writeAtomically(Array(page.utf8), to: output)
            Console.out("wrote \(output) (\(charts.count) charts)")
        } catch let error as PlotlineError {
            Console.error("plotline: \(error)")
            throw ExitCode.badInput
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
