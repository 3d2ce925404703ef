#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CTempFiles

/// Whole-file reads and atomic writes, with errors that name the file.
public enum FileOutput {
    /// Writes `bytes` to `path` atomically: a reader never sees half a file, and a failure or an
    /// interruption leaves the old file in place.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(PlotlineError) {
        try writeTogether([(bytes, path)])
    }

    /// Writes several files so that either all of them replace their old versions or none does:
    /// every file is first written in full to a temporary file beside it, and only then are the
    /// temporary files renamed into place.
    ///
    /// A temporary file has a random name and is created with `O_CREAT | O_EXCL | O_NOFOLLOW`,
    /// so a file or symbolic link planted at a predictable name can neither be overwritten nor
    /// redirect the write; it is flushed to disk before the rename, and removed if SIGINT, SIGTERM
    /// or SIGHUP arrives before it.
    public static func writeTogether(_ files: [(bytes: [UInt8], path: String)]) throws(PlotlineError) {
        // A target that is a folder would fail its rename after others succeeded: refuse it first.
        for file in files {
            var info = stat()
            if lstat(file.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw PlotlineError(.file, file: file.path, message: "cannot write: a folder is in the way")
            }
        }
        var staged: [(temp: String, path: String, slot: Int32)] = []
        func discard() {
            for s in staged where !s.temp.isEmpty {
                unlink(s.temp)
                ctf_unregister(s.slot)
            }
        }
        for file in files {
            do {
                staged.append(try stage(file.bytes, for: file.path))
            } catch {
                discard()
                throw error
            }
        }
        // Tests hold the files here, staged but not renamed, to interrupt a write at its most
        // delicate moment; the variable is read only when set, and never by default.
        if let hold = getenv("PLOTLINE_TEST_HOLD_BEFORE_RENAME").flatMap({ UInt32(String(cString: $0)) }) {
            usleep(min(hold, 60_000) * 1000)
        }
        for (i, s) in staged.enumerated() {
            guard rename(s.temp, s.path) == 0 else {
                let message = errorText()
                // The files renamed so far are new; the rest keep their old versions.
                discard()
                throw PlotlineError(.file, file: files[i].path, message: "cannot write: \(message)")
            }
            ctf_unregister(s.slot)
            staged[i].temp = ""
            staged[i].slot = -1
        }
        // The renames are durable once each folder's entry is on disk.
        var synced: [String] = []
        for file in files {
            let folder = FileOutput.folder(of: file.path)
            if synced.contains(folder) { continue }
            synced.append(folder)
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                _ = fsync(fd)
                close(fd)
            }
        }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of writes in flight before the
    /// process ends as the signal would have ended it. For programs that own the process, such as
    /// the `plotline` command; a library never replaces its host's handlers by itself. Signals
    /// that are ignored stay ignored.
    public static func removeTemporaryFilesOnInterrupt() {
        ctf_install_handlers()
    }

    /// Writes `bytes` to a new temporary file in `path`'s folder and returns its name.
    private static func stage(_ bytes: [UInt8], for path: String) throws(PlotlineError) -> (temp: String, path: String, slot: Int32) {
        // The temporary file sits in the target's own folder, so `rename` never crosses file systems.
        let folder = FileOutput.folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var generator = SystemRandomNumberGenerator()
        var fd: Int32 = -1
        var temp = ""
        var slot: Int32 = -1
        for _ in 0..<16 {
            let token = String(generator.next() as UInt64, radix: 16)
            // At most 200 bytes of the name, so that the temporary name fits the 255-byte limit.
            let stem = String(decoding: base.utf8.prefix(200), as: UTF8.self)
            temp = (folder.hasSuffix("/") ? folder : folder + "/") + ".\(stem).\(token).tmp"
            slot = ctf_register(temp)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { break }
            let failure = errno
            ctf_unregister(slot)
            guard failure == EEXIST else {
                errno = failure
                throw PlotlineError(.file, file: path, message: "cannot write: \(errorText())")
            }
        }
        guard fd >= 0 else { throw PlotlineError(.file, file: path, message: "cannot write: no free temporary name") }
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
            return fsync(fd) == 0
        }
        let closed = close(fd) == 0
        guard ok, closed else {
            let message = errorText()
            unlink(temp)
            ctf_unregister(slot)
            throw PlotlineError(.file, file: path, message: "cannot write: \(message)")
        }
        return (temp, path, slot)
    }


    /// The bytes of the regular file at `path`, or nil when it does not exist; special files and
    /// files over `limit` bytes are errors (see `InputFile`).
    public static func read(_ path: String, limit: Int) throws(PlotlineError) -> [UInt8]? {
        switch InputFile.read(path, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            if failure.isMissing { return nil }
            throw PlotlineError(.file, file: path, message: "cannot read: \(failure.text)")
        }
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

    /// The folder part of a path, "." for a bare name (a path to open, not to join).
    static func folder(of path: String) -> String {
        let folder = Paths.folder(of: path)
        return folder.isEmpty ? "." : folder
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
