import PlotlineCore

/// A note on the chart in data coordinates: text at a point, a reference line, or a shaded range.
public enum Annotation: Sendable, Equatable {
    /// Text at a data point, optionally with an arrow to it.
    case text(TextAnnotation)
    /// A horizontal or vertical line across the plot, with a label.
    case rule(RuleAnnotation)
    /// A shaded band across the plot between two values of one axis, with a label.
    case range(RangeAnnotation)
}

/// Which axis a rule or range is measured on.
public enum AnnotationAxis: String, Sendable, Equatable, CaseIterable {
    /// A vertical line, or a band between two x values.
    case x
    /// A horizontal line, or a band between two y values (on the left axis).
    case y
    /// The same on the second y axis.
    case y2
}

/// Text at a data point.
public struct TextAnnotation: Sendable, Equatable {
    /// The point, in data units (seconds since 1970 on a time axis).
    public var x: Double
    /// The point's value, in data units.
    public var y: Double
    /// Which vertical axis `y` is on.
    public var axis: VerticalAxis
    /// The text.
    public var text: String
    /// Where the text sits from the point, in pixels (right and down are positive).
    public var dx: Double
    /// See ``dx``.
    public var dy: Double
    /// Whether an arrow points from the text to the point.
    public var arrow: Bool
    /// The text and arrow colour; nil for the theme's.
    public var color: PlotColor?

    /// Creates a text annotation; by default the text sits 40 px above and right of the point with an arrow.
    public init(x: Double, y: Double, axis: VerticalAxis = .y, text: String, dx: Double = 40, dy: Double = -40,
                arrow: Bool = true, color: PlotColor? = nil) {
        self.x = x
        self.y = y
        self.axis = axis
        self.text = text
        self.dx = dx
        self.dy = dy
        self.arrow = arrow
        self.color = color
    }
}

/// A reference line: a target, a deadline, a threshold.
public struct RuleAnnotation: Sendable, Equatable {
    /// The axis the line's value is on: `x` draws a vertical line.
    public var axis: AnnotationAxis
    /// Where the line is, in data units.
    public var value: Double
    /// A label beside the line.
    public var label: String?
    /// The line colour; nil for the theme's.
    public var color: PlotColor?
    /// A dash pattern in pixels; dashed by default.
    public var dash: [Double]

    /// Creates a reference line.
    public init(axis: AnnotationAxis, value: Double, label: String? = nil, color: PlotColor? = nil, dash: [Double] = [5, 4]) {
        self.axis = axis
        self.value = value
        self.label = label
        self.color = color
        self.dash = dash
    }
}

/// A shaded band between two values: a training phase, a recession, an acceptable range.
public struct RangeAnnotation: Sendable, Equatable {
    /// The axis the ends are on: `x` shades a vertical band.
    public var axis: AnnotationAxis
    /// The lower end, in data units.
    public var lower: Double
    /// The upper end, in data units.
    public var upper: Double
    /// A label inside the band, at its top left.
    public var label: String?
    /// The fill colour; nil for the theme's.
    public var color: PlotColor?
    /// The fill's opacity, 0 to 1; 0.12 by default.
    public var opacity: Double

    /// Creates a shaded range.
    public init(axis: AnnotationAxis, lower: Double, upper: Double, label: String? = nil, color: PlotColor? = nil, opacity: Double = 0.12) {
        self.axis = axis
        self.lower = lower
        self.upper = upper
        self.label = label
        self.color = color
        self.opacity = opacity
    }
}
