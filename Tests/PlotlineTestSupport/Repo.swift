import Foundation

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

    /// A fresh temporary folder.
    public static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "plotline-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
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
