// Tick selection: worked examples, the ANCHORS.md reference vectors and hostile inputs.
import Testing
@testable import PlotlineScales

@Suite("Fixed ticks")
struct FixedTickTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lower, upper, step: Double
        var values: [Double]
        var labels: [String]
        var testDescription: String { "[\(lower), \(upper)] step \(step)" }
    }

    static let cases: [Case] = [
        Case(lower: 0, upper: 800, step: 200, values: [0, 200, 400, 600, 800], labels: ["0", "200", "400", "600", "800"]),
        Case(lower: 50, upper: 57, step: 2, values: [50, 52, 54, 56], labels: ["50", "52", "54", "56"]),
        // The upper bound is 0.1 + 0.2 = 0.30000000000000004 and the step 0.1: 0.3 must appear, exactly.
        Case(lower: 0.1, upper: 0.1 + 0.2, step: 0.1, values: [0.1, 0.2, 0.3], labels: ["0.1", "0.2", "0.3"]),
        // Upper bound slightly *below* 0.3: the 1e-9-step tolerance keeps the end tick.
        Case(lower: 0, upper: 0.29999999999999993, step: 0.1, values: [0, 0.1, 0.2, 0.3], labels: ["0", "0.1", "0.2", "0.3"]),
        Case(lower: 0, upper: 1, step: 0.25, values: [0, 0.25, 0.5, 0.75, 1], labels: ["0", "0.25", "0.50", "0.75", "1.00"]),
        Case(lower: 0, upper: 10, step: 2.5, values: [0, 2.5, 5, 7.5, 10], labels: ["0", "2.5", "5.0", "7.5", "10.0"]),
        Case(lower: -1, upper: 1, step: 1, values: [-1, 0, 1], labels: ["−1", "0", "1"]),
        // Reversed bounds and a negative step are read by magnitude.
        Case(lower: 57, upper: 50, step: -2, values: [50, 52, 54, 56], labels: ["50", "52", "54", "56"]),
        Case(lower: 0, upper: 600_000, step: 200_000, values: [0, 200_000, 400_000, 600_000],
             labels: ["0", "200,000", "400,000", "600,000"]),
        // No multiple of 10 in [1, 9]: an honest empty result that still carries the step.
        Case(lower: 1, upper: 9, step: 10, values: [], labels: []),
    ]

    @Test(arguments: cases)
    func fixedTicks(_ c: Case) {
        let ticks = Ticks.fixed(lower: c.lower, upper: c.upper, step: c.step)
        #expect(ticks.values == c.values)
        #expect(ticks.labels == c.labels)
        #expect(ticks.step == abs(c.step))
    }

    @Test("A tiny step on a huge domain falls back to automatic ticks instead of hanging",
          arguments: [(0.0, 1e300, 1e-300), (0, 1e6, 1), (-1e308, 1e308, 1e-10), (0, 1, Double.leastNonzeroMagnitude)])
    func hostileStep(_ lower: Double, _ upper: Double, _ step: Double) {
        let ticks = Ticks.fixed(lower: lower, upper: upper, step: step)
        #expect(ticks == Ticks.automatic(lower: lower, upper: upper, maxCount: 11))
        #expect(ticks.values.count <= 11)
        #expect(!ticks.values.isEmpty)
    }

    @Test("Invalid steps fall back to automatic ticks", arguments: [0.0, -0.0, .nan, .infinity, -.infinity])
    func invalidStep(_ step: Double) {
        let ticks = Ticks.fixed(lower: 0, upper: 100, step: step)
        #expect(ticks == Ticks.automatic(lower: 0, upper: 100, maxCount: 11))
    }

    @Test("Exactly maximumTickCount ticks are still produced", arguments: [1.0])
    func atTheCap(_ step: Double) {
        let ticks = Ticks.fixed(lower: 1, upper: Double(Ticks.maximumTickCount), step: step)
        #expect(ticks.values.count == Ticks.maximumTickCount)
        #expect(ticks.step == 1)
    }

    @Test("Non-finite bounds give an empty set with step 1", arguments: [(Double.nan, 1.0), (0, .infinity), (-.infinity, .nan)])
    func nonFinite(_ lower: Double, _ upper: Double) {
        #expect(Ticks.fixed(lower: lower, upper: upper, step: 1) == TickSet(values: [], step: 1, labels: []))
    }
}

