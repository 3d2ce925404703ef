/// Places categories in equal bands along a pixel range, as d3's band scale does, with half a
/// band's padding (`padding` × step) at each end.
public struct BandScale: Sendable, Hashable {
    /// The categories, in axis order.
    public var categories: [String]
    /// Where the first category's band starts, in pixels.
    public var rangeLower: Double
    /// Where the last category's band ends, in pixels.
    public var rangeUpper: Double

    /// Creates a band scale over `rangeLower…rangeUpper` (which may run backwards).
    public init(categories: [String], rangeLower: Double, rangeUpper: Double) {
        self.categories = categories
        self.rangeLower = rangeLower
        self.rangeUpper = rangeUpper
    }

    /// The signed distance from one category's centre to the next.
    public var step: Double {
        (rangeUpper - rangeLower) / Double(max(categories.count, 1))
    }

    /// The centre of the `index`-th category's band.
    public func center(_ index: Int) -> Double {
        rangeLower + (Double(index) + 0.5) * step
    }

    /// The centre of the named category's band, or nil when it is not on the axis.
    public func center(of category: String) -> Double? {
        categories.firstIndex(of: category).map(center)
    }
}
