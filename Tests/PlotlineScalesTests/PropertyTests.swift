// Property-style checks over thousands of deterministic pseudo-random ranges (seeded SplitMix64).
import Testing
@testable import PlotlineScales

@Suite("Properties over random ranges")
struct PropertyTests {
    /// A range of random magnitude (1e-9 … 1e14), position and relative width (1e-6 … 10 of its magnitude).
    static func randomRange(_ rng: inout SplitMix64) -> (lower: Double, upper: Double) {
        let magnitude = powerOfTen(Int.random(in: -9...14, using: &rng)) * Double.random(in: 1..<10, using: &rng)
        let width = magnitude * powerOfTen(Int.random(in: -6...1, using: &rng)) * Double.random(in: 0.1...1, using: &rng)
        let lower: Double
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: lower = 0
        case 1: lower = -width / 2 * Double.random(in: 0...2, using: &rng)
        default: lower = magnitude * Double.random(in: -1...1, using: &rng)
        }
        return (lower, lower + width)
    }

    /// Everything a label set must satisfy, whatever produced it.
    static func checkLabels(_ ticks: TickSet, context: String) {
        #expect(ticks.labels.count == ticks.values.count, "\(context)")
        #expect(Set(ticks.labels).count == ticks.labels.count, "labels not unique: \(ticks.labels) \(context)")
        for (value, label) in zip(ticks.values, ticks.labels) {
            #expect(!label.contains("-"), "ASCII minus in \(label) \(context)")
            #expect(!label.contains("e") && !label.contains("nan") && !label.contains("inf"), "\(label) \(context)")
            #expect(!label.contains("0000000") && !label.contains("9999999"), "binary noise in \(label) \(context)")
            #expect(label != "−0" && label != "-0" && !label.hasPrefix("−0×") && label != "0.30000000000000004",
                    "\(label) \(context)")
            let parsed = parseLabel(label)
            #expect(parsed != nil, "unparseable \(label) \(context)")
            if let parsed {
                #expect(abs(parsed - value) <= ticks.step / 1000, "\(label) ≠ \(value) \(context)")
            }
        }
        // One notation and one number of decimals per axis ("0" excepted).
        let nonZero = ticks.labels.filter { $0 != "0" }
        #expect(Set(nonZero.map(decimalPlaces)).count <= 1, "mixed decimals \(ticks.labels) \(context)")
        let forms = Set(nonZero.map { String($0.drop { "−0123456789.,".contains($0) }) })
        #expect(forms.count <= 1, "mixed notation \(ticks.labels) \(context)")
    }

    @Test("Automatic ticks: budget, order, containment, exact multiples, clean labels", arguments: [1, 2, 3, 4] as [UInt64])
    func automatic(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<1500 {
            let (lower, upper) = Self.randomRange(&rng)
            let maxCount = Int.random(in: 2...15, using: &rng)
            let ticks = Ticks.automatic(lower: lower, upper: upper, maxCount: maxCount)
            let context = "[\(lower), \(upper)] ≤\(maxCount) → \(ticks.values)"
            #expect((1...maxCount).contains(ticks.values.count), "\(context)")
            #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 }, "\(context)")
            // Rounding allowance (documented on `automatic`): 1e-9 of a step plus 1e-15 of the value.
            let slack = ticks.step * 1.01e-9 + max(abs(lower), abs(upper)) * 1.01e-15
            #expect(ticks.values.first.map { $0 >= lower - slack } ?? false, "\(context)")
            #expect(ticks.values.last.map { $0 <= upper + slack } ?? false, "\(context)")
            for value in ticks.values {
                let ratio = value / ticks.step
                #expect(abs(ratio - ratio.rounded()) < 1e-6, "\(value) not a multiple of \(ticks.step) \(context)")
            }
            // The step is the smallest nice one that fits: the next smaller candidate exceeds the budget
            // (or, as tick counts are not quite monotonic in the step, yields a single tick).
            if ticks.values.count >= 2 {
                let e = decimalExponent(ticks.step)
                let mantissa = (ticks.step / powerOfTen(e) * 10).rounded() / 10
                let smaller: [Double: Double] = [1: 0.5, 2: 1, 2.5: 2, 5: 2.5]
                #expect(smaller[mantissa] != nil, "step \(ticks.step) is not 1, 2, 2.5 or 5 × 10^k \(context)")
                if let m = smaller[mantissa] {
                    let candidate = m * powerOfTen(e)
                    let count = Ticks.lastIndex(atOrBelow: upper, step: candidate)
                        - Ticks.firstIndex(atOrAbove: lower, step: candidate) + 1
                    #expect(count > Double(maxCount) || count < 2, "smaller step \(candidate) fits too \(context)")
                }
            }
            Self.checkLabels(ticks, context: context)
        }
    }

    @Test("Fixed ticks with short decimal steps are exact decimals", arguments: [11, 12] as [UInt64])
    func fixed(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let significands: [Double] = [1, 2, 2.5, 3, 5, 7, 0.1 + 0.2, 1.5, 4, 25]
        for _ in 0..<1500 {
            let (lower, upper) = Self.randomRange(&rng)
            let wanted = Int.random(in: 1...40, using: &rng)
            let rough = (upper - lower) / Double(wanted)
            let step = significands.randomElement(using: &rng).map { $0 * powerOfTen(decimalExponent(rough)) } ?? 1
            let ticks = Ticks.fixed(lower: lower, upper: upper, step: step)
            let context = "[\(lower), \(upper)] step \(step) → \(ticks.values)"
            #expect(ticks.step == step, "\(context)")
            #expect(ticks.values.count <= Ticks.maximumTickCount, "\(context)")
            for value in ticks.values {
                let slack = step * 1.01e-9 + abs(value) * 1.01e-15
                #expect(value >= lower - slack && value <= upper + slack, "\(context)")
                // Exact decimals: the fraction in the shortest round-trip text of each value has no binary noise.
                let text = "\(value)"
                if !text.contains("e"), let dot = text.firstIndex(of: ".") {
                    let fraction = text[dot...]
                    #expect(!fraction.contains("0000000") && !fraction.contains("9999999"), "\(text) \(context)")
                }
            }
            // Every multiple inside is present: the count matches the arithmetic.
            let expected = Ticks.lastIndex(atOrBelow: upper, step: step) - Ticks.firstIndex(atOrAbove: lower, step: step) + 1
            #expect(Double(ticks.values.count) == max(expected, 0), "\(context)")
            Self.checkLabels(ticks, context: context)
        }
    }

    @Test("Auto domains contain the data and end on ticks", arguments: [21, 22] as [UInt64])
    func autoDomain(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<1500 {
            var (lower, upper) = Self.randomRange(&rng)
            if Int.random(in: 0..<10, using: &rng) == 0 { upper = lower }
            let maxCount = Int.random(in: 2...12, using: &rng)
            let domain = Ticks.autoDomain(dataMin: upper, dataMax: lower, maxCount: maxCount)
            let context = "[\(lower), \(upper)] ≤\(maxCount) → \(domain)"
            #expect(domain.lower < domain.upper, "\(context)")
            let slack = (domain.upper - domain.lower) * 1e-11
            #expect(domain.lower <= lower + slack && domain.upper >= upper - slack, "\(context)")
            // A domain straddling zero can only end on ticks with three or more (documented on autoDomain).
            let budget = domain.lower < 0 && domain.upper > 0 ? max(maxCount, 3) : maxCount
            let ticks = Ticks.automatic(lower: domain.lower, upper: domain.upper, maxCount: budget)
            #expect(ticks.values.first == domain.lower && ticks.values.last == domain.upper, "\(context) ticks \(ticks.values)")
            Self.checkLabels(ticks, context: context)
        }
    }

    @Test("Hostile fixed steps return quickly with a bounded tick count", arguments: [31] as [UInt64])
    func hostileFixed(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let lower = Double.random(in: -1...1, using: &rng) * powerOfTen(Int.random(in: -300...300, using: &rng))
            let upper = Double.random(in: -1...1, using: &rng) * powerOfTen(Int.random(in: -300...300, using: &rng))
            let step = powerOfTen(Int.random(in: -320...300, using: &rng))
            let ticks = Ticks.fixed(lower: lower, upper: upper, step: step)
            #expect(ticks.values.count <= Ticks.maximumTickCount)
            #expect(ticks.labels.count == ticks.values.count)
        }
    }
}