@Suite("Automatic ticks")
struct AutomaticTickTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var lower, upper: Double
        var maxCount: Int
        var values: [Double]
        var step: Double
        var labels: [String]?
        var note = ""
        var testDescription: String { "[\(lower), \(upper)] ≤\(maxCount) \(note)" }
    }

    static let worked: [Case] = [
        Case(lower: 0, upper: 800, maxCount: 9, values: [0, 100, 200, 300, 400, 500, 600, 700, 800], step: 100,
             labels: ["0", "100", "200", "300", "400", "500", "600", "700", "800"], note: "800 px x axis"),
        Case(lower: 0, upper: 800, maxCount: 5, values: [0, 200, 400, 600, 800], step: 200,
             labels: ["0", "200", "400", "600", "800"]),
        Case(lower: 0, upper: 800, maxCount: 4, values: [0, 250, 500, 750], step: 250,
             labels: ["0", "250", "500", "750"], note: "150 px axis: the budget wins over covering 800"),
        Case(lower: 50, upper: 57, maxCount: 8, values: [50, 51, 52, 53, 54, 55, 56, 57], step: 1,
             labels: ["50", "51", "52", "53", "54", "55", "56", "57"]),
        Case(lower: 50, upper: 57, maxCount: 5, values: [50, 52, 54, 56], step: 2, labels: ["50", "52", "54", "56"]),
        Case(lower: 50.2, upper: 56.7, maxCount: 9, values: [51, 52, 53, 54, 55, 56], step: 1, labels: nil, note: "seed y data"),
        Case(lower: 0, upper: 1e-6, maxCount: 6, values: [0, 2e-7, 4e-7, 6e-7, 8e-7, 1e-6], step: 2e-7,
             labels: ["0", "0.2×10⁻⁶", "0.4×10⁻⁶", "0.6×10⁻⁶", "0.8×10⁻⁶", "1.0×10⁻⁶"], note: "tiny"),
        Case(lower: 0, upper: 2e9, maxCount: 5, values: [0, 5e8, 1e9, 1.5e9, 2e9], step: 5e8,
             labels: ["0", "0.5B", "1.0B", "1.5B", "2.0B"], note: "huge"),
        Case(lower: 0, upper: 2e9, maxCount: 3, values: [0, 1e9, 2e9], step: 1e9, labels: ["0", "1B", "2B"]),
        Case(lower: 0, upper: 5e6, maxCount: 6, values: [0, 1e6, 2e6, 3e6, 4e6, 5e6], step: 1e6,
             labels: ["0", "1M", "2M", "3M", "4M", "5M"]),
        Case(lower: -3.5, upper: -1.2, maxCount: 6, values: [-3.5, -3, -2.5, -2, -1.5], step: 0.5,
             labels: ["−3.5", "−3.0", "−2.5", "−2.0", "−1.5"], note: "negative"),
        Case(lower: -1, upper: 1, maxCount: 3, values: [-1, 0, 1], step: 1, labels: ["−1", "0", "1"], note: "crossing zero"),
        Case(lower: -1, upper: 1, maxCount: 5, values: [-1, -0.5, 0, 0.5, 1], step: 0.5,
             labels: ["−1.0", "−0.5", "0", "0.5", "1.0"]),
        Case(lower: 0.1, upper: 0.3, maxCount: 3, values: [0.1, 0.2, 0.3], step: 0.1, labels: ["0.1", "0.2", "0.3"]),
        Case(lower: 0.1, upper: 0.3, maxCount: 5, values: [0.1, 0.15, 0.2, 0.25, 0.3], step: 0.05,
             labels: ["0.10", "0.15", "0.20", "0.25", "0.30"]),
        Case(lower: 0.1, upper: 0.1 + 0.2, maxCount: 3, values: [0.1, 0.2, 0.3], step: 0.1, labels: ["0.1", "0.2", "0.3"]),
        Case(lower: 1990, upper: 2020, maxCount: 4, values: [1990, 2000, 2010, 2020], step: 10,
             labels: ["1990", "2000", "2010", "2020"], note: "years stay ungrouped"),
        Case(lower: 0, upper: 10, maxCount: 5, values: [0, 2.5, 5, 7.5, 10], step: 2.5,
             labels: ["0", "2.5", "5.0", "7.5", "10.0"]),
        Case(lower: 0, upper: 1, maxCount: 0, values: [0, 1], step: 1, labels: ["0", "1"], note: "maxCount < 2 → 2"),
        Case(lower: 0, upper: 1, maxCount: -7, values: [0, 1], step: 1, labels: ["0", "1"]),
        Case(lower: 1, upper: 0, maxCount: 3, values: [0, 0.5, 1], step: 0.5, labels: ["0", "0.5", "1.0"], note: "reversed"),
        Case(lower: -1e308, upper: 1e308, maxCount: 5, values: [-1e308, -5e307, 0, 5e307, 1e308], step: 5e307,
             labels: ["−1.0×10³⁰⁸", "−0.5×10³⁰⁸", "0", "0.5×10³⁰⁸", "1.0×10³⁰⁸"], note: "width overflows"),
    ]

    /// ANCHORS.md §1 vectors. d3 reads `count` as a target number of *intervals* and may exceed it;
    /// here maxCount is a hard cap on *ticks*, so d3's (a, b, count) corresponds to maxCount = count + 1.
    static let d3Vectors: [Case] = [
        Case(lower: 0, upper: 1, maxCount: 11, values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], step: 0.1,
             labels: ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"], note: "d3 (0,1,10)"),
        Case(lower: 0, upper: 1, maxCount: 6, values: [0, 0.2, 0.4, 0.6, 0.8, 1], step: 0.2, labels: nil, note: "d3 (0,1,5)"),
        Case(lower: 0, upper: 1, maxCount: 4, values: [0, 0.5, 1], step: 0.5, labels: nil, note: "d3 (0,1,3)"),
        Case(lower: 0, upper: 1, maxCount: 2, values: [0, 1], step: 1, labels: nil, note: "d3 (0,1,1)"),
        Case(lower: 0, upper: 2.2, maxCount: 4, values: [0, 1, 2], step: 1, labels: nil, note: "d3 (0,2.2,3)"),
    ]

    /// matplotlib MaxNLocator(nbins=5) vectors. nbins counts intervals (maxCount = 6) and matplotlib
    /// lets ticks run one step past the view (the axis clips them); ours stay inside, so for
    /// (0.001, 0.0001) the 0 tick, which lies outside the view, is absent.
    static let matplotlibVectors: [Case] = [
        Case(lower: 20, upper: 100, maxCount: 6, values: [20, 40, 60, 80, 100], step: 20, labels: nil, note: "mpl (20,100)"),
        Case(lower: 0.001, upper: 0.0001, maxCount: 6, values: [0.0002, 0.0004, 0.0006, 0.0008, 0.001], step: 0.0002,
             labels: ["0.0002", "0.0004", "0.0006", "0.0008", "0.0010"], note: "mpl (0.001,0.0001) without the clipped 0"),
        Case(lower: -1e15, upper: 1e15, maxCount: 6, values: [-1e15, -5e14, 0, 5e14, 1e15], step: 5e14,
             labels: ["−1.0×10¹⁵", "−0.5×10¹⁵", "0", "0.5×10¹⁵", "1.0×10¹⁵"], note: "mpl (−1e15,1e15)"),
    ]

    /// Extended Wilkinson: extended(8.1, 14.1, 4) → 8 10 12 14 extends the data to label 8. Ticks
    /// here stay inside the given domain (10, 12, 14); the extension is `autoDomain`'s job (see its tests).
    static let wilkinsonVectors: [Case] = [
        Case(lower: 8.1, upper: 14.1, maxCount: 4, values: [10, 12, 14], step: 2, labels: ["10", "12", "14"],
             note: "extended(8.1,14.1,4) inside the domain"),
    ]

    @Test(arguments: worked + d3Vectors + matplotlibVectors + wilkinsonVectors)
    func automaticTicks(_ c: Case) {
        let ticks = Ticks.automatic(lower: c.lower, upper: c.upper, maxCount: c.maxCount)
        #expect(ticks.values == c.values)
        #expect(ticks.step == c.step)
        if let labels = c.labels { #expect(ticks.labels == labels) }
        #expect(ticks.labels.count == ticks.values.count)
    }

    @Test("Equal bounds give that single value, labelled to its own precision",
          arguments: [(5.0, "5", 1.0), (0, "0", 1), (0.25, "0.25", 0.01), (-1234.5, "−1234.5", 0.1), (-12345.5, "−12,345.5", 0.1),
                      (0.1 + 0.2, "0.3", 0.1), (2e9, "2B", 1e9), (3e-7, "3×10⁻⁷", 1e-7)])
    func singleValue(_ v: Double, _ label: String, _ step: Double) {
        let ticks = Ticks.automatic(lower: v, upper: v, maxCount: 9)
        #expect(ticks.values == [v])
        #expect(ticks.labels == [label])
        #expect(ticks.step == step)
    }

    @Test("Bounds closer than 1e-12 relative give one tick", arguments: [(1.0, 1.0 + 1e-15), (1e20, 1e20 + 1e4)])
    func degenerate(_ lower: Double, _ upper: Double) {
        let ticks = Ticks.automatic(lower: lower, upper: upper, maxCount: 9)
        #expect(ticks.values.count == 1)
        #expect(ticks.labels.count == 1)
    }

    @Test("Non-finite bounds give an empty set with step 1",
          arguments: [(Double.nan, 1.0), (0, .infinity), (-.infinity, .infinity), (.nan, .nan)])
    func nonFinite(_ lower: Double, _ upper: Double) {
        #expect(Ticks.automatic(lower: lower, upper: upper, maxCount: 9) == TickSet(values: [], step: 1, labels: []))
    }

    @Test("Extreme but finite inputs neither trap nor break the invariants",
          arguments: [(1e-300, 2e-300, 9), (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude, 9),
                      (0, Double.greatestFiniteMagnitude, 9), (0, Double.leastNonzeroMagnitude, 9), (0, Double.leastNormalMagnitude / 4096, 5),
                      (-Double.leastNormalMagnitude, Double.leastNormalMagnitude, 4),
                      (0, 1, Int.max), (0, 1e9, Int.max), (1e15, 1e15 + 1, 9), (-1e-12, 1e-12, 9)] as [(Double, Double, Int)])
    func extremes(_ lower: Double, _ upper: Double, _ maxCount: Int) {
        let ticks = Ticks.automatic(lower: lower, upper: upper, maxCount: maxCount)
        #expect(!ticks.values.isEmpty)
        #expect(ticks.values.count <= min(max(maxCount, 2), Ticks.maximumTickCount))
        let allFinite = ticks.values.allSatisfy { $0.isFinite }
        #expect(allFinite)
        #expect(ticks.values == ticks.values.sorted())
        #expect(ticks.step.isFinite && ticks.step > 0)
        #expect(Set(ticks.labels).count == ticks.labels.count)
        let slack = ticks.step * 1e-6
        let inside = ticks.values.allSatisfy { $0 >= lower - slack && $0 <= upper + slack }
        #expect(inside)
    }

    @Test("[1e-300, 2e-300] is labelled in scientific notation")
    func denormalish() {
        let ticks = Ticks.automatic(lower: 1e-300, upper: 2e-300, maxCount: 6)
        #expect(ticks.values.count == 6)
        #expect(ticks.labels.first == "1.0×10⁻³⁰⁰")
        #expect(ticks.labels.last == "2.0×10⁻³⁰⁰")
    }
}

