/// A JSON value as written in a document, before any interpretation as a chart spec.
///
/// Objects keep their members in document order (and duplicates are rejected by the parser), so
/// anything derived from a document is deterministic and errors can point at the exact member.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A finite number, with the exact text it was written as (for messages that quote it).
    case number(Double, text: String)
    /// A string, with escapes decoded.
    case string(String)
    /// An array of positioned values.
    case array([JSONNode])
    /// An object's members in document order.
    case object([JSONMember])

    /// "a number", "an object", …: the kind of value, for "expected …, found …" messages.
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON value with the 1-based line and column where it starts.
///
/// Columns count Unicode scalars, not bytes, so they match what an editor shows.
public struct JSONNode: Sendable, Equatable {
    /// The value.
    public var value: JSONValue
    /// The line of the value's first character, from 1.
    public var line: Int
    /// The column of the value's first character, from 1.
    public var column: Int

    /// Creates a positioned value.
    public init(_ value: JSONValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// One `"key": value` member of a JSON object, with the position of its key.
public struct JSONMember: Sendable, Equatable {
    /// The decoded key.
    public var key: String
    /// The line of the key's opening quote.
    public var keyLine: Int
    /// The column of the key's opening quote.
    public var keyColumn: Int
    /// The member's value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyLine: Int, keyColumn: Int, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}

/// A JSON syntax error with its position and the key path of the enclosing value.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the offending character, from 1.
    public var line: Int
    /// The column of the offending character, from 1.
    public var column: Int
    /// The key path of the value being parsed (`series[0].y[3]`), empty at the top level.
    public var keyPath: String
    /// What went wrong, on one line.
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, keyPath: String, message: String) {
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// "line 3, column 14: expected ',' or '}', found ']'".
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser that records where every value starts.
///
/// It never traps, whatever the bytes: invalid UTF-8, nesting deeper than `maxDepth`, numbers
/// outside the range of `Double` and duplicate keys are all reported as errors. A leading UTF-8
/// byte order mark is skipped, as RFC 8259 permits.
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted; deeper input is hostile or a mistake,
    /// and a limit keeps the recursive descent far from the end of the stack.
    public static let defaultMaxDepth = 256

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var pos = 0
    private var line = 1
    private var column = 1
    // The path to the value being parsed, formatted only when an error is reported so that
    // large arrays cost nothing extra.
    private var path: [PathComponent] = []

    /// Parses a whole document: exactly one value, optionally surrounded by whitespace.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONNode {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses a whole document held in a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            let (l, c) = UTF8Check.position(of: bad.offset, in: bytes)
            throw JSONParseError(line: l, column: c, keyPath: "", message: "invalid UTF-8 (byte 0x\(hex(bad.byte)))")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3 // The BOM is invisible in editors, so the column stays at 1.
        }
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos < bytes.count {
            throw error("unexpected \(describeCurrent()) after the JSON value")
        }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
        let startLine = line, startColumn = column
        guard let b = peek() else { throw error("expected a JSON value, found end of input") }
        let value: JSONValue
        switch b {
        case UInt8(ascii: "{"):
            value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = try parseNumber()
        default:
            value = try parseLiteral()
        }
        return JSONNode(value, line: startLine, column: startColumn)
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        advance() // {
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                if peek() == UInt8(ascii: "}") && !members.isEmpty {
                    throw error("a trailing comma is not allowed before '}'")
                }
                throw error("expected a string key, found \(describeCurrent())")
            }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            // A linear scan for the small objects of a spec; past 16 members a set keeps the check
            // linear in the object's size, since an object of 100,000 keys would take minutes.
            if members.count < 16 ? members.contains(where: { $0.key == key }) : !seen.insert(key).inserted {
                throw JSONParseError(line: keyLine, column: keyColumn, keyPath: formatPath(path),
                                     message: "duplicate key \(quoted(key))")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \(quoted(key)), found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue(depth: depth)
            path.removeLast()
            if members.count == 15 { seen = Set(members.map(\.key) + [key]) }
            members.append(JSONMember(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(members)
            default:
                throw error("expected ',' or '}', found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        advance() // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") && !elements.isEmpty {
                throw error("a trailing comma is not allowed before ']'")
            }
            path.append(.index(elements.count))
            let value = try parseValue(depth: depth)
            path.removeLast()
            elements.append(value)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            default:
                throw error("expected ',' or ']', found \(describeCurrent())")
            }
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        advance() // opening quote
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw error("unterminated string") }
            switch b {
            case UInt8(ascii: "\""):
                advance()
                // The input was validated as UTF-8 and escapes append valid scalars only.
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escLine = line, escColumn = column
                advance()
                guard let e = peek() else { throw error("unterminated string") }
                advance()
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape(line: escLine, column: escColumn)
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw JSONParseError(line: escLine, column: escColumn, keyPath: formatPath(path),
                                         message: "invalid escape '\\\(printable(e))' in a string")
                }
            case 0x00..<0x20:
                throw error("control character U+\(hex(b, width: 4)) in a string; write it as an escape such as \\n")
            default:
                out.append(b)
                advance()
            }
        }
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate when needed).
    private mutating func parseUnicodeEscape(line escLine: Int, column escColumn: Int) throws(JSONParseError) -> Unicode.Scalar {
        let high = try readHex4()
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONParseError(line: escLine, column: escColumn, keyPath: formatPath(path),
                                 message: "unpaired surrogate \\u\(hex(high, width: 4)) in a string")
        }
        if (0xD800...0xDBFF).contains(high) {
            guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw JSONParseError(line: escLine, column: escColumn, keyPath: formatPath(path),
                                     message: "unpaired surrogate \\u\(hex(high, width: 4)) in a string")
            }
            advance()
            advance()
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(line: escLine, column: escColumn, keyPath: formatPath(path),
                                     message: "unpaired surrogate \\u\(hex(high, width: 4)) in a string")
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else {
                throw error("invalid \\u escape")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape") }
        return scalar
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek(), let digit = hexValue(b) else {
                throw error("expected four hex digits after \\u, found \(describeCurrent())")
            }
            value = value << 4 | UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = pos
        let startLine = line, startColumn = column
        if peek() == UInt8(ascii: "-") { advance() }
        guard let first = peek(), isDigit(first) else {
            throw error("invalid number: expected a digit, found \(describeCurrent())")
        }
        advance()
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw error("invalid number: leading zeros are not allowed")
        }
        while let b = peek(), isDigit(b) { advance() }
        if peek() == UInt8(ascii: ".") {
            advance()
            guard let b = peek(), isDigit(b) else {
                throw error("invalid number: expected a digit after '.', found \(describeCurrent())")
            }
            while let b = peek(), isDigit(b) { advance() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            guard let b = peek(), isDigit(b) else {
                throw error("invalid number: expected a digit in the exponent, found \(describeCurrent())")
            }
            while let b = peek(), isDigit(b) { advance() }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(line: startLine, column: startColumn, keyPath: formatPath(path),
                                 message: "number out of range: \(String(text.prefix(40)))")
        }
        return .number(value, text: text)
    }

    private mutating func parseLiteral() throws(JSONParseError) -> JSONValue {
        // Read a whole word so that the message can name it ("True", "NaN", "undefined").
        var end = pos
        while end < bytes.count, end - pos < 32, isWordByte(bytes[end]) { end += 1 }
        let word = String(decoding: bytes[pos..<end], as: UTF8.self)
        let value: JSONValue
        switch word {
        case "true": value = .bool(true)
        case "false": value = .bool(false)
        case "null": value = .null
        case "":
            throw error("expected a JSON value, found \(describeCurrent())")
        case "NaN", "Infinity", "inf", "nan":
            throw error("\(word) is not valid JSON; write null for a missing value")
        default:
            throw error("unexpected word \(quoted(word)); expected a JSON value (a string needs double quotes)")
        }
        for _ in 0..<(end - pos) { advance() }
        return value
    }

    // MARK: Scanning

    private func peek(_ offset: Int = 0) -> UInt8? {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func advance() {
        guard pos < bytes.count else { return }
        let b = bytes[pos]
        pos += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            // Continuation bytes belong to the scalar already counted.
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { advance() }
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(line: line, column: column, keyPath: formatPath(path), message: message)
    }

    /// The current character for a message: `'x'`, `U+00E9`, or "end of input".
    private func describeCurrent() -> String {
        guard let b = peek() else { return "end of input" }
        if b >= 0x21 && b < 0x7F { return "'\(printable(b))'" }
        if b < 0x80 { return "U+\(hex(b, width: 4))" }
        // A multi-byte scalar: decode it for the message (the input is valid UTF-8).
        var end = pos + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let s = String(decoding: bytes[pos..<end], as: UTF8.self)
        guard let scalar = s.unicodeScalars.first else { return "a non-ASCII character" }
        return "U+\(hex(scalar.value, width: 4))"
    }
}

