import PlotlineCore
import PlotlineFonts
import PlotlineLayout
import PlotlineModel
import Synchronization

/// Finds and caches the fonts a spec asks for, so rendering many specs opens each file once.
public final class FontResolver: Sendable {
    private let cache = Mutex<[String: Typeface]>([:])

    /// Creates an empty resolver.
    public init() {}

    /// The regular and bold faces for `spec`: its font file if it names one, else its family from the font folders.
    public func fonts(for spec: ChartSpec, specFile: String) throws(PlotlineError) -> ChartFonts {
        var fonts = try mainFonts(for: spec, specFile: specFile)
        // Families that text styles name, each loaded once.
        for family in spec.text.families where fonts.families[family] == nil {
            let role = TextRole.allCases.first { spec.text[$0].family == family } ?? .title
            let faces = try faces(family: family, specFile: specFile, keyPath: "text.\(role.rawValue).family")
            fonts.families[family] = FontFaces(regular: faces.regular, bold: faces.bold)
        }
        return fonts
    }

    /// The faces of a family found in the font folders, as a chart's fonts.
    public func fonts(family: String) throws(PlotlineError) -> ChartFonts {
        let faces = try faces(family: family, specFile: "", keyPath: "font.family")
        return ChartFonts(regular: faces.regular, bold: faces.bold)
    }

    private func mainFonts(for spec: ChartSpec, specFile: String) throws(PlotlineError) -> ChartFonts {
        if let file = spec.font.file {
            let font = try load(file, specFile: specFile, keyPath: "font.file")
            return ChartFonts(regular: font, bold: font)
        }
        let faces = try faces(family: spec.font.family, specFile: specFile, keyPath: "font.family")
        return ChartFonts(regular: faces.regular, bold: faces.bold)
    }

    /// The regular and bold faces of a family found in the font folders.
    private func faces(family: String, specFile: String, keyPath: String) throws(PlotlineError) -> (regular: Typeface, bold: Typeface) {
        guard let regularPath = FontLocator.locate(family: family, bold: false) else {
            var hint = "set \"font\": {\"file\": \"…\"} in the spec"
            if family.lowercased() == "dejavu sans" { hint = "install it (Debian: apt-get install fonts-dejavu-core) or " + hint }
            throw PlotlineError(.font, file: specFile, keyPath: keyPath, message: "font \(SafeText.quoted(family)) was not found in the font folders; \(hint)")
        }
        let regular = try load(regularPath, specFile: specFile, keyPath: keyPath)
        let bold = try FontLocator.locate(family: family, bold: true).map { path throws(PlotlineError) in
            try load(path, specFile: specFile, keyPath: keyPath)
        } ?? regular
        return (regular, bold)
    }

    private func load(_ path: String, specFile: String, keyPath: String) throws(PlotlineError) -> Typeface {
        if let font = cache.withLock({ $0[path] }) { return font }
        do {
            let font = try Typeface(path: path)
            cache.withLock { $0[path] = font }
            return font
        } catch {
            throw PlotlineError(.font, file: specFile, keyPath: keyPath, message: error.message)
        }
    }
}
