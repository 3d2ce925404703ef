import PlotlineCore
import PlotlineFonts

/// Measures and outlines text for the layout: FreeType fonts in production, a stand-in in tests,
/// so the layout can be tested without a font on disk.
public protocol TextMeasurer: Sendable {
    /// The advance width, metrics and glyph outlines of `text` on one line at `size` pixels, in
    /// `family` (nil for the chart's main family).
    func measure(_ text: String, size: Double, bold: Bool, family: String?) -> TextLayout
    /// The family name writers should give for the regular or bold face of `family`.
    func familyName(bold: Bool, family: String?) -> String
}

extension TextMeasurer {
    /// Text in the chart's main family.
    public func measure(_ text: String, size: Double, bold: Bool) -> TextLayout {
        measure(text, size: size, bold: bold, family: nil)
    }

    /// The main family's name.
    public func familyName(bold: Bool) -> String { familyName(bold: bold, family: nil) }
}

/// The regular and bold faces of one family.
public struct FontFaces: Sendable {
    /// The regular face.
    public var regular: Typeface
    /// The bold face, or the regular one again when the family has none.
    public var bold: Typeface

    /// Creates a pair of faces.
    public init(regular: Typeface, bold: Typeface) {
        self.regular = regular
        self.bold = bold
    }
}

/// The faces a chart is set in.
public struct ChartFonts: TextMeasurer {
    /// The face for tick labels, axis titles and the legend.
    public var regular: Typeface
    /// The face for the chart title.
    public var bold: Typeface
    /// Faces of other families that text styles name, by the name the spec gives.
    public var families: [String: FontFaces]

    /// Creates a font pair; pass the same face twice when no bold face is at hand.
    public init(regular: Typeface, bold: Typeface, families: [String: FontFaces] = [:]) {
        self.regular = regular
        self.bold = bold
        self.families = families
    }

    /// The face for a family and weight; the main family when `family` is nil or not loaded.
    func face(bold: Bool, family: String?) -> Typeface {
        if let family, let faces = families[family] { return bold ? faces.bold : faces.regular }
        return bold ? self.bold : regular
    }

    /// Lays the text out with FreeType's unhinted outlines.
    public func measure(_ text: String, size: Double, bold: Bool, family: String?) -> TextLayout {
        face(bold: bold, family: family).layout(text, size: size)
    }

    /// The face's own family name.
    public func familyName(bold: Bool, family: String?) -> String {
        face(bold: bold, family: family).familyName
    }
}
