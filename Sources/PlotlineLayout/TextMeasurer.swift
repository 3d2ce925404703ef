import PlotlineCore
import PlotlineFonts

/// Measures and outlines text for the layout: FreeType fonts in production, a stand-in in tests,
/// so the layout can be tested without a font on disk.
public protocol TextMeasurer: Sendable {
    /// The advance width, metrics and glyph outlines of `text` on one line at `size` pixels.
    func measure(_ text: String, size: Double, bold: Bool) -> TextLayout
    /// The family name writers should give for the regular or bold face.
    func familyName(bold: Bool) -> String
}

/// The faces a chart is set in.
public struct ChartFonts: TextMeasurer {
    /// The face for tick labels, axis titles and the legend.
    public var regular: Font
    /// The face for the chart title.
    public var bold: Font

    /// Creates a font pair; pass the same face twice when no bold face is at hand.
    public init(regular: Font, bold: Font) {
        self.regular = regular
        self.bold = bold
    }

    /// Lays the text out with FreeType's unhinted outlines.
    public func measure(_ text: String, size: Double, bold: Bool) -> TextLayout {
        (bold ? self.bold : regular).layout(text, size: size)
    }

    /// The face's own family name.
    public func familyName(bold: Bool) -> String {
        (bold ? self.bold : regular).familyName
    }
}
