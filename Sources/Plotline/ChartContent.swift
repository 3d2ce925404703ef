/// A mark in a ``Chart``: it carries the `SeriesSpec` it stands for, and modifiers change it.
public protocol ChartContent: Sendable {
    /// The series this mark adds to the chart.
    var series: SeriesSpec { get set }
}

extension ChartContent {
    /// The name shown in the legend and the accessible description.
    public func name(_ name: String) -> Self { with { $0.name = name } }
    /// The colour.
    public func color(_ color: PlotColor) -> Self { with { $0.color = color } }
    /// The opacity, 0 to 1.
    public func opacity(_ opacity: Double) -> Self { with { $0.opacity = opacity } }
    /// The vertical axis the mark is measured on.
    public func axis(_ axis: VerticalAxis) -> Self { with { $0.axis = axis } }

    /// Any other series option.
    public func with(_ configure: (inout SeriesSpec) -> Void) -> Self {
        var copy = self
        configure(&copy.series)
        return copy
    }
}

/// A value that can stand on the x axis: a number, a category name or a date.
public protocol PlotX: Sendable {
    /// The x values of a column of these.
    static func column(_ values: [Self]) -> XValues
}

/// A value measured on a vertical axis: any number, or nil for a gap.
public protocol PlotNumber: Sendable {
    /// The value as a Double; nan for a gap.
    var plotValue: Double { get }
}

extension Double: PlotX, PlotNumber {
    /// Numbers on a numeric axis.
    public static func column(_ values: [Double]) -> XValues { .numbers(values) }
    /// The value itself.
    public var plotValue: Double { self }
}

extension Float: PlotX, PlotNumber {
    /// Numbers on a numeric axis.
    public static func column(_ values: [Float]) -> XValues { .numbers(values.map(Double.init)) }
    /// The value as a Double.
    public var plotValue: Double { Double(self) }
}

extension Int: PlotX, PlotNumber {
    /// Numbers on a numeric axis.
    public static func column(_ values: [Int]) -> XValues { .numbers(values.map(Double.init)) }
    /// The value as a Double.
    public var plotValue: Double { Double(self) }
}

extension String: PlotX {
    /// Category names on a categorical axis.
    public static func column(_ values: [String]) -> XValues { .categories(values) }
}

extension Optional: PlotNumber where Wrapped: PlotNumber {
    /// The value, or nan (a gap) for nil.
    public var plotValue: Double { self?.plotValue ?? .nan }
}

/// A moment on a time axis.
public struct PlotDate: PlotX, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Double

    /// A moment given in seconds since 1970 (UTC).
    public init(secondsSince1970: Double) { self.secondsSince1970 = secondsSince1970 }

    /// A moment written in ISO 8601: `2024-03-01`, `2024-03-01T14:30:00Z`, `2024-03-01 14:30+02:00`.
    public init(iso text: String) throws(ISO8601.ParseError) {
        secondsSince1970 = try ISO8601.parse(text)
    }

    /// Moments on a time axis.
    public static func column(_ values: [PlotDate]) -> XValues { .dates(values.map(\.secondsSince1970)) }
}

/// Points joined by a line.
public struct Line: ChartContent {
    /// The series this mark stands for.
    public var series: SeriesSpec

    /// A line through (x, y); x may be numbers, category names or ``PlotDate``s.
    public init<X: Sequence, Y: Sequence>(x: X, y: Y) where X.Element: PlotX, Y.Element: PlotNumber {
        series = SeriesSpec(x: X.Element.column(Array(x)), mark: .line(LineMark(y: y.map(\.plotValue))))
    }

    /// A line through y at x = 0, 1, 2, …
    public init<Y: Sequence>(y: Y) where Y.Element: PlotNumber {
        let values = y.map(\.plotValue)
        series = SeriesSpec(x: .numbers(values.indices.map(Double.init)), mark: .line(LineMark(y: values)))
    }

    private func mark(_ change: (inout LineMark) -> Void) -> Line {
        with { s in if case .line(var m) = s.mark { change(&m); s.mark = .line(m) } }
    }

    /// The stroke width in pixels.
    public func width(_ width: Double) -> Line { mark { $0.width = width } }
    /// A dash pattern in pixels.
    public func dash(_ pattern: [Double]) -> Line { mark { $0.dash = pattern } }
    /// How the line runs between points.
    public func interpolate(_ interpolation: Interpolation) -> Line { mark { $0.interpolate = interpolation } }
    /// What missing values do.
    public func gaps(_ policy: GapPolicy) -> Line { mark { $0.gaps = policy } }
    /// Markers at the points.
    public func marker(_ shape: MarkerShape, size: Double = 6, fill: PlotColor? = nil) -> Line {
        mark { $0.marker = MarkerSpec(shape: shape, size: size, fill: fill) }
    }
    /// Symmetric error bars.
    public func errorBars<E: Sequence>(_ error: E) -> Line where E.Element: PlotNumber {
        mark { $0.errors = ErrorBars(y: $0.y, error: error.map(\.plotValue)) }
    }
}

/// Markers at the points.
public struct Scatter: ChartContent {
    /// The series this mark stands for.
    public var series: SeriesSpec

