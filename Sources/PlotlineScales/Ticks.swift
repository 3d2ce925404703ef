// Nice tick selection.
//
// Sources studied (rules reimplemented, no code copied):
// - d3 `ticks(start, stop, count)` (d3/d3-array src/ticks.js): steps 1, 2, 5 × 10^k; tick values as
//   integer multiples, using an integer reciprocal when the step is below 1 to avoid drift;
//   `nice()` (d3/d3-scale src/linear.js): round the domain outward to the step, iterate until stable.
// - matplotlib MaxNLocator / AutoLocator (lib/matplotlib/ticker.py): steps [1, 2, 2.5, 5, 10] and
//   nbins as an upper bound; at least min_n_ticks = 2 ticks; edge comparisons with a small tolerance.
// - Extended Wilkinson (Talbot, Lin, Hanrahan 2010; cran/labeling): simpler steps are preferred, which
//   is why the candidate list stops at 1, 2, 2.5, 5 rather than matplotlib's 1.5, 3, 4, 6, 8.

/// The result of choosing ticks: values, the step between them and their labels.
public struct TickSet: Sendable, Equatable {
    /// Tick positions in data units, ascending, each an integer multiple of `step`.
    public var values: [Double]
    /// The distance between consecutive ticks (for a single tick: the precision of its label).
    public var step: Double
    /// One label per value, formatted by `TickFormatter` from `step`.
    public var labels: [String]

    /// Creates a tick set from already formatted parts.
    public init(values: [Double], step: Double, labels: [String]) {
        self.values = values
        self.step = step
        self.labels = labels
    }

    /// Creates a tick set whose labels are formatted from the step.
    init(values: [Double], step: Double) {
        let formatter = TickFormatter(step: step, values: values)
        self.init(values: values, step: step, labels: values.map(formatter.format))
    }

    /// No ticks at all (non-finite input): step 1 so callers can still divide by it.
    static let empty = TickSet(values: [], step: 1, labels: [])
}

/// Tick selection and automatic domains for linear axes.
public enum Ticks {
    /// The most ticks any function here will produce, so a hostile step or count cannot exhaust memory.
    public static let maximumTickCount = 10_000

    /// The tick budget `fixed` falls back to when its step would give too many ticks (d3's default of 10 intervals).
    static let fallbackMaxCount = 11

    /// Relative tolerance (in units of the step) for deciding that a multiple lies inside the domain,
    /// so 0.1 + 0.2 style rounding in a bound never drops an end tick.
    static let edgeTolerance = 1e-9

    /// Widths below this fraction of the bounds' magnitude cannot be labelled in 12 significant digits,
    /// so they are treated as a single value.
    static let degenerateRelativeWidth = 1e-12

    /// How far (in steps) `autoDomain` lets data sit outside the rounded domain: rounding noise only.
    static let domainTolerance = 1e-12

    /// Relative rounding noise of a quotient bound/step (a few ulps): for a narrow domain far from
    /// zero (−4.2208344 / 1e-7 ≈ −4.2e7) it exceeds the fixed tolerance and would drop an end tick.
    static let quotientNoise = 1e-15

    /// The index of the first multiple of `step` at or above `bound`, allowing for rounding noise.
    static func firstIndex(atOrAbove bound: Double, step: Double) -> Double {
        let q = bound / step
        return (q - edgeTolerance - abs(q) * quotientNoise).rounded(.up)
    }

    /// The index of the last multiple of `step` at or below `bound`, allowing for rounding noise.
    static func lastIndex(atOrBelow bound: Double, step: Double) -> Double {
        let q = bound / step
        return (q + edgeTolerance + abs(q) * quotientNoise).rounded(.down)
    }

    /// Nice ticks inside [lower, upper]: at most `maxCount` of them, as many as possible, steps 1, 2, 2.5, 5 × 10^k.
    ///
    /// The step is the smallest candidate whose ticks inside the domain number between 2 and
    /// `maxCount` (one tick only if no candidate gives two). This reads `maxCount` as a hard budget,
    /// which is what a layout computing it from the axis length needs, and it reproduces d3's
    /// `ticks(start, stop, count)` test vectors with `maxCount = count + 1`.
    /// - Bounds are swapped if reversed; non-finite bounds give no ticks (step 1).
    /// - `maxCount` below 2 is treated as 2, above `maximumTickCount` as that.
    /// - Equal bounds (or bounds closer than 1e-12 relative) give one tick; its step is the
    ///   precision of that value, so 5 → "5" and 0.25 → "0.25".
    /// - Values are exact decimals (i × significand ÷ 10^n) and may exceed a bound by rounding noise
    ///   only: 1e-9 of a step plus 1e-15 of the value.
    /// - `integers: true` allows only whole-number steps (1, 2, 5, 10, …), for counts and years.
    public static func automatic(lower: Double, upper: Double, maxCount: Int, integers: Bool = false) -> TickSet {
        guard lower.isFinite, upper.isFinite else { return .empty }
        let (lo, hi) = lower <= upper ? (lower, upper) : (upper, lower)
        let budget = min(max(maxCount, 2), maximumTickCount)
        if isDegenerate(lo, hi) { return single(lo == hi ? lo : lo / 2 + hi / 2) }
        guard let choice = chooseStep(lower: lo, upper: hi, maxCount: budget, integers: integers) else {
            return single(lo / 2 + hi / 2)
        }
        let values = (0..<choice.count).map { choice.step.multiple(choice.first + Double($0)) }
        return TickSet(values: values, step: choice.step.value)
    }