@Suite("Automatic domains")
struct AutoDomainTests {
    @Test(arguments: [
        // Seed data: x 0…800 keeps its nice ends; y 50.2…56.7 rounds out to whole units.
        (0.0, 800.0, 9, 0.0, 800.0),
        (50.2, 56.7, 9, 50, 57),
        (50.2, 56.7, 5, 50, 58),
        (56.7, 50.2, 9, 50, 57),
        // Single values: ±10 % then rounded out; zero becomes [−1, 1].
        (5, 5, 9, 4.4, 5.6),
        (5, 5, 3, 4.5, 5.5),
        (0, 0, 9, -1, 1),
        (-2, -2, 5, -2.2, -1.8),
        // 0.1 + 0.2 is 0.3 plus binary noise: it must not push the domain out to 0.325.
        (0.1, 0.1 + 0.2, 9, 0.1, 0.3),
        // Negative and tiny ranges.
        (-3.5, -1.2, 9, -3.5, -1),
        (0, 1e-12, 9, 0, 1e-12),
        (5, 5 + 1e-12, 9, 4.4, 5.6),
        (0, 1e300, 9, 0, 1e300),
        (8.1, 14.1, 5, 8, 16),
        // Non-finite inputs are ignored.
        (.nan, .nan, 9, 0, 1),
        (.infinity, -.infinity, 9, 0, 1),
        (.nan, 3, 9, 2.7, 3.3),
    ] as [(Double, Double, Int, Double, Double)])
    func autoDomain(_ min: Double, _ max: Double, _ maxCount: Int, _ lower: Double, _ upper: Double) {
        let domain = Ticks.autoDomain(dataMin: min, dataMax: max, maxCount: maxCount)
        #expect(domain.lower == lower)
        #expect(domain.upper == upper)
    }

