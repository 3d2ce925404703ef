import PlotlineCore
@testable import PlotlineModel
import Testing

/// The keys of every mark kind, and the errors that name the series and key.
@Suite struct MarkSpecTests {
    @Test func lineKeysDecode() throws {
        let spec = try decode(#"""
            {"series": [{"y": [1, null, 3], "interpolate": "monotone", "gaps": "join", "dash": "dotted", "width": 2,
                         "marker": {"shape": "diamond", "size": 9, "fill": "none"}, "yError": [0.5, 1, 0.5]}]}
            """#)
        guard case .line(let line) = spec.series[0].mark else { Issue.record("not a line"); return }
        #expect(line.interpolate == .monotone && line.gaps == .join)
        #expect(line.dash == [0.5, 4.5])
        #expect(line.marker == MarkerSpec(shape: .diamond, size: 9, fill: .transparent))
        #expect(line.errors == ErrorBars(lower: [0.5, .nan, 2.5], upper: [1.5, .nan, 3.5]))
    }

    @Test func scatterKeysDecode() throws {
        let spec = try decode(#"{"series": [{"kind": "scatter", "x": [1, 2], "y": [3, 4], "size": [1, 9], "opacity": 0.3, "marker": "plus"}]}"#)
        guard case .scatter(let s) = spec.series[0].mark else { Issue.record("not a scatter"); return }
        #expect(s.sizes == [1, 9] && s.marker.shape == .plus && s.marker.size == 28)
        #expect(spec.series[0].opacity == 0.3)
    }

    @Test func barKeysDecodeWithCategories() throws {
        let spec = try decode(#"""
            {"series": [{"kind": "bar", "x": ["a", "b"], "y": [3, 4], "stack": true, "barWidth": 0.5,
                         "orientation": "horizontal", "yLower": [2, 3], "yUpper": [4, 5]}]}
            """#)
        guard case .bar(let b) = spec.series[0].mark else { Issue.record("not a bar"); return }
        #expect(spec.series[0].x == .categories(["a", "b"]))
        #expect(b.stack && b.barWidth == 0.5 && b.orientation == .horizontal)
        #expect(b.errors == ErrorBars(lower: [2, 3], upper: [4, 5]))
    }

    @Test func barCategoriesComeFromACSVColumnThatIsNotNumbers() throws {
        let json = #"{"series": [{"kind": "bar", "data": {"csv": "csv/regions.csv", "x": "region", "y": "sales", "yLower": "low", "yUpper": "high"}}]}"#
        let spec = try decode(json, baseDirectory: Fixtures.root)
        #expect(spec.series[0].x == .categories(["North", "South", "East"]))
        let scatter = #"{"series": [{"kind": "scatter", "data": {"csv": "csv/regions.csv", "x": "sales", "y": "low", "size": "size"}}]}"#
        guard case .scatter(let s) = try decode(scatter, baseDirectory: Fixtures.root).series[0].mark else { return }
        #expect(s.sizes == [3, 1, 4])
    }

    @Test func histogramsCountTheirXValues() throws {
        let spec = try decode(#"{"series": [{"kind": "bar", "bins": 2, "x": [0, 1, 2, 3, 4, null]}]}"#)
        guard case .bar(let b) = spec.series[0].mark else { Issue.record("not a bar"); return }
        #expect(b.binEdges == [0, 2, 4] && b.y == [2, 3] && b.barWidth == 1)  // the last bin is closed
        #expect(spec.series[0].x == .numbers([1, 3]))
        let byWidth = try decode(#"{"series": [{"kind": "bar", "binWidth": 5, "x": [3, 7, 12, 14.9]}]}"#)
        guard case .bar(let w) = byWidth.series[0].mark else { return }
        #expect(w.binEdges == [0, 5, 10, 15] && w.y == [1, 1, 2])
        let single = try decode(#"{"series": [{"kind": "bar", "bins": 3, "x": [2, 2]}]}"#)
        guard case .bar(let one) = single.series[0].mark else { return }
        #expect(one.y.reduce(0, +) == 2 && one.binEdges?.first == 1.5)
    }

    @Test func areaAndBandKeysDecode() throws {
        let spec = try decode(#"""
            {"legend": "right", "series": [{"kind": "area", "y": [1, 2], "baseline": -1, "stack": true, "width": 0},
                                           {"kind": "band", "yLower": [0, 1], "yUpper": [2, 3], "color": "gray"}]}
            """#)
        #expect(spec.legend == .shown(.right))
        #expect(spec.series[0].mark == .area(AreaMark(y: [1, 2], baseline: -1, stack: true, width: 0)))
        #expect(spec.series[1].mark == .band(BandMark(lower: [0, 1], upper: [2, 3])))
    }

    @Test func axisSortAndSubtitleDecode() throws {
        let spec = try decode(#"{"subtitle": "S", "x": {"sort": "descending"}, "series": [{"y": [1]}]}"#)
        #expect(spec.subtitle == "S" && spec.x.sort == .descending)
    }

    static let errors: [(String, String)] = [
        (#"{"series": [{"kind": "band", "yLower": [1, 2]}]}"#,
         #"t.json:1:13: series[0]: missing "yUpper"; a band needs both "yLower" and "yUpper""#),
        (#"{"series": [{"kind": "band", "y": [1, 2]}]}"#,
         #"t.json:1:30: series[0].y: does not apply to a band series (it is for line, scatter, bar and area)"#),
        (#"{"series": [{"kind": "line", "bins": 3, "y": [1]}]}"#,
         #"t.json:1:30: series[0].bins: does not apply to a line series (it is for bar)"#),
        (#"{"series": [{"kind": "scatter", "y": [1, 2], "size": [1, -2]}]}"#,
         #"t.json:1:54: series[0].size[1]: -2 is negative; sizes must be 0 or more"#),
        (#"{"series": [{"kind": "bar", "x": ["a"], "y": [1]}, {"kind": "bar", "x": [1], "y": [2]}]}"#,
         #"t.json:1:73: series[1].x: has numbers, but series[0] puts categories on the axis; one axis cannot mix them"#),
        (#"{"series": [{"kind": "bar", "stack": true, "x": ["a", "b"], "y": [1, 2]}, {"kind": "bar", "stack": true, "x": ["a", "c"], "y": [2, 3]}]}"#,
         #"t.json:1:111: series[1].x: lacks "b", which series[0] has; stacked bar series must share their x values or categories"#),
        (#"{"series": [{"kind": "area", "stack": true, "x": [1, 2], "y": [1, 2]}, {"kind": "area", "stack": true, "x": [1, 2, 3], "y": [2, 3, 4]}]}"#,
         #"t.json:1:109: series[1].x: differs from series[0]'s; stacked area series must have the same x values in the same order"#),
        (#"{"series": [{"kind": "bar", "orientation": "horizontal", "x": ["a"], "y": [1]}, {"x": ["a"], "y": [2]}]}"#,
         #"t.json:1:87: series[1]: is a line series, but series[0] has horizontal bars; a chart with horizontal bars holds only horizontal bars"#),
        (#"{"series": [{"kind": "area", "x": ["a"], "y": [1]}]}"#,
         #"t.json:1:35: series[0].x: categories (strings) are for bar, line and scatter series; this series needs numbers"#),
        (#"{"series": [{"kind": "bar", "x": ["a", 1], "y": [1, 2]}]}"#,
         #"t.json:1:40: series[0].x[1]: expected a category name (a string), found a number; categories and numbers cannot mix"#),
        (#"{"series": [{"kind": "bar", "bins": 10, "x": [1e16, 1e16]}]}"#,
         #"t.json:1:46: series[0].x: spans a range that cannot be split into bins (from 1e+16 to 1e+16)"#),
        (#"{"series": [{"kind": "bar", "bins": 10, "x": [-1e308, 1e308]}]}"#,
         #"t.json:1:47: series[0].x[0]: -1e308 is too large to draw; numbers must be less than 1e300 in size (use null for a missing value)"#),
        (#"{"series": [{"kind": "bar", "binWidth": 0.5, "x": [1e16]}]}"#,
         #"t.json:1:51: series[0].x: spans a range that cannot be split into bins (from 1e+16 to 1e+16)"#),
        (#"{"series": [{"kind": "bar", "bins": 0, "x": [1]}]}"#,
         #"t.json:1:37: series[0].bins: 0 is not a whole number from 1 to 10000"#),
        (#"{"series": [{"kind": "bar", "bins": 3, "x": [1], "y": [1]}]}"#,
         #"t.json:1:55: series[0].y: a histogram counts its "x" values; leave out "y""#),
        (#"{"series": [{"kind": "bar", "binWidth": 1e-9, "x": [0, 1]}]}"#,
         #"t.json:1:41: series[0].binWidth: 1e-9 gives more than 10000 bins over the values; use a larger width"#),
        (#"{"series": [{"kind": "bar", "barWidth": 1.5, "y": [1]}]}"#,
         #"t.json:1:41: series[0].barWidth: 1.5 is out of range; expected more than 0 and at most 1 (a fraction of the space per category)"#),
        (#"{"series": [{"y": [1], "yLower": [0]}]}"#,
         #"t.json:1:34: series[0]: error bars need both "yLower" and "yUpper" (or "yError" for symmetric ones)"#),
        (#"{"series": [{"y": [1], "yError": [1], "yLower": [0]}]}"#,
         #"t.json:1:49: series[0]: give either "yError" or "yLower" and "yUpper", not both"#),
        (#"{"series": [{"y": [1, 2], "yError": [1]}]}"#,
         #"t.json:1:37: series[0]: x has 2 values but yError has 1; they must match"#),
        (#"{"series": [{"y": [1], "marker": "star"}]}"#,
         #"t.json:1:34: series[0].marker: unknown marker shape "star" (supported: circle, square, triangle, diamond, cross and plus)"#),
        (#"{"series": [{"y": [1], "interpolate": "steps"}]}"#,
         #"t.json:1:39: series[0].interpolate: unknown interpolation "steps" (supported: linear, step-before, step-after, step-mid and monotone)"#),
        (#"{"series": [{"y": [1], "dash": "dashd"}]}"#,
         #"t.json:1:32: series[0].dash: unknown dash style "dashd"; did you mean "dashed"? (supported: solid, dashed, dotted, or an array of lengths)"#),
        (#"{"series": [{"y": [1], "opacity": 2}]}"#,
         #"t.json:1:35: series[0].opacity: 2 is out of range; expected 0 to 1"#),
        (#"{"series": [{"kind": "line", "data": {"csv": "x.csv", "y": "v", "size": "s"}}]}"#,
         #"t.json:1:65: series[0].data.size: does not apply to a line series (it is for scatter)"#),
        (#"{"legend": "top-rigth", "series": [{"y": [1]}]}"#,
         #"t.json:1:12: legend: unknown legend position "top-rigth"; did you mean "top-right"? (supported: best, top-left, top-right, bottom-left, bottom-right, right, top and bottom)"#),
    ]

    @Test(arguments: errors)
    func badMarksNameTheSeriesAndKey(json: String, expected: String) {
        #expect(decodeError(json)?.description == expected)
    }

    @Test func seriesWhoseEveryPointIsIsolatedGetAWarning() throws {
        let isolated = try decode(#"{"series": [{"name": "loss", "y": [1, null, 2]}, {"y": [1, 2]}, {"y": [1, null, 2], "gaps": "join"}]}"#)
        #expect(isolated.warnings.map(\.description)
            == [#"series[0]: "loss" draws nothing: every point is cut off from its neighbours by missing values; set "gaps": "join" or add a "marker""#])
        #expect(try decode(#"{"series": [{"y": [1, null, 2], "marker": "circle"}]}"#).warnings.isEmpty)
        #expect(try decode(#"{"series": [{"y": [null]}, {"y": [1, 2]}]}"#).warnings.isEmpty)
    }
}
