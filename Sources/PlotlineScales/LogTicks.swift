// Ticks for logarithmic and symmetric-log axes.
//
// Log: major ticks at integer powers of the base, minor ticks at 2…9 × 10^k (base 10) between them,
// as d3's log scale and matplotlib's LogLocator place them. When the domain spans less than one
// decade there are too few powers to read it by, so the linear rule picks the ticks (d3 falls back
// the same way). When powers are too many for the budget, every k-th is kept. Labels: 1, 10, 100,
// 1k … 100M (SI suffixes), 0.1 … 0.001, and 10ⁿ superscripts beyond that or when the axis spans
// more than six decades. Base 2 labels powers as integers up to 2¹⁶; base e always as eⁿ.
//
// Symlog (Webber, "A bi-symmetric log transformation for wide-range data", 2013; matplotlib's
// SymmetricalLogScale): sign(v)·log10(1 + |v|/c), linear near zero and logarithmic beyond c, so
// data that crosses zero with a huge range stays readable. Ticks at 0 and ±c·10^k.

/// The logarithm bases a log axis accepts.
public enum LogBase: Sendable, Hashable {
    /// Base 10.
    case ten
    /// Base 2.
    case two
    /// Base e.
    case e

    /// The base as a number.
    public var value: Double {
        switch self {
        case .ten: 10
        case .two: 2
        case .e: 2.718281828459045
        }
    }

    /// log to this base.
    public func log(_ v: Double) -> Double {
        switch self {
        case .ten: naturalLog(v) / naturalLog(10)
        case .two: naturalLog(v) / naturalLog(2)
        case .e: naturalLog(v)
        }
    }

    /// base^x, exact for integer powers of 10 and 2.
    public func power(_ x: Double) -> Double {
        if x == x.rounded(), abs(x) <= 300 {
            switch self {
            case .ten: return powerOfTen(Int(x))
            case .two: return twoTo(Int(x))
            case .e: break
            }
        }
        return exponential(x * naturalLog(value))
    }
}

/// 2^k, exact.
func twoTo(_ k: Int) -> Double {
    Double(sign: .plus, exponent: k, significand: 1)
}

/// ln(x) for x > 0 from the binary exponent and an atanh series, so it does not depend on the C
/// library's `log` (which differs between libcs in the last bit).
func naturalLog(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == 0 ? -.infinity : (x.isNaN || x < 0 ? .nan : .infinity) }
    let e = x.exponent
    var m = x.significand  // 1 ≤ m < 2
    var k = Double(e)
    if m > 1.4142135623730951 { m /= 2; k += 1 }
    // ln(m) = 2·atanh((m−1)/(m+1)), |s| ≤ 0.172, so the series converges fast.
    let s = (m - 1) / (m + 1), s2 = s * s
    var term = s, sum = 0.0
    var n = 1.0
    while n < 60 {
        sum += term / n
        term *= s2
        n += 2
    }
    return 2 * sum + k * 0.6931471805599453
}

/// e^x from a reduction to 2^k·e^r with |r| ≤ ln2/2 and a Taylor series, independent of libm.
func exponential(_ x: Double) -> Double {
    guard x.isFinite else { return x.isNaN ? .nan : (x > 0 ? .infinity : 0) }
    if x > 709.8 { return .infinity }
    if x < -745.2 { return 0 }
    let ln2 = 0.6931471805599453
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0, sum = 1.0
    for n in 1...25 {
        term *= r / Double(n)
        sum += term
    }
    return sum * twoTo(Int(k))
}

