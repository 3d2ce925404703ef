// A linear scale: data domain → pixel range (d3-scale's scaleLinear, reduced to what Plotline needs).

/// A linear map from a data domain to a pixel range.
///
/// The range may be reversed (a y axis maps the domain's lower end to the bottom pixel). A domain
/// whose ends are equal (or not finite) maps every value to the middle of the range instead of
/// dividing by zero; likewise `invert` on an empty range returns the middle of the domain.
public struct LinearScale: Sendable, Hashable {
    /// The data value mapped to `rangeLower`.
    public var domainLower: Double
    /// The data value mapped to `rangeUpper`.
    public var domainUpper: Double
    /// The pixel coordinate of `domainLower`.
    public var rangeLower: Double
    /// The pixel coordinate of `domainUpper`.
    public var rangeUpper: Double

    /// Creates a scale from the two ends of the domain and of the range (either may be reversed).
    public init(domainLower: Double, domainUpper: Double, rangeLower: Double, rangeUpper: Double) {
        self.domainLower = domainLower
        self.domainUpper = domainUpper
        self.rangeLower = rangeLower
        self.rangeUpper = rangeUpper
    }

    /// Creates an increasing scale from closed ranges.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.init(domainLower: domain.lowerBound, domainUpper: domain.upperBound,
                  rangeLower: range.lowerBound, rangeUpper: range.upperBound)
    }

    /// The pixel coordinate of data value v (extrapolates outside the domain).
    public func map(_ v: Double) -> Double {
        guard let t = Self.fraction(v, from: domainLower, to: domainUpper) else {
            return rangeLower / 2 + rangeUpper / 2
        }
        return Self.interpolate(from: rangeLower, to: rangeUpper, at: t)
    }

    /// The data value at pixel coordinate px (the inverse of `map`).
    public func invert(_ px: Double) -> Double {
        guard let t = Self.fraction(px, from: rangeLower, to: rangeUpper) else {
            return domainLower / 2 + domainUpper / 2
        }
        return Self.interpolate(from: domainLower, to: domainUpper, at: t)
    }

    /// Nice ticks for this scale's domain (see `Ticks.automatic`).
    public func ticks(maxCount: Int) -> TickSet {
        Ticks.automatic(lower: domainLower, upper: domainUpper, maxCount: maxCount)
    }

    /// Where v lies between a (0) and b (1); nil when a == b or the ends are not finite.
    static func fraction(_ v: Double, from a: Double, to b: Double) -> Double? {
        guard a.isFinite, b.isFinite, a != b else { return nil }
        let width = b - a
        // [-1e308, 1e308] overflows the width; halving every term keeps the ratio and stays finite.
        if width.isFinite { return (v - a) / width }
        return (v / 2 - a / 2) / (b / 2 - a / 2)
    }

    /// a·(1−t) + b·t: exact at t = 0 and t = 1, and cannot overflow for t in [0, 1] (d3-interpolate's form).
    static func interpolate(from a: Double, to b: Double, at t: Double) -> Double {
        a * (1 - t) + b * t
    }
}
