import PlotlineCore
@testable import PlotlineModel
import PlotlineScales
import Testing

/// Axis keys: scales, dates, formats, ticks, a second y axis, and CSV reading.
@Suite struct AxisSpecTests {
    @Test func everyAxisKeyDecodes() throws {
        let spec = try decode(#"""
            {"x": {"scale": "time", "utcOffset": "+02:00", "domain": ["2024-03-01", "2024-03-02T12:00"],
                   "ticks": ["2024-03-01", {"value": "2024-03-02", "label": "Sat"}], "reverse": true},
             "y": {"scale": "log", "base": 2, "format": ",.1f", "prefix": "≈", "suffix": " ms", "tickCount": 4, "zero": false,
                   "nice": false, "clamp": true, "parse": "formatted"},
             "y2": {"scale": "symlog", "constant": 10, "grid": false},
             "series": [{"x": ["2024-03-01T06:00", "2024-03-01T18:00"], "y": [1, 2]},
                        {"x": ["2024-03-01", "2024-03-02"], "y": [-5, 50], "axis": "y2"}]}
            """#)
        let day = 1_709_251_200.0
        #expect(spec.x.scale == .time && spec.x.utcOffset == 7200 && spec.x.reverse)
        #expect(spec.x.lower == day - 7200 && spec.x.upper == day + 86_400 + 43_200 - 7200)
        #expect(spec.x.ticks == [TickSpec(value: day - 7200), TickSpec(value: day + 86_400 - 7200, label: "Sat")])
        #expect(spec.y.scale == .log && spec.y.base == .two && spec.y.format?.specifier == ",.1f")
        #expect(spec.y.prefix == "≈" && spec.y.suffix == " ms" && spec.y.tickCount == 4 && spec.y.nice == false && spec.y.clamp)
        #expect(spec.y.parse == .formatted)
        #expect(spec.y2?.scale == .symlog && spec.y2?.constant == 10)
        #expect(spec.series[0].x == .dates([day + 6 * 3600 - 7200, day + 18 * 3600 - 7200]))
        #expect(spec.series[1].axis == .y2)
    }

    @Test func datesMakeATimeAxisByThemselves() throws {
        let spec = try decode(#"{"series": [{"x": ["2024-01-01", null, "2024-01-03"], "y": [1, 2, 3]}]}"#)
        #expect(spec.x.scale == .time)
        guard case .dates(let d) = spec.series[0].x else { Issue.record("not dates"); return }
        #expect(d[0] == 1_704_067_200 && d[1].isNaN && d[2] == 1_704_240_000)
        let unix = try decode(#"{"x": {"scale": "time", "unit": "ms"}, "series": [{"x": [0, 86400000], "y": [1, 2]}]}"#)
        #expect(unix.series[0].x == .dates([0, 86_400]))
    }

    @Test func csvReadsDatesFormattedNumbersAndSemicolons() throws {
        let json = #"""
            {"data": {"csv": "csv/semicolons.csv"}, "y": {"parse": "formatted"},
             "series": [{"data": {"x": "day", "y": "amount"}}, {"data": {"x": "day", "y": "share"}}]}
            """#
        let spec = try decode(json, baseDirectory: Fixtures.root)
        #expect(spec.x.scale == .time)
        guard case .line(let amount) = spec.series[0].mark, case .line(let share) = spec.series[1].mark else { return }
        #expect(amount.y[0] == 1234.5 && amount.y[1] == 2000 && amount.y[2].isNaN)
        #expect(share.y[0] == 0.12 && share.y[1] == 0.075)
    }

    @Test func aDateThatDoesNotParseNamesTheFileLineColumnAndValue() {
        let json = #"{"x": {"scale": "time"}, "series": [{"data": {"csv": "csv/bad-date.csv", "x": "day", "y": "value"}}]}"#
        do {
            _ = try decode(json, baseDirectory: Fixtures.root)
            Issue.record("decoded a bad date")
        } catch {
            #expect(error.description == Fixtures.root + #"/csv/bad-date.csv:3: column "day": "2024-02-30" is not a date: day 30 is not in 2024-02"#)
        }
    }

    @Test func aWrongDelimiterGetsAHint() {
        let json = #"{"series": [{"data": {"csv": "csv/semicolons.csv", "delimiter": ",", "x": "day", "y": "amount"}}]}"#
        #expect(decodeError(json.replacingOccurrences(of: "csv/", with: Fixtures.root + "/csv/"))?.message
            == #"row has 2 fields but the header has 1; is the delimiter ";"? Set "delimiter" in the spec's data"#)
    }

    static let errors: [(String, String)] = [
        (#"{"x": {"scale": "logarithmic"}, "series": [{"y": [1]}]}"#,
         #"t.json:1:17: x.scale: unknown scale "logarithmic" (supported: linear, log, symlog, time and band)"#),
        (#"{"y": {"scale": "time"}, "series": [{"y": [1]}]}"#, #"t.json:1:17: y.scale: time scales are for the x axis"#),
        (#"{"y": {"scale": "log", "domain": [0, 10]}, "series": [{"y": [1]}]}"#,
         #"t.json:1:35: y.domain[0]: 0 is not above 0; a log axis cannot reach zero"#),
        (#"{"y": {"scale": "log"}, "series": [{"y": [1, 0, 3]}]}"#,
         #"t.json:1:36: series[0].y[1]: 0 is not above 0, which a log axis needs; set "clamp": true on y to leave such values out"#),
        (#"{"x": {"scale": "log"}, "series": [{"x": [-1, 1], "y": [1, 2]}]}"#,
         #"t.json:1:42: series[0].x[0]: -1 is not above 0, which a log axis needs; set "clamp": true on x to leave such values out"#),
        (#"{"y": {"scale": "log"}, "series": [{"kind": "bar", "y": [1, 2]}]}"#,
         #"t.json:1:36: series[0]: bars stand on zero, which a log axis cannot show; use a linear y axis"#),
        (#"{"y": {"format": ".2q"}, "series": [{"y": [1]}]}"#,
         #"t.json:1:18: y.format: ".2q" is not a number format: unknown type "q"; expected f, %, d, e, g, r or s"#),
        (#"{"x": {"scale": "time"}, "series": [{"x": ["2024-03-01", 5], "y": [1, 2]}]}"#,
         #"t.json:1:58: series[0].x[1]: is a number, but this axis holds dates; dates and numbers cannot mix (set "unit": "s" on the axis for Unix times)"#),
        (#"{"series": [{"x": ["2024-03-01", "2024-03-02"], "y": [1, 2]}, {"x": [1, 2], "y": [1, 2]}]}"#,
         #"t.json:1:69: series[1].x: has numbers, but series[0] puts dates on the axis; one axis cannot mix them"#),
        (#"{"x": {"scale": "time"}, "series": [{"x": ["2024-02-30"], "y": [1]}]}"#,
         #"t.json:1:44: series[0].x[0]: "2024-02-30" is not a date: day 30 is not in 2024-02"#),
        (#"{"x": {"utcOffset": "CET"}, "series": [{"y": [1]}]}"#,
         #"t.json:1:21: x.utcOffset: "CET" is not a UTC offset; use "Z", "+02:00" or "-05:30""#),
        (#"{"x": {"base": 3}, "series": [{"y": [1]}]}"#, #"t.json:1:16: x.base: expected 10, 2 or "e""#),
        (#"{"theme": "darkest", "series": [{"y": [1]}]}"#,
         #"t.json:1:11: theme: unknown theme "darkest" (supported: light, dark and auto)"#),
        (#"{"series": [{"y": [1], "axis": "y3"}]}"#,
         #"t.json:1:32: series[0].axis: unknown axis "y3"; did you mean "y"? (supported: y and y2)"#),
        (#"{"data": {"csv": "a.csv"}, "series": [{"data": {"y": "v"}}]}"#,
         #"t.json:1:18: data.csv: cannot read "a.csv": No such file or directory"#),
        (#"{"series": [{"data": {"y": "v"}}]}"#,
         #"t.json:1:22: series[0].data: missing "csv", the path of the CSV file (or a chart-level "data" with one)"#),
    ]

    @Test(arguments: errors)
    func badAxesNameTheKey(json: String, expected: String) {
        #expect(decodeError(json)?.description == expected)
    }

    @Test func clampedLogValuesAreWarnedAbout() throws {
        let spec = try decode(#"{"y": {"scale": "log", "clamp": true}, "series": [{"y": [1, 0, -3, 4]}]}"#)
        #expect(spec.warnings.map(\.description) == ["y: 2 values at or below 0 left out of the log axis"])
    }
}
