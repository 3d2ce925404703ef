#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The path arithmetic the readers, writers and report share, kept in one place.
public enum Paths {
    /// The folder part of a path, without a trailing slash: "" for a bare file name, "/" for a
    /// file at the root.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved, or nil when it does
    /// not exist.
    public static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
