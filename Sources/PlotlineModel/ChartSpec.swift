import PlotlineCore

/// A whole chart as the user describes it: size, text, axes, legend and series.
///
/// Build one in Swift or load one from JSON with ``ChartSpecLoader``; the loader validates every
/// field, while values built in Swift are taken as given (the layout clamps what it must).
public struct ChartSpec: Sendable, Equatable {
    /// Canvas width in CSS pixels (1…16384 when loaded from JSON).
    public var width: Double
    /// Canvas height in CSS pixels (1…16384 when loaded from JSON).
    public var height: Double
    /// The chart title, shown above the plot and used as the SVG `<title>`.
    public var title: String?
    /// Overrides the generated accessible description (SVG `<desc>`).
    public var description: String?
    /// The prefix of every SVG id; nil lets the writer derive one from the content.
    /// When loaded from JSON it matches `[A-Za-z][A-Za-z0-9_-]*`.
    public var id: String?
    /// The canvas colour; `transparent` is allowed.
    public var background: Color
    /// The font used for all text.
    public var font: FontSpec
    /// The horizontal axis.
    public var x: AxisSpec
    /// The vertical axis.
    public var y: AxisSpec
    /// Whether to draw a legend. When a spec leaves it out, a legend is shown only if at least
    /// two series have names: a single series is already named by the title or axis label.
    public var legend: Bool
    /// The data series, drawn in order (later ones on top); at least one when loaded from JSON.
    public var series: [SeriesSpec]

    /// Creates a spec; `legend: nil` applies the default rule (see ``legend``).
    public init(width: Double = 800, height: Double = 500, title: String? = nil, description: String? = nil,
                id: String? = nil, background: Color = .white, font: FontSpec = FontSpec(),
                x: AxisSpec = AxisSpec(), y: AxisSpec = AxisSpec(), legend: Bool? = nil, series: [SeriesSpec]) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self.id = id
        self.background = background
        self.font = font
        self.x = x
        self.y = y
        self.legend = legend ?? ChartSpec.defaultLegend(for: series)
        self.series = series
    }

    /// The legend default: on when at least two series have a non-empty name.
    public static func defaultLegend(for series: [SeriesSpec]) -> Bool {
        series.filter { !($0.name ?? "").isEmpty }.count >= 2
    }
}

/// The font for a chart's text.
public struct FontSpec: Sendable, Equatable {
    /// The family name looked up among installed fonts when `file` is nil.
    public var family: String
    /// A font file to use instead of looking up `family`; relative paths in a spec are resolved
    /// against the spec's folder, so this holds the resolved path.
    public var file: String?
    /// The base text size in CSS pixels (tick labels); titles are scaled from it.
    public var size: Double

    /// Creates a font spec; the default is DejaVu Sans at 12 px.
    public init(family: String = "DejaVu Sans", file: String? = nil, size: Double = 12) {
        self.family = family
        self.file = file
        self.size = size
    }
}

/// One axis: its title, range, tick spacing and gridlines.
public struct AxisSpec: Sendable, Equatable {
    /// The axis title.
    public var label: String?
    /// The lower end of the axis; nil lets the layout choose it from the data.
    public var lower: Double?
    /// The upper end of the axis; nil lets the layout choose it from the data.
    public var upper: Double?
    /// The distance between ticks; nil lets the layout choose nice ticks. Positive and finite.
    public var tickStep: Double?
    /// Whether to draw gridlines at the ticks.
    public var grid: Bool

    /// Creates an axis spec; bounds and ticks are automatic by default.
    public init(label: String? = nil, lower: Double? = nil, upper: Double? = nil, tickStep: Double? = nil, grid: Bool = true) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.tickStep = tickStep
        self.grid = grid
    }

    /// Creates an axis spec with both ends fixed.
    public init(label: String? = nil, domain: ClosedRange<Double>, tickStep: Double? = nil, grid: Bool = true) {
        self.init(label: label, lower: domain.lowerBound, upper: domain.upperBound, tickStep: tickStep, grid: grid)
    }

    /// Both ends, when both are fixed.
    public var domain: ClosedRange<Double>? {
        guard let lower, let upper, lower <= upper else { return nil }
        return lower...upper
    }
}

/// The ways a series can be drawn. More kinds (scatter, area, band, bar, step) will join `line`.
public enum SeriesKind: String, Sendable, Equatable, CaseIterable {
    /// Points joined by straight segments; gaps (nan) break the line.
    case line
}

/// One data series: its values and how to draw them.
public struct SeriesSpec: Sendable, Equatable {
    /// The name shown in the legend and the accessible description.
    public var name: String?
    /// How the series is drawn.
    public var kind: SeriesKind
    /// The stroke colour; nil lets the layout pick from its palette by series index.
    public var color: Color?
    /// The stroke width in CSS pixels (positive).
    public var width: Double
    /// A dash pattern of alternating on and off lengths in CSS pixels; empty for a solid line.
    public var dash: [Double]
    /// The x values, as many as `y`. Missing or non-finite values are `nan`.
    public var x: [Double]
    /// The y values. Missing or non-finite values are `nan`; they break the line.
    public var y: [Double]

    /// Creates a series; `x: nil` numbers the points 0, 1, 2, …
    public init(name: String? = nil, kind: SeriesKind = .line, color: Color? = nil, width: Double = 2,
                dash: [Double] = [], x: [Double]? = nil, y: [Double]) {
        self.name = name
        self.kind = kind
        self.color = color
        self.width = width
        self.dash = dash
        self.x = x ?? y.indices.map(Double.init)
        self.y = y
    }

    /// Equality that treats two `nan` values as equal, so that a spec with gaps equals itself.
    public static func == (a: SeriesSpec, b: SeriesSpec) -> Bool {
        a.name == b.name && a.kind == b.kind && a.color == b.color && a.width == b.width && a.dash == b.dash
            && sameValues(a.x, b.x) && sameValues(a.y, b.y)
    }

    private static func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
