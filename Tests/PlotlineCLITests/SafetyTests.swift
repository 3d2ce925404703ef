import Foundation
import Plotline
import PlotlineTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Writes that cannot be redirected, torn or left half-done, and memory in proportion to the input.
@Suite struct SafetyTests {
    func folder() -> String { Repo.temporaryFolder() }

    func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `plotline` with posix_spawn, with the signal mask and handling a shell gives it.
    func spawn(_ arguments: [String], environment: [String: String] = [:], stderrFile: String = "/dev/null",
               whileRunning: ((pid_t) -> Void)? = nil) throws -> Int32 {
        var pid: pid_t = 0
        let argv = ([CLITests.binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A shell starts commands with no signal blocked and default handling; test threads
        // block signals, and a child would inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, CLITests.binary, &actions, &attributes, argv, envp)
        try #require(rc == 0, "posix_spawn failed: \(rc)")
        whileRunning?(pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// Runs `plotline` under GNU time and returns its exit status and its own peak resident memory.
    ///
    /// Not wait4's rusage: Linux carries the parent's high-water mark into a child that was
    /// spawned with a shared address space and then exec'd, so it would report the test runner's
    /// memory. GNU time forks from its own small process, so the child's figure is its own.
    func measured(_ arguments: [String], stderrFile: String = "/dev/null") throws -> (status: Int32, peakBytes: Int) {
        let report = Repo.temporaryFolder() + "/time.txt"
        let result = try Repo.run("/usr/bin/time", ["-f", "%M", "-o", report, CLITests.binary] + arguments)
        try result.err.write(toFile: stderrFile == "/dev/null" ? report + ".err" : stderrFile, atomically: true, encoding: .utf8)
        let kilobytes = Int((text(report) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") ?? 0
        return (result.status, kilobytes * 1024)
    }

    @Test(.enabled(if: Judge.available("time"), Judge.note("/usr/bin/time", package: "time")))
    func peakMemoryIsASmallMultipleOfTheInput() throws {
        // The README promises at most 64 MiB, plus 10 bytes per byte of input, plus 16 bytes per
        // output pixel; a 300,000-row file (about 6 MB) on a 3000×2000 canvas puts both
        // proportional parts well above the base.
        let dir = folder()
        var csv = "step,value\n"
        var v = 0.0
        for i in 0..<300_000 {
            v += Double((i * 7919) % 13) - 6
            csv += "\(i),\(v)\n"
        }
        try csv.write(toFile: dir + "/big.csv", atomically: true, encoding: .utf8)
        _ = Repo.writeSpec(#"{"width": 3000, "height": 2000, "series": [{"data": {"csv": "big.csv", "x": "step", "y": "value"}}]}"#,
                           named: "big", in: dir)
        let run = try measured(["render", dir + "/big.json", "-o", dir + "/out"])
        #expect(run.status == 0)
        let bound = 64 << 20 + 10 * csv.utf8.count + 16 * 3000 * 2000
        #expect(run.peakBytes <= bound, "peak \(run.peakBytes >> 20) MiB for \(csv.utf8.count >> 20) MiB of CSV; bound \(bound >> 20) MiB")
        // And the bound is not so loose that it could never fail: the input and image are most of it.
        #expect(run.peakBytes > 64 << 20)
        #expect(files(in: dir + "/out") == ["big.png", "big.svg"])
    }

    @Test(.enabled(if: Judge.available("time"), Judge.note("/usr/bin/time", package: "time")))
    func aThousandSpecsRenderInBoundedMemoryWithFailuresInOrder() throws {
        let dir = folder()
        var paths: [String] = []
        var bad: [String] = []
        for i in 0..<1000 {
            // Every seventh spec is broken; the rest differ in data and title.
            let json = i % 7 == 3
                ? #"{"series": [{"y": [1, "two"]}]}"#
                : #"{"title": "chart \#(i)", "series": [{"y": [\#(i % 10), \#(i % 3), 4]}]}"#
            let path = Repo.writeSpec(json, named: String(format: "c%04d", i), in: dir)
            paths.append(path)
            if i % 7 == 3 { bad.append(path) }
        }
        let errors = dir + "/errors.txt"
        let run = try measured(["render"] + paths + ["-o", dir + "/out", "--format", "svg"], stderrFile: errors)
        #expect(run.status == 2)
        let lines = (text(errors) ?? "").split(separator: "\n").map(String.init)
        // One line per failing spec, in input order.
        #expect(lines == bad.map { "plotline: \($0):1:23: series[0].y[1]: expected a number or null, found a string" })
        #expect(files(in: dir + "/out").count == 1000 - bad.count)
        // Memory of a window of specs, not of a thousand charts.
        #expect(run.peakBytes < 64 << 20, "peak \(run.peakBytes >> 20) MiB")
    }

    @Test(.enabled(if: Judge.available("time"), Judge.note("/usr/bin/time", package: "time")))
    func comparingLargeSVGsAsTextStaysInProportion() throws {
        // Two 4 MB SVGs that differ on every line once took over 100 bytes per byte of input.
        let dir = folder()
        for (name, seed) in [("a", 1), ("b", 2)] {
            var text = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
            for i in 0..<160_000 { text += "<path d=\"M\(i * seed % 9973) \(i)\"/>\n" }
            try (text + "</svg>\n").write(toFile: dir + "/\(name).svg", atomically: true, encoding: .utf8)
        }
        let input = (try FileManager.default.attributesOfItem(atPath: dir + "/a.svg")[.size] as? Int ?? 0) * 2
        let run = try measured(["diff", dir + "/a.svg", dir + "/b.svg", "--svg-compare", "text"])
        #expect(run.status == 1)
        let bound = 64 << 20 + 10 * input
        #expect(run.peakBytes <= bound, "peak \(run.peakBytes >> 20) MiB for \(input >> 20) MiB of SVG; bound \(bound >> 20) MiB")
    }

    @Test func aSymlinkAtTheOldTemporaryNameIsNotFollowed() throws {
        let dir = folder()
        let victim = dir + "/victim.txt"
        try "precious".write(toFile: victim, atomically: true, encoding: .utf8)
        // The names the writer once used, for this process: a planted link there must not matter.
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        symlink(victim, out + "/.chart.svg.\(getpid()).tmp")
        // A link at the target itself is replaced, not written through.
        symlink(victim, out + "/chart.png")
        try FileOutput.writeTogether([(Array("<svg/>".utf8), out + "/chart.svg"), (Array("png".utf8), out + "/chart.png")])
        #expect(text(victim) == "precious")
        #expect(text(out + "/chart.svg") == "<svg/>")
        #expect(text(out + "/chart.png") == "png")
        var info = stat()
        #expect(lstat(out + "/chart.png", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(files(in: out) == [".chart.svg.\(getpid()).tmp", "chart.png", "chart.svg"])
    }

    @Test func textDiffsShowEscapeSequencesEscaped() throws {
        let dir = folder()
        try "<svg>\n<text>plain</text>\n</svg>\n".write(toFile: dir + "/a.svg", atomically: true, encoding: .utf8)
        try "<svg>\n<text>\u{1b}[2J\u{1b}]8;;x\u{1b}\\</text>\n</svg>\n".write(toFile: dir + "/b.svg", atomically: true, encoding: .utf8)
        let result = try Repo.run(CLITests.binary, ["diff", dir + "/a.svg", dir + "/b.svg", "--svg-compare", "text"])
        #expect(result.status == 1)
        #expect(!result.out.unicodeScalars.contains("\u{1b}"))
        #expect(result.out.contains(#"+<text>\u{1b}[2J\u{1b}]8;;x\u{1b}\</text>"#))
    }

    @Test func aFolderInTheWayStopsBothFilesOfAChart() throws {
        let out = folder()
        try "old".write(toFile: out + "/chart.svg", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: out + "/chart.png", withIntermediateDirectories: true)
        #expect(throws: PlotlineError.self) {
            try FileOutput.writeTogether([(Array("<svg/>".utf8), out + "/chart.svg"), (Array("png".utf8), out + "/chart.png")])
        }
        #expect(text(out + "/chart.svg") == "old")
        #expect(files(in: out) == ["chart.png", "chart.svg"])
    }

    @Test func aChartWhosePNGFailsKeepsItsOldSVG() throws {
        let dir = folder()
        // 16384² pixels is over the PNG limit, while the SVG is fine: neither may replace the old pair.
        _ = Repo.writeSpec(#"{"width": 16384, "height": 16384, "series": [{"y": [1, 2]}]}"#, named: "huge", in: dir)
        _ = Repo.writeSpec(#"{"series": [{"y": [1, 2]}]}"#, named: "good", in: dir)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "old svg".write(toFile: dir + "/out/huge.svg", atomically: true, encoding: .utf8)
        try "old png".write(toFile: dir + "/out/huge.png", atomically: true, encoding: .utf8)
        let result = try Repo.run(CLITests.binary, ["render", "good.json", "huge.json", "-o", "out"], cwd: dir)
        #expect(result.status == 2)
        #expect(result.err.contains("huge.json: a PNG of 16384×16384 pixels is too large"), "\(result.err)")
        #expect(text(dir + "/out/huge.svg") == "old svg")
        #expect(text(dir + "/out/huge.png") == "old png")
        #expect(files(in: dir + "/out") == ["good.png", "good.svg", "huge.png", "huge.svg"])
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedWriteLeavesNoTemporaryFile(signal: Int32) throws {
        let dir = folder()
        _ = Repo.writeSpec(#"{"series": [{"y": [1, 2, 3]}]}"#, named: "chart", in: dir)
        try "old".write(toFile: dir + "/chart.svg", atomically: true, encoding: .utf8)
        var sawTemporary = false
        let status = try spawn(["render", dir + "/chart.json", "-o", dir],
                            environment: ["PLOTLINE_TEST_HOLD_BEFORE_RENAME": "20000"]) { pid in
            // Wait until both files are staged, then interrupt.
            for _ in 0..<600 {
                if files(in: dir).filter({ $0.hasSuffix(".tmp") }).count == 2 { sawTemporary = true; break }
                usleep(50_000)
            }
            kill(pid, signal)
        }
        #expect(sawTemporary)
        // The process ends by the signal, as it would have without the handler.
        #expect(status & 0x7F == signal)
        #expect(files(in: dir) == ["chart.json", "chart.svg"])
        #expect(text(dir + "/chart.svg") == "old")
    }
}
