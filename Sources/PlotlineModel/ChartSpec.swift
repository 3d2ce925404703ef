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
    /// A smaller line under the title.
    public var subtitle: String?
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
    /// Whether and where to draw a legend; the layout resolves ``LegendSpec/automatic``.
    public var legend: LegendSpec
    /// The data series, drawn in order (later ones on top); at least one when loaded from JSON.
    public var series: [SeriesSpec]

    /// Creates a spec.
    public init(width: Double = 800, height: Double = 500, title: String? = nil, subtitle: String? = nil,
                description: String? = nil, id: String? = nil, background: Color = .white, font: FontSpec = FontSpec(),
                x: AxisSpec = AxisSpec(), y: AxisSpec = AxisSpec(), legend: LegendSpec = .automatic, series: [SeriesSpec]) {
        self.width = width
        self.height = height
        self.title = title
        self.subtitle = subtitle
        self.description = description
        self.id = id
        self.background = background
        self.font = font
        self.x = x
        self.y = y
        self.legend = legend
        self.series = series
    }
}

/// Whether and where a chart shows its legend.
public enum LegendSpec: Sendable, Equatable {
    /// Shown, in the best place, when at least two series have names: a single series is already
    /// named by the title or axis label.
    case automatic
    /// Never shown.
    case hidden
    /// Always shown (when any series has a name), at this position.
    case shown(LegendPosition)

    /// The position to draw at for these series, or nil for no legend.
    public func resolved(for series: [SeriesSpec]) -> LegendPosition? {
        switch self {
        case .hidden: return nil
        case .shown(let p): return p
        case .automatic: return series.filter { !($0.name ?? "").isEmpty }.count >= 2 ? .best : nil
        }
    }
}

/// Where a legend sits: in a corner inside the plot, or outside it, where the plot shrinks to make room.
public enum LegendPosition: String, Sendable, Equatable, CaseIterable {
    /// Inside the plot, in the corner that covers the least ink.
    case best
    /// Inside the plot, top left.
    case topLeft = "top-left"
    /// Inside the plot, top right.
    case topRight = "top-right"
    /// Inside the plot, bottom left.
    case bottomLeft = "bottom-left"
    /// Inside the plot, bottom right.
    case bottomRight = "bottom-right"
    /// Outside, to the right of the plot.
    case right
    /// Outside, above the plot.
    case top
    /// Outside, below the plot.
    case bottom

    /// Whether the legend sits outside the plot area.
    public var isOutside: Bool { self == .right || self == .top || self == .bottom }
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

/// The order of categories along a categorical axis.
public enum CategoryOrder: String, Sendable, Equatable, CaseIterable {
    /// The order in which categories first appear in the data.
    case data
    /// Sorted by name, A to Z (numbers within names compared as text).
    case ascending
    /// Sorted by name, Z to A.
    case descending
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
    /// Whether to draw gridlines at the ticks; nil draws them on numeric axes and not between categories.
    public var grid: Bool?
    /// The order of categories when the axis holds categories.
    public var sort: CategoryOrder

    /// Creates an axis spec; bounds and ticks are automatic by default.
    public init(label: String? = nil, lower: Double? = nil, upper: Double? = nil, tickStep: Double? = nil,
                grid: Bool? = nil, sort: CategoryOrder = .data) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.tickStep = tickStep
        self.grid = grid
        self.sort = sort
    }

    /// Creates an axis spec with both ends fixed.
    public init(label: String? = nil, domain: ClosedRange<Double>, tickStep: Double? = nil, grid: Bool? = nil) {
        self.init(label: label, lower: domain.lowerBound, upper: domain.upperBound, tickStep: tickStep, grid: grid)
    }

    /// Both ends, when both are fixed.
    public var domain: ClosedRange<Double>? {
        guard let lower, let upper, lower <= upper else { return nil }
        return lower...upper
    }
}
