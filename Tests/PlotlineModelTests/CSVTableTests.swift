import Testing
@testable import PlotlineModel

@Suite struct CSVTableTests {
    func table(_ name: String) throws -> CSVTable {
        try CSVTable.parse(try Fixtures.bytes(name), file: name)
    }

    func parseError(_ text: String) -> SpecError? {
        do {
            _ = try CSVTable.parse(text, file: "t.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let t = try table("csv/quoted.csv")
        #expect(t.header == ["name", "note", "value"])
        #expect(t.rows == [
            ["Smith, J.", "said \"hi\"", "1"],
            ["multi\nline\nnote", "x", "2"],
            ["last", "y", "3"],
        ])
        // The row after a three-line cell starts on line 6.
        #expect(t.rowLines == [2, 3, 6])
        #expect(try t.numbers(inColumn: "value") == [1, 2, 3])
    }

    @Test func cellsAreStoredByColumn() throws {
        let t = try table("csv/quoted.csv")
        #expect(t.columns == [["Smith, J.", "multi\nline\nnote", "last"], ["said \"hi\"", "x", "y"], ["1", "2", "3"]])
        #expect(t.rowCount == 3)
        // The third cell of the second row sits two line breaks below the row's start.
        #expect(t.cellLine(row: 1, column: 2) == 5)
        #expect(t.cellLine(row: 1, column: 0) == 3)
        // Rows given by hand: short ones are padded, and row lines of the wrong count are replaced.
        let made = CSVTable(file: "m.csv", header: ["a", "b"], rows: [["1"], ["2", "3"]], rowLines: [9])
        #expect(made.columns == [["1", "2"], ["", "3"]])
        #expect(made.rowLines == [2, 3])
        #expect(made.rows == [["1", ""], ["2", "3"]])
    }

    @Test(arguments: ["csv/crlf.csv", "csv/bom.csv", "data/mmlu-pro-rl.csv"])
    func lineEndingsAndByteOrderMark(name: String) throws {
        let t = try table(name)
        #expect(t.header == ["step", "mmlu_pro"])
        #expect(t.rows.prefix(2) == [["0", "50.2"], ["200", "54.8"]])
        #expect(t.column(named: "step")?.prefix(2) == ["0", "200"])
        #expect(try t.numbers(inColumn: "mmlu_pro").prefix(2) == [50.2, 54.8])
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let t = try CSVTable.parse("a,b\r1,\"x\ry\"\r2,z", file: "t.csv")
        #expect(t.rows == [["1", "x\ry"], ["2", "z"]])
        #expect(t.rowLines == [2, 4])
    }

    @Test func emptyAndMissingCellsAreGaps() throws {
        let values = try table("csv/gaps.csv").numbers(inColumn: "y")
        #expect(values.count == 6)
        #expect(values[0] == 1 && values[5] == 7.5)
        #expect(values[1...4].allSatisfy { $0.isNaN })
    }

    @Test func blankLinesAreSkippedAndTrailingCommasMakeEmptyCells() throws {
        let t = try CSVTable.parse("a,b\n\n1,\n\n2,3\n\n", file: "t.csv")
        #expect(t.rows == [["1", ""], ["2", "3"]])
        #expect(t.rowLines == [3, 5])
    }

    @Test func spacesAroundQuotedFieldsAndHeaderNames() throws {
        let t = try CSVTable.parse("step , \"y\"\n 1 , \"2\" \n", file: "t.csv")
        #expect(t.header == ["step", "y"])
        #expect(try t.numbers(inColumn: "step") == [1])
        #expect(try t.numbers(inColumn: "y") == [2])
    }

