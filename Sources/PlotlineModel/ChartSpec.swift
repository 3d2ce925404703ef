import PlotlineCore
import PlotlineScales

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
    /// The canvas colour (`transparent` is allowed); nil takes the theme's.
    public var background: PlotColor?
    /// The colour scheme: light, dark, or one SVG that follows the reader's preference.
    public var theme: ThemeChoice
    /// The font used for all text.
    public var font: FontSpec
    /// Family, size, weight and colour per kind of text, over the theme's.
    public var text = TextStyles()
    /// The horizontal axis.
    public var x: AxisSpec
    /// The vertical axis.
    public var y: AxisSpec
    /// A second vertical axis on the right, for series with `axis: .y2`; nil when no series uses one.
    public var y2: AxisSpec?
    /// Whether and where to draw a legend; the layout resolves ``LegendSpec/automatic``.
    public var legend: LegendSpec
    /// The data series, drawn in order (later ones on top); at least one when loaded from JSON.
    public var series: [SeriesSpec]
    /// Notes in data coordinates: ranges are drawn under the data, lines and text over it.
    public var annotations: [Annotation] = []

    /// Creates a spec.
    public init(width: Double = 800, height: Double = 500, title: String? = nil, subtitle: String? = nil,
                description: String? = nil, id: String? = nil, background: PlotColor? = nil, theme: ThemeChoice = .light, font: FontSpec = FontSpec(),
                x: AxisSpec = AxisSpec(), y: AxisSpec = AxisSpec(), y2: AxisSpec? = nil, legend: LegendSpec = .automatic,
                series: [SeriesSpec]) {
        self.width = width
        self.height = height
        self.title = title
        self.subtitle = subtitle
        self.description = description
        self.id = id
        self.background = background
        self.theme = theme
        self.font = font
        self.x = x
        self.y = y
        self.y2 = y2
        self.legend = legend
        self.series = series
    }
}

/// A chart's colour scheme.
public enum ThemeChoice: String, Sendable, Equatable, CaseIterable {
    /// Dark text on white.
    case light
    /// Light text on a dark background.
    case dark
    /// Light, switching to dark where the reader prefers it: the SVG carries both sets of colours
    /// and a `prefers-color-scheme` rule; a PNG shows the light one.
    case auto
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

/// How an axis maps values to positions.
public enum ScaleType: String, Sendable, Equatable, CaseIterable {
    /// Evenly spaced values.
    case linear
    /// Evenly spaced powers (see ``AxisSpec/base``); values must be positive.
    case log
    /// Linear near zero, logarithmic beyond ``AxisSpec/constant``: for data that crosses zero with a huge range.
    case symlog
    /// Dates and times: ISO 8601 text or Unix times, ticked on calendar boundaries.
    case time
    /// Categories in equal bands.
    case band
}

/// How a time axis reads numbers.
public enum TimeUnit: String, Sendable, Equatable, CaseIterable {
    /// Seconds since 1970-01-01T00:00:00Z.
    case s
    /// Milliseconds since 1970-01-01T00:00:00Z.
    case ms
}

/// How CSV cells for an axis are read as numbers.
public enum NumberParsing: String, Sendable, Equatable, CaseIterable {
    /// Plain decimal numbers.
    case plain
    /// Numbers that may have thousands separators, a leading "$" or a trailing "%" ("12%" is 0.12).
    case formatted
}

/// A tick at a chosen value, optionally with its own label.
public struct TickSpec: Sendable, Equatable {
    /// Where the tick goes, in data units (seconds since 1970 on a time axis).
    public var value: Double
    /// The label; nil formats the value like the axis' other labels.
    public var label: String?

    /// Creates a tick.
    public init(value: Double, label: String? = nil) {
        self.value = value
        self.label = label
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
    /// Whether to draw gridlines at the ticks; nil draws them on numeric axes and not between categories.
    public var grid: Bool?
    /// The order of categories when the axis holds categories.
    public var sort: CategoryOrder
    /// The scale; nil chooses from the data: time for dates, band for categories, else linear.
    public var scale: ScaleType?
    /// The base of a log scale; 10 by default.
    public var base: LogBase = .ten
    /// Where a symlog scale turns from linear to logarithmic (positive); 1 by default.
    public var constant: Double = 1
    /// How tick labels are written; nil chooses from the tick step.
    public var format: NumberFormat?
    /// Text before every tick label.
    public var prefix = ""
    /// Text after every tick label.
    public var suffix = ""
    /// Ticks at exactly these values, instead of automatic ones.
    public var ticks: [TickSpec]?
    /// About how many ticks to aim for; nil fits as many as the labels allow.
    public var tickCount: Int?
    /// Whether values run right to left (or top to bottom).
    public var reverse = false
    /// Whether an automatic domain includes zero.
    public var zero = false
    /// Whether an automatic domain is widened to nice tick values; nil: yes, except on time axes,
    /// which keep the data's ends.
    public var nice: Bool?
    /// Whether a log axis drops non-positive values (with a warning) instead of refusing them.
    public var clamp = false
    /// The fixed offset from UTC, in seconds, at which a time axis places and labels its ticks
    /// and reads dates that carry no offset.
    public var utcOffset = 0
    /// How a time axis reads numbers; nil accepts only dates.
    public var unit: TimeUnit?
    /// How CSV cells are read as numbers.
    public var parse: NumberParsing = .plain

    /// Creates an axis spec; bounds and ticks are automatic by default.
    public init(label: String? = nil, lower: Double? = nil, upper: Double? = nil, tickStep: Double? = nil,
                grid: Bool? = nil, sort: CategoryOrder = .data, scale: ScaleType? = nil) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.tickStep = tickStep
        self.grid = grid
        self.sort = sort
        self.scale = scale
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