/// Tick placement for log and symlog axes.
public enum LogTicks {
    /// Major ticks (with labels) and minor ticks for a log axis over [lower, upper], both positive.
    public static func ticks(lower: Double, upper: Double, base: LogBase, maxCount: Int) -> (major: TickSet, minor: [Double]) {
        guard lower.isFinite, upper.isFinite, lower > 0, upper > 0 else { return (.empty, []) }
        let (lo, hi) = lower <= upper ? (lower, upper) : (upper, lower)
        let budget = min(max(maxCount, 2), Ticks.maximumTickCount)
        let k0 = base.log(lo), k1 = base.log(hi)
        let first = (k0 - 1e-9).rounded(.up), last = (k1 + 1e-9).rounded(.down)
        let powers = last - first + 1
        guard powers >= 2 || base != .ten else {
            // Less than a decade: the linear rule, labelled as usual.
            let linear = Ticks.automatic(lower: lo, upper: hi, maxCount: budget)
            return (linear, [])
        }
        guard powers >= 1, powers <= 700 else { return (.empty, []) }
        if base == .ten, powers <= 3 {
            // Two decades or less: the powers alone are too few to read it by, so 2× and 5× are
            // labelled too (1, 2, 5, 10), and the other multiples stay minor ticks.
            var majors: [Double] = [], minor: [Double] = []
            var p = first - 1
            while p <= last {
                let decade = powerOfTen(Int(p))
                for m in 1...9 {
                    let v = Double(m) * decade
                    guard v >= lo * (1 - 1e-12), v <= hi * (1 + 1e-12) else { continue }
                    if m == 1 || m == 2 || m == 5 { majors.append(v) } else { minor.append(v) }
                }
                p += 1
            }
            // Each label with its own precision: a log axis reads 0.1, 1, 10, not 0.1, 1.0, 10.0.
            let labels = majors.map { TickFormatter(step: 0, values: [$0]).format($0) }
            return (TickSet(values: majors, step: base.value, labels: labels), minor)
        }
        let every = max(1, Int((powers / Double(budget)).rounded(.up)))
        var majors: [Double] = []
        var k = first
        while k <= last {
            if Int(k - first) % every == 0 { majors.append(base.power(k)) }
            k += 1
        }
        let superscripts = last - first > 6 || base == .e
        let labels = majors.map { label($0, base: base, superscript: superscripts) }
        var minor: [Double] = []
        if base == .ten, every == 1, powers <= 40 {
            var p = first - 1
            while p <= last {
                let decade = powerOfTen(Int(p))
                for m in 2...9 {
                    let v = Double(m) * decade
                    if v >= lo * (1 - 1e-12), v <= hi * (1 + 1e-12) { minor.append(v) }
                }
                p += 1
            }
        } else if base == .two, every == 1, powers <= 40 {
            minor = majors.dropLast().map { $0 * 1.5 }.filter { $0 >= lo && $0 <= hi }
        }
        return (TickSet(values: majors, step: base.value, labels: labels), minor)
    }

    /// The label of a power of the base.
    static func label(_ v: Double, base: LogBase, superscript: Bool) -> String {
        let k = Int(base.log(v).rounded())
        switch base {
        case .e:
            return "e" + superscriptDigits(k)
        case .two:
            if !superscript, k >= 0, k <= 16 { return String(Int(twoTo(k))) }
            return "2" + superscriptDigits(k)
        case .ten:
            if superscript || k < -3 || k > 12 { return "10" + superscriptDigits(k) }
            if k < 0 { return "0." + String(repeating: "0", count: -k - 1) + "1" }
            let si = ["", "k", "M", "G", "T"]
            return "1" + String(repeating: "0", count: k % 3) + si[k / 3]
        }
    }

    /// `k` in superscript digits, with a superscript minus.
    static func superscriptDigits(_ k: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = k < 0 ? "⁻" : ""
        for d in String(k.magnitude) { if let n = d.wholeNumberValue { out.append(digits[n]) } }
        return out
    }

    /// The symlog transform with linear width `c`.
    public static func symlog(_ v: Double, constant c: Double) -> Double {
        guard v.isFinite else { return v }
        let t = naturalLog(1 + abs(v) / c) / naturalLog(10)
        return v < 0 ? -t : t
    }

    /// The inverse of ``symlog(_:constant:)``.
    public static func symexp(_ t: Double, constant c: Double) -> Double {
        let v = c * (exponential(abs(t) * naturalLog(10)) - 1)
        return t < 0 ? -v : v
    }

    /// Ticks for a symlog axis: 0 and ±c·10^k within the domain, thinned to the budget.
    public static func symlogTicks(lower: Double, upper: Double, constant c: Double, maxCount: Int) -> TickSet {
        guard lower.isFinite, upper.isFinite, c > 0 else { return .empty }
        let (lo, hi) = lower <= upper ? (lower, upper) : (upper, lower)
        var values: [Double] = []
        let top = decimalExponent(max(abs(lo), abs(hi), c) / c)
        var magnitudes: [Double] = []
        for k in 0...max(top + 1, 0) { magnitudes.append(scaleByPowerOfTen(c, k)) }
        let budget = min(max(maxCount, 3), Ticks.maximumTickCount)
        let count = magnitudes.count * 2 + 1
        let every = max(1, Int((Double(count) / Double(budget)).rounded(.up)))
        let kept = magnitudes.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        values += kept.reversed().map { -$0 }.filter { $0 >= lo }
        if lo <= 0, hi >= 0 { values.append(0) }
        values += kept.filter { $0 <= hi }
        let formatter = NumberFormat.siTrimmed
        return TickSet(values: values, step: c, labels: values.map { formatter.format($0) })
    }
}

extension NumberFormat {
    /// `~s`: significant digits with SI prefixes, trimmed.
    static let siTrimmed = NumberFormat(kind: .si, trim: true, specifier: "~s")

    /// A format built from parts, for formats the code itself needs.
    init(kind: Kind, trim: Bool, specifier: String) {
        self.specifier = specifier
        self.kind = kind
        self.trim = trim
    }
}
