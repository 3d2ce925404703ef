@testable import PlotlineScales
import Testing

@Suite struct NumberFormatTests {
    static let cases: [(String, Double, String)] = [
        (".1f", 3.14159, "3.1"), (".1f", -3.14159, "−3.1"), (".1f", 0, "0.0"), (".1f", -0.0, "0.0"),
        (".1f", -0.04, "0.0"), (".1f", .nan, "NaN"), (".1f", .infinity, "∞"), (".1f", -.infinity, "−∞"),
        (".1f", 1e300, "1.0e+300"), (".1f", -1e300, "−1.0e+300"), (".1f", 1e-300, "0.0"), (".1f", 0.25, "0.3"),
        ("f", 1.5, "1.500000"), (".0f", 2.5, "3"),
        (",.0f", 1_234_567.89, "1,234,568"), (",.0f", -1234.5, "−1,235"), (",.2f", 999.999, "1,000.00"),
        (".0%", 0.123, "12%"), (".0%", -0.005, "−1%"), (".0%", 0.0049, "0%"), (".1%", 1, "100.0%"), ("~%", 0.5, "50%"),
        ("~s", 1500, "1.5k"), ("~s", 1e6, "1M"), ("~s", 0.00025, "250µ"), ("~s", 0, "0"), ("~s", -42000, "−42k"),
        ("~s", 999_999, "999.999k"), (".2~s", 999_999, "1M"), (".3s", 1500, "1.50k"), (".2s", 1e-300, "1.0e−276y"),
        ("$,.2f", 1234.5, "$1,234.50"), ("$,.2f", -3, "−$3.00"), ("$.0f", 0, "$0"),
        ("+.1f", 2, "+2.0"), ("+.1f", 0, "+0.0"), ("+.1f", -2, "−2.0"), ("+.1f", -0.0, "+0.0"),
        ("(.2f", -5, "(5.00)"), ("(.2f", 5, "5.00"), (" .1f", 1, " 1.0"),
        (".2e", 12345, "1.23e+4"), (".2e", 0, "0.00e+0"), (".1e", -1e-300, "−1.0e−300"), ("~e", 1500, "1.5e+3"),
        (".3g", 0.000012345, "0.0000123"), (".3g", 0.00000012345, "1.23e−7"), (".3g", 123.456, "123"), (".3g", 1234.5, "1.23e+3"), (".3g", 0.5, "0.500"),
        (".3r", 123.456, "123"), (".3r", 0.0012345, "0.00123"), (".2r", 9.96, "10"),
        ("d", 2.5, "3"), ("d", -2.5, "−3"), (",d", 1e6, "1,000,000"),
        ("", 0.1 + 0.2, "0.3"), ("", 1e21, "1e+21"), ("", 1234, "1234"), ("", -0.5, "−0.5"), ("", 0, "0"),
    ]

    /// The README's table, value for value.
    static let readme: [(String, String, String)] = [
        (".1f", "1234.5", "0.0"), (",.0f", "1,235", "0"), (".0%", "123450%", "−4%"), ("~s", "1.2345k", "−42.1m"),
        ("$,.2f", "$1,234.50", "−$0.04"), ("+.1f", "+1234.5", "+0.0"), (".3g", "1.23e+3", "−0.0421"),
        (".3r", "1230", "−0.0421"), (".2e", "1.23e+3", "−4.21e−2"), ("d", "1235", "0"),
    ]

    @Test(arguments: readme)
    func theReadmeTableHolds(specifier: String, positive: String, negative: String) throws {
        let format = try NumberFormat(specifier)
        #expect(format.format(1234.5) == positive)
        #expect(format.format(-0.0421) == negative)
    }

    /// Every type with the awkward values: negatives, zero, −0, NaN and the extremes of Double.
    static let awkward: [(String, [String])] = [
        // specifier: −1.5, 0, −0, NaN, 1e300, −1e−300
        (".2f", ["−1.50", "0.00", "0.00", "NaN", "1.00e+300", "0.00"]),
        (".1%", ["−150.0%", "0.0%", "0.0%", "NaN", "1.0e+302%", "0.0%"]),
        ("d", ["−2", "0", "0", "NaN", "1e+300", "0"]),
        (".1e", ["−1.5e+0", "0.0e+0", "0.0e+0", "NaN", "1.0e+300", "−1.0e−300"]),
        (".2g", ["−1.5", "0.0", "0.0", "NaN", "1.0e+300", "−1.0e−300"]),
        (".2r", ["−1.5", "0.0", "0.0", "NaN", "1.0e+300", "−1.0e−300"]),
        ("~s", ["−1.5", "0", "0", "NaN", "1e+276Y", "−1e−276y"]),
        ("", ["−1.5", "0", "0", "NaN", "1e+300", "−1e−300"]),
    ]

    @Test(arguments: awkward)
    func awkwardValues(specifier: String, expected: [String]) throws {
        let format = try NumberFormat(specifier)
        let got = [-1.5, 0, -0.0, .nan, 1e300, -1e-300].map(format.format)
        #expect(got == expected)
    }

    @Test(arguments: cases)
    func formats(specifier: String, value: Double, expected: String) throws {
        let actual = try NumberFormat(specifier).format(value)
        #expect(actual == expected, "got \(actual)")
    }

    @Test(arguments: [("x", "unknown type \"x\"; expected f, %, d, e, g, r or s"),
                      (".f", "\".\" must be followed by a precision"),
                      (".99f", "precision 99 is too large; at most 17"),
                      (".2fx", "unexpected \"x\"; the form is [sign][$][,][.precision][~][type], e.g. \",.2f\" or \".0%\"")])
    func badSpecifiersSayWhy(specifier: String, message: String) {
        #expect(throws: NumberFormat.ParseError(description: message)) { try NumberFormat(specifier) }
    }
}
