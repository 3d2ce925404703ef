import ArgumentParser
import Plotline

/// `plotline diff`: compares two PNGs pixel by pixel, or two SVGs as text.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two PNG images (perceptually) or two SVG files (as drawn, or as text).",
        discussion: """
            Exit status: 0 same (within the tolerance), 1 different, 2 unreadable input or size mismatch.
            """)

    @Argument(help: "The reference file.")
    var expected: String

    @Argument(help: "The file to check.")
    var actual: String

    @Option(help: "Write a diff image here: the expected image faded, changes in red, anti-aliasing shifts in yellow.")
    var diffImage: String?

    @OptionGroup var tolerance: ToleranceOptions

    @Option(help: "How SVGs are compared: render (drawn by Plotline, with the pixel tolerances; SVGs Plotline did not write fall back to text) or text. (default: render)")
    var svgCompare: SVGComparison = .render

    func run() throws {
        do {
            let isSVG = expected.lowercased().hasSuffix(".svg") && actual.lowercased().hasSuffix(".svg")
            let limit = isSVG ? InputFile.Limit.svg : InputFile.Limit.png
            guard let e = try FileOutput.read(expected, limit: limit) else { throw PlotlineError(.file, file: expected, message: "no such file") }
            guard let a = try FileOutput.read(actual, limit: limit) else { throw PlotlineError(.file, file: actual, message: "no such file") }
            let outcome = try ReferenceComparison.compare(isSVG ? .svg : .png, expected: e, actual: a,
                                                          expectedName: expected, actualName: actual,
                                                          options: tolerance.comparisonOptions,
                                                          alwaysMakeDiffImage: diffImage != nil, svgComparison: svgCompare)
            if let diff = outcome.textDiff { Console.out(diff) }
            if let path = diffImage, let image = outcome.diffImage {
                try FileOutput.writeAtomically(image, to: path)
            }
            Console.out(outcome.summary)
            if !outcome.passes { throw ExitCode.different }
        } catch let error as PlotlineError {
            Console.error("plotline: \(error)")
            throw ExitCode.badInput
        }
    }
}
