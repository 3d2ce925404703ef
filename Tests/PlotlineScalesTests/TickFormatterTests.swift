// Label formatting: decimals from the step, notation by magnitude, and the strings that must never appear.
import Testing
@testable import PlotlineScales

@Suite("Tick formatter")
struct TickFormatterTests {
    @Test("Decimals come from the step", arguments: [
        (0.25, 2), (2.5, 1), (200, 0), (0.1, 1), (0.1 + 0.2, 1), (1e-3, 3), (0.05, 2), (1, 0), (5e3, 0),
    ] as [(Double, Int)])
    func decimalsFromStep(_ step: Double, _ decimals: Int) {
        #expect(TickFormatter(step: step, values: [0, step, 2 * step]).decimals == decimals)
    }

    @Test("Labels", arguments: [
        // step, values, labels
        (0.25, [0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.50", "0.75", "1.00"]),
        (2.5, [-5, -2.5, 0, 2.5, 5], ["−5.0", "−2.5", "0", "2.5", "5.0"]),
        (200, [0, 200, 400], ["0", "200", "400"]),
        // -0 and values that are zero only up to rounding noise both print "0".
        (0.1, [-0.0, -1e-17, 1e-17, 0.1], ["0", "0", "0", "0.1"]),
        (0.1, [0.1 + 0.2, 0.7 * 3], ["0.3", "2.1"]),
        // Grouping from 10,000 up; not below, so years read naturally.
        (2000, [0, 2000, 4000, 6000, 8000], ["0", "2000", "4000", "6000", "8000"]),
        (2500, [0, 2500, 5000, 7500, 10000], ["0", "2,500", "5,000", "7,500", "10,000"]),
        (100_000, [-200_000, 0, 900_000], ["−200,000", "0", "900,000"]),
        // Suffixes from a million: one unit per axis.
        (5e8, [0, 5e8, 1e9, 1.5e9, 2e9], ["0", "0.5B", "1.0B", "1.5B", "2.0B"]),
        (2.5e5, [0, 2.5e5, 5e5, 7.5e5, 1e6], ["0", "0.25M", "0.50M", "0.75M", "1.00M"]),
        (1e12, [-2e12, 0, 2e12], ["−2T", "0", "2T"]),
        (1e14, [0, 5e14, 9e14], ["0", "500T", "900T"]),
        // Too many decimals for a suffix: plain with grouping instead.
        (0.1, [1_000_000, 1_000_000.1, 1_000_000.2], ["1,000,000.0", "1,000,000.1", "1,000,000.2"]),
        // Scientific below 1e-4 and from 1e15, with one exponent per axis.
        (1e-5, [0, 1e-5, 2e-5], ["0", "1×10⁻⁵", "2×10⁻⁵"]),
        (2.5e-6, [-5e-6, -2.5e-6, 0, 2.5e-6, 5e-6], ["−5.0×10⁻⁶", "−2.5×10⁻⁶", "0", "2.5×10⁻⁶", "5.0×10⁻⁶"]),
        (5e15, [0, 5e15, 1e16], ["0", "0.5×10¹⁶", "1.0×10¹⁶"]),
        (1e300, [1e300, 2e300], ["1×10³⁰⁰", "2×10³⁰⁰"]),
        // Just above the scientific threshold: plain decimals.
        (1e-4, [0, 1e-4, 2e-4], ["0", "0.0001", "0.0002"]),
    ] as [(Double, [Double], [String])])
    func labels(_ step: Double, _ values: [Double], _ labels: [String]) {
        let formatter = TickFormatter(step: step, values: values)
        #expect(values.map(formatter.format) == labels)
    }

    @Test("A step of 1/3 (no short decimal) gets three significant digits")
    func repeatingStep() {
        let step = 1.0 / 3.0
        let formatter = TickFormatter(step: step, values: [0, step, 2 * step, 1])
        #expect([0, step, 2 * step, 1].map(formatter.format) == ["0", "0.333", "0.667", "1.000"])
    }

    @Test("Unusable steps are replaced by the values' precision", arguments: [0.0, -.infinity, .nan])
    func unusableStep(_ step: Double) {
        let formatter = TickFormatter(step: step, values: [0, 2.5])
        #expect(formatter.step == 0.1)
        #expect(formatter.format(2.5) == "2.5")
        #expect(TickFormatter(step: step, values: []).format(3) == "3")
    }

    @Test("A negative step is used by magnitude")
    func negativeStep() {
        #expect(TickFormatter(step: -0.5, values: [0, 0.5]).format(0.5) == "0.5")
    }

    @Test("Non-finite values have readable labels")
    func nonFiniteValues() {
        let formatter = TickFormatter(step: 1, values: [0, 1])
        #expect(formatter.format(.nan) == "NaN")
        #expect(formatter.format(.infinity) == "∞")
        #expect(formatter.format(-.infinity) == "−∞")
    }

    @Test("A value far outside the formatter's axis falls back to six significant digits")
    func farOutside() {
        let formatter = TickFormatter(step: 0.001, values: [0, 0.001])
        #expect(formatter.format(1.2345678e30) == "1.23457×10³⁰")
        #expect(formatter.format(-Double.greatestFiniteMagnitude) == "−1.79769×10³⁰⁸")
    }
}
