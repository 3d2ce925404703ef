/// A chart built in Swift: marks in a result builder, then axis, title and legend modifiers.
///
/// ```swift
/// let chart = Chart(width: 800, height: 500) {
///     Line(x: steps, y: scores).name("MMLU-Pro").color(PlotColor(rgb: 0xF08080))
/// }
/// .xAxis("RL training steps", domain: 0...800, tickStep: 200)
/// .yAxis("MMLU-Pro", domain: 50...57, tickStep: 2)
/// try chart.write(to: "chart")   // chart.svg and chart.png
/// ```
///
/// The chart is a `ChartSpec`, the same model a JSON spec decodes to, and is checked by the same
/// validation before it renders; every option of the JSON spec is reachable through ``spec`` or
/// ``axis(_:_:)``.
public struct Chart: Sendable {
    /// The model this chart renders.
    public var spec: ChartSpec

    /// A chart of the marks the builder lists, `for` loops and `if`s included; the builder may
    /// throw (reading a CSV column, parsing a date), and the error passes through.
    public init(width: Double = 800, height: Double = 500, @ChartBuilder _ content: () throws -> [SeriesSpec]) rethrows {
        spec = ChartSpec(width: width, height: height, series: try content())
    }

    /// A chart of an existing spec.
    public init(spec: ChartSpec) {
        self.spec = spec
    }

    // MARK: - Modifiers

    /// The horizontal axis' title and, optionally, its domain, tick step, scale and number format.
    public func xAxis(_ label: String? = nil, domain: ClosedRange<Double>? = nil, tickStep: Double? = nil,
                      scale: ScaleType? = nil, format: NumberFormat? = nil) -> Chart {
        axis(\.x) { Chart.configure(&$0, label, domain, tickStep, scale, format) }
    }

    /// The vertical axis' title and, optionally, its domain, tick step, scale and number format.
    public func yAxis(_ label: String? = nil, domain: ClosedRange<Double>? = nil, tickStep: Double? = nil,
                      scale: ScaleType? = nil, format: NumberFormat? = nil) -> Chart {
        axis(\.y) { Chart.configure(&$0, label, domain, tickStep, scale, format) }
    }

    /// The second vertical axis, on the right, for marks with `.axis(.y2)`.
    public func y2Axis(_ label: String? = nil, domain: ClosedRange<Double>? = nil, tickStep: Double? = nil,
                       scale: ScaleType? = nil, format: NumberFormat? = nil) -> Chart {
        var copy = self
        var axis = copy.spec.y2 ?? AxisSpec()
        Chart.configure(&axis, label, domain, tickStep, scale, format)
        copy.spec.y2 = axis
        return copy
    }

    /// Any axis option: `chart.axis(\.x) { $0.reverse = true; $0.utcOffset = 3600 }`.
    public func axis(_ axis: WritableKeyPath<ChartSpec, AxisSpec>, _ configure: (inout AxisSpec) -> Void) -> Chart {
        var copy = self
        configure(&copy.spec[keyPath: axis])
        return copy
    }

    private static func configure(_ axis: inout AxisSpec, _ label: String?, _ domain: ClosedRange<Double>?, _ tickStep: Double?,
                                  _ scale: ScaleType?, _ format: NumberFormat?) {
        if let label { axis.label = label }
        if let domain { axis.lower = domain.lowerBound; axis.upper = domain.upperBound }
        if let tickStep { axis.tickStep = tickStep }
        if let scale { axis.scale = scale }
        if let format { axis.format = format }
    }

    /// The title, drawn above the plot and read first by screen readers.
    public func title(_ title: String) -> Chart { with { $0.title = title } }

    /// A smaller line under the title.
    public func subtitle(_ subtitle: String) -> Chart { with { $0.subtitle = subtitle } }

    /// The colour scheme.
    public func theme(_ theme: ThemeChoice) -> Chart { with { $0.theme = theme } }

    /// Where the legend goes (`nil` hides it).
    public func legend(_ position: LegendPosition?) -> Chart { with { $0.legend = position.map { .shown($0) } ?? .hidden } }

    /// Any other chart-level option: `chart.with { $0.background = .transparent }`.
    public func with(_ configure: (inout ChartSpec) -> Void) -> Chart {
        var copy = self
        configure(&copy.spec)
        return copy
    }

    // MARK: - Output

    /// The spec after validation: the same checks and errors as a JSON spec.
    public func validated() throws(PlotlineError) -> ChartSpec {
        do {
            try spec.validate()
        } catch {
            throw PlotlineError(error)
        }
        return spec
    }

    /// The chart as SVG text.
    public func svg(text: SVGWriter.TextMode = .text, renderer: Renderer = Renderer()) throws(PlotlineError) -> String {
        let (scene, dark) = try renderer.scenes(for: try validated(), specFile: "chart")
        return SVGWriter(textMode: text).write(scene, dark: dark)
    }

    /// The chart as PNG bytes at `scale` pixels per CSS pixel (1–8).
    public func png(scale: Int = 1, renderer: Renderer = Renderer()) throws(PlotlineError) -> [UInt8] {
        guard (1...8).contains(scale) else { throw PlotlineError(.invalidOption, message: "png: scale \(scale) is out of range; expected 1 to 8") }
        let scene = try renderer.scene(for: try validated(), specFile: "chart")
        return try Renderer.encode(scene, as: .png, options: RenderOptions(formats: [.png], scale: Double(scale)))
    }

    /// Writes `<base>.svg` and `<base>.png` (or the formats asked for), each atomically; nothing is
    /// written when the chart is invalid.
    public func write(to base: String, formats: [OutputFormat] = [.svg, .png], scale: Int = 1,
                      renderer: Renderer = Renderer()) throws(PlotlineError) {
        guard (1...8).contains(scale) else { throw PlotlineError(.invalidOption, message: "write: scale \(scale) is out of range; expected 1 to 8") }
        let (scene, dark) = try renderer.scenes(for: try validated(), specFile: base)
        let options = RenderOptions(formats: formats, scale: Double(scale))
        // Every file is encoded before any is written, so a failure leaves no partial set.
        var files: [(String, [UInt8])] = []
        for format in formats {
            files.append((base + "." + format.fileExtension, try Renderer.encode(scene, dark: dark, as: format, options: options, name: base)))
        }
        // And all of them replace their old versions together, or none does.
        try FileOutput.writeTogether(files.map { ($0.1, $0.0) })
    }
}

/// Collects the marks of a ``Chart``: each mark, or an array of them, with `if`, `if`/`else` and `for`.
@resultBuilder
public enum ChartBuilder {
    /// One mark.
    public static func buildExpression(_ mark: some ChartContent) -> [SeriesSpec] { [mark.series] }
    /// Several series at once.
    public static func buildExpression(_ series: [SeriesSpec]) -> [SeriesSpec] { series }
    /// The marks in order.
    public static func buildBlock(_ parts: [SeriesSpec]...) -> [SeriesSpec] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [SeriesSpec]?) -> [SeriesSpec] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [SeriesSpec]) -> [SeriesSpec] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [SeriesSpec]) -> [SeriesSpec] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[SeriesSpec]]) -> [SeriesSpec] { parts.flatMap { $0 } }
}
