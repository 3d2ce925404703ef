import PlotlineCore

/// The kinds of mark a series can be drawn with.
public enum MarkKind: String, Sendable, Equatable, CaseIterable {
    /// Points joined by a line, with optional markers.
    case line
    /// Markers only.
    case scatter
    /// Bars from zero (or stacked), grouped on a shared category.
    case bar
    /// A region filled between the values and a baseline.
    case area
    /// A region filled between a lower and an upper value.
    case band
}

/// How a series is drawn: one case per kind, each with the values and options only it has.
public enum Mark: Sendable, Equatable {
    /// A line through the points.
    case line(LineMark)
    /// Markers at the points.
    case scatter(ScatterMark)
    /// Bars.
    case bar(BarMark)
    /// A filled area.
    case area(AreaMark)
    /// A filled band between two bounds.
    case band(BandMark)

    /// The columns measured on the vertical axis, by their spec key: values, bounds and error-bar ends.
    public var valueColumns: [(key: String, values: [Double])] {
        func errors(_ e: ErrorBars?) -> [(key: String, values: [Double])] {
            e.map { [("yLower", $0.lower), ("yUpper", $0.upper)] } ?? []
        }
        switch self {
        case .line(let m): return [("y", m.y)] + errors(m.errors)
        case .scatter(let m): return [("y", m.y)] + errors(m.errors)
        case .bar(let m): return [("y", m.y)] + errors(m.errors)
        case .area(let m): return [("y", m.y)]
        case .band(let m): return [("yLower", m.lower), ("yUpper", m.upper)]
        }
    }

    /// The same mark with `transform` applied to every value measured on the vertical axis.
    public func mapValues(_ transform: (Double) -> Double) -> Mark {
        func errors(_ e: ErrorBars?) -> ErrorBars? {
            e.map { ErrorBars(lower: $0.lower.map(transform), upper: $0.upper.map(transform)) }
        }
        switch self {
        case .line(var m): m.y = m.y.map(transform); m.errors = errors(m.errors); return .line(m)
        case .scatter(var m): m.y = m.y.map(transform); m.errors = errors(m.errors); return .scatter(m)
        case .bar(var m): m.y = m.y.map(transform); m.errors = errors(m.errors); return .bar(m)
        case .area(var m): m.y = m.y.map(transform); return .area(m)
        case .band(var m): m.lower = m.lower.map(transform); m.upper = m.upper.map(transform); return .band(m)
        }
    }

    /// The kind of this mark.
    public var kind: MarkKind {
        switch self {
        case .line: .line
        case .scatter: .scatter
        case .bar: .bar
        case .area: .area
        case .band: .band
        }
    }
}

/// The shape of a point marker.
public enum MarkerShape: String, Sendable, Equatable, CaseIterable {
    /// A disc.
    case circle
    /// An axis-aligned square.
    case square
    /// A triangle pointing up.
    case triangle
    /// A square standing on a corner.
    case diamond
    /// A diagonal cross (×), stroked.
    case cross
    /// An upright cross (+), stroked.
    case plus
}

/// A point marker: shape, size and fill.
public struct MarkerSpec: Sendable, Equatable {
    /// The shape.
    public var shape: MarkerShape
    /// The marker's width in CSS pixels (its diameter for a circle).
    public var size: Double
    /// The fill: nil for the series colour, ``PlotColor/transparent`` for a hollow marker.
    public var fill: PlotColor?

    /// Creates a marker; 6 px circles in the series colour by default.
    public init(shape: MarkerShape = .circle, size: Double = 6, fill: PlotColor? = nil) {
        self.shape = shape
        self.size = size
        self.fill = fill
    }
}

/// Vertical error bars: the lower and upper end for each point (nan for none).
public struct ErrorBars: Sendable, Equatable {
    /// The lower ends, one per point.
    public var lower: [Double]
    /// The upper ends, one per point.
    public var upper: [Double]

    /// Creates error bars from absolute ends.
    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }

    /// Symmetric error bars: `y ± error`.
    public init(y: [Double], error: [Double]) {
        lower = zip(y, error).map { $0 - abs($1) }
        upper = zip(y, error).map { $0 + abs($1) }
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: ErrorBars, b: ErrorBars) -> Bool {
        sameValues(a.lower, b.lower) && sameValues(a.upper, b.upper)
    }
}
