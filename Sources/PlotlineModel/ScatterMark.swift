/// Markers at the points: a scatter plot, or a bubble chart when each point has a size.
public struct ScatterMark: Sendable, Equatable {
    /// The y values; points with a missing value are not drawn.
    public var y: [Double]
    /// The marker; for a bubble chart its size is the largest bubble's diameter.
    public var marker: MarkerSpec
    /// Per-point sizes (non-negative, nan for none): bubble areas are proportional to them.
    public var sizes: [Double]?
    /// Error bars, or nil for none.
    public var errors: ErrorBars?

    /// Creates a scatter mark.
    public init(y: [Double], marker: MarkerSpec = MarkerSpec(), sizes: [Double]? = nil, errors: ErrorBars? = nil) {
        self.y = y
        self.marker = marker
        self.sizes = sizes
        self.errors = errors
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: ScatterMark, b: ScatterMark) -> Bool {
        sameValues(a.y, b.y) && a.marker == b.marker && sameValues(a.sizes, b.sizes) && a.errors == b.errors
    }
}