    @Test("Automatic ticks on an automatic domain land on both ends",
          arguments: [(50.2, 56.7, 9), (0.013, 0.0871, 6), (-123.4, 5678.9, 7), (8.1, 14.1, 5), (1e-7, 3.3e-7, 5),
                      (17, 17, 9), (-0.5, 2e9, 5)] as [(Double, Double, Int)])
    func endsAreTicks(_ min: Double, _ max: Double, _ maxCount: Int) {
        let domain = Ticks.autoDomain(dataMin: min, dataMax: max, maxCount: maxCount)
        let ticks = Ticks.automatic(lower: domain.lower, upper: domain.upper, maxCount: maxCount)
        #expect(ticks.values.first == domain.lower)
        #expect(ticks.values.last == domain.upper)
        #expect(domain.lower <= Swift.min(min, max) && domain.upper >= Swift.max(min, max))
    }

    @Test("Extreme data gives a finite, ordered domain containing it",
          arguments: [(-1e308, 1e308), (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude),
                      (Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (1e-300, 2e-300),
                      (Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude), (0, Double.leastNonzeroMagnitude), (-Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude)] as [(Double, Double)])
    func extremes(_ min: Double, _ max: Double) {
        for maxCount in [-1, 2, 5, 9, Int.max] {
            let domain = Ticks.autoDomain(dataMin: min, dataMax: max, maxCount: maxCount)
            #expect(domain.lower.isFinite && domain.upper.isFinite)
            #expect(domain.lower < domain.upper)
            // Contains the data up to the documented 1e-12-step rounding allowance.
            let slack = (domain.upper / 2 - domain.lower / 2) * 1e-11
            #expect(domain.lower <= min + slack && domain.upper >= max - slack)
        }
    }
}
