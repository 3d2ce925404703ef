import Foundation
import PlotlineTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The corpus of bad input: every case in `Corpus/cases.json` runs the `plotline` binary in a
/// fresh folder and checks its exit status, that standard error is one short, clean line that
/// says what it must, and that nothing but the known-good chart rendered before it was written.
///
/// A case is `{"name", "files", "args", "exit", "contains", "notContains", "env", "special", …}`;
/// see ``CorpusCase`` for every key. Paths in `args` are relative to the case's folder, which is the
/// working directory. Render cases get a tiny good spec first (`render good.json …`) and `-o out`
/// unless they name an output folder, so each also checks that earlier good renders stay written.
@Suite struct CorpusTests {
    /// The built `plotline` binary, found as `CLITests.binary` finds it: beside the test bundle.
    /// `PLOTLINE_CORPUS_BINARY` runs the corpus against another build (a release one, an older one).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["PLOTLINE_CORPUS_BINARY"], !path.isEmpty { return path }
        return CLITests.binary
    }()

    /// `Corpus/cases.json`, beside this file.
    static let manifestPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Corpus/cases.json").path
    }()

    /// The manifest, or the reason it could not be read (reported by `manifestIsWellFormed`).
    static let manifest: Result<[CorpusCase], CorpusError> = {
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            return .failure(CorpusError("cannot read \(manifestPath)"))
        }
        do {
            return .success(try JSONDecoder().decode([CorpusCase].self, from: data))
        } catch {
            return .failure(CorpusError("\(manifestPath): \(error)"))
        }
    }()

    static let casesByName: [String: CorpusCase] = {
        var byName: [String: CorpusCase] = [:]
        for c in (try? manifest.get()) ?? [] { byName[c.name] = c }
        return byName
    }()

    /// The case names in manifest order: the test's arguments, so a failure names its case.
    static let names: [String] = ((try? manifest.get()) ?? []).map(\.name)

    /// The spec put before each render case's own specs; it must always be written.
    static let goodSpec = #"{"width": 60, "height": 40, "series": [{"y": [1, 2, 3]}]}"# + "\n"

    /// At most this many `plotline` processes at once: the cases run concurrently, but the
    /// memory-hungry ones must not all run together.
    static let slots = Slots(6)

    @Test func manifestIsWellFormed() throws {
        let cases = try Self.manifest.get()
        // A misspelt key ("contain") would be ignored by the decoder and weaken a case unseen.
        let known: Set<String> = ["name", "category", "note", "files", "special", "args", "exit", "contains", "notContains", "env",
                                  "noGood", "oneLine", "maxStderrBytes", "outputs", "stdoutEmpty", "timeout"]
        let contentKeys: Set<String> = ["text", "base64", "repeat", "times", "prefix", "suffix", "numbered", "encoding"]
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.manifestPath))) as? [[String: Any]])
        for object in raw {
            let name = object["name"] as? String ?? "?"
            #expect(Set(object.keys).subtracting(known).isEmpty, "\(name): unknown keys \(Set(object.keys).subtracting(known).sorted())")
            for (path, content) in object["files"] as? [String: [String: Any]] ?? [:] {
                #expect(Set(content.keys).subtracting(contentKeys).isEmpty, "\(name): \(path): unknown keys \(Set(content.keys).subtracting(contentKeys).sorted())")
            }
        }
        #expect(cases.count >= 160, "the corpus must hold at least 160 cases, has \(cases.count)")
        #expect(Set(cases.map(\.name)).count == cases.count, "case names must be unique")
        for c in cases {
            #expect(c.exit != 2 || !(c.contains ?? []).isEmpty || !(c.notContains ?? []).isEmpty,
                    "\(c.name): an exit-2 case must say what its message contains (or must not)")
            for (path, content) in c.files {
                #expect(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "\(c.name): \(path) must stay in the case's folder")
                #expect(content.isValid, "\(c.name): \(path): give exactly one of text, base64 or repeat")
            }
        }
    }

    @Test(arguments: CorpusTests.names)
    func corpusCase(_ name: String) async throws {
        let c = try #require(Self.casesByName[name])
        let root = Repo.temporaryFolder()
        let folder = root + "/work"
        try c.materialize(in: folder)

        var arguments = c.args
        let wantsGood = arguments.first == "render" && c.noGood != true
        if wantsGood {
            try Data(Self.goodSpec.utf8).write(to: URL(fileURLWithPath: folder + "/good.json"))
            arguments.insert("good.json", at: 1)
        }
        if arguments.first == "render", !arguments.contains("-o"), !arguments.contains("--output") {
            arguments += ["-o", "out"]
        }
        let outputFolder = Self.outputFolder(in: arguments).map { folder + "/" + $0 }
        let before = outputFolder.map(Self.entries(in:)) ?? []

        await Self.slots.acquire()
        let result = await Self.run(arguments, in: folder, streams: root, environment: c.env ?? [:], timeout: c.timeout ?? 20)
        await Self.slots.release()

        let stderr = result.stderr
        let text = String(decoding: stderr, as: UTF8.self)
        // Every problem is one issue naming the case; stderr is shown escaped and cut short, never expanded whole.
        let context = "[\(name)\(c.note.map { " — \($0)" } ?? ""); stderr: \(Self.abridged(stderr))]"
        func check(_ ok: Bool, _ problem: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
            if !ok { Issue.record(Comment(rawValue: problem() + " " + context), sourceLocation: sourceLocation) }
        }

        switch result.outcome {
        case .exited(let status):
            check(status == Int32(c.exit), "exit status \(status), expected \(c.exit)")
        case .signal(let signal):
            check(false, "killed by signal \(signal) (a trap or crash), expected exit \(c.exit)")
        case .hang(let seconds):
            check(false, "hang: still running after \(Int(seconds)) s, killed; expected exit \(c.exit)")
        case .launchFailed(let error):
            check(false, "cannot run \(Self.binary): \(error)")
            return
        }

        // One short, clean line on standard error.
        let limit = c.maxStderrBytes ?? 1000
        check(stderr.count <= limit, "standard error has \(stderr.count) bytes, more than \(limit)")
        let newlines = stderr.filter { $0 == 0x0A }.count
        if c.exit == 2, c.oneLine != false {
            check(newlines == 1 && stderr.last == 0x0A, "standard error must be exactly one line ending in a line break; it has \(newlines) line breaks")
        }
        let controls = Set(stderr.enumerated().filter { i, b in
            (b < 0x20 || b == 0x7F) && !(b == 0x0A && (c.oneLine == false || i == stderr.count - 1))
        }.map(\.element))
        check(controls.isEmpty, "standard error holds raw control bytes \(controls.sorted().map { "0x" + String($0, radix: 16, uppercase: true) })")
        for needle in c.contains ?? [] {
            check(text.contains(needle), "standard error does not contain \(Self.escaped(needle))")
        }
        for needle in c.notContains ?? [] {
            check(!text.contains(needle), "standard error contains \(Self.escaped(needle))")
        }
        if c.stdoutEmpty == true {
            check(result.stdout.isEmpty, "standard output holds \(result.stdout.count) bytes; expected none")
        }

        // Earlier good renders stay written; nothing else, and no half-written file, appears.
        if let outputFolder {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isFolder), isFolder.boolValue {
                let found = Self.entries(in: outputFolder)
                var expected = before.union(c.outputs ?? [])
                if wantsGood {
                    expected.formUnion(["good.svg", "good.png"])
                    for file in ["good.svg", "good.png"] {
                        let size = (try? FileManager.default.attributesOfItem(atPath: outputFolder + "/" + file)[.size] as? Int) ?? 0
                        check(size > 0, "the good chart's \(file), rendered before this case's spec, was not written")
                    }
                }
                check(found == expected, "the output folder holds \(found.sorted()), expected \(expected.sorted())")
            } else {
                check(!wantsGood, "no output folder: the good chart, rendered before this case's spec, was not written")
            }
        }
        let leftovers = Self.allFiles(in: folder).filter { $0.hasSuffix(".tmp") }
        check(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    // MARK: Running

    enum Outcome: Sendable {
        case exited(Int32)
        case signal(Int32)
        case hang(Double)
        case launchFailed(String)
    }

    struct RunResult: Sendable {
        var outcome: Outcome
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// Runs `plotline` with a memory limit and a timeout; standard output and error go to files
    /// (in `streams`, outside the case's folder), so a flood of output can never block the pipe.
    static func run(_ arguments: [String], in folder: String, streams: String, environment extra: [String: String],
                    timeout: Double) async -> RunResult {
        let outPath = streams + "/stdout", errPath = streams + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        guard let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            return RunResult(outcome: .launchFailed("cannot create \(outPath)"), stdout: [], stderr: [])
        }
        let process = Process()
        // 2 GiB of address space: a runaway allocation fails fast instead of exhausting the machine.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"ulimit -v 2097152 2>/dev/null; exec "$0" "$@""#, binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["LANG": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/"]
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err

        let watch = Watch()
        let outcome: Outcome = await withCheckedContinuation { continuation in
            process.terminationHandler = { p in
                watch.finish()
                let reason = p.terminationReason, status = p.terminationStatus
                if watch.timedOut {
                    continuation.resume(returning: .hang(timeout))
                } else if reason == .uncaughtSignal {
                    continuation.resume(returning: .signal(status))
                } else {
                    continuation.resume(returning: .exited(status))
                }
            }
            do {
                try process.run()
            } catch {
                continuation.resume(returning: .launchFailed("\(error)"))
                return
            }
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if watch.markTimedOutIfRunning() { kill(pid, SIGKILL) }
            }
        }
        try? out.close()
        try? err.close()
        let stdout = FileManager.default.contents(atPath: outPath).map { [UInt8]($0) } ?? []
        let stderr = FileManager.default.contents(atPath: errPath).map { [UInt8]($0) } ?? []
        return RunResult(outcome: outcome, stdout: stdout, stderr: stderr)
    }

    /// Whether a process finished, and whether the timeout fired first.
    final class Watch: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var fired = false

        func finish() {
            lock.lock(); defer { lock.unlock() }
            finished = true
        }

        var timedOut: Bool {
            lock.lock(); defer { lock.unlock() }
            return fired
        }

        /// Marks the timeout as fired when the process is still running; true if the caller must kill it.
        func markTimedOutIfRunning() -> Bool {
            lock.lock(); defer { lock.unlock() }
            if finished { return false }
            fired = true
            return true
        }
    }

    /// A counting semaphore for async code.
    actor Slots {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(_ count: Int) { free = count }

        func acquire() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty {
                free += 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }

    // MARK: Helpers

    /// The folder after `-o`/`--output`, unless it is standard output.
    static func outputFolder(in arguments: [String]) -> String? {
        for (i, a) in arguments.enumerated() where (a == "-o" || a == "--output") && i + 1 < arguments.count {
            return arguments[i + 1] == "-" ? nil : arguments[i + 1]
        }
        return nil
    }

    static func entries(in folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    /// Every path under `folder`, without following symbolic links.
    static func allFiles(in folder: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                result.append(child)
                var st = stat()
                if lstat(folder + "/" + child, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { pending.append(child) }
            }
        }
        return result
    }

    /// Bytes as a quoted string with control characters escaped, cut to 300 bytes.
    static func abridged(_ bytes: [UInt8]) -> String {
        let head = escaped(String(decoding: bytes.prefix(300), as: UTF8.self))
        return bytes.count > 300 ? head + "… (\(bytes.count) bytes)" : head
    }

    static func escaped(_ text: String) -> String {
        var s = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                s += scalar == "\"" ? "\\\"" : scalar == "\\" ? "\\\\" : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                s.unicodeScalars.append(scalar)
            }
        }
        return s + "\""
    }
}

