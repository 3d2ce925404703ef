import PlotlineCore
import PlotlineModel

/// The look of a chart: colours, sizes and spacing, in CSS pixels.
///
/// The default follows DESIGN.md's "Default look": a plot area that fills the canvas less margins
/// fitted to the labels, one-pixel light-grey gridlines, quiet axes at the bottom and left only,
/// dark-grey type in DejaVu Sans around 12 and 13 px (tick labels take the spec's `font.size`), series 2 px wide with round joins.
public struct Theme: Sendable, Hashable {
    /// The canvas colour when the spec sets none.
    public var background = PlotColor.white
    /// Space kept clear along every edge of the canvas.
    public var padding: Double = 12
    /// Axis-title size.
    public var axisTitleSize: Double = 13
    /// Chart-title size (bold).
    public var titleSize: Double = 16
    /// Subtitle size.
    public var subtitleSize: Double = 13
    /// Legend text size.
    public var legendSize: Double = 12
    /// Tick-label colour.
    public var tickLabelColor = PlotColor(rgb: 0x444444)
    /// Title colour.
    public var titleColor = PlotColor(rgb: 0x333333)
    /// Axis-title colour.
    public var axisTitleColor = PlotColor(rgb: 0x333333)
    /// Legend text colour.
    public var legendColor = PlotColor(rgb: 0x333333)
    /// Subtitle colour.
    public var subtitleColor = PlotColor(rgb: 0x555555)
    /// Axis-line, tick-mark and zero-line colour.
    public var axisColor = PlotColor(rgb: 0x888888)
    /// Gridline colour.
    public var gridColor = PlotColor(rgb: 0xE2E2E2)
    /// Length of tick marks outside the plot area.
    public var tickLength: Double = 5
    /// Gap between a tick mark and its label.
    public var tickLabelGap: Double = 4
    /// Gap between tick labels and the axis title.
    public var axisTitleGap: Double = 8
    /// Gap between the title and the plot area.
    public var titleGap: Double = 10
    /// Pixels per automatic tick wanted along x, before labels are measured.
    public var xTickSpacing: Double = 50
    /// Pixels per automatic tick wanted along y.
    public var yTickSpacing: Double = 40
    /// Space between the legend's frame and its entries, and between the frame and the plot's edge.
    public var legendPadding: Double = 8
    /// Width of a legend swatch.
    public var legendSwatchWidth: Double = 18
    /// Gap between a swatch and its label, and between legend columns (twice this).
    public var legendGap: Double = 6
    /// The legend's background, translucent so data behind it stays faintly visible.
    public var legendFill = PlotColor.white.withOpacity(0.85)
    /// The legend frame's colour.
    public var legendBorder = PlotColor(rgb: 0xE2E2E2)
    /// Colour of error bars on bars (on lines and markers they take the series colour).
    public var errorBarColor = PlotColor(rgb: 0x333333)
    /// Width of error-bar strokes.
    public var errorBarWidth: Double = 1.5
    /// Width of error-bar caps.
    public var errorBarCap: Double = 8
    /// Colour of annotation text, arrows and reference lines.
    public var annotationColor = PlotColor(rgb: 0x333333)
    /// Colour of shaded annotation ranges (their opacity is the annotation's).
    public var rangeColor = PlotColor(rgb: 0x7F7F7F)
    /// Size of annotation text.
    public var annotationSize: Double = 11
    /// Whether series with far more points than pixel columns are reduced to the points that
    /// decide the drawing (M4 for lines, one marker per cell for opaque scatters); on by default.
    public var decimate = true
    /// Default opacity of a band's fill.
    public var bandOpacity: Double = 0.25
    /// Default opacity of an unstacked area's fill (stacked areas are opaque).
    public var areaOpacity: Double = 0.4
    /// Series colours used in order when a series names none (Tableau 10, which reads well on white
    /// and stays distinguishable for the common colour-vision deficiencies).
    public var palette: [PlotColor] = [0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
                                   0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC].map { PlotColor(rgb: $0) }

    /// The default theme.
    public init() {}

    /// Dark text on white: the default.
    public static let light = Theme()

    /// Light text on a near-black canvas, with the palette brightened a little so series keep
    /// their contrast; every size and gap is the light theme's, so both lay out identically.
    public static let dark: Theme = {
        var t = Theme()
        t.background = PlotColor(rgb: 0x17191C)
        t.tickLabelColor = PlotColor(rgb: 0xB8BCC2)
        t.titleColor = PlotColor(rgb: 0xE6E8EB)
        t.axisTitleColor = PlotColor(rgb: 0xE6E8EB)
        t.legendColor = PlotColor(rgb: 0xE6E8EB)
        t.subtitleColor = PlotColor(rgb: 0xA9AEB5)
        t.axisColor = PlotColor(rgb: 0x80868E)
        t.gridColor = PlotColor(rgb: 0x33373D)
        t.legendFill = PlotColor(rgb: 0x17191C).withOpacity(0.85)
        t.legendBorder = PlotColor(rgb: 0x3A3E44)
        t.errorBarColor = PlotColor(rgb: 0xD0D3D8)
        t.annotationColor = PlotColor(rgb: 0xD0D3D8)
        t.rangeColor = PlotColor(rgb: 0xB0B5BC)
        t.palette = [0x6FA0D8, 0xFFA54F, 0xFF7A7C, 0x8FD3CD, 0x78C46A,
                     0xF2D45C, 0xC999C2, 0xFFB3BC, 0xC09A82, 0xD2C9C5].map { PlotColor(rgb: $0) }
        return t
    }()

    /// The theme for a spec's choice (auto lays out in the light theme; its dark twin uses ``dark``).
    public static func named(_ choice: ThemeChoice) -> Theme {
        choice == .dark ? dark : light
    }
}
