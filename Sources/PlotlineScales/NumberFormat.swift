// A small number-format language in the spirit of d3-format (d3/d3-format, README "Format
// specifiers"), reimplemented on the exact decimal helpers so output is the same on every machine:
//
//     [sign][$][,][.precision][~][type]
//
// sign: "-" (default: a minus for negatives only), "+" (a plus for zero and positives), " " (a space
// for zero and positives), "(" (negatives in parentheses). "$" puts a dollar sign after the sign.
// "," groups thousands. "~" trims insignificant trailing zeros. type:
// f fixed (precision = decimals, default 6); % ×100, fixed, "%"; d integer; e exponent
// (precision = decimals of the mantissa); g and r significant digits (g switches to exponent
// notation for very large or small values, r never does); s significant digits with an SI
// prefix (k, M, G, …); no type: up to 12 significant digits with zeros trimmed.
// Negatives use U+2212; a value that rounds to zero has no sign; NaN and infinities print as
// "NaN", "∞" and "−∞".

/// A parsed number format, such as `,.2f`, `.0%` or `~s`.
public struct NumberFormat: Sendable, Hashable {
    /// What a sign looks like.
    public enum Sign: Character, Sendable, Hashable {
        /// A minus for negatives only.
        case minus = "-"
        /// A plus for zero and positives, a minus for negatives.
        case plus = "+"
        /// A space for zero and positives, so columns line up.
        case space = " "
        /// Negatives in parentheses.
        case parentheses = "("
    }

    /// The notation.
    public enum Kind: Character, Sendable, Hashable {
        /// Fixed point.
        case fixed = "f"
        /// Multiplied by 100, fixed point, with a percent sign.
        case percent = "%"
        /// Rounded to an integer.
        case integer = "d"
        /// Exponent notation.
        case exponent = "e"
        /// Significant digits, switching to exponent notation for very large or small values.
        case general = "g"
        /// Significant digits in fixed notation.
        case rounded = "r"
        /// Significant digits with an SI prefix.
        case si = "s"
        /// Up to 12 significant digits, trimmed.
        case none = "\0"
    }

    /// The sign rule.
    public var sign: Sign = .minus
    /// Whether a dollar sign follows the sign.
    public var currency = false
    /// Whether the integer part is grouped in thousands with commas.
    public var grouping = false
    /// Decimals (f, %, e) or significant digits (g, r, s); nil for the type's default.
    public var precision: Int?
    /// Whether insignificant trailing zeros are trimmed.
    public var trim = false
    /// The notation.
    public var kind: Kind = .none

    /// The specifier as written, for messages.
    public let specifier: String

    /// Why a specifier could not be parsed.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The largest precision accepted: beyond it a Double has no more digits to show.
    public static let maximumPrecision = 17

    /// Parses a specifier; the grammar is in the file's header comment.
    public init(_ specifier: String) throws(ParseError) {
        self.specifier = specifier
        var chars = Array(specifier)[...]
        if let c = chars.first, let s = Sign(rawValue: c) { sign = s; chars = chars.dropFirst() }
        if chars.first == "$" { currency = true; chars = chars.dropFirst() }
        if chars.first == "," { grouping = true; chars = chars.dropFirst() }
        if chars.first == "." {
            chars = chars.dropFirst()
            var digits = ""
            while let c = chars.first, c.isASCII, c.isNumber { digits.append(c); chars = chars.dropFirst() }
            guard let p = Int(digits), p <= NumberFormat.maximumPrecision else {
                throw ParseError(description: digits.isEmpty ? "\".\" must be followed by a precision"
                                 : "precision \(digits.prefix(6)) is too large; at most \(NumberFormat.maximumPrecision)")
            }
            precision = p
        }
        if chars.first == "~" { trim = true; chars = chars.dropFirst() }
        if let c = chars.first {
            guard c != "\0", let k = Kind(rawValue: c) else {
                throw ParseError(description: "unknown type \"\(c)\"; expected f, %, d, e, g, r or s")
            }
            kind = k
            chars = chars.dropFirst()
        }
        if let rest = chars.first {
            throw ParseError(description: "unexpected \"\(rest)\"; the form is [sign][$][,][.precision][~][type], e.g. \",.2f\" or \".0%\"")
        }
        if kind == .none, precision == nil { trim = true }
    }

    /// `v` formatted.
    public func format(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        var body: String
        var negative = v < 0
        switch kind {
        case .fixed:
            body = fixed(abs(v), decimals: precision ?? 6)
        case .percent:
            body = fixed(abs(v) * 100, decimals: precision ?? 6) + "%"
        case .integer:
            body = fixed(abs(v), decimals: 0)
        case .exponent:
            body = exponential(abs(v), decimals: precision ?? 6)
        case .general:
            body = general(abs(v), digits: max(precision ?? 6, 1))
        case .rounded:
            body = roundedFixed(abs(v), digits: max(precision ?? 6, 1))
        case .si:
            body = si(abs(v), digits: max(precision ?? 6, 1))
        case .none:
            body = general(abs(v), digits: max(precision ?? 12, 1))
        }
        // A value that rounds to zero is zero: no "−0".
        if !body.contains(where: { $0 >= "1" && $0 <= "9" }) { negative = false }
        if currency { body = "$" + body }
        switch sign {
        case .minus: return negative ? "\u{2212}" + body : body
        case .plus: return (negative ? "\u{2212}" : "+") + body
        case .space: return (negative ? "\u{2212}" : " ") + body
        case .parentheses: return negative ? "(" + body + ")" : body
        }
    }

