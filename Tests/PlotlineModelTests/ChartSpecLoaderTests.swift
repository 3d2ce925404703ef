import Testing
import PlotlineCore
@testable import PlotlineModel

@Suite struct ChartSpecLoaderTests {
    /// DESIGN.md's seed figure, as the loader should produce it.
    static let seed = ChartSpec(
        width: 800, height: 500,
        title: "MMLU-Pro vs. RL training steps",
        x: AxisSpec(label: "RL training steps", domain: 0...800, tickStep: 200, grid: true),
        y: AxisSpec(label: "MMLU-Pro", domain: 50...57, tickStep: 2, grid: true),
        legend: .hidden,
        series: [
            SeriesSpec(name: "MMLU-Pro", color: PlotColor(rgb: 0xF08080),
                       x: [0, 200, 400, 600, 800], y: [50.2, 54.8, 55.4, 55.2, 56.7]),
        ]
    )

    @Test(arguments: ["seed-inline.json", "seed-csv.json"])
    func seedSpecDecodes(name: String) throws {
        let spec = try ChartSpecLoader.load(path: Fixtures.path(name))
        #expect(spec == Self.seed)
        #expect(spec.x.domain == 0...800)
        #expect(spec.y.lower == 50 && spec.y.upper == 57)
        #expect(spec.series.first?.color == PlotColor(css: "lightcoral"))
        #expect(spec.background == nil && spec.theme == .light)
        #expect(spec.font == FontSpec(family: "DejaVu Sans", file: nil, size: 12))
    }

