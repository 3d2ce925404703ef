import Foundation
import Plotline
import PlotlineTestSupport
import Testing

/// End-to-end tests of the `plotline` executable, run as a separate process.
@Suite(.serialized) struct CLITests {
    static let root = Repo.root

    /// The built `plotline` binary: beside the test bundle in the build folder.
    static let binary: String = {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("plotline").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("plotline").path
    }()

    static let seed = root + "/Templates/mmlu-pro-rl.json"

    func folder() -> String { Repo.temporaryFolder() }

    @discardableResult
    func plotline(_ arguments: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try Repo.run(Self.binary, arguments, cwd: cwd)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func rendersTheSeedFigure() throws {
        let out = folder()
        let result = try plotline(["render", Self.seed, "--output", out])
        #expect(result.status == 0, "\(result.err)")
        #expect(files(in: out) == ["mmlu-pro-rl.png", "mmlu-pro-rl.svg"])
    }

    @Test func twoProcessesWriteTheSameBytes() throws {
        let a = folder(), b = folder()
        try plotline(["render", Self.seed, "--output", a, "--scale", "2"])
        try plotline(["render", Self.seed, "--output", b, "--scale", "2"])
        for name in ["mmlu-pro-rl.svg", "mmlu-pro-rl.png"] {
            let first = try #require(bytes(a + "/" + name)), second = try #require(bytes(b + "/" + name))
            #expect(first == second, "\(name) differs between runs")
        }
    }

    @Test func formatOptionChoosesFiles() throws {
        let out = folder()
        let result = try plotline(["render", Self.seed, "--output", out, "--format", "svg"])
        #expect(result.status == 0)
        #expect(files(in: out) == ["mmlu-pro-rl.svg"])
    }

    @Test func badSpecExitsTwoWithOneLineAndWritesNothing() throws {
        let out = folder()
        let spec = out + "/bad.json"
        try #"{"series": [{"y": [1, 2], "color": "lightcorral"}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try plotline(["render", spec, "--output", out])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.err.contains("bad.json:1:"))
        #expect(result.err.contains("series[0].color"))
        #expect(result.err.contains("did you mean \"lightcoral\""))
        #expect(files(in: out) == ["bad.json"])
    }

    /// The README's Swift example is the `plotline-example` target, word for word, and it works.
    @Test func theReadmeSwiftExampleRuns() throws {
        let source = try String(contentsOfFile: Self.root + "/Sources/plotline-example/main.swift", encoding: .utf8)
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("```swift\n" + source + "```"), "README's example differs from Sources/plotline-example/main.swift")
        let out = folder()
        let example = (Self.binary as NSString).deletingLastPathComponent + "/plotline-example"
        let result = try Repo.run(example, [], cwd: out)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(files(in: out) == ["chart.png", "chart.svg"])
        #expect(bytes(out + "/chart.png")?.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func schemaPrintsTheCommittedSchema() throws {
        let result = try plotline(["schema"])
        #expect(result.status == 0)
        #expect(result.out == (try String(contentsOfFile: Self.root + "/Schema/plotline.schema.json", encoding: .utf8)))
    }

