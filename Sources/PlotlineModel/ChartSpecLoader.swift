#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PlotlineCore

/// Reads chart specs from JSON files and checks every field.
///
/// Each error names the file, the line and column of the offending JSON value and its key path,
/// and suggests a fix where one is likely (a misspelt key, colour or column).
///
/// The keys are listed, one enum per JSON object, in `SpecKeys.swift`, and documented in the
/// README; unknown keys are errors, and so are keys that do not apply to a series' kind.
public enum ChartSpecLoader {
    /// The largest canvas side accepted, in CSS pixels.
    public static let maximumSide: Double = 16384
    /// The most data points accepted across all series of one chart.
    public static let maximumPoints = 10_000_000
    /// The largest spec or CSV file read, in bytes.
    public static let maximumFileSize = 512 * 1024 * 1024

    /// Reads and validates the spec at `path`; CSV files and font files are resolved relative
    /// to the spec's folder.
    public static func load(path: String) throws(SpecError) -> ChartSpec {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let b): bytes = b
        case .failure(let reason): throw SpecError(file: path, message: "cannot read the spec: \(reason.text)")
        }
        return try decode(bytes, file: path, baseDirectory: directory(of: path))
    }

    /// Validates a spec held in memory; `file` names it in errors, `baseDirectory` anchors
    /// relative CSV and font paths (empty for the current directory).
    public static func decode(_ bytes: [UInt8], file: String, baseDirectory: String) throws(SpecError) -> ChartSpec {
        try decode(bytes, file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints)
    }

    /// `decode` with a different point limit, so tests can reach the limit without huge inputs.
    static func decode(_ bytes: [UInt8], file: String, baseDirectory: String, maximumPoints: Int) throws(SpecError) -> ChartSpec {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SpecError(file: file, line: error.line, column: error.column, keyPath: error.keyPath, message: error.message)
        }
        var decoder = SpecDecoder(file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints)
        return try decoder.chart(root)
    }

    /// `dir/file` for a relative `file`; an absolute `file` or an empty `dir` leaves it alone.
    public static func resolve(_ file: String, relativeTo dir: String) -> String {
        if file.hasPrefix("/") || dir.isEmpty || dir == "." { return file }
        return dir.hasSuffix("/") ? dir + file : dir + "/" + file
    }

    /// The folder part of a path: "" for a bare file name, "/" for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Why a file could not be read, from the operating system when it says.
    struct ReadFailure: Error {
        var text: String
    }

    /// Reads a whole file with POSIX calls, so that the reason for a failure is the system's own
    /// ("No such file or directory").
    static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(ReadFailure(text: systemError())) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { return .failure(ReadFailure(text: systemError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure(text: "is a directory")) }
        if Int(info.st_size) > maximumFileSize {
            return .failure(ReadFailure(text: "larger than \(maximumFileSize / (1024 * 1024)) MB"))
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(text: systemError()))
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > maximumFileSize {
                return .failure(ReadFailure(text: "larger than \(maximumFileSize / (1024 * 1024)) MB"))
            }
        }
        return .success(result)
    }

    private static func systemError() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}

