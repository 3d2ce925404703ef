import PlotlineCore
import PlotlineModel
import PlotlineScales

/// A chart with every decision made: plot rectangle, scales, ticks, labels, series colours and
/// positions, legend entries and text. Building the PlotScene from it is a pure function
/// (`ChartLayout.build`), as usvg renders from a fully resolved tree.
struct ResolvedChart: Sendable {
    /// The canvas size.
    var width: Double
    var height: Double
    /// The look.
    var theme: Theme
    /// The space kept clear along the canvas edges.
    var pad: Double
    /// The plot area, with whole-pixel edges.
    var plot: Rect
    /// The horizontal axis.
    var x: ResolvedAxis
    /// The vertical axis.
    var y: ResolvedAxis
    /// The second vertical axis, on the right, when a series uses it.
    var y2: ResolvedAxis?
    /// The renderers, in painting order.
    var marks: [any MarkRenderer]
    /// The legend, or nil for none.
    var legend: LegendLayout?
    /// Title lines, subtitle and where they go.
    var title: TitleLayout?
    /// The tick-label size and the height of a digit at that size.
    var tickSize: Double
    var digitHeight: Double
    /// Where the zero line goes, in data units along the value axis, or nil for none.
    var zeroLine: (value: Double, vertical: Bool)?
    /// The accessible title and description.
    var accessibleTitle: String
    var description: String

    /// The data-to-pixel mapping of the x and the left y axis.
    var frame: PlotFrame {
        PlotFrame(plot: plot, theme: theme,
                  x: AxisMap(x, rangeLower: plot.x + 0.5, rangeUpper: plot.maxX - 0.5),
                  y: AxisMap(y, rangeLower: plot.maxY - 0.5, rangeUpper: plot.y + 0.5))
    }

    /// The mapping a series is drawn with: its y values on the axis it chose.
    func frame(for series: ResolvedSeries) -> PlotFrame {
        var f = frame
        if series.spec.axis == .y2, let y2 { f.y = AxisMap(y2, rangeLower: plot.maxY - 0.5, rangeUpper: plot.y + 0.5) }
        return f
    }
}

/// One axis' map from data to pixels: the scale type the axis resolved to, from PlotlineScales.
/// An enum rather than `any Scale`, so the per-point call in the marks is a direct one.
enum AxisMap: Sendable {
    case linear(LinearScale)
    case log(LogScale)
    case symlog(SymlogScale)
    case time(TimeScale)

    /// The map for a resolved axis over a pixel range (reversed axes swap the ends).
    init(_ axis: ResolvedAxis, rangeLower: Double, rangeUpper: Double) {
        let (r0, r1) = axis.reverse ? (rangeUpper, rangeLower) : (rangeLower, rangeUpper)
        switch axis.kind {
        case .log(let base):
            self = .log(LogScale(base: base, domainLower: axis.lower, domainUpper: axis.upper, rangeLower: r0, rangeUpper: r1))
        case .symlog(let c):
            self = .symlog(SymlogScale(constant: c, domainLower: axis.lower, domainUpper: axis.upper, rangeLower: r0, rangeUpper: r1))
        case .time(let offset):
            self = .time(TimeScale(domainLower: axis.lower, domainUpper: axis.upper, rangeLower: r0, rangeUpper: r1, utcOffset: offset))
        case .linear, .band:
            self = .linear(LinearScale(domainLower: axis.lower, domainUpper: axis.upper, rangeLower: r0, rangeUpper: r1))
        }
    }

    /// The pixel coordinate of a data value (nan where the scale has no place for it).
    func map(_ v: Double) -> Double {
        switch self {
        case .linear(let s): s.map(v)
        case .log(let s): s.map(v)
        case .symlog(let s): s.map(v)
        case .time(let s): s.map(v)
        }
    }