    @Test func aSeriesThatDrawsNothingIsWarnedAbout() throws {
        let out = folder()
        let spec = out + "/gaps.json"
        try #"{"series": [{"name": "loss", "y": [1, null, 2]}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try plotline(["render", spec, "--output", out])
        #expect(result.status == 0)
        #expect(result.err == "plotline: warning: \(spec): series[0]: \"loss\" draws nothing: every point is cut off from its "
            + "neighbours by missing values; set \"gaps\": \"join\" or add a \"marker\"\n")
        #expect(files(in: out) == ["gaps.json", "gaps.png", "gaps.svg"])
    }

    @Test func aBadMarkKeyExitsTwoWithOneLine() throws {
        let out = folder()
        let spec = out + "/band.json"
        try #"{"series": [{"kind": "band", "yLower": [1, 2]}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try plotline(["render", spec, "--output", out])
        #expect(result.status == 2)
        #expect(result.err == "plotline: \(spec):1:13: series[0]: missing \"yUpper\"; a band needs both \"yLower\" and \"yUpper\"\n")
        #expect(files(in: out) == ["band.json"])
    }

    @Test(arguments: [
        ["render"],
        ["render", "x.json", "--scale", "0"],
        ["render", "x.json", "--format", "gif"],
        ["render", "x.json", "--no-such-flag"],
        ["frobnicate"],
        ["diff", "only-one.png"],
        ["render", "/nonexistent/spec.json"],
    ])
    func usageAndInputErrorsExitTwo(arguments: [String]) throws {
        let result = try plotline(arguments, cwd: folder())
        #expect(result.status == 2, "\(arguments): \(result.err)")
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
    }

    @Test func helpExitsZero() throws {
        let result = try plotline(["--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("render"))
    }

    @Test func checkFindsAColourChangeAndPassesWhenRestored() throws {
        // A private copy of the seed template and its committed renders.
        let work = folder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: work + "/data", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: work + "/Output", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.root + "/Templates/data/mmlu-pro-rl.csv", toPath: work + "/data/mmlu-pro-rl.csv")
        for name in ["mmlu-pro-rl.svg", "mmlu-pro-rl.png"] {
            try fm.copyItem(atPath: Self.root + "/Output/" + name, toPath: work + "/Output/" + name)
        }
        let original = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let spec = work + "/mmlu-pro-rl.json"

        let art = work + "/artifacts", summary = work + "/summary.md"
        let check = ["render", spec, "--output", work + "/Output", "--check", "--artifacts", art, "--summary", summary]
        try original.write(toFile: spec, atomically: true, encoding: .utf8)
        var result = try plotline(check)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(!fm.fileExists(atPath: art))

        try original.replacingOccurrences(of: "lightcoral", with: "steelblue").write(toFile: spec, atomically: true, encoding: .utf8)
        result = try plotline(check)
        #expect(result.status == 1)
        #expect(result.out.contains("pixels differ"))
        // The committed folder is left alone; the artifacts hold expected, actual and diff, and a page.
        #expect(files(in: work + "/Output") == ["mmlu-pro-rl.png", "mmlu-pro-rl.svg"])
        #expect(files(in: art) == ["index.html", "mmlu-pro-rl"])
        #expect(files(in: art + "/mmlu-pro-rl") == ["actual.png", "actual.svg", "diff.png", "expected.png", "expected.svg"])
        let page = try String(contentsOfFile: art + "/index.html", encoding: .utf8)
        #expect(page.contains("mmlu-pro-rl/diff.png") && page.contains("mmlu-pro-rl/actual.svg"))
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.contains("2 of 2 files differ") && markdown.split(separator: "\n").count <= 20)

        try original.write(toFile: spec, atomically: true, encoding: .utf8)
        result = try plotline(check)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(files(in: art + "/mmlu-pro-rl").isEmpty)  // stale artifacts removed
        #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("All 2 files match"))
    }

    @Test func checkUpdateRewritesReferences() throws {
        let work = folder()
        let result = try plotline(["render", Self.seed, "--output", work, "--check", "--update"])
        #expect(result.status == 0)
        #expect(files(in: work) == ["mmlu-pro-rl.png", "mmlu-pro-rl.svg"])
        #expect(try plotline(["render", Self.seed, "--output", work, "--check"]).status == 0)
    }

    /// A one-pixel change under each tolerance flag alone and both together.
    @Test func eachToleranceFlagWorksAloneAndTogether() throws {
        let work = folder()
        try plotline(["render", Self.seed, "--output", work, "--format", "png"])
        let png = work + "/mmlu-pro-rl.png"
        // Flip one white pixel in the margin to black, with Python-free byte surgery: decode, edit, encode.
        var pixmap = try PNGDecoder.decode(Array(try #require(bytes(png))))
        let pos = (3 * pixmap.width + 3) * 4
        pixmap.data[pos] = 0; pixmap.data[pos + 1] = 0; pixmap.data[pos + 2] = 0
        let changed = work + "/changed.png"
        try Data(try PNGEncoder.encode(pixmap)).write(to: URL(fileURLWithPath: changed))
        let cases: [([String], Int32, String)] = [
            ([], 1, "differs: 1 px (<0.001%); no difference is tolerated"),
            (["--max-diff-pixels", "1"], 0, "within tolerance: 1 px (<0.001%) ≤ 1 px"),
            (["--max-diff-pixels", "0"], 1, "exceeds tolerance: 1 px (<0.001%) > 0 px"),
            (["--max-diff-percent", "0.5"], 0, "within tolerance: 1 px (<0.001%) ≤ 0.5%"),
            (["--max-diff-percent", "0"], 1, "exceeds tolerance: 1 px (<0.001%) > 0%"),
            (["--max-diff-pixels", "5", "--max-diff-percent", "0.5"], 0, "within tolerance: 1 px (<0.001%) ≤ 5 px and 0.5%"),
            (["--max-diff-pixels", "0", "--max-diff-percent", "0.5"], 1, "exceeds tolerance: 1 px (<0.001%) > 0 px"),
        ]
        for (flags, status, verdict) in cases {
            let result = try plotline(["diff", png, changed] + flags)
            #expect(result.status == status, "\(flags): \(result.out)")
            #expect(result.out.hasPrefix(verdict), "\(flags): \(result.out)")
        }
    }

    /// SVGs are compared as drawn by default: a sub-pixel edit passes within a pixel tolerance, a
    /// recoloured line does not, and --svg-compare text sees any edit.
    @Test func svgChangesInsideAndOutsideTolerance() throws {
        let work = folder()
        try plotline(["render", Self.seed, "--output", work, "--format", "svg"])
        let reference = work + "/mmlu-pro-rl.svg"
        let original = try String(contentsOfFile: reference, encoding: .utf8)
        let point = try #require(original.range(of: #"L240\.75 [0-9.]+"#, options: .regularExpression))
        let nudged = original.replacingCharacters(in: point, with: original[point] + "4")  // a hundredth of a pixel more or less
        let check = ["render", Self.seed, "--output", work, "--format", "svg", "--check", "--artifacts", work + "/art"]

        try nudged.write(toFile: reference, atomically: true, encoding: .utf8)
        var result = try plotline(check + ["--max-diff-pixels", "40"])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("mmlu-pro-rl.svg: matches") || result.out.contains("within tolerance"))
        result = try plotline(check + ["--svg-compare", "text"])
        #expect(result.status == 1 && result.out.contains("SVG text differs"))

        try original.replacingOccurrences(of: "#f08080", with: "#4682b4").write(toFile: reference, atomically: true, encoding: .utf8)
        result = try plotline(check + ["--max-diff-pixels", "40"])
        #expect(result.status == 1)
        #expect(result.out.contains("exceeds tolerance") && result.out.contains("drawn:"))
        #expect(files(in: work + "/art/mmlu-pro-rl") == ["actual.svg", "diff.png", "expected.svg"])
    }

    /// A chart's one `diff.png` survives whatever the order of its formats, and the page shows it
    /// for each file whose differences it draws.
    @Test func theDiffImageSurvivesEveryFormatOrder() throws {
        let work = folder()
        try plotline(["render", Self.seed, "--output", work])  // the references; the spec changes below
        let spec = work + "/spec.json"
        let original = try String(contentsOfFile: Self.seed, encoding: .utf8)
            .replacingOccurrences(of: "\"data/", with: "\"" + Self.root + "/Templates/data/")
        try original.replacingOccurrences(of: "lightcoral", with: "steelblue").write(toFile: spec, atomically: true, encoding: .utf8)
        for name in ["mmlu-pro-rl.svg", "mmlu-pro-rl.png"] {
            try FileManager.default.moveItem(atPath: work + "/" + name, toPath: work + "/" + name.replacingOccurrences(of: "mmlu-pro-rl", with: "spec"))
        }
        for order in ["png,svg", "svg,png"] {
            let art = work + "/art-" + order.replacingOccurrences(of: ",", with: "-")
            let result = try plotline(["render", spec, "--output", work, "--format", order, "--check", "--svg-compare", "text", "--artifacts", art])
            #expect(result.status == 1, "\(order): \(result.out)\(result.err)")
            #expect(files(in: art + "/spec").contains("diff.png"), "\(order): \(files(in: art + "/spec"))")
            let page = try String(contentsOfFile: art + "/index.html", encoding: .utf8)
            #expect(page.components(separatedBy: "spec/diff.png").count - 1 == 1, "\(order): only the PNG's section shows a diff")
        }
        // An SVG compared as drawn has a diff image, and its section shows it.
        let art = work + "/art-svg"
        let result = try plotline(["render", spec, "--output", work, "--format", "svg", "--check", "--artifacts", art])
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: art + "/index.html", encoding: .utf8).contains("spec/diff.png"))
    }

    @Test func dashOWritesOneChartToStandardOutput() throws {
        let work = folder()
        try plotline(["render", Self.seed, "--output", work, "--format", "svg"])
        let result = try plotline(["render", Self.seed, "-o", "-", "--format", "svg"])
        #expect(result.status == 0)
        #expect(result.out == (try String(contentsOfFile: work + "/mmlu-pro-rl.svg", encoding: .utf8)))
        #expect(files(in: work) == ["mmlu-pro-rl.svg"])  // and no folder named "-" anywhere
        let two = try plotline(["render", Self.seed, "-o", "-"])
        #expect(two.status == 2 && two.err.contains("one spec in one format"))
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test func versionAndFractionalScales() throws {
        let version = try plotline(["--version"])
        #expect(version.status == 0 && version.out == PlotlineVersion.current + "\n")
        let work = folder()
        let result = try plotline(["render", Self.seed, "--output", work, "--format", "png", "--scale", "1.5"])
        #expect(result.status == 0)
        let png = try PNGDecoder.decode(Array(try #require(bytes(work + "/mmlu-pro-rl.png"))))
        #expect(png.width == 1200 && png.height == 750)
    }

    @Test func diffComparesImagesAndWritesADiffImage() throws {
        let work = folder()
        try plotline(["render", Self.seed, "--output", work, "--format", "png"])
        let png = work + "/mmlu-pro-rl.png"
        var result = try plotline(["diff", png, png])
        #expect(result.status == 0)
        #expect(result.out.contains("identical"))

        let other = folder()
        let spec = other + "/mmlu-pro-rl.json"
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
            .replacingOccurrences(of: "data/mmlu-pro-rl.csv", with: Self.root + "/Templates/data/mmlu-pro-rl.csv")
            .replacingOccurrences(of: "lightcoral", with: "navy")
        try text.write(toFile: spec, atomically: true, encoding: .utf8)
        try plotline(["render", spec, "--output", other, "--format", "png"])
        result = try plotline(["diff", png, other + "/mmlu-pro-rl.png", "--diff-image", work + "/d.png"])
        #expect(result.status == 1)
        #expect(result.out.contains("pixels differ"))
        #expect(result.out.split(separator: "\n").count == 1)
        #expect(fm(work + "/d.png"))
    }

    @Test func diffRejectsUnreadableInput() throws {
        let work = folder()
        try "not a png".write(toFile: work + "/a.png", atomically: true, encoding: .utf8)
        let result = try plotline(["diff", work + "/a.png", work + "/a.png"])
        #expect(result.status == 2)
        #expect(result.err.contains("a.png"))
    }

    @Test func diffComparesSVGAsText() throws {
        let work = folder()
        try "<svg>\n<a/>\n</svg>\n".write(toFile: work + "/a.svg", atomically: true, encoding: .utf8)
        try "<svg>\n<b/>\n</svg>\n".write(toFile: work + "/b.svg", atomically: true, encoding: .utf8)
        let result = try plotline(["diff", work + "/a.svg", work + "/b.svg"])
        #expect(result.status == 1)
        #expect(result.out.contains("-<a/>"))
        #expect(result.out.contains("+<b/>"))
    }

    func fm(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}

/// Regressions from a hostile-input review.
@Suite(.serialized) struct CLIRobustnessTests {
    let cli = CLITests()

    @Test func checkTreatsASizeChangeAsADifferenceAndUpdateFixesIt() throws {
        let work = cli.folder()
        let spec = work + "/chart.json"
        try #"{"width": 300, "height": 200, "series": [{"y": [1, 3, 2]}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        #expect(try cli.plotline(["render", spec, "--output", work]).status == 0)
        try #"{"width": 301, "height": 200, "series": [{"y": [1, 3, 2]}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        let check = try cli.plotline(["render", spec, "--output", work, "--check", "--format", "png"])
        #expect(check.status == 1)
        #expect(check.out.contains("size differs: expected 300×200, actual 301×200"))
        #expect(try cli.plotline(["render", spec, "--output", work, "--check", "--update"]).status == 0)
        #expect(try cli.plotline(["render", spec, "--output", work, "--check"]).status == 0)
    }

    @Test func specsWithOneNameAreRefused() throws {
        let a = cli.folder(), b = cli.folder()
        for folder in [a, b] {
            try #"{"series": [{"y": [1, 2]}]}"#.write(toFile: folder + "/x.json", atomically: true, encoding: .utf8)
        }
        let result = try cli.plotline(["render", a + "/x.json", b + "/x.json", "--output", cli.folder()])
        #expect(result.status == 2)
        #expect(result.err.contains("would both write x.*"))
    }

    @Test func anOversizedPNGIsRefusedUpFront() throws {
        let work = cli.folder()
        let spec = work + "/huge.json"
        try #"{"width": 16384, "height": 16384, "series": [{"y": [1, 2]}]}"#.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try cli.plotline(["render", spec, "--output", work, "--scale", "8"])
        #expect(result.status == 2)
        #expect(result.err.contains("too large"))
        #expect(!FileManager.default.fileExists(atPath: work + "/huge.png"))
    }
}
