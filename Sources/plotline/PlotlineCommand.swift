import ArgumentParser
import Plotline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `plotline` command: renders chart specs, checks renders against references and compares images.
@main
struct PlotlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plotline",
        abstract: "Render charts from data to SVG and PNG, byte-for-byte reproducible.",
        discussion: """
            Exit status: 0 success or no difference; 1 a comparison found a difference; \
            2 bad input or usage.
            """,
        version: PlotlineVersion.current,
        subcommands: [RenderCommand.self, ReportCommand.self, DiffCommand.self, SchemaCommand.self])

    /// Runs the command, mapping usage errors to exit status 2 with a one-line message.
    static func main() {
        // With nothing to do, say so as a usage error: a script that forgot its arguments must fail.
        if CommandLine.arguments.count <= 1 {
            Console.error("plotline: missing a subcommand: render, report, diff or schema (see 'plotline --help')")
            terminate(2)
        }
        // The command owns the process: an interrupt removes the temporary files of its writes.
        FileOutput.removeTemporaryFilesOnInterrupt()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            terminate(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Console.error("plotline: \(message) (see 'plotline --help')")
            terminate(code == .failure || code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}

/// Ends the process with `code`.
func terminate(_ code: Int32) -> Never {
    exit(code)
}

/// The exit statuses a command chooses after it has reported what happened.
extension ExitCode {
    /// 1: a comparison found a difference.
    static let different = ExitCode(1)
    /// 2: bad input or usage.
    static let badInput = ExitCode(2)
}

/// Output on the standard streams.
enum Console {
    /// Writes bytes to standard output as they are (a PNG for `-o -`).
    static func writeBytes(_ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Prints one line to standard error.
    static func error(_ line: String) {
        // Written straight to file descriptor 2: unbuffered, and free of C's shared `stderr` global.
        let text = Array((line + "\n").utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// Prints one line to standard output.
    static func out(_ line: String) {
        print(line)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension SVGWriter.TextMode: ExpressibleByArgument {}
extension ThemeChoice: ExpressibleByArgument {}
extension SVGComparison: ExpressibleByArgument {}

/// Tolerance options shared by `diff` and `render --check`.
struct ToleranceOptions: ParsableArguments {
    @Option(help: "Colour distance a pixel may move without counting, from 0 (strict, the default) to 1 (YIQ, as pixelmatch).")
    var threshold: Double = 0

    @Option(help: "Number of differing pixels tolerated (alone, or with --max-diff-percent: both must hold; default none).")
    var maxDiffPixels: Int?

    @Option(help: "Percentage of differing pixels tolerated, 0-100 (alone, or with --max-diff-pixels: both must hold; default none).")
    var maxDiffPercent: Double?

    @Flag(help: "Count anti-aliasing shifts as differences too.")
    var strictAntialiasing = false

    func validate() throws {
        guard threshold.isFinite, (0...1).contains(threshold) else {
            throw ValidationError("--threshold must be between 0 and 1")
        }
        if let n = maxDiffPixels, n < 0 { throw ValidationError("--max-diff-pixels must not be negative") }
        if let p = maxDiffPercent, !(p.isFinite && (0...100).contains(p)) {
            throw ValidationError("--max-diff-percent must be between 0 and 100")
        }
    }

    var comparisonOptions: ImageComparison.Options {
        var o = ImageComparison.Options()
        o.threshold = threshold
        o.maxDiffPixels = maxDiffPixels
        o.maxDiffFraction = maxDiffPercent.map { $0 / 100 }
        o.detectAntialiasing = !strictAntialiasing
        return o
    }
}
