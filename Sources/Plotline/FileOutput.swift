#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes, with errors that name the file.
public enum FileOutput {
    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, then `rename`,
    /// so a reader never sees half a file and a failure leaves the old file in place.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlotlineError) {
        // The temporary file sits in the target's own folder, so `rename` never crosses file systems.
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let temp = (folder.hasSuffix("/") ? folder : folder + "/") + ".\(base).\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PlotlineError(.file, file: path, message: "cannot write: \(errorText())") }
        var offset = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        let closed = close(fd) == 0
        guard ok, closed else {
            let message = errorText()
            unlink(temp)
            throw PlotlineError(.file, file: path, message: "cannot write: \(message)")
        }
        guard rename(temp, path) == 0 else {
            let message = errorText()
            unlink(temp)
            throw PlotlineError(.file, file: path, message: "cannot write: \(message)")
        }
    }

    /// The bytes of the file at `path`, or nil when it does not exist.
    public static func read(_ path: String) throws(PlotlineError) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw PlotlineError(.file, file: path, message: "cannot read: \(errorText())")
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PlotlineError(.file, file: path, message: "cannot read: \(errorText())")
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    /// Removes the file at `path` if it exists; a stale diff image must not outlive a passing check.
    public static func remove(_ path: String) {
        unlink(path)
    }

    /// Creates `folder` and its parents if needed.
    public static func makeFolder(_ folder: String) throws(PlotlineError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw PlotlineError(.file, file: folder, message: "cannot create folder: \(errorText())")
            }
        }
        var st = stat()
        guard stat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw PlotlineError(.file, file: folder, message: "not a folder")
        }
    }

    /// POSIX `read`, named apart from ``read(_:)``.
    static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
