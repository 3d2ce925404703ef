/// Which way bars grow.
public enum BarOrientation: String, Sendable, Equatable, CaseIterable {
    /// Upwards from a horizontal category axis.
    case vertical
    /// Rightwards from a vertical category axis; the series' x values are placed on the vertical axis.
    case horizontal
}

/// Bars from zero to each value; several bar series share each category side by side, or stack.
public struct BarMark: Sendable, Equatable {
    /// The values; a missing value draws no bar.
    public var y: [Double]
    /// Which way the bars grow.
    public var orientation: BarOrientation
    /// Whether this series stacks on the other stacked bar series (negative values stack downwards).
    public var stack: Bool
    /// The width of a category's bars as a fraction of the space per category (0 to 1); 0.8 by default.
    public var barWidth: Double
    /// For a histogram, the bin edges (one more than the values): bars span them exactly.
    public var binEdges: [Double]?
    /// Error bars, or nil for none.
    public var errors: ErrorBars?

    /// Creates a bar mark.
    public init(y: [Double], orientation: BarOrientation = .vertical, stack: Bool = false, barWidth: Double = 0.8,
                binEdges: [Double]? = nil, errors: ErrorBars? = nil) {
        self.y = y
        self.orientation = orientation
        self.stack = stack
        self.barWidth = barWidth
        self.binEdges = binEdges
        self.errors = errors
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: BarMark, b: BarMark) -> Bool {
        sameValues(a.y, b.y) && a.orientation == b.orientation && a.stack == b.stack && a.barWidth == b.barWidth
            && sameValues(a.binEdges, b.binEdges) && a.errors == b.errors
    }
}
