/// A translucent region between a lower and an upper value at each x: a confidence interval or a
/// mean ± standard deviation. A band named like a line series is drawn under that line.
public struct BandMark: Sendable, Equatable {
    /// The lower bounds; a missing value breaks the band.
    public var lower: [Double]
    /// The upper bounds.
    public var upper: [Double]

    /// Creates a band mark.
    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }

    /// Equality in which `nan` equals `nan`.
    public static func == (a: BandMark, b: BandMark) -> Bool {
        sameValues(a.lower, b.lower) && sameValues(a.upper, b.upper)
    }
}
