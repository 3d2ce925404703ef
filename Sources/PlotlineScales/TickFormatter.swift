// Tick-label formatting.
//
// Labels are produced from scaled integers (value × 10^decimals, rounded, printed digit by digit),
// never from String(format:) or a locale, so every machine prints the same bytes. The number of
// decimals comes from the step, as d3-format's precisionFixed(step) and matplotlib's
// ScalarFormatter do, so one axis never mixes "0.5" with "1" or shows 0.30000000000000004.

/// Formats tick values from the tick step, never from raw doubles.
///
/// One formatter serves one axis: every label uses the same notation and the same number of
/// decimals, except that a value that rounds to zero is always "0". Rules, by the largest
/// |value| m on the axis (or the step when there are no values):
/// - m < 10^-4 (non-zero) or m ≥ 10^15: scientific with one shared exponent E = ⌊log10 m⌋ and
///   Unicode superscripts: "2×10⁻⁵", "−0.5×10¹⁵".
/// - 10^6 ≤ m < 10^15: a suffix for the largest unit not above m, M (10^6), B (10^9) or T (10^12):
///   [0, 2e9] by 5e8 → "0", "0.5B", "1.0B", "1.5B", "2.0B". If the step would need more than 3
///   decimals in that unit (e.g. 1,000,000.1), plain notation is used instead.
/// - otherwise plain; when m ≥ 10,000 the integer part is grouped with commas ("200,000"), so years
///   like 1990 stay ungrouped.
/// Decimals are the fewest that represent the step exactly in the chosen unit (0.25 → 2, 2.5 → 1,
/// 200 → 0), capped so no label exceeds 15 significant digits. Negative values use U+2212 "−".
public struct TickFormatter: Sendable {
    /// How the scaled integer is turned into text.
    enum Notation: Sendable, Equatable {
        /// Plain decimal, optionally with comma thousands separators.
        case plain(grouped: Bool)
        /// value ÷ 10^exponent followed by a unit letter (M, B, T).
        case suffixed(exponent: Int, symbol: String)
        /// value ÷ 10^exponent followed by "×10" and a superscript exponent.
        case scientific(exponent: Int)
    }

    /// The step the labels were sized for (positive and finite).
    public let step: Double
    /// Digits after the decimal point in every non-zero label.
    public let decimals: Int
    let notation: Notation

    /// Chooses notation and decimals for labels of `values` spaced by `step`.
    ///
    /// A step that is zero or non-finite is replaced by the precision of the largest value.
    public init(step: Double, values: [Double]) {
        let largest = values.lazy.filter(\.isFinite).map(abs).max() ?? 0
        var size = abs(step)
        if !(size.isFinite && size > 0) {
            size = largest > 0 ? precisionStep(of: largest).value : 1
        }
        self.step = size
        let magnitude = largest > 0 ? largest : (values.isEmpty ? size : 0)
        guard magnitude > 0 else {
            notation = .plain(grouped: false)
            decimals = Self.decimals(for: size, unitExponent: 0, magnitudeExponent: 0)
            return
        }
        let leading = decimalExponent(magnitude)
        if magnitude < 1e-4 || magnitude >= 1e15 {
            notation = .scientific(exponent: leading)
            decimals = Self.decimals(for: size, unitExponent: leading, magnitudeExponent: leading)
            return
        }
        if magnitude >= 1e6 {
            let (unit, symbol) = leading >= 12 ? (12, "T") : leading >= 9 ? (9, "B") : (6, "M")
            let d = Self.decimals(for: size, unitExponent: unit, magnitudeExponent: leading)
            if d <= 3 {
                notation = .suffixed(exponent: unit, symbol: symbol)
                decimals = d
                return
            }
        }
        notation = .plain(grouped: magnitude >= 10_000)
        decimals = Self.decimals(for: size, unitExponent: 0, magnitudeExponent: leading)
    }

    /// The label for v: "0" for anything that rounds to zero, "−" for negatives, "∞"/"−∞"/"NaN" for non-finite.
    public func format(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        switch notation {
        case .plain(let grouped):
            if let s = Self.render(v, unitExponent: 0, decimals: decimals, grouped: grouped, suffix: "") { return s }
        case .suffixed(let exponent, let symbol):
            if let s = Self.render(v, unitExponent: exponent, decimals: decimals, grouped: false, suffix: symbol) {
                return s
            }
        case .scientific(let exponent):
            if let s = Self.render(v, unitExponent: exponent, decimals: decimals, grouped: false,
                                   suffix: Self.timesTenTo(exponent)) {
                return s
            }
        }
        // Only values far outside the axis the formatter was built for get here: six significant digits.
        let exponent = decimalExponent(abs(v))
        return Self.render(v, unitExponent: exponent, decimals: 5, grouped: false, suffix: Self.timesTenTo(exponent)) ?? "NaN"
    }

    // MARK: - Internals

    /// The fewest decimals (in units of 10^unitExponent) that write `step` exactly, capped at 15 significant digits.
    ///
    /// Steps with no short decimal form (1/3) get three significant digits of the step.
    static func decimals(for step: Double, unitExponent: Int, magnitudeExponent: Int) -> Int {
        let unitStep = scaleByPowerOfTen(step, -unitExponent)
        // Integer digits of the largest label; the rest of 15 significant digits may be decimals.
        let integerDigits = max(magnitudeExponent - unitExponent + 1, 0)
        let cap = max(0, 15 - integerDigits)
        guard unitStep.isFinite, unitStep > 0 else { return 0 }
        let fallback = min(cap, max(0, 2 - decimalExponent(unitStep)))
        for d in 0...cap {
            let q = scaleByPowerOfTen(unitStep, d)
            // Absolute slack for a billionth of a digit plus relative slack for q's own rounding noise;
            // a purely relative test would accept any q once it is large (1/3 → 333333333).
            if q.rounded() >= 1, abs(q - q.rounded()) <= 1e-9 + q * 5e-16 { return d }
        }
        return fallback
    }

    /// v ÷ 10^unitExponent written with `decimals` decimals, or nil if it needs more than 17 digits.
    static func render(_ v: Double, unitExponent: Int, decimals: Int, grouped: Bool, suffix: String) -> String? {
        let scaled = scaleByPowerOfTen(v, decimals - unitExponent).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 1e17, let integer = UInt64(exactly: abs(scaled)) else { return nil }
        if integer == 0 { return "0" }
        var digits = String(integer)
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        var whole = String(digits[..<split])
        if grouped { whole = groupThousands(whole) }
        var out = v < 0 ? "\u{2212}" : ""
        out += whole
        if decimals > 0 { out += "." + digits[split...] }
        return out + suffix
    }

    /// "1234567" → "1,234,567".
    static func groupThousands(_ digits: String) -> String {
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// "×10" followed by the exponent in superscript digits, e.g. "×10⁻⁵".
    static func timesTenTo(_ exponent: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = "×10"
        if exponent < 0 { out.append("⁻") }
        for digit in String(exponent.magnitude) {
            if let n = digit.wholeNumberValue { out.append(superscripts[n]) }
        }
        return out
    }
}
