/// How a line runs between its points.
public enum Interpolation: String, Sendable, Equatable, CaseIterable {
    /// Straight segments.
    case linear
    /// A step up or down at each point, then flat until the next one.
    case stepBefore = "step-before"
    /// Flat from each point until the next one, then a step.
    case stepAfter = "step-after"
    /// Steps half-way between points.
    case stepMid = "step-mid"
    /// A smooth curve through the points that never overshoots them (Fritsch–Carlson).
    case monotone
}

/// What a line does at a missing value.
public enum GapPolicy: String, Sendable, Equatable, CaseIterable {
    /// The line stops and starts again after the gap.
    case `break`
    /// The line skips the missing value and joins its neighbours.
    case join
}

/// A line through the points, with optional markers and error bars.
public struct LineMark: Sendable, Equatable {
    /// The y values; missing or non-finite values are `nan`.
    public var y: [Double]
    /// The stroke width in CSS pixels (positive); 2 by default.
    public var width: Double
    /// A dash pattern of alternating on and off lengths in CSS pixels; empty for a solid line.
    public var dash: [Double]
    /// How the line runs between points; linear by default.
    public var interpolate: Interpolation
    /// What a missing value does; the line breaks by default.
    public var gaps: GapPolicy
    /// Markers at the points, or nil for none.
    public var marker: MarkerSpec?
    /// Error bars, or nil for none.
    public var errors: ErrorBars?

    /// Creates a line mark.
    public init(y: [Double], width: Double = 2, dash: [Double] = [], interpolate: Interpolation = .linear,
                gaps: GapPolicy = .break, marker: MarkerSpec? = nil, errors: ErrorBars? = nil) {
        self.y = y
        self.width = width
        self.dash = dash
        self.interpolate = interpolate
        self.gaps = gaps
        self.marker = marker
        self.errors = errors
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: LineMark, b: LineMark) -> Bool {
        sameValues(a.y, b.y) && a.width == b.width && a.dash == b.dash && a.interpolate == b.interpolate
            && a.gaps == b.gaps && a.marker == b.marker && a.errors == b.errors
    }
}