    // MARK: - Notations (all on |v|)

    /// Fixed point with `decimals` decimals; exponent notation when the digits would not fit in a Double's precision.
    func fixed(_ v: Double, decimals: Int) -> String {
        guard let s = plain(v, decimals: decimals) else { return exponential(v, decimals: min(decimals, 6)) }
        return trimmed(s)
    }

    /// v (≥ 0) rounded to `decimals` decimals and printed from an integer, or nil past 17 digits.
    func plain(_ v: Double, decimals: Int) -> String? {
        // More decimals than a Double has digits means a value far too small for fixed notation.
        guard decimals <= NumberFormat.maximumPrecision + 3 else { return nil }
        let scaled = scaleByPowerOfTen(v, decimals).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, scaled < 1e17, let n = UInt64(exactly: scaled) else { return nil }
        let text = pointed(n, decimals: decimals)
        guard grouping else { return text }
        let dot = text.firstIndex(of: ".") ?? text.endIndex
        return TickFormatter.groupThousands(String(text[..<dot])) + text[dot...]
    }

    /// The integer n with `digits` significant digits nearest v and the decimal exponent of its first digit.
    func significand(_ v: Double, digits: Int) -> (n: UInt64, exponent: Int) {
        guard v > 0 else { return (0, 0) }
        var e = decimalExponent(v)
        var n = scaleByPowerOfTen(v, digits - 1 - e).rounded(.toNearestOrAwayFromZero)
        // Rounding up can add a digit (9.99 → 10.0).
        if n >= powerOfTen(digits) { e += 1; n = scaleByPowerOfTen(v, digits - 1 - e).rounded(.toNearestOrAwayFromZero) }
        return (UInt64(exactly: min(n, 1e17)) ?? 0, e)
    }

    /// The digits of n with a decimal point `decimals` places from the right.
    func pointed(_ n: UInt64, decimals: Int) -> String {
        var digits = String(n)
        guard decimals > 0 else { return digits }
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return digits[..<split] + "." + digits[split...]
    }

    /// "1.50e+3", d3's exponent notation.
    func exponential(_ v: Double, decimals: Int) -> String {
        let (n, e) = significand(v, digits: decimals + 1)
        let mantissa = trimmed(pointed(n, decimals: decimals))
        return mantissa + "e" + (e < 0 ? "−" : "+") + String(e.magnitude)
    }

    /// Significant digits, fixed unless the exponent is below −6 or at least the digit count.
    func general(_ v: Double, digits: Int) -> String {
        guard v > 0 else { return trimmed(pointed(0, decimals: digits - 1)) }
        let (_, e) = significand(v, digits: digits)
        if e < -6 || e >= digits { return exponential(v, decimals: digits - 1) }
        return roundedFixed(v, digits: digits)
    }

    /// Significant digits in fixed notation: 1234.5 to three digits is 1230.
    func roundedFixed(_ v: Double, digits: Int) -> String {
        guard v > 0 else { return trimmed(pointed(0, decimals: digits - 1)) }
        let (n, e) = significand(v, digits: digits)
        if digits - 1 - e > NumberFormat.maximumPrecision + 3 { return exponential(v, decimals: digits - 1) }
        guard e >= digits - 1 else { return fixed(v, decimals: digits - 1 - e) }
        // The rounded digits, then zeros up to the decimal point.
        guard e < 21 else { return exponential(v, decimals: digits - 1) }
        let text = String(n) + String(repeating: "0", count: e - (digits - 1))
        return grouping ? TickFormatter.groupThousands(text) : text
    }

    /// Significant digits with the SI prefix of the value's thousands: 1.5k, 250µ, 3.00G.
    func si(_ v: Double, digits: Int) -> String {
        let prefixes = ["y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"]
        guard v > 0 else { return trimmed(pointed(0, decimals: digits - 1)) }
        let (_, e) = significand(v, digits: digits)
        let group = min(max(Int((Double(e) / 3).rounded(.down)), -8), 8)
        let scaled = scaleByPowerOfTen(v, -3 * group)
        let decimals = max(0, digits - 1 - (e - 3 * group))
        let s = plain(scaled, decimals: decimals) ?? exponential(scaled, decimals: digits - 1)
        return trimmed(s) + prefixes[group + 8]
    }

    /// With `~`, the number without trailing zeros after the point (and without a bare point).
    func trimmed(_ s: String) -> String {
        guard trim, let dot = s.firstIndex(of: ".") else { return s }
        var end = s.endIndex
        // Stop before an exponent part, which must stay.
        if let e = s[dot...].firstIndex(of: "e") { end = e }
        var cut = end
        while cut > s.index(after: dot), s[s.index(before: cut)] == "0" { cut = s.index(before: cut) }
        if cut == s.index(after: dot) { cut = dot }
        return String(s[..<cut]) + s[end...]
    }
}
