#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Plotline

/// One spec of a report and the section it belongs to.
public struct ReportEntry: Sendable, Hashable {
    /// The spec file.
    public var path: String
    /// Its folder relative to the folder all the report's specs share: "" for that folder itself,
    /// `runs/2024` for a spec two levels below it. Each group is one section of the page.
    public var group: String
}

/// Turns the command line's spec files, folders and globs into a report's entries.
public enum ReportInputs {
    /// The entries for `arguments`, each a spec file, a folder (all `*.json` below it, hidden
    /// folders skipped) or a glob (`runs/*/loss.json`, expanded here when the shell did not).
    /// Files are sorted within each argument, duplicates dropped, and groups are the folders
    /// relative to the deepest folder that holds every spec.
    public static func entries(for arguments: [String]) throws(PlotlineError) -> [ReportEntry] {
        var paths: [String] = []
        var reals: [String] = []
        var seen: Set<String> = []
        for argument in arguments {
            var found: [String]
            var info = stat()
            if isFolder(argument) {
                found = specs(under: argument)
                if found.isEmpty { throw PlotlineError(.file, file: argument, message: "holds no .json spec files") }
            } else if stat(argument, &info) != 0, argument.contains(where: { "*?[".contains($0) }) {
                // Only a name that is not a file is a pattern: "[draft] loss.json" may exist as is.
                found = expand(argument).filter { !isFolder($0) }
                if found.isEmpty { throw PlotlineError(.file, file: argument, message: "matches no files") }
            } else {
                found = [argument]
            }
            for path in found.sorted() {
                // Groups come from real paths, so `../a.json`, `/abs/b.json` and `./a.json` all land
                // in folders below the report's, and one file given twice renders once.
                let real = Paths.resolved(path) ?? path
                if !seen.insert(real).inserted { continue }
                paths.append(path)
                reals.append(real)
            }
        }
        let folders = reals.map { Paths.folder(of: $0) }
        let root = commonFolder(folders)
        return zip(paths, folders).map { path, dir in
            ReportEntry(path: path, group: relative(dir, to: root))
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Spec files below `folder`, depth first, in name order.
    static func specs(under folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(dir)
        var found: [String] = []
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        for name in names.sorted() {
            let path = base + "/" + name
            // Linked folders are not followed: a link to a parent would make the walk endless.
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, isFolder(path) { continue }
            if isFolder(path) {
                found += specs(under: path)
            } else if name.hasSuffix(".json") {
                found.append(path)
            }
        }
        return found
    }


    /// POSIX glob, for patterns the shell left alone (quoted, or from a script).
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { i in result.gl_pathv[i].map { String(cString: $0) } }
    }


    /// The deepest folder that every one of `folders` is in (or is).
    static func commonFolder(_ folders: [String]) -> String {
        guard let first = folders.first else { return "." }
        var common = first.split(separator: "/", omittingEmptySubsequences: false)
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
            var n = 0
            while n < common.count, n < parts.count, common[n] == parts[n] { n += 1 }
            common = Array(common.prefix(n))
        }
        return common.isEmpty ? "" : common.joined(separator: "/")
    }

    /// `dir` relative to `root`, "" when they are the same; never absolute and never with `..`,
    /// since both are real paths and `root` holds `dir`.
    static func relative(_ dir: String, to root: String) -> String {
        if dir == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let rest = dir.hasPrefix(prefix) ? String(dir.dropFirst(prefix.count)) : dir
        return rest.split(separator: "/").filter { $0 != ".." && $0 != "." }.joined(separator: "/")
    }
}
