import Foundation
import Plotline

/// Paths and tools shared by the end-to-end tests.
enum Repo {
    /// The package root, found from this file's path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static let seedSpec = path("Templates/mmlu-pro-rl.json")

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "plotline-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The full path of an executable on PATH, or nil.
    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program; returns its exit status, standard output and standard error.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
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
    static func writeSpec(_ json: String, named name: String, in folder: String) -> String {
        let path = folder + "/" + name + ".json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        return path
    }
}

/// Every text run and path in a scene, flattened.
extension Scene {
    var allTexts: [SceneText] {
        var result: [SceneText] = []
        func walk(_ nodes: [SceneNode]) {
            for n in nodes {
                switch n {
                case .text(let t): result.append(t)
                case .group(let g): walk(g.nodes)
                case .path: break
                }
            }
        }
        walk(nodes)
        return result
    }

    func group(_ role: String) -> SceneGroup? {
        func find(_ nodes: [SceneNode]) -> SceneGroup? {
            for n in nodes {
                if case .group(let g) = n {
                    if g.role == role { return g }
                    if let inner = find(g.nodes) { return inner }
                }
            }
            return nil
        }
        return find(nodes)
    }
}
