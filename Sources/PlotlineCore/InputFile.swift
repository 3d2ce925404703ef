#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Plotline reads a file: a regular file only, never blocking, within a size cap.
///
/// Every input — spec, CSV, font, reference PNG or SVG, `diff` operand — comes through
/// ``read(_:limit:)``. A FIFO, a device, a socket or a procfs or sysfs entry is refused before a
/// byte is read, because reading one may block forever (`mkfifo`), never end (`/dev/zero`) or
/// leak what it holds into an error message (`/proc/self/environ`). The size is checked against
/// the cap before reading, and again while reading, since a file may grow meanwhile.
public enum InputFile {
    /// Why a file could not be read, phrased to follow "cannot read …: ": "not a regular file (a FIFO)".
    public struct Failure: Error, Sendable, Equatable {
        /// The reason, from the operating system when it gave one.
        public var text: String
        /// Whether the file does not exist.
        public var isMissing: Bool
        /// Whether the file lies outside what the caller's `permit` allows.
        public var isOutside: Bool

        /// Creates a failure with its reason.
        public init(_ text: String, isMissing: Bool = false, isOutside: Bool = false) {
            self.text = text
            self.isMissing = isMissing
            self.isOutside = isOutside
        }
    }

    /// Limits on the files Plotline reads, in bytes; the README lists them.
    public enum Limit {
        /// A JSON spec: 64 MiB (inline data of a few million points).
        public static let spec = 64 << 20
        /// A CSV file: 512 MiB (about 30 million rows of two columns).
        public static let csv = 512 << 20
        /// A font file: 128 MiB (the largest CJK collections are about 100 MB).
        public static let font = 128 << 20
        /// A PNG read for a comparison: 256 MiB.
        public static let png = 256 << 20
        /// An SVG read for a comparison: 64 MiB.
        public static let svg = 64 << 20
    }

    /// Reads the whole regular file at `path`, refusing special files and files over `limit` bytes,
    /// and, when `permit` is given, files whose real path (of the file as opened, after every
    /// symbolic link) it refuses: the check and the read concern the same file, so a path
    /// swapped for a link in between cannot slip through.
    public static func read(_ path: String, limit: Int, permit: ((String) -> Bool)? = nil) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let missing = errno == ENOENT
            return .failure(Failure(systemError(), isMissing: missing))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { return .failure(Failure(systemError())) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(Failure("a folder, not a file")) }
        guard kind == S_IFREG else { return .failure(Failure("not a regular file (\(describe(kind)))")) }
        if let special = pseudoFileSystem(info) {
            return .failure(Failure("not a regular file (a \(special) entry)"))
        }
        let real = realPath(of: fd)
        if let real, real.utf8.starts(with: "/proc/".utf8) || real.utf8.starts(with: "/sys/".utf8) {
            return .failure(Failure("not a regular file (a \(real.utf8.starts(with: "/proc/".utf8) ? "procfs" : "sysfs") entry)"))
        }
        if let permit {
            guard let real, permit(real) else { return .failure(Failure("outside the folders this spec may read", isOutside: true)) }
        }
        // Back to blocking reads: a regular file never blocks, and plain reads keep EAGAIN out.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        if Int(info.st_size) > limit { return .failure(tooLarge(limit)) }

        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(systemError()))
            }
            if n == 0 { break }
            guard result.count + n <= limit else { return .failure(tooLarge(limit)) }
            result.append(contentsOf: chunk[0..<n])
        }
        return .success(result)
    }

    /// "larger than 512 MiB, the limit for this kind of file".
    static func tooLarge(_ limit: Int) -> Failure {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        return Failure("larger than \(size), the limit for this kind of file")
    }

    /// The kind of a special file, in words.
    static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    /// The name of the pseudo file system holding the file, when it is one whose "files" are
    /// made on reading (their size says 0, and their content is the system's, not the user's):
    /// the file is on the same device as `/proc` or `/sys`.
    static func pseudoFileSystem(_ info: stat) -> String? {
        for (root, name) in [("/proc", "procfs"), ("/sys", "sysfs")] {
            var rootInfo = stat()
            if stat(root, &rootInfo) == 0, rootInfo.st_dev == info.st_dev { return name }
        }
        return nil
    }

    /// The path of the open file `fd`, every link resolved, from `/proc/self/fd` (Linux).
    static func realPath(of fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, 4096)
        guard n > 0 else { return nil }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// POSIX `read`, named apart from ``read(_:limit:)``.
    static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    static func systemError() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
