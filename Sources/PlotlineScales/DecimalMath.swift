// Decimal helpers shared by tick selection and label formatting.
//
// Everything here uses only the Swift standard library (no Foundation, no libm) so the results are
// identical on every machine: powers of ten come from correctly rounded literal parsing, and decimal
// exponents are derived from exact binary exponents and then corrected by comparison.

/// Correctly rounded powers of ten, 10^-330 … 10^310, parsed once.
///
/// `Double(String)` rounds correctly and ignores the locale, and 10^0 … 10^22 are exact in binary,
/// which is what lets tick values be computed as exact integer multiples.
private enum PowersOfTen {
    static let minExponent = -330
    static let maxExponent = 310
    static let table: [Double] = (minExponent...maxExponent).map { k in
        Double("1e\(k)") ?? (k > 0 ? .infinity : 0)
    }
}

/// 10^k as the nearest Double (0 below the subnormal range, +inf above the finite range).
func powerOfTen(_ k: Int) -> Double {
    if k < PowersOfTen.minExponent { return 0 }
    if k > PowersOfTen.maxExponent { return .infinity }
    return PowersOfTen.table[k - PowersOfTen.minExponent]
}

/// v × 10^p, dividing by a positive power when p < 0.
///
/// Dividing by the exact 10^n (n ≤ 22) rounds once, whereas multiplying by the inexact 10^-n would
/// round twice: that is the difference between 0.3 and 0.30000000000000004. Very large |p| is split
/// in two so the power itself cannot overflow to infinity or underflow to zero.
func scaleByPowerOfTen(_ v: Double, _ p: Int) -> Double {
    if p == 0 { return v }
    if p > 0 {
        return p <= 300 ? v * powerOfTen(p) : v * powerOfTen(300) * powerOfTen(p - 300)
    }
    let n = -p
    return n <= 300 ? v / powerOfTen(n) : v / powerOfTen(300) / powerOfTen(n - 300)
}

/// ⌊log10 x⌋ for finite x > 0, exact at powers of ten.
///
/// Starts from the binary exponent × log10(2) (off by at most one) and corrects it by comparing with
/// the same table `powerOfTen` uses, so `decimalExponent(powerOfTen(k)) == k` always holds.
func decimalExponent(_ x: Double) -> Int {
    guard x.isFinite, x > 0 else { return 0 }
    var e = Int((Double(x.exponent) * 0.301029995663981195).rounded(.down))
    while e > PowersOfTen.minExponent && powerOfTen(e) > x { e -= 1 }
    while e < PowersOfTen.maxExponent && powerOfTen(e + 1) <= x { e += 1 }
    return e
}

/// 2^53: the largest magnitude below which every integer is representable as a Double.
let exactIntegerLimit: Double = 9_007_199_254_740_992

/// A step written as an integer significand times a power of ten, e.g. 0.25 = 25 × 10^-2.
///
/// Tick values are computed as (i × significand) / 10^-exponent, so they are the Doubles nearest
/// to the exact decimals (the same idea as d3's integer reciprocal for steps below 1).
struct DecimalStep: Hashable, Sendable {
    /// An integer-valued Double, 1 ≤ significand < 10^15.
    var significand: Double
    var exponent: Int

    /// The step as a Double.
    var value: Double { scaleByPowerOfTen(significand, exponent) }

    /// The i-th multiple of the step (i integer-valued), never -0.
    func multiple(_ i: Double) -> Double {
        let n = i * significand
        let r = abs(n) <= exactIntegerLimit ? scaleByPowerOfTen(n, exponent) : i * value
        return r == 0 ? 0 : r
    }

    /// The short decimal form of `step` (positive, finite), if it has one with at most 15 significant digits.
    ///
    /// The tolerance (a billionth of the last digit, plus q's own rounding noise) accepts
    /// 0.30000000000000004 as 3 × 10^-1, the step the caller meant, but not 1/3 as 3333333333 × 10^-10.
    init?(approximating step: Double) {
        guard step.isFinite, step > 0 else { return nil }
        let lead = decimalExponent(step)
        for digits in 0..<15 {
            let p = lead - digits
            let q = scaleByPowerOfTen(step, -p)
            let r = q.rounded()
            if r >= 1, abs(q - r) <= 1e-9 + q * 5e-16 {
                self.init(significand: r, exponent: p)
                return
            }
        }
        return nil
    }

    init(significand: Double, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }
}

/// The power of ten of the last significant decimal digit of v (at most 12 significant digits).
///
/// Used when there is no step to format from (a single tick): 5 → 10^0, 0.30000000000000004 → 10^-1,
/// 1234.5 → 10^-1. Twelve digits is enough for any value a user typed and hides binary noise.
func precisionStep(of v: Double) -> DecimalStep {
    guard v.isFinite, v != 0 else { return DecimalStep(significand: 1, exponent: 0) }
    let lead = decimalExponent(abs(v))
    for p in stride(from: lead, through: lead - 11, by: -1) {
        let q = scaleByPowerOfTen(abs(v), -p)
        // Allow for the rounding noise of q itself (a few ulps) plus a millionth of a digit.
        if abs(q - q.rounded()) <= 1e-6 + q * 4e-16 {
            return DecimalStep(significand: 1, exponent: p)
        }
    }
    return DecimalStep(significand: 1, exponent: lead - 11)
}
