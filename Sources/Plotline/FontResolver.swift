import PlotlineFonts
import PlotlineLayout
import PlotlineModel
import Synchronization

/// Finds and caches the fonts a spec asks for, so rendering many specs opens each file once.
public final class FontResolver: Sendable {
    private let cache = Mutex<[String: Font]>([:])

    /// Creates an empty resolver.
    public init() {}

    /// The regular and bold faces for `spec`: its font file if it names one, else its family from the font folders.
    public func fonts(for spec: ChartSpec, specFile: String) throws(PlotlineError) -> ChartFonts {
        if let file = spec.font.file {
            let font = try load(file, specFile: specFile, keyPath: "font.file")
            return ChartFonts(regular: font, bold: font)
        }
        let family = spec.font.family
        guard let regularPath = FontLocator.locate(family: family, bold: false) else {
            var hint = "set \"font\": {\"file\": \"…\"} in the spec"
            if family.lowercased() == "dejavu sans" { hint = "install it (Debian: apt-get install fonts-dejavu-core) or " + hint }
            throw PlotlineError(.font, file: specFile, keyPath: "font.family", message: "font \"\(family)\" was not found in the font folders; \(hint)")
        }
        let regular = try load(regularPath, specFile: specFile, keyPath: "font.family")
        let bold = try FontLocator.locate(family: family, bold: true).map { path throws(PlotlineError) in
            try load(path, specFile: specFile, keyPath: "font.family")
        } ?? regular
        return ChartFonts(regular: regular, bold: bold)
    }

    private func load(_ path: String, specFile: String, keyPath: String) throws(PlotlineError) -> Font {
        if let font = cache.withLock({ $0[path] }) { return font }
        do {
            let font = try Font(path: path)
            cache.withLock { $0[path] = font }
            return font
        } catch {
            throw PlotlineError(.font, file: specFile, keyPath: keyPath, message: error.message)
        }
    }
}