/// A problem with the manifest itself.
struct CorpusError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One case of the corpus.
struct CorpusCase: Decodable, Sendable {
    /// Unique; names the test case.
    var name: String
    /// What kind of bad input this is (for people reading the manifest; the runner ignores it).
    var category: String?
    /// Why the case is here, or what went wrong before.
    var note: String?
    /// The files to write in the case's folder, by relative path ("data/x.csv" makes the folder).
    var files: [String: FileContent]
    /// FIFOs and symbolic links to make: `{"fifo": "data.csv"}`, `{"symlink": "ref.png", "to": "/dev/zero"}`.
    var special: [Special]?
    /// The arguments; paths are relative to the case's folder.
    var args: [String]
    /// The exit status the binary must give.
    var exit: Int
    /// Strings standard error must contain.
    var contains: [String]?
    /// Strings standard error must not contain.
    var notContains: [String]?
    /// Environment variables added to a minimal environment (PATH, HOME, LANG).
    var env: [String: String]?
    /// True: no good spec before a render case's own.
    var noGood: Bool?
    /// False: standard error may have several lines (usage); true by default for exit 2.
    var oneLine: Bool?
    /// The longest standard error accepted, in bytes; 1000 by default.
    var maxStderrBytes: Int?
    /// Files the case itself must write into the output folder (besides good.svg and good.png).
    var outputs: [String]?
    /// True: standard output must stay empty (nothing half-written to `-o -`).
    var stdoutEmpty: Bool?
    /// Seconds before the process counts as hung and is killed; 20 by default.
    var timeout: Double?