    /// The same map stretched half a pixel further at each end: to pixel boundaries instead of
    /// pixel centres, for shapes that should cover the outermost rows exactly (bars).
    var toEdges: AxisMap {
        func stretched<S: Scale>(_ s: S) -> S {
            let (a, b) = s.range
            let direction: Double = b >= a ? 1 : -1
            return s.withRange(a - 0.5 * direction, b + 0.5 * direction)
        }
        return switch self {
        case .linear(let s): .linear(stretched(s))
        case .log(let s): .log(stretched(s))
        case .symlog(let s): .symlog(stretched(s))
        case .time(let s): .time(stretched(s))
        }
    }
}

/// The plot rectangle and the scales that map data into it. Data map to pixel centres, so the
/// domain's ends fall on the outermost rows and columns.
struct PlotFrame: Sendable {
    var plot: Rect
    /// The look, for the few styles marks take from it (error bars).
    var theme: Theme
    var x: AxisMap
    var y: AxisMap

    /// The pixel for a data point; `swapped` puts the series' x on the vertical axis (horizontal bars).
    func point(_ px: Double, _ py: Double, swapped: Bool = false) -> Point {
        swapped ? Point(clampPixel(x.map(py)), clampPixel(y.map(px))) : Point(clampPixel(x.map(px)), clampPixel(y.map(py)))
    }

    /// Keeps far-off-scale points representable so writers and the rasterizer never see huge numbers;
    /// the clip hides them either way.
    func clampPixel(_ v: Double) -> Double {
        if v.isNaN { return 0 }
        return min(max(v, -1e6), 1e6)
    }
}

/// One axis after resolution: domain, ticks and their labels; categories sit at 0.5, 1.5, … in
/// data units, one unit apart, so marks treat them as numbers.
struct ResolvedAxis: Sendable {
    /// What the axis measures and how.
    enum Kind: Sendable, Equatable {
        case linear
        case log(LogBase)
        case symlog(Double)
        case time(offset: Int)
        case band
    }

    var kind: Kind = .linear
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var labels: [String]
    /// Unlabelled ticks between the labelled ones (log axes).
    var minorTicks: [Double] = []
    /// Whether values run right to left, or top to bottom.
    var reverse = false
    /// The category names, when the axis holds categories.
    var categories: [String]?
    /// Whether the tick labels are turned 45° to fit.
    var rotateLabels = false
    /// Whether gridlines are drawn.
    var grid: Bool

    init(kind: Kind = .linear, lower: Double, upper: Double, ticks: [Double], labels: [String], categories: [String]? = nil, grid: Bool) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
        self.labels = labels
        self.categories = categories
        self.grid = grid
    }

    static let empty = ResolvedAxis(lower: 0, upper: 1, ticks: [], labels: [], grid: true)
}

/// A series with its colour, opacity and positions resolved.
struct ResolvedSeries: Sendable {
    /// The index in the spec, which names the series in the PlotScene and the description.
    var index: Int
    var spec: SeriesSpec
    var color: PlotColor
    var opacity: Double
    /// Positions along the series' x axis in data units (categories at 0.5, 1.5, …); nan for a gap.
    var x: [Double]
    /// Whether x runs along the vertical axis (horizontal bars).
    var swapped = false
    /// For stacked bars and areas, where each value starts; nil starts at zero (or the baseline).
    var base: [Double]?
    /// For grouped bars, this series' slot among the groups' slots.
    var slot = 0
    var slotCount = 1
    /// For bars, the space per x value in data units (1 per category; the smallest gap between numeric x values).
    var bandWidth = 1.0
    /// Whether a line series of the same name is drawn over this band.
    var underLine = false

    /// The colour with the series' opacity applied.
    var paint: PlotColor { color.withOpacity(opacity) }
}

/// The finite minimum and maximum of some values.
struct Extent: Sendable {
    var min: Double?
    var max: Double?

    init() {}

    init(_ values: [Double]) {
        for v in values { include(v) }
    }

    mutating func include(_ v: Double) {
        guard v.isFinite else { return }
        min = Swift.min(min ?? v, v)
        max = Swift.max(max ?? v, v)
    }

    mutating func include(_ other: Extent) {
        if let a = other.min { include(a) }
        if let b = other.max { include(b) }
    }
}
