import PlotlineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds font files by family name in the standard font folders.
public enum FontLocator {
    /// The folders searched, in order: system, local and user font folders on Linux and macOS.
    public static var searchFolders: [String] {
        var folders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"]
        if let home = getenv("HOME") {
            let h = String(cString: home)
            folders += [h + "/.local/share/fonts", h + "/.fonts", h + "/Library/Fonts"]
        }
        return folders
    }

    /// The path of a font file whose family is `family` (case-insensitive) and whose weight matches `bold`.
    ///
    /// Files named after the family (such as `DejaVuSans.ttf` for "DejaVu Sans") are tried first, so
    /// the usual case opens one file; otherwise every font file in the search folders is opened, in
    /// sorted order so the choice is the same on every run.
    public static func locate(family: String, bold: Bool = false) -> String? {
        let files = fontFiles()
        let compact = family.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        let wanted = bold ? [compact + "bold", compact + "-bold"] : [compact, compact + "regular", compact + "book"]
        for file in files {
            let base = baseName(file).lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
            if wanted.contains(base), let font = try? Typeface(path: file), matches(font, family, bold) { return file }
        }
        var fallback: String?
        for file in files {
            guard let font = try? Typeface(path: file), font.familyName.lowercased() == family.lowercased() else { continue }
            if font.isBold == bold, isPlainStyle(font.styleName, bold: bold) { return file }
            if font.isBold == bold, fallback == nil { fallback = file }
        }
        return fallback
    }

    private static func matches(_ font: Typeface, _ family: String, _ bold: Bool) -> Bool {
        font.familyName.lowercased() == family.lowercased() && font.isBold == bold
    }

    private static func isPlainStyle(_ style: String, bold: Bool) -> Bool {
        let s = style.lowercased()
        return bold ? s == "bold" : (s == "regular" || s == "book" || s == "roman" || s == "normal")
    }

    private static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
        return name
    }

    /// Every .ttf/.otf file under the search folders, sorted.
    static func fontFiles() -> [String] {
        var result: [String] = []
        for folder in searchFolders { collect(folder, depth: 0, into: &result) }
        return result.sorted()
    }

    private static func collect(_ folder: String, depth: Int, into result: inout [String]) {
        guard depth < 8, let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                collect(path, depth: depth + 1, into: &result)
            } else {
                let lower = name.lowercased()
                if lower.hasSuffix(".ttf") || lower.hasSuffix(".otf") { result.append(path) }
            }
        }
    }
}