    struct Special: Decodable, Sendable {
        var fifo: String?
        var symlink: String?
        var to: String?
    }

    /// Writes the files and makes the special ones.
    func materialize(in folder: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            let full = folder + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.bytes()).write(to: URL(fileURLWithPath: full))
        }
        for s in special ?? [] {
            if let fifo = s.fifo {
                let full = folder + "/" + fifo
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard mkfifo(full, 0o644) == 0 else { throw CorpusError("\(name): cannot make the FIFO \(fifo)") }
            } else if let link = s.symlink, let target = s.to {
                let full = folder + "/" + link
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.createSymbolicLink(atPath: full, withDestinationPath: target)
            } else {
                throw CorpusError("\(name): a special file needs \"fifo\", or \"symlink\" and \"to\"")
            }
        }
    }
}

/// A file's content: `{"text": …}`, `{"base64": …}`, or a generated large input
/// `{"repeat": …, "times": N, "prefix": …, "suffix": …}`, where `"numbered": true` replaces `{i}`
/// in each repetition with its index (0, 1, …) and `"encoding": "base64"` reads the repeated text,
/// prefix and suffix as base64 (a binary file with a long periodic middle, such as a deflate bomb).
struct FileContent: Decodable, Sendable {
    var text: String?
    var base64: String?
    var `repeat`: String?
    var times: Int?
    var prefix: String?
    var suffix: String?
    var numbered: Bool?
    var encoding: String?