/// One step of a key path: an object key or an array index.
enum PathComponent: Sendable {
    case key(String)
    case index(Int)
}

/// `series[0].data.csv`; keys that are not plain identifiers are written `["odd key"]`.
func formatPath(_ components: [PathComponent]) -> String {
    var s = ""
    for c in components {
        switch c {
        case .key(let k): s = appendKey(s, k)
        case .index(let i): s += "[\(i)]"
        }
    }
    return s
}

/// Extends a key path by an object key.
func appendKey(_ path: String, _ key: String) -> String {
    let isIdentifier = !key.isEmpty && key.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" || $0 == "$"
    }
    // A hostile key can be megabytes long; the error line names it by its start.
    let shown = key.unicodeScalars.count > 80 ? String(String.UnicodeScalarView(key.unicodeScalars.prefix(80))) + "…" : key
    if isIdentifier { return path.isEmpty ? shown : path + "." + shown }
    return path + "[" + quoted(shown) + "]"
}

private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
}

private func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x61...0x66: return b - 0x61 + 10
    case 0x41...0x46: return b - 0x41 + 10
    default: return nil
    }
}

private func printable(_ b: UInt8) -> String {
    b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\u{\(hex(b))}"
}

/// Upper-case hexadecimal, zero-padded to `width` digits.
func hex<T: BinaryInteger>(_ value: T, width: Int = 2) -> String {
    let s = String(value, radix: 16, uppercase: true)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Strict UTF-8 validation (no overlongs, surrogates or scalars past U+10FFFF), for JSON and CSV.
enum UTF8Check {
    /// The offset and value of the first byte that does not start or continue a valid sequence.
    static func firstInvalidByte(in bytes: [UInt8]) -> (offset: Int, byte: UInt8)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lowerBound: UInt8 = 0x80, upperBound: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F // no surrogates
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F // nothing past U+10FFFF
            default: return (i, b)
            }
            for k in 1..<length {
                guard i + k < n else { return (i, b) }
                let c = bytes[i + k]
                let lo: UInt8 = k == 1 ? lowerBound : 0x80
                let hi: UInt8 = k == 1 ? upperBound : 0xBF
                if c < lo || c > hi { return (i, b) }
            }
            i += length
        }
        return nil
    }

    /// The 1-based line and column (in scalars) of a byte offset; only used to report an error.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
