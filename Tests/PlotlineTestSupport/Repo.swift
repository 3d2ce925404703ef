import Foundation
import Testing

/// Paths and tools shared by the end-to-end tests.
public enum Repo {
    /// The package root, found from this file's path (Tests/PlotlineTestSupport/).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The absolute path of a file given relative to the package root.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The seed figure's spec.
    public static let seedSpec = path("Templates/mmlu-pro-rl.json")

    /// A fresh temporary folder, removed when the test process ends.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "plotline-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(path)
        return path
    }

    /// The full path of an executable on PATH, or nil.
    public static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program; returns its exit status, standard output and standard error.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Writes a spec file with `json` into `folder` and returns its path.
    public static func writeSpec(_ json: String, named name: String, in folder: String) -> String {
        let path = folder + "/" + name + ".json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        return path
    }
}

/// Independent judges the tests call: under `CI=true` a missing one fails its tests; elsewhere
/// those tests are skipped with a note that names the Debian package to install.
public enum Judge {
    /// Whether this run is CI's, where every judge must be present.
    public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether `tool` can run here, or this is CI (where its absence must fail, not skip).
    public static func available(_ tool: String) -> Bool { isCI || Repo.which(tool) != nil }

    /// The skip note for a missing tool.
    public static func note(_ tool: String, package: String) -> Comment {
        Comment(rawValue: "\(tool) is not installed; install it (Debian: apt-get install \(package)) to run this test")
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, seedable, identical on every platform; the one
/// random generator of the test suites.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    /// A generator that always produces the same sequence for the same seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The temporary folders tests made, removed at exit so runs leave nothing behind in /tmp.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func add(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.append(path)
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        // PLOTLINE_KEEP_TEST_FILES=1 keeps them for a person to look at.
        guard ProcessInfo.processInfo.environment["PLOTLINE_KEEP_TEST_FILES"] != "1" else { return }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        paths.removeAll()
    }
}
