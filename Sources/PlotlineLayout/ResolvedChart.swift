import PlotlineCore
import PlotlineModel
import PlotlineScales

/// A chart with every decision made: plot rectangle, scales, ticks, labels, series colours and
/// positions, legend entries and text. Building the Scene from it is a pure function
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

    /// The data-to-pixel mapping.
    var frame: PlotFrame {
        PlotFrame(plot: plot, theme: theme,
                  x: LinearScale(domainLower: x.lower, domainUpper: x.upper, rangeLower: plot.x + 0.5, rangeUpper: plot.maxX - 0.5),
                  y: LinearScale(domainLower: y.lower, domainUpper: y.upper, rangeLower: plot.maxY - 0.5, rangeUpper: plot.y + 0.5))
    }
}

/// The plot rectangle and the scales that map data into it. Data map to pixel centres, so the
/// domain's ends fall on the outermost rows and columns.
struct PlotFrame: Sendable {
    var plot: Rect
    /// The look, for the few styles marks take from it (error bars).
    var theme: Theme
    var x: LinearScale
    var y: LinearScale

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
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var labels: [String]
    /// The category names, when the axis holds categories.
    var categories: [String]?
    /// Whether the tick labels are turned 45° to fit.
    var rotateLabels = false
    /// Whether gridlines are drawn.
    var grid: Bool

    static let empty = ResolvedAxis(lower: 0, upper: 1, ticks: [], labels: [], grid: true)
}

/// A series with its colour, opacity and positions resolved.
struct ResolvedSeries: Sendable {
    /// The index in the spec, which names the series in the Scene and the description.
    var index: Int
    var spec: SeriesSpec
    var color: Color
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
    var paint: Color { color.withOpacity(opacity) }
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
