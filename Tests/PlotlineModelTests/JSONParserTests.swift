import Testing
@testable import PlotlineModel

@Suite struct JSONParserTests {
    @Test func valuesCarryLinesAndColumns() throws {
        let text = "{\n  \"a\": [1, null],\n  \"é\": true,\n  \"s\": \"x\\u00e9\\ud83d\\ude00\"\n}"
        let root = try JSONParser.parse(text)
        #expect(root.line == 1 && root.column == 1)
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "é", "s"])
        #expect(members[0].keyLine == 2 && members[0].keyColumn == 3)
        #expect(members[0].value.line == 2 && members[0].value.column == 8)
        guard case .array(let elements) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements[0] == JSONNode(.number(1, text: "1"), line: 2, column: 9))
        #expect(elements[1] == JSONNode(.null, line: 2, column: 12))
        // Columns count scalars: "é" is two bytes but one column.
        #expect(members[1].value == JSONNode(.bool(true), line: 3, column: 8))
        #expect(members[2].value.value == .string("xé😀"))
    }

    @Test func keepsMemberOrder() throws {
        let root = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
    }

    @Test func numbersKeepTheirText() throws {
        let root = try JSONParser.parse("[-0.5e+2, 10, 1E-3]")
        #expect(root.value == .array([
            JSONNode(.number(-50, text: "-0.5e+2"), line: 1, column: 2),
            JSONNode(.number(10, text: "10"), line: 1, column: 11),
            JSONNode(.number(0.001, text: "1E-3"), line: 1, column: 15),
        ]))
    }

    @Test func skipsAByteOrderMark() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[true]".utf8))
        #expect(root.value == .array([JSONNode(.bool(true), line: 1, column: 2)]))
    }

    static let syntaxErrors: [(String, String)] = [
        (#"{"a": 1 "b": 2}"#, #"line 1, column 9: expected ',' or '}', found '"'"#),
        ("{\n  \"width\": 800,\n  \"height\": 500\n  \"title\": \"x\"\n}", #"line 4, column 3: expected ',' or '}', found '"'"#),
        ("[1 2]", "line 1, column 4: expected ',' or ']', found '2'"),
        ("[1, 2,]", "line 1, column 7: a trailing comma is not allowed before ']'"),
        (#"{"a": 1,}"#, "line 1, column 9: a trailing comma is not allowed before '}'"),
        ("{a: 1}", "line 1, column 2: expected a string key, found 'a'"),
        (#"{"a" 1}"#, #"line 1, column 6: expected ':' after the key "a", found '1'"#),
        (#"{"a": tru}"#, #"line 1, column 7: unexpected word "tru"; expected a JSON value (a string needs double quotes)"#),
        ("[NaN]", "line 1, column 2: NaN is not valid JSON; write null for a missing value"),
        ("['a']", "line 1, column 2: expected a JSON value, found '''"),
        ("", "line 1, column 1: expected a JSON value, found end of input"),
        ("  \n ", "line 2, column 2: expected a JSON value, found end of input"),
        ("[1] x", "line 1, column 5: unexpected 'x' after the JSON value"),
        ("\"abc", "line 1, column 5: unterminated string"),
        ("[01]", "line 1, column 3: invalid number: leading zeros are not allowed"),
        ("[1.]", "line 1, column 4: invalid number: expected a digit after '.', found ']'"),
        ("[-]", "line 1, column 3: invalid number: expected a digit, found ']'"),
        ("[1e]", "line 1, column 4: invalid number: expected a digit in the exponent, found ']'"),
        ("[+1]", "line 1, column 2: expected a JSON value, found '+'"),
        ("[1e999]", "line 1, column 2: number out of range: 1e999"),
        ("[-1e400]", "line 1, column 2: number out of range: -1e400"),
        (#"{"a": 1, "a": 2}"#, #"line 1, column 10: duplicate key "a""#),
        (#"["\ud800"]"#, #"line 1, column 3: unpaired surrogate \uD800 in a string"#),
        (#"["\udc00"]"#, #"line 1, column 3: unpaired surrogate \uDC00 in a string"#),
        (#"["\u12G4"]"#, "line 1, column 7: expected four hex digits after \\u, found 'G'"),
        (#"["\x"]"#, #"line 1, column 3: invalid escape '\x' in a string"#),
        ("[\"a\tb\"]", "line 1, column 4: control character U+0009 in a string; write it as an escape such as \\n"),
        ("{\"é\": x}", #"line 1, column 7: unexpected word "x"; expected a JSON value (a string needs double quotes)"#),
        ("// comment\n{}", "line 1, column 1: expected a JSON value, found '/'"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorsNameLineAndColumn(input: String, expected: String) {
        #expect(parseError(Array(input.utf8))?.description == expected)
    }

    static let invalidUTF8: [([UInt8], String)] = [
        ([0x5B, 0x22, 0xFF, 0x22, 0x5D], "line 1, column 3: invalid UTF-8 (byte 0xFF)"),
        ([0x5B, 0x22, 0xC0, 0x80, 0x22, 0x5D], "line 1, column 3: invalid UTF-8 (byte 0xC0)"), // overlong NUL
        ([0x0A, 0x22, 0xED, 0xA0, 0x80, 0x22], "line 2, column 2: invalid UTF-8 (byte 0xED)"), // a surrogate
        ([0x22, 0xE2, 0x82], "line 1, column 2: invalid UTF-8 (byte 0xE2)"), // cut short
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "line 1, column 2: invalid UTF-8 (byte 0xF4)"), // past U+10FFFF
        ([0x80], "line 1, column 1: invalid UTF-8 (byte 0x80)"),
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8IsAnError(bytes: [UInt8], expected: String) {
        #expect(parseError(bytes)?.description == expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = parseError(deep)
        #expect(error?.message == "nesting deeper than 256 levels")
        #expect(error?.line == 1 && error?.column == 257)

        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(parseError(objects)?.message == "nesting deeper than 256 levels")
    }

    @Test func nestingUpToTheLimitParses() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        _ = try JSONParser.parse(text)
    }

    @Test func errorsInsideValuesCarryTheKeyPath() {
        let error = parseError(Array(#"{"series": [{"y": [1, 2 3]}]}"#.utf8))
        #expect(error?.keyPath == "series[0].y")
        #expect(error?.message == "expected ',' or ']', found '3'")
    }

    @Test func randomBytesNeverTrap() {
        var rng = LCG(state: 42)
        let alphabet = Array(#"{}[],:"\ -0123456789.eEtruefalsn"#.utf8) + [0x80, 0xC3, 0xA9, 0xFF, 0x0A]
        for round in 0..<2000 {
            let count = Int(rng.next() % 64)
            let bytes: [UInt8] = (0..<count).map { _ in
                round % 2 == 0 ? rng.byte() : alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            // Either outcome is fine; reaching the next round is the test.
            _ = parseError(bytes)
        }
    }
}
