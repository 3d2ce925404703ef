import PlotlineCore

/// One data series: its name, colour, x values and the mark that draws it.
public struct SeriesSpec: Sendable, Equatable {
    /// The name shown in the legend and the accessible description.
    public var name: String?
    /// The colour; nil lets the layout pick from its palette by series index (a band named like a
    /// line takes the line's colour).
    public var color: PlotColor?
    /// Opacity from 0 to 1 applied to the mark's colour; nil uses the mark's default
    /// (1, but 0.25 for bands and 0.4 for unstacked areas).
    public var opacity: Double?
    /// The x values: numbers (nan for a gap) or category names.
    public var x: XValues
    /// How the series is drawn, with the values and options that only that mark has.
    public var mark: Mark
    /// The vertical axis the series is measured on.
    public var axis: VerticalAxis

    /// Creates a series from a mark.
    public init(name: String? = nil, color: PlotColor? = nil, opacity: Double? = nil, x: XValues, mark: Mark,
                axis: VerticalAxis = .y) {
        self.name = name
        self.color = color
        self.opacity = opacity
        self.x = x
        self.mark = mark
        self.axis = axis
    }

    /// Creates a line series; `x: nil` numbers the points 0, 1, 2, …
    public init(name: String? = nil, color: PlotColor? = nil, width: Double = 2, dash: [Double] = [],
                x: [Double]? = nil, y: [Double]) {
        self.init(name: name, color: color, x: .numbers(x ?? y.indices.map(Double.init)),
                  mark: .line(LineMark(y: y, width: width, dash: dash)))
    }

    /// The kind of mark.
    public var kind: MarkKind { mark.kind }

    /// The number of data points.
    public var count: Int { x.count }
}

/// Which vertical axis a series is measured on.
public enum VerticalAxis: String, Sendable, Equatable, CaseIterable {
    /// The left axis.
    case y
    /// The second axis, on the right.
    case y2
}

/// The x values of a series.
public enum XValues: Sendable, Equatable {
    /// Numbers; missing or non-finite values are `nan`.
    case numbers([Double])
    /// Dates and times as seconds since 1970-01-01T00:00:00Z; missing values are `nan`.
    case dates([Double])
    /// Category names, placed along a categorical axis.
    case categories([String])

    /// The number of values.
    public var count: Int {
        switch self {
        case .numbers(let v), .dates(let v): v.count
        case .categories(let c): c.count
        }
    }

    /// The positions along a numeric or time axis, or nil for categories.
    public var numbers: [Double]? {
        switch self {
        case .numbers(let v), .dates(let v): v
        case .categories: nil
        }
    }

    /// The category names, or nil for numbers.
    public var categories: [String]? {
        if case .categories(let c) = self { return c }
        return nil
    }

    /// Equality that treats two `nan` values as equal, so that a series with gaps equals itself.
    public static func == (a: XValues, b: XValues) -> Bool {
        switch (a, b) {
        case let (.numbers(x), .numbers(y)), let (.dates(x), .dates(y)): sameValues(x, y)
        case let (.categories(x), .categories(y)): x == y
        default: false
        }
    }
}

/// Element-wise equality in which `nan` equals `nan`.
func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

/// Element-wise equality of optional arrays in which `nan` equals `nan`.
func sameValues(_ a: [Double]?, _ b: [Double]?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): sameValues(x, y)
    default: false
    }
}