    /// Ticks at every multiple of `step` inside [lower, upper], ends included within 1e-9 of a step (plus rounding noise).
    ///
    /// A step with a short decimal form (0.1, 0.25, 200) gives exact decimal values (3 × 0.1 → 0.3).
    /// A step that is zero, negative zero or non-finite, or that would give more than
    /// `maximumTickCount` ticks, falls back to `automatic(lower:upper:maxCount: 11)` rather than
    /// hanging or allocating without bound. A negative step is used by magnitude. When no multiple
    /// lies in the domain the result has no values (and still carries the step).
    public static func fixed(lower: Double, upper: Double, step: Double) -> TickSet {
        guard lower.isFinite, upper.isFinite else { return .empty }
        let (lo, hi) = lower <= upper ? (lower, upper) : (upper, lower)
        let size = abs(step)
        guard size.isFinite, size > 0 else {
            return automatic(lower: lo, upper: hi, maxCount: fallbackMaxCount)
        }
        let first = firstIndex(atOrAbove: lo, step: size)
        let last = lastIndex(atOrBelow: hi, step: size)
        let span = last - first + 1
        guard first.isFinite, last.isFinite,
              abs(first) <= exactIntegerLimit, abs(last) <= exactIntegerLimit,
              span <= Double(maximumTickCount),
              let count = Int(exactly: max(span, 0))
        else {
            return automatic(lower: lo, upper: hi, maxCount: fallbackMaxCount)
        }
        let decimal = DecimalStep(approximating: size)
        let values = (0..<count).map { j -> Double in
            let i = first + Double(j)
            if let decimal { return decimal.multiple(i) }
            let v = i * size
            return v == 0 ? 0 : v
        }
        return TickSet(values: values, step: size)
    }

    /// A nice domain for data spanning [dataMin, dataMax]: the data bounds rounded outward to the tick step.
    ///
    /// Rule (d3's `linear.nice`): choose the `automatic` step for the current bounds, round the lower
    /// bound down and the upper bound up to multiples of it, and repeat (at most 10 times) until the
    /// step stops changing, so `automatic` on the result with the same `maxCount` puts ticks on both
    /// ends. No extra padding is added: data that already sits on nice values (0…800) keeps them.
    /// Data straddling zero uses a budget of at least 3 (−s, 0, s), the fewest that can end on ticks.
    /// - Non-finite inputs are ignored; if neither is finite the domain is [0, 1].
    /// - Reversed inputs are swapped.
    /// - A single value (or a range narrower than 1e-12 of its magnitude) is widened by 10 % of its
    ///   magnitude on each side before rounding (5 → [4.4, 5.6] with maxCount 9); zero becomes [−1, 1].
    /// - The result contains the data, except that data within 1e-12 of a step beyond a nice bound
    ///   (0.1 + 0.2 against 0.3) is treated as on it.
    /// - Bounds that would overflow when rounded outward stay at the finite un-rounded value.
    /// - `integers: true` rounds to whole-number steps only, as ``automatic(lower:upper:maxCount:integers:)`` chooses them.
    public static func autoDomain(dataMin: Double, dataMax: Double, maxCount: Int, integers: Bool = false) -> (lower: Double, upper: Double) {
        var lo: Double
        var hi: Double
        switch (dataMin.isFinite, dataMax.isFinite) {
        case (true, true): (lo, hi) = dataMin <= dataMax ? (dataMin, dataMax) : (dataMax, dataMin)
        case (true, false): (lo, hi) = (dataMin, dataMin)
        case (false, true): (lo, hi) = (dataMax, dataMax)
        case (false, false): return (0, 1)
        }
        if isDegenerate(lo, hi) {
            let center = lo == hi ? lo : lo / 2 + hi / 2
            if center == 0 { return (-1, 1) }
            let pad = abs(center) / 10
            // Clamp so a value near the largest Double cannot pad to infinity.
            lo = max(center - pad, -Double.greatestFiniteMagnitude)
            hi = min(center + pad, Double.greatestFiniteMagnitude)
            if lo == hi {
                // Subnormal values whose tenth underflows: widen by one ulp each way instead.
                lo = center.nextDown
                hi = center.nextUp
            }
        }
        // Ticks on both ends of a domain that straddles zero need at least three of them (−s, 0, s);
        // with a budget of two the rounding would chase ever larger steps.
        let fewest = lo < 0 && hi > 0 ? 3 : 2
        let budget = min(max(maxCount, fewest), maximumTickCount)
        var previous: DecimalStep?
        var firstRounding: (lower: Double, upper: Double)?
        var converged = false
        for _ in 0..<10 {
            guard let choice = chooseStep(lower: lo, upper: hi, maxCount: budget, integers: integers) else { break }
            if choice.step == previous {
                converged = true
                break
            }
            previous = choice.step
            let size = choice.step.value
            // A bound within 1e-12 of a step of a multiple is that multiple, so binary noise (0.1 + 0.2)
            // never adds a whole step; anything further out is kept inside the domain.
            let qLo = lo / size, qHi = hi / size
            let down = choice.step.multiple((qLo + domainTolerance + abs(qLo) * quotientNoise).rounded(.down))
            let up = choice.step.multiple((qHi - domainTolerance - abs(qHi) * quotientNoise).rounded(.up))
            if down.isFinite { lo = down }
            if up.isFinite { hi = up }
            if firstRounding == nil { firstRounding = (lo, hi) }
        }
        // Not settled after ten rounds: the first rounding is the tightest nice domain we have.
        if !converged, let firstRounding { return firstRounding }
        return (lo, hi)
    }