    var isValid: Bool {
        [text != nil, base64 != nil, `repeat` != nil].filter { $0 }.count == 1 && (`repeat` == nil || times != nil)
    }

    func bytes() throws -> [UInt8] {
        if let text { return Array(text.utf8) }
        if let base64 {
            guard let data = Data(base64Encoded: base64) else { throw CorpusError("invalid base64") }
            return [UInt8](data)
        }
        guard let unit = `repeat`, let times else { throw CorpusError("give text, base64 or repeat with times") }
        let binary = encoding == "base64"
        func decode(_ s: String?) throws -> [UInt8] {
            guard let s else { return [] }
            if !binary { return Array(s.utf8) }
            guard let data = Data(base64Encoded: s) else { throw CorpusError("invalid base64") }
            return [UInt8](data)
        }
        var result = try decode(prefix)
        if numbered == true {
            let parts = unit.components(separatedBy: "{i}")
            for i in 0..<times { result += Array(parts.joined(separator: String(i)).utf8) }
        } else {
            // Doubling: a few large copies instead of millions of small appends (debug builds are slow).
            let piece = try decode(unit)
            if times > 0 {
                var middle = piece, count = 1
                while count * 2 <= times {
                    middle += middle
                    count *= 2
                }
                middle += middle.prefix(piece.count * (times - count))
                result += middle
            }
        }
        result += try decode(suffix)
        return result
    }
}
