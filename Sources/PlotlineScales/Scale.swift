// The scale types behind one protocol, as plotters' `Ranged` trait: each maps a data domain to a
// pixel range, inverts it, and chooses its own ticks and labels. The layout composes two of them
// into the plot's coordinate system.

/// A map from data values to pixel coordinates along one axis, with its own ticks.
public protocol Scale: Sendable {
    /// The pixel coordinate of a data value (extrapolated outside the domain; nan where the scale
    /// has no place for the value, such as zero on a log scale).
    func map(_ v: Double) -> Double
    /// The data value at a pixel coordinate.
    func invert(_ px: Double) -> Double
    /// At most `maxCount` labelled ticks inside the domain.
    func ticks(maxCount: Int) -> TickSet
    /// The same scale over another pixel range.
    func withRange(_ lower: Double, _ upper: Double) -> Self
    /// The pixel coordinates of the domain's lower and upper ends.
    var range: (lower: Double, upper: Double) { get }
}

extension LinearScale: Scale {
    /// The same scale over another pixel range.
    public func withRange(_ lower: Double, _ upper: Double) -> LinearScale {
        LinearScale(domainLower: domainLower, domainUpper: domainUpper, rangeLower: lower, rangeUpper: upper)
    }

    /// The pixel coordinates of the domain's ends.
    public var range: (lower: Double, upper: Double) { (rangeLower, rangeUpper) }
}

/// A logarithmic scale: equal distances for equal ratios.
public struct LogScale: Scale, Hashable {
    /// The logarithm base.
    public var base: LogBase
    /// The linear map of the values' logarithms.
    var inner: LinearScale

    /// Creates a log scale over a positive domain.
    public init(base: LogBase = .ten, domainLower: Double, domainUpper: Double, rangeLower: Double, rangeUpper: Double) {
        self.base = base
        inner = LinearScale(domainLower: base.log(domainLower), domainUpper: base.log(domainUpper),
                            rangeLower: rangeLower, rangeUpper: rangeUpper)
    }

    /// The pixel coordinate of v; nan for v ≤ 0.
    public func map(_ v: Double) -> Double { v > 0 ? inner.map(base.log(v)) : .nan }
    /// The value at pixel px.
    public func invert(_ px: Double) -> Double { base.power(inner.invert(px)) }
    /// Powers of the base (see ``LogTicks``).
    public func ticks(maxCount: Int) -> TickSet {
        LogTicks.ticks(lower: base.power(inner.domainLower), upper: base.power(inner.domainUpper), base: base, maxCount: maxCount).major
    }
    /// The same scale over another pixel range.
    public func withRange(_ lower: Double, _ upper: Double) -> LogScale {
        var s = self
        s.inner = inner.withRange(lower, upper)
        return s
    }
    /// The pixel coordinates of the domain's ends.
    public var range: (lower: Double, upper: Double) { inner.range }
}

/// A symmetric log scale: linear within ±`constant` of zero, logarithmic beyond.
public struct SymlogScale: Scale, Hashable {
    /// Where the scale turns from linear to logarithmic.
    public var constant: Double
    var inner: LinearScale

    /// Creates a symlog scale.
    public init(constant: Double = 1, domainLower: Double, domainUpper: Double, rangeLower: Double, rangeUpper: Double) {
        self.constant = constant > 0 && constant.isFinite ? constant : 1
        inner = LinearScale(domainLower: LogTicks.symlog(domainLower, constant: self.constant),
                            domainUpper: LogTicks.symlog(domainUpper, constant: self.constant),
                            rangeLower: rangeLower, rangeUpper: rangeUpper)
    }

    /// The pixel coordinate of v.
    public func map(_ v: Double) -> Double { inner.map(LogTicks.symlog(v, constant: constant)) }
    /// The value at pixel px.
    public func invert(_ px: Double) -> Double { LogTicks.symexp(inner.invert(px), constant: constant) }
    /// Zero and ±constant·10^k.
    public func ticks(maxCount: Int) -> TickSet {
        LogTicks.symlogTicks(lower: invert(inner.rangeLower), upper: invert(inner.rangeUpper), constant: constant, maxCount: maxCount)
    }
    /// The same scale over another pixel range.
    public func withRange(_ lower: Double, _ upper: Double) -> SymlogScale {
        var s = self
        s.inner = inner.withRange(lower, upper)
        return s
    }
    /// The pixel coordinates of the domain's ends.
    public var range: (lower: Double, upper: Double) { inner.range }
}

/// A time scale: seconds since 1970 mapped linearly, ticked on calendar boundaries.
public struct TimeScale: Scale, Hashable {
    /// The linear map of the seconds.
    public var linear: LinearScale
    /// The local time's offset from UTC, in seconds, for ticks and labels.
    public var utcOffset: Int

    /// Creates a time scale.
    public init(domainLower: Double, domainUpper: Double, rangeLower: Double, rangeUpper: Double, utcOffset: Int = 0) {
        linear = LinearScale(domainLower: domainLower, domainUpper: domainUpper, rangeLower: rangeLower, rangeUpper: rangeUpper)
        self.utcOffset = utcOffset
    }

    /// The pixel coordinate of a time.
    public func map(_ v: Double) -> Double { linear.map(v) }
    /// The time at pixel px.
    public func invert(_ px: Double) -> Double { linear.invert(px) }
    /// Calendar ticks (see ``TimeTicks``).
    public func ticks(maxCount: Int) -> TickSet {
        TimeTicks.ticks(lower: linear.domainLower, upper: linear.domainUpper, maxCount: maxCount, offset: utcOffset)
    }
    /// The same scale over another pixel range.
    public func withRange(_ lower: Double, _ upper: Double) -> TimeScale {
        var s = self
        s.linear = linear.withRange(lower, upper)
        return s
    }
    /// The pixel coordinates of the domain's ends.
    public var range: (lower: Double, upper: Double) { linear.range }
}