    // MARK: - Internals

    /// True when [lo, hi] is a point or too narrow (relative to its magnitude) to label.
    static func isDegenerate(_ lo: Double, _ hi: Double) -> Bool {
        if lo == hi { return true }
        // Halves cannot overflow; a zero half-width means subnormal bounds one ulp apart.
        let halfWidth = hi / 2 - lo / 2
        if halfWidth <= 0 { return true }
        let magnitude = max(abs(lo), abs(hi))
        return halfWidth * 2 <= magnitude * degenerateRelativeWidth
    }

    /// One tick at v, its step being the precision of v's label.
    static func single(_ v: Double) -> TickSet {
        let value = v == 0 ? 0 : v
        return TickSet(values: [value], step: precisionStep(of: value).value)
    }

    /// The significands of the nice steps in ascending order, as integer × 10^adjust (2.5 = 25 × 10^-1).
    private static let mantissas: [(significand: Double, adjust: Int)] = [(1, 0), (2, 0), (25, -1), (5, 0)]

    /// The smallest nice step giving 2…maxCount ticks inside [lower, upper] (lower < upper, both finite).
    ///
    /// Returns the step, the index of the first tick and the tick count; nil only when no candidate
    /// can be counted in exact integers (widths near the limits of Double).
    static func chooseStep(lower: Double, upper: Double, maxCount: Int, integers: Bool = false) -> (step: DecimalStep, first: Double, count: Int)? {
        // Halving first keeps the width finite even for [-1e308, 1e308].
        let halfWidth = upper / 2 - lower / 2
        let rough = halfWidth / Double(maxCount) * 2
        guard rough.isFinite, rough > 0 else { return nil }
        let base = decimalExponent(rough)
        var oneTick: (step: DecimalStep, first: Double, count: Int)?
        // From a tenth of the rough step (≈ 10 × maxCount ticks) up to 50× it (≤ 1 tick): the answer lies between.
        for power in (base - 1)...(base + 2) {
            for m in mantissas {
                let step = DecimalStep(significand: m.significand, exponent: power + m.adjust)
                let size = step.value
                guard size.isFinite, size > 0 else { continue }
                // Whole-number data never gets fractional ticks (no 2002.5 between years).
                if integers, size < 1 || size != size.rounded() { continue }
                let first = firstIndex(atOrAbove: lower, step: size)
                let last = lastIndex(atOrBelow: upper, step: size)
                guard first.isFinite, last.isFinite,
                      abs(first) <= exactIntegerLimit, abs(last) <= exactIntegerLimit else { continue }
                let span = last - first + 1
                guard span >= 1, span <= Double(maxCount), let count = Int(exactly: span) else { continue }
                if count >= 2 { return (step, first, count) }
                if oneTick == nil { oneTick = (step, first, count) }
            }
        }
        return oneTick
    }
}