    /// Markers at (x, y).
    public init<X: Sequence, Y: Sequence>(x: X, y: Y) where X.Element: PlotX, Y.Element: PlotNumber {
        series = SeriesSpec(x: X.Element.column(Array(x)), mark: .scatter(ScatterMark(y: y.map(\.plotValue))))
    }

    private func mark(_ change: (inout ScatterMark) -> Void) -> Scatter {
        with { s in if case .scatter(var m) = s.mark { change(&m); s.mark = .scatter(m) } }
    }

    /// The marker.
    public func marker(_ shape: MarkerShape, size: Double = 7, fill: PlotColor? = nil) -> Scatter {
        mark { $0.marker = MarkerSpec(shape: shape, size: size, fill: fill) }
    }
    /// Per-point sizes for a bubble chart (areas proportional to them).
    public func sizes<S: Sequence>(_ sizes: S) -> Scatter where S.Element: PlotNumber { mark { $0.sizes = sizes.map(\.plotValue) } }
    /// Symmetric error bars.
    public func errorBars<E: Sequence>(_ error: E) -> Scatter where E.Element: PlotNumber {
        mark { $0.errors = ErrorBars(y: $0.y, error: error.map(\.plotValue)) }
    }
}

/// Bars from zero.
public struct Bar: ChartContent {
    /// The series this mark stands for.
    public var series: SeriesSpec

    /// A bar at each x (a number or a category name) of height y.
    public init<X: Sequence, Y: Sequence>(x: X, y: Y) where X.Element: PlotX, Y.Element: PlotNumber {
        series = SeriesSpec(x: X.Element.column(Array(x)), mark: .bar(BarMark(y: y.map(\.plotValue))))
    }

    private func mark(_ change: (inout BarMark) -> Void) -> Bar {
        with { s in if case .bar(var m) = s.mark { change(&m); s.mark = .bar(m) } }
    }

    /// Stacks this series on the other stacked bars.
    public func stacked(_ stack: Bool = true) -> Bar { mark { $0.stack = stack } }
    /// Bars growing rightwards from a vertical category axis.
    public func horizontal() -> Bar { mark { $0.orientation = .horizontal } }
    /// The bars' share of each category, 0 to 1.
    public func barWidth(_ fraction: Double) -> Bar { mark { $0.barWidth = fraction } }
    /// Symmetric error bars.
    public func errorBars<E: Sequence>(_ error: E) -> Bar where E.Element: PlotNumber {
        mark { $0.errors = ErrorBars(y: $0.y, error: error.map(\.plotValue)) }
    }
}

/// A region filled between the values and a baseline.
public struct Area: ChartContent {
    /// The series this mark stands for.
    public var series: SeriesSpec

    /// An area under (x, y).
    public init<X: Sequence, Y: Sequence>(x: X, y: Y) where X.Element: PlotX, Y.Element: PlotNumber {
        series = SeriesSpec(x: X.Element.column(Array(x)), mark: .area(AreaMark(y: y.map(\.plotValue))))
    }

    private func mark(_ change: (inout AreaMark) -> Void) -> Area {
        with { s in if case .area(var m) = s.mark { change(&m); s.mark = .area(m) } }
    }

    /// Piles this area on the stacked areas before it.
    public func stacked(_ stack: Bool = true) -> Area { mark { $0.stack = stack } }
    /// The value the area fills to.
    public func baseline(_ value: Double) -> Area { mark { $0.baseline = value } }
}

/// A translucent region between a lower and an upper bound.
public struct Band: ChartContent {
    /// The series this mark stands for.
    public var series: SeriesSpec

    /// A band between `lower` and `upper` at each x.
    public init<X: Sequence, L: Sequence, U: Sequence>(x: X, lower: L, upper: U)
    where X.Element: PlotX, L.Element: PlotNumber, U.Element: PlotNumber {
        series = SeriesSpec(x: X.Element.column(Array(x)), mark: .band(BandMark(lower: lower.map(\.plotValue), upper: upper.map(\.plotValue))))
    }
}

/// Columns read from a CSV file, for marks built in Swift.
public struct CSVData: Sendable {
    /// The parsed table.
    public let table: CSVTable

    /// Reads a CSV file (comma, semicolon or tab separated, as its header line shows).
    public init(path: String) throws(PlotlineError) {
        guard let bytes = try FileOutput.read(path, limit: InputFile.Limit.csv) else { throw PlotlineError(.file, file: path, message: "cannot read: no such file") }
        do {
            table = try CSVTable.parse(bytes, file: path)
        } catch {
            throw PlotlineError(error)
        }
    }

    /// A column of numbers (missing cells are nan).
    public func numbers(_ column: String) throws(PlotlineError) -> [Double] {
        try values(column, .number)
    }

    /// A column of ISO 8601 dates.
    public func dates(_ column: String) throws(PlotlineError) -> [PlotDate] {
        try values(column, .date(offset: 0)).map(PlotDate.init(secondsSince1970:))
    }

    /// A column of text, such as category names.
    public func strings(_ column: String) throws(PlotlineError) -> [String] {
        guard let cells = table.column(named: column) else { throw PlotlineError(.invalidSpec, file: table.file, message: table.missingColumnMessage(column)) }
        return cells
    }

    private func values(_ column: String, _ reading: CellReading) throws(PlotlineError) -> [Double] {
        do {
            return try table.values(inColumn: column, reading: reading)
        } catch {
            throw PlotlineError(error)
        }
    }
}