    static let errors: [(String, String)] = [
        ("step,y\n0,1\n1,2,3\n", "t.csv:3: row has 3 fields but the header has 2"),
        ("step,y\n0,1\n5\n", "t.csv:3: row has 1 field but the header has 2"),
        ("step,y\n0,\"1\n1,2\n", "t.csv:2: unterminated quoted field (the quote opened on line 2 is never closed)"),
        ("a,b\n\"x\"y,1\n", "t.csv:2: unexpected text after a closing quote; write a quote inside a quoted field as \"\""),
        ("", "t.csv: the file is empty; expected a header row"),
        ("\n\n", "t.csv: the file is empty; expected a header row"),
        ("x,y,x\n1,2,3\n", "t.csv:1: column \"x\" appears twice in the header (columns 1 and 3)"),
    ]

    @Test(arguments: errors)
    func malformedFilesNameTheLine(text: String, expected: String) {
        #expect(parseError(text)?.description == expected)
    }

    @Test func fixtureErrors() throws {
        #expect(throws: SpecError(file: "csv/ragged.csv", line: 3, message: "row has 3 fields but the header has 2")) {
            try table("csv/ragged.csv")
        }
        #expect(throws: SpecError(file: "csv/unterminated.csv", line: 2,
                                  message: "unterminated quoted field (the quote opened on line 2 is never closed)")) {
            try table("csv/unterminated.csv")
        }
        #expect(throws: SpecError(file: "csv/bad-number.csv", line: 4, message: "column \"mmlu_pro\": \"abc\" is not a number")) {
            try table("csv/bad-number.csv").numbers(inColumn: "mmlu_pro")
        }
    }

    @Test func invalidUTF8NamesTheLine() {
        let bytes = Array("a,b\n1,2\n".utf8) + [0xFF] + Array(",3\n".utf8)
        #expect(throws: SpecError(file: "t.csv", line: 3, message: "invalid UTF-8 (byte 0xFF)")) {
            try CSVTable.parse(bytes, file: "t.csv")
        }
    }

    @Test func badCellsAfterMultilineCellsReportTheirPhysicalLine() throws {
        let t = try CSVTable.parse("a,b\n\"x\ny\",1\nz,abc\n", file: "t.csv")
        #expect(throws: SpecError(file: "t.csv", line: 4, message: "column \"b\": \"abc\" is not a number")) {
            try t.numbers(inColumn: "b")
        }
        let sameRow = try CSVTable.parse("a,b\n\"x\r\ny\",abc\n", file: "t.csv")
        #expect(throws: SpecError(file: "t.csv", line: 3, message: "column \"b\": \"abc\" is not a number")) {
            try sameRow.numbers(inColumn: "b")
        }
    }

    @Test func missingColumnListsTheColumnsWithASuggestion() throws {
        let t = try table("data/mmlu-pro-rl.csv")
        #expect(t.column(named: "mmlu") == nil)
        #expect(throws: SpecError(file: "data/mmlu-pro-rl.csv", line: 1,
                                  message: "no column \"mmlu\" in data/mmlu-pro-rl.csv; did you mean \"mmlu_pro\"? (columns: step, mmlu_pro)")) {
            try t.numbers(inColumn: "mmlu")
        }
        #expect(t.missingColumnMessage("stpe") == "no column \"stpe\" in data/mmlu-pro-rl.csv; did you mean \"step\"? (columns: step, mmlu_pro)")
        #expect(t.missingColumnMessage("zzz") == "no column \"zzz\" in data/mmlu-pro-rl.csv (columns: step, mmlu_pro)")
    }

    static let cells: [(String, CSVTable.NumberCell)] = [
        ("1", .value(1)), (" 2.5 ", .value(2.5)), ("\t-3e2", .value(-300)), ("+4", .value(4)), (".5", .value(0.5)),
        ("abc", .invalid), ("0x10", .invalid), ("1,5", .invalid), ("1 2", .invalid), ("--1", .invalid), ("e", .invalid),
        ("1e999", .outOfRange),
    ]

    @Test(arguments: cells)
    func numericCellsAreParsedStrictly(text: String, expected: CSVTable.NumberCell) {
        #expect(CSVTable.parseNumber(text) == expected)
    }

    @Test(arguments: ["", "  ", "NaN", "nan", "NA", "null", "inf", "-Infinity", "+inf", "INFINITY", " Null\t", "+Infinity"])
    func missingValueSpellingsAreGaps(text: String) {
        guard case .value(let v) = CSVTable.parseNumber(text) else {
            Issue.record("\(text) was rejected")
            return
        }
        #expect(v.isNaN)
    }

    /// The missing-value check decides most cells from their first bytes; every near miss of a
    /// spelling must still be judged by the full comparison.
    @Test(arguments: [("nan", true), ("Na", true), ("-inf", true), ("+INF", true), ("", true),
                      ("nanx", false), ("-nan", false), ("n", false), ("i", false), ("+", false), ("-1", false),
                      ("infinityy", false), ("1", false), (".5", false), ("ñan", false), ("-", false)])
    func missingSpellings(text: String, missing: Bool) {
        #expect(CSVTable.isMissing(text) == missing)
    }

    @Test(arguments: [("a", "a"), (" a", "a"), ("a\t", "a"), (" \t ", ""), ("", ""), ("a b", "a b"), (" é ", "é")])
    func trimming(text: String, trimmed: String) {
        #expect(text.trimmingCSVSpaces() == trimmed)
    }

    @Test func randomBytesNeverTrap() {
        var rng = LCG(state: 99)
        let alphabet = Array("a,\"\r\n 1.e-".utf8) + [0xEF, 0xBB, 0xBF, 0xFF]
        for _ in 0..<2000 {
            let count = Int(rng.next() % 48)
            let bytes: [UInt8] = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if let t = try? CSVTable.parse(bytes, file: "f.csv"), let name = t.header.first {
                _ = try? t.numbers(inColumn: name)
            }
        }
    }

    /// The byte-level fast path must give exactly the double the text path gives, and leave
    /// everything it does not handle to the text path.
    @Test func fastDecimalsMatchTheTextPath() {
        var rng = LCG(state: 7)
        var cases = ["0", "-0", "+1", "1.5", "007", "1e5", "1E-5", "-2.5e+3", "0.1", "0.30000000000000004",
                     "9007199254740992", "9007199254740993", "123456789012345678901", "1e22", "1e23", "1e-22",
                     "4.9e-324", "1.7976931348623157e308", "1.", ".5", "1e", "e5", "-", "+", "1.2.3", "1e0001", "0e999"]
        for _ in 0..<20000 {
            let digits = String(rng.next() % 100_000_000_000_000)
            let point = Int(rng.next() % UInt64(digits.count + 1))
            var text = String(digits.prefix(point)) + (point < digits.count ? "." + digits.dropFirst(point) : "")
            if text.hasPrefix(".") { text = "0" + text }
            if rng.next() % 3 == 0 { text += "e" + String(Int(rng.next() % 40) - 20) }
            if rng.next() % 2 == 0 { text = "-" + text }
            cases.append(text)
        }
        var fast = 0
        for text in cases {
            let bytes = Array(text.utf8)
            let quick = bytes.withUnsafeBufferPointer { CSVTable.fastDecimal($0, 0, bytes.count) }
            guard let quick else { continue }
            fast += 1
            #expect(quick.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        // Nearly all of them take the fast path: the test is not vacuous.
        #expect(fast > 19000)
        // A column reads the same values through the table, fast path or not.
        let readable = cases.filter { if case .value(let v) = CSVTable.parseNumber($0) { abs(v) < 1e300 } else { false } }
        let table = CSVTable(file: "t.csv", header: ["v"], rows: readable.map { [$0] })
        let values = (try? table.values(inColumn: "v", reading: .number)) ?? []
        #expect(values.count == readable.count)
        for (text, value) in zip(readable, values) {
            if case .value(let expected) = CSVTable.parseNumber(text) {
                #expect(value.bitPattern == expected.bitPattern, "\(text)")
            }
        }
    }
}