    @Test func defaultsApplyToAMinimalSpec() throws {
        let spec = try decode(#"{"series": [{"y": [3, null, 5]}]}"#)
        #expect(spec.width == 800 && spec.height == 500)
        #expect(spec.title == nil && spec.description == nil && spec.id == nil)
        #expect(spec.x == AxisSpec() && spec.y.grid == nil)
        #expect(spec.legend == .automatic && spec.legend.resolved(for: spec.series) == nil)
        let series = try #require(spec.series.first)
        let line = try #require(series.line)
        #expect(series.kind == .line && series.color == nil && line.width == 2 && line.dash.isEmpty)
        #expect(series.x == .numbers([0, 1, 2]))
        #expect(line.y[0] == 3 && line.y[1].isNaN && line.y[2] == 5)
    }

    @Test func everyFieldDecodes() throws {
        let spec = try decode("""
            {"width": 640, "height": 360.5, "title": "T", "description": "D", "id": "fig-1_a",
             "background": "transparent", "font": {"family": "Inter", "file": "fonts/Inter.ttf", "size": 14},
             "x": {"label": null, "domain": [null, 10], "tickStep": null, "grid": false},
             "y": {"domain": [-1, null]},
             "legend": true,
             "series": [{"name": "a", "kind": "line", "color": "#0af8", "width": 1.5, "dash": [4, 2],
                         "x": [1, 2], "y": [3, 4]}]}
            """, baseDirectory: "Templates")
        #expect(spec.width == 640 && spec.height == 360.5)
        #expect(spec.title == "T" && spec.description == "D" && spec.id == "fig-1_a")
        #expect(spec.background == .transparent)
        #expect(spec.font == FontSpec(family: "Inter", file: "Templates/fonts/Inter.ttf", size: 14))
        #expect(spec.x == AxisSpec(label: nil, lower: nil, upper: 10, tickStep: nil, grid: false))
        #expect(spec.y.lower == -1 && spec.y.upper == nil && spec.y.domain == nil)
        #expect(spec.legend == .shown(.best))
        #expect(spec.series == [SeriesSpec(name: "a", color: PlotColor(red: 0, green: 0xAA, blue: 0xFF, alpha: 0x88),
                                           width: 1.5, dash: [4, 2], x: [1, 2], y: [3, 4])])
    }

    static let legendDefaults: [(String, Bool)] = [
        (#"[{"y": [1]}]"#, false),
        (#"[{"name": "a", "y": [1]}]"#, false),
        (#"[{"name": "a", "y": [1]}, {"y": [2]}]"#, false),
        (#"[{"name": "a", "y": [1]}, {"name": "", "y": [2]}]"#, false),
        (#"[{"name": "a", "y": [1]}, {"name": "b", "y": [2]}]"#, true),
    ]

    @Test(arguments: legendDefaults)
    func legendIsShownWhenTwoSeriesHaveNames(series: String, expected: Bool) throws {
        let spec = try decode(#"{"series": \#(series)}"#)
        #expect((spec.legend.resolved(for: spec.series) != nil) == expected)
    }

    static let series = #""series": [{"y": [1]}]"#

    static let errors: [(String, String)] = [
        (#"{"width": "800", \#(series)}"#, "t.json:1:11: width: expected a number, found a string"),
        (#"{"width": 0, \#(series)}"#, "t.json:1:11: width: 0 is out of range; expected 1 to 16384 pixels"),
        (#"{"height": 20000, \#(series)}"#, "t.json:1:12: height: 20000 is out of range; expected 1 to 16384 pixels"),
        (#"{"width": 1e999, \#(series)}"#, "t.json:1:11: width: number out of range: 1e999"),
        (#"{"title": 3, \#(series)}"#, "t.json:1:11: title: expected a string, found a number"),
        (#"{"id": "1abc", \#(series)}"#,
         "t.json:1:8: id: \"1abc\" is not a valid id; use a letter followed by letters, digits, '_' or '-'"),
        (#"{"background": "nope", \#(series)}"#,
         "t.json:1:16: background: \"nope\" is not a colour; expected a CSS colour name, #rgb, #rrggbb or #rrggbbaa"),
        (#"{"legend": "yes", \#(series)}"#,
         "t.json:1:12: legend: unknown legend position \"yes\"; did you mean \"best\"? (supported: best, top-left, top-right, bottom-left, bottom-right, right, top and bottom)"),
        (#"{"legend": 1, \#(series)}"#,
         "t.json:1:12: legend: expected true, false or a position such as \"top-right\" or \"right\", found a number"),
        (#"{"font": {"size": 0}, \#(series)}"#,
         "t.json:1:19: font.size: 0 is out of range; expected more than 0 and at most 1000 pixels"),
        (#"{"font": {"colour": "red"}, \#(series)}"#,
         "t.json:1:11: font.colour: unknown key \"colour\"; expected one of family, file and size"),
        (#"{"x": {"tickstep": 5}, \#(series)}"#, "t.json:1:8: x.tickstep: unknown key \"tickstep\"; did you mean \"tickStep\"?"),
        (#"{"seris": []}"#, "t.json:1:2: seris: unknown key \"seris\"; did you mean \"series\"?"),
        (#"{"x": {"domain": [5, 1]}, \#(series)}"#, "t.json:1:18: x.domain: the lower end (5) must be less than the upper end (1); use \"reverse\": true to run the axis backwards"),
        (#"{"x": {"domain": [1, 1]}, \#(series)}"#, "t.json:1:18: x.domain: the lower end (1) must be less than the upper end (1); use \"reverse\": true to run the axis backwards"),
        (#"{"x": {"domain": [1, 2, 3]}, \#(series)}"#, "t.json:1:18: x.domain: expected [lower, upper], found an array of 3 values"),
        (#"{"y": {"domain": [0, "9"]}, \#(series)}"#, "t.json:1:22: y.domain[1]: expected a number or null, found a string"),
        (#"{"y": {"tickStep": 0}, \#(series)}"#, "t.json:1:20: y.tickStep: 0 must be greater than 0"),
        (#"{"y": {"domain": [0, 1], "tickStep": 1e-9}, \#(series)}"#,
         "t.json:1:38: y.tickStep: 1e-9 gives more than 10000 ticks over the domain; use a larger step"),
        (#"{"y": [0, 1], \#(series)}"#, "t.json:1:7: y: expected an object, found an array"),
        ("[]", "t.json:1:1: expected an object, found an array"),
        ("{}", "t.json:1:1: series: missing; a chart needs at least one series"),
        (#"{"series": []}"#, "t.json:1:12: series: is empty; a chart needs at least one series"),
        (#"{"series": {}}"#, "t.json:1:12: series: expected an array, found an object"),
        (#"{"series": [{"color": "lightcorral", "y": [1]}]}"#,
         "t.json:1:23: series[0].color: \"lightcorral\" is not a colour; did you mean \"lightcoral\"?"),
        (#"{"series": [{"kind": "pie", "y": [1]}]}"#,
         "t.json:1:22: series[0].kind: unknown kind \"pie\"; did you mean \"line\"? (supported: line, scatter, bar, area and band)"),
        (#"{"series": [{"kind": "lines", "y": [1]}]}"#,
         "t.json:1:22: series[0].kind: unknown kind \"lines\"; did you mean \"line\"? (supported: line, scatter, bar, area and band)"),
        (#"{"series": [{"x": [1, 2], "y": [1]}]}"#, "t.json:1:32: series[0]: x has 2 values but y has 1; they must match"),
        (#"{"series": [{"y": [1, "a"]}]}"#, "t.json:1:23: series[0].y[1]: expected a number or null, found a string"),
        (#"{"series": [{"y": 1}]}"#, "t.json:1:19: series[0].y: expected an array of numbers, found a number"),
        (#"{"series": [{"name": "a"}]}"#, "t.json:1:13: series[0]: missing \"y\" (or \"data\" to read a CSV file)"),
        (#"{"series": [{"width": -1, "y": [1]}]}"#,
         "t.json:1:23: series[0].width: -1 is out of range; expected more than 0 and at most 1000 pixels"),
        (#"{"series": [{"dash": [0, 0], "y": [1]}]}"#, "t.json:1:22: series[0].dash: all lengths are 0; use [] for a solid line"),
        (#"{"series": [{"dash": [4, -1], "y": [1]}]}"#,
         "t.json:1:26: series[0].dash[1]: -1 is out of range; expected 0 to 10000 pixels"),
        (#"{"series": [{"y": [1]}, {"y": [1], "data": {"csv": "a.csv", "y": "v"}}]}"#,
         "t.json:1:31: series[1]: give either inline \"x\"/\"y\" or \"data\", not both"),
        (#"{"series": [{"data": {"csv": "a.csv"}}]}"#, "t.json:1:30: series[0].data.csv: cannot read \"a.csv\": No such file or directory"),
        (#"{"series": [{"data": {"file": "a.csv", "y": "v"}}]}"#,
         "t.json:1:23: series[0].data.file: unknown key \"file\"; did you mean \"size\"?"),
        (#"{"series": [{"data": {"csv": "", "y": "v"}}]}"#, "t.json:1:30: series[0].data.csv: is empty; give the path of a CSV file"),
        // Syntax errors keep the key path of the value being read.
        (#"{"series": [1, 2"#, "t.json:1:17: series: expected ',' or ']', found end of input"),
        (#"{"width": 1, "width": 2}"#, "t.json:1:14: duplicate key \"width\""),
    ]

    @Test(arguments: errors)
    func errorsNameFileLineColumnAndKeyPath(json: String, expected: String) {
        #expect(decodeError(json)?.description == expected)
    }

    @Test func errorsStayOnOneLine() throws {
        let error = try #require(decodeError(#"{"series": [{"color": "red\nish\"", "y": [1]}]}"#))
        #expect(error.message.hasPrefix(#""red\nish\"" is not a colour"#))
        #expect(!error.description.contains("\n"))

        let key = try #require(decodeError("{\"x\": {\"a\\nb\": 1}, \"series\": [{\"y\": [1]}]}"))
        #expect(key.keyPath == #"x["a\nb"]"#)
        #expect(!key.description.contains("\n"))
    }

    @Test func errorFieldsArePopulated() throws {
        let error = try #require(decodeError("{\n  \"series\": [\n    {\"color\": \"lightcorral\", \"y\": [1]}\n  ]\n}"))
        #expect(error == SpecError(file: "t.json", line: 3, column: 15, keyPath: "series[0].color",
                                   message: "\"lightcorral\" is not a colour; did you mean \"lightcoral\"?"))
    }

    static let descriptions: [(SpecError, String)] = [
        (SpecError(file: "a.json", line: 5, column: 14, keyPath: "x", message: "m"), "a.json:5:14: x: m"),
        (SpecError(file: "a.json", line: 5, keyPath: "x", message: "m"), "a.json:5: x: m"),
        (SpecError(file: "a.json", message: "m"), "a.json: m"),
        (SpecError(file: "", keyPath: "x", message: "m"), "x: m"),
        (SpecError(file: "a\nb.json", message: "two\nlines"), "a\\nb.json: two\\nlines"),
    ]

    @Test(arguments: descriptions)
    func descriptionsOmitMissingParts(error: SpecError, expected: String) {
        #expect(error.description == expected)
    }

    @Test func missingSpecFile() throws {
        let path = Fixtures.path("specs/absent.json")
        #expect(throws: SpecError(file: path, message: "cannot read the spec: No such file or directory")) {
            try ChartSpecLoader.load(path: path)
        }
    }

    @Test func missingCSVFileNamesTheSpecPosition() throws {
        let path = Fixtures.path("specs/missing-csv.json")
        let csv = Fixtures.path("specs/data/nope.csv")
        #expect(throws: SpecError(file: path, line: 3, column: 24, keyPath: "series[0].data.csv",
                                  message: "cannot read \"\(csv)\": No such file or directory")) {
            try ChartSpecLoader.load(path: path)
        }
    }

    @Test func missingColumnSuggestsOne() throws {
        let path = Fixtures.path("specs/missing-column.json")
        let csv = Fixtures.path("specs/../data/mmlu-pro-rl.csv")
        #expect(throws: SpecError(file: path, line: 3, column: 69, keyPath: "series[0].data.y",
                                  message: "no column \"mmlu\" in \(csv); did you mean \"mmlu_pro\"? (columns: step, mmlu_pro)")) {
            try ChartSpecLoader.load(path: path)
        }
    }

    @Test func badCSVCellNamesTheCSVLine() throws {
        let csv = Fixtures.path("specs/../csv/bad-number.csv")
        #expect(throws: SpecError(file: csv, line: 4, message: "column \"mmlu_pro\": \"abc\" is not a number")) {
            try ChartSpecLoader.load(path: Fixtures.path("specs/bad-cell.json"))
        }
        #expect(SpecError(file: "data/x.csv", line: 4, message: "column \"mmlu_pro\": \"abc\" is not a number").description
            == "data/x.csv:4: column \"mmlu_pro\": \"abc\" is not a number")
    }

    @Test func csvWithoutXColumnNumbersThePoints() throws {
        let spec = try ChartSpecLoader.decode(Array(#"{"series": [{"data": {"csv": "csv/gaps.csv", "y": "step"}}]}"#.utf8),
                                              file: "inline.json", baseDirectory: Fixtures.root)
        #expect(spec.series.first?.x == .numbers([0, 1, 2, 3, 4, 5]))
        #expect(spec.series.first?.line?.y == [0, 1, 2, 3, 4, 5])
    }

    static let pointLimits: [(String, String)] = [
        (#"{"series": [{"y": [1, 2, 3, 4, 5]}]}"#, "t.json:1:19: series[0].y: too many points: more than 4"),
        (#"{"series": [{"y": [1, 2, 3]}, {"y": [1, 2]}]}"#,
         "t.json:1:31: series[1]: too many points: more than 4 in all series together"),
    ]

    @Test(arguments: pointLimits)
    func pointCountIsCapped(json: String, expected: String) {
        do {
            _ = try ChartSpecLoader.decode(Array(json.utf8), file: "t.json", baseDirectory: "", maximumPoints: 4)
            Issue.record("decoded past the limit")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func seriesCanShareACSVFile() throws {
        let json = #"""
            {"series": [{"name": "a", "data": {"csv": "data/mmlu-pro-rl.csv", "x": "step", "y": "mmlu_pro"}},
                        {"name": "b", "data": {"csv": "data/mmlu-pro-rl.csv", "y": "step"}}]}
            """#
        let spec = try ChartSpecLoader.decode(Array(json.utf8), file: "inline.json", baseDirectory: Fixtures.root)
        #expect(spec.series.map { $0.line?.y ?? [] } == [[50.2, 54.8, 55.4, 55.2, 56.7], [0, 200, 400, 600, 800]])
        #expect(spec.series.last?.x == .numbers([0, 1, 2, 3, 4]))
        #expect(spec.legend.resolved(for: spec.series) == .best)
    }

    @Test func missingXColumnIsReportedAtTheXKey() throws {
        let json = #"{"series": [{"data": {"csv": "data/mmlu-pro-rl.csv", "x": "Step", "y": "mmlu_pro"}}]}"#
        let csv = Fixtures.root + "/data/mmlu-pro-rl.csv"
        #expect(throws: SpecError(file: "inline.json", line: 1, column: 59, keyPath: "series[0].data.x",
                                  message: "no column \"Step\" in \(csv); did you mean \"step\"? (columns: step, mmlu_pro)")) {
            try ChartSpecLoader.decode(Array(json.utf8), file: "inline.json", baseDirectory: Fixtures.root)
        }
    }

    @Test func seriesWithGapsEqualThemselves() {
        let series = SeriesSpec(y: [1, .nan, 3])
        #expect(series == series)
        #expect(series != SeriesSpec(y: [1, 2, 3]))
        #expect(series.x == .numbers([0, 1, 2]))
    }

    @Test func pathsResolveAgainstTheSpecFolder() {
        #expect(ChartSpecLoader.resolve("data/a.csv", relativeTo: "Templates") == "Templates/data/a.csv")
        #expect(ChartSpecLoader.resolve("data/a.csv", relativeTo: "Templates/") == "Templates/data/a.csv")
        #expect(ChartSpecLoader.resolve("data/a.csv", relativeTo: "") == "data/a.csv")
        #expect(ChartSpecLoader.resolve("/abs/a.csv", relativeTo: "Templates") == "/abs/a.csv")
        #expect(ChartSpecLoader.directory(of: "Templates/x.json") == "Templates")
        #expect(ChartSpecLoader.directory(of: "x.json") == "")
        #expect(ChartSpecLoader.directory(of: "/x.json") == "/")
    }

    @Test func mutatedSpecsNeverTrap() throws {
        let seed = try Fixtures.bytes("seed-inline.json")
        var rng = LCG(state: 7)
        for _ in 0..<1500 {
            var bytes = seed
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                guard !bytes.isEmpty else { break }
                let i = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[i] = rng.byte()
                case 1: bytes.remove(at: i)
                default: bytes.insert(rng.byte(), at: i)
                }
            }
            do {
                _ = try ChartSpecLoader.decode(bytes, file: "fuzz.json", baseDirectory: "")
            } catch {
                #expect(!error.description.contains("\n"))
                #expect(error.line != nil)
            }
        }
    }
}
