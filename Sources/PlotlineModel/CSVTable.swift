import PlotlineCore
import PlotlineScales

/// A CSV file (RFC 4180) read into a header and rows of text cells.
///
/// Accepted: quoted fields with embedded commas, doubled quotes and line breaks; LF, CRLF and
/// lone CR line endings; a final line break or none; a UTF-8 byte order mark; spaces around a
/// quoted field. Blank lines are skipped (as pandas does). Every row must have as many fields as
/// the header. Line numbers are physical lines, from 1, the header being line 1.
///
/// A table keeps the file's bytes and, per cell, where its text lies in them: a cell becomes a
/// `String` only when asked for as text, and a numeric column reads straight from the bytes to
/// `Double`. On a large file that is most of the reading time and memory saved.
public struct CSVTable: Sendable, Equatable {
    /// The file the table came from, used in messages.
    public var file: String
    /// The column names, with surrounding spaces removed.
    public var header: [String]
    /// The physical line on which each row starts.
    public var rowLines: [Int]
    /// The file's bytes, or for a table made from rows, the cells' bytes one after another.
    private var storage: [UInt8]
    /// Per column, per row, where the cell's text lies: `start << 32 | length` in `storage`, or
    /// `escapedFlag | i` for a quoted cell with a doubled quote, whose text is `escaped[i]`.
    private var cells: [[UInt64]]
    /// The texts of quoted cells that differ from their bytes.
    private var escaped: [String]

    private static let escapedFlag: UInt64 = 1 << 63

    /// The number of data rows.
    public var rowCount: Int { rowLines.count }

    /// The cells of each column, parallel to `header`, each with one cell per row, as written
    /// (quotes removed); made on each use.
    public var columns: [[String]] {
        cells.indices.map { c in (0..<rowCount).map { cell(row: $0, column: c) } }
    }

    /// The data rows, each with `header.count` cells; made on each use.
    public var rows: [[String]] {
        (0..<rowCount).map { r in cells.indices.map { cell(row: r, column: $0) } }
    }

    /// Creates a table from rows; a row shorter than the header is padded with empty cells, and
    /// `rowLines` defaults to (and, when it does not have one line per row, is replaced by) one
    /// line per row after the header.
    public init(file: String, header: [String], rows: [[String]], rowLines: [Int]? = nil) {
        self.file = file
        self.header = header
        var storage: [UInt8] = []
        var cells: [[UInt64]] = header.map { _ in [] }
        for row in rows {
            for c in header.indices {
                let text = c < row.count ? row[c] : ""
                cells[c].append(UInt64(storage.count) << 32 | UInt64(text.utf8.count))
                storage.append(contentsOf: text.utf8)
            }
        }
        self.storage = storage
        self.cells = cells
        self.escaped = []
        if let rowLines, rowLines.count == rows.count {
            self.rowLines = rowLines
        } else {
            self.rowLines = rows.indices.map { $0 + 2 }
        }
    }

    private init(file: String, header: [String], storage: [UInt8], cells: [[UInt64]], escaped: [String], rowLines: [Int]) {
        self.file = file
        self.header = header
        self.storage = storage
        self.cells = cells
        self.escaped = escaped
        self.rowLines = rowLines
    }

    /// Tables are equal when their files, headers, cells' texts and row lines are.
    public static func == (a: CSVTable, b: CSVTable) -> Bool {
        a.file == b.file && a.header == b.header && a.rowLines == b.rowLines && a.columns == b.columns
    }

    /// The most columns a table may have.
    public static let maximumColumns = 10_000

    /// The most cells (rows × columns) a table may have: 100 million, 800 MB of cell positions.
    public static let maximumCells = 100_000_000

    /// The largest file a table reads: cell positions are 31-bit (the top bit of a slot marks an
    /// escaped cell).
    public static let maximumBytes = Int(Int32.max)

    /// The field separators a table may use.
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// Parses CSV text.
    public static func parse(_ text: String, file: String, delimiter: UInt8? = nil) throws(SpecError) -> CSVTable {
        try parse(Array(text.utf8), file: file, delimiter: delimiter)
    }

    /// Parses CSV bytes, which must be UTF-8; fields are separated by `delimiter`, or by whichever
    /// of comma, semicolon and tab the header line uses most (comma on a tie).
    public static func parse(_ bytes: [UInt8], file: String, delimiter: UInt8? = nil) throws(SpecError) -> CSVTable {
        guard bytes.count <= maximumBytes else {
            throw SpecError(file: file, message: "the file is larger than \(maximumBytes) bytes")
        }
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            let (line, _) = UTF8Check.position(of: bad.offset, in: bytes)
            throw SpecError(file: file, line: line, message: "invalid UTF-8 (byte 0x\(hex(bad.byte)))")
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let separator = delimiter ?? detectDelimiter(bytes, from: start)
        var scanner = CSVScanner(bytes: bytes, file: file, delimiter: separator)
        scanner.pos = start

        var header: [String]?
        var cells: [[UInt64]] = []
        var rowLines: [Int] = []
        // One buffer for every record's fields: no array is allocated per row.
        var fields: [UInt64] = []
        while let (line, recordStart, count) = try scanner.nextRecord(into: &fields, maximumFields: header?.count ?? maximumColumns) {
            guard let header else {
                guard count <= maximumColumns else {
                    throw SpecError(file: file, line: line, message: "the header has \(count) columns; at most \(maximumColumns) are allowed")
                }
                let names = fields.map { scanner.text($0).trimmingCSVSpaces() }
                // Hashing keeps this linear: a header of 100,000 names is read in milliseconds.
                var seen: [String: Int] = [:]
                for (i, name) in names.enumerated() where !name.isEmpty {
                    if let first = seen[name] {
                        throw SpecError(file: file, line: line,
                                        message: "column \(quoted(name)) appears twice in the header (columns \(first + 1) and \(i + 1))")
                    }
                    seen[name] = i
                }
                header = names
                cells = names.map { _ in [] }
                continue
            }
            guard count == header.count else {
                var message = "row has \(count) \(count == 1 ? "field" : "fields") but the header has \(header.count)"
                // A row that would split right with another separator points at the delimiter.
                let record = bytes[recordStart..<scanner.pos]
                for other in delimiters where other != separator && record.contains(other) {
                    let name = other == 0x09 ? "tab" : "\"\(String(UnicodeScalar(other)))\""
                    message += "; is the delimiter \(name)? Set \"delimiter\" in the spec's data"
                    break
                }
                throw SpecError(file: file, line: line, message: message)
            }
            // Cells cost 8 bytes each whatever their size: a file of empty cells is bounded here.
            guard (rowLines.count + 1) * header.count <= maximumCells else {
                throw SpecError(file: file, line: line, message: "more than \(maximumCells) cells; at most \(maximumCells) are allowed (rows × columns)")
            }
            for (c, field) in fields.enumerated() { cells[c].append(field) }
            rowLines.append(line)
        }
        guard let header else {
            throw SpecError(file: file, message: "the file is empty; expected a header row")
        }
        return CSVTable(file: file, header: header, storage: bytes, cells: cells, escaped: scanner.escaped, rowLines: rowLines)
    }

    /// The text of one cell, as written (quotes removed); empty outside the table.
    public func cell(row: Int, column: Int) -> String {
        guard column >= 0, column < cells.count, row >= 0, row < cells[column].count else { return "" }
        return Self.text(of: cells[column][row], in: storage, escaped: escaped)
    }

    /// The text a slot stands for: a range of `bytes`, or with the flag set an entry of `escaped`.
    static func text(of slot: UInt64, in bytes: [UInt8], escaped: [String]) -> String {
        if slot & escapedFlag != 0 {
            let i = Int(slot & ~escapedFlag)
            return i < escaped.count ? escaped[i] : ""
        }
        let start = Int(slot >> 32), end = start + Int(slot & 0xFFFF_FFFF)
        guard end <= bytes.count else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The index of the column with this name (exact match), or nil.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The cells of the named column, or nil when there is no such column.
    public func column(named name: String) -> [String]? {
        guard let index = columnIndex(named: name), index < cells.count else { return nil }
        return (0..<rowCount).map { cell(row: $0, column: index) }
    }

    /// "no column "mmlu" in data/x.csv; did you mean "mmlu_pro"? (columns: step, mmlu_pro)".
    public func missingColumnMessage(_ name: String) -> String {
        var message = "no column \(quoted(name)) in \(file)"
        if let suggestion = closestMatch(to: name, in: header.filter { !$0.isEmpty }) {
            message += "; did you mean \(quoted(suggestion))?"
        }
        // The header comes from a file: each name is escaped and cut, and a long list is cut too.
        let shown = 12
        var columns = header.prefix(shown).map { $0.isEmpty ? "\"\"" : Self.excerpt($0) }.joined(separator: ", ")
        if header.count > shown { columns += " and \(header.count - shown) more" }
        return message + " (columns: \(columns))"
    }

    /// A column name as a message shows it: bare when it is short and plain, else quoted, escaped and cut.
    static func excerpt(_ name: String) -> String {
        let plain = name.unicodeScalars.count <= 40 && name.unicodeScalars.allSatisfy {
            !SafeText.mustEscape($0) && $0 != "\"" && $0 != "," && $0 != " "
        }
        return plain ? name : quoted(name, limit: 40)
    }

    /// The named column as numbers: empty cells, `NaN`, `NA`, `null` and infinities become `nan`
    /// (a gap); anything else that is not a number is an error naming the file, line and column.
    public func numbers(inColumn name: String) throws(SpecError) -> [Double] {
        try values(inColumn: name, reading: .number)
    }

    /// The named column read as `reading` says: numbers (optionally with thousands separators, a
    /// dollar sign or a percent sign), ISO 8601 dates, or Unix times. Missing values become `nan`;
    /// anything else that does not read is an error naming the file, line, column and value.
    public func values(inColumn name: String, reading: CellReading) throws(SpecError) -> [Double] {
        guard let index = columnIndex(named: name) else {
            throw SpecError(file: file, line: 1, message: missingColumnMessage(name))
        }
        guard index < cells.count else { return [] }
        var values: [Double] = []
        values.reserveCapacity(cells[index].count)
        let plainNumbers: Bool
        switch reading {
        case .number, .unixTime: plainNumbers = true
        default: plainNumbers = false
        }
        let scale: Double = if case .unixTime(let s) = reading { s } else { 1 }
        // Most cells of a numeric column are plain decimals: one pass reads them from the bytes
        // and notes the rows left for the text path, which then runs in row order, so the first
        // error is still the first bad cell.
        var slow: [Int] = []
        storage.withUnsafeBufferPointer { bytes in
            for (r, slot) in cells[index].enumerated() {
                if plainNumbers, slot & Self.escapedFlag == 0 {
                    let start = Int(slot >> 32), end = start + Int(slot & 0xFFFF_FFFF)
                    if end <= bytes.count, let v = Self.fastDecimal(bytes, start, end) {
                        values.append(v * scale)
                        continue
                    }
                }
                values.append(.nan)
                slow.append(r)
            }
        }
        for r in slow {
            let text = cell(row: r, column: index)
            switch reading.read(text) {
            case .success(let v):
                // (The fast path above never reaches this size: its results are below 1e38.)
                if abs(v) >= ChartSpecLoader.maximumMagnitude, v.isFinite {
                    throw SpecError(file: file, line: cellLine(row: r, column: index),
                                    message: "column \(quoted(name)): \(quoted(text)) is too large to draw; numbers must be less than 1e300 in size")
                }
                values[r] = v
            case .failure(let problem):
                throw SpecError(file: file, line: cellLine(row: r, column: index), message: "column \(quoted(name)): \(quoted(text)) \(problem.text)")
            }
        }
        return values
    }

    /// Exact powers of ten up to 10^22, the largest that a double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A plain decimal (`-12.5`, `3e4`) read from bytes, or nil when it is anything else or too
    /// long for the fast path; the caller then reads the cell as text, as before.
    ///
    /// Clinger's fast path (W. D. Clinger, "How to Read Floating Point Numbers Accurately",
    /// PLDI 1990): when the decimal significand is at most 2^53 and the power of ten at most 22
    /// in size, both are exact doubles and one correctly rounded multiplication or division gives
    /// the correctly rounded result, the same double `strtod` gives.
    static func fastDecimal(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if p[i] == UInt8(ascii: "+") {
            i += 1
        }
        let limit: UInt64 = 1 << 53
        var significand: UInt64 = 0
        var exponent = 0
        let integerStart = i
        while i < end, p[i] &- 0x30 < 10 {
            significand = significand &* 10 &+ UInt64(p[i] &- 0x30)
            guard significand <= limit else { return nil }
            i += 1
        }
        guard i > integerStart else { return nil }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < end, p[i] &- 0x30 < 10 {
                significand = significand &* 10 &+ UInt64(p[i] &- 0x30)
                guard significand <= limit else { return nil }
                exponent -= 1
                i += 1
            }
            guard i > fractionStart else { return nil }
        }
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let digitsStart = i
            var written = 0
            while i < end, p[i] &- 0x30 < 10, i - digitsStart < 4 {
                written = written * 10 + Int(p[i] &- 0x30)
                i += 1
            }
            guard i > digitsStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == end else { return nil }
        var value = Double(significand)
        if significand == 0 || exponent == 0 {
            // Zero stays zero at any power; no power to apply otherwise.
        } else if exponent > 0, exponent <= 22 {
            value *= exactPowersOfTen[exponent]
        } else if exponent < 0, exponent >= -22 {
            value /= exactPowersOfTen[-exponent]
        } else {
            return nil
        }
        return negative ? -value : value
    }

    /// The physical line of a cell: the row's first line plus the line breaks inside the quoted
    /// cells before it.
    func cellLine(row: Int, column: Int) -> Int {
        guard row < rowLines.count else { return 1 }
        var line = rowLines[row]
        for c in 0..<min(column, cells.count) { line += cell(row: row, column: c).lineBreakCount() }
        return line
    }

    /// The outcome of reading one numeric cell.
    enum NumberCell: Equatable {
        case value(Double)
        case invalid
        case outOfRange
    }

    /// Whether a trimmed cell is one of the usual spellings of a missing or non-finite value.
    static func isMissing(_ text: String) -> Bool {
        // Every cell of a large file comes through here: decide on the first bytes, without
        // allocating, unless the cell can be one of the spellings (all start with n, i or a sign
        // then i, and none is longer than 9 bytes).
        var bytes = text.utf8.makeIterator()
        guard var first = bytes.next() else { return true }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { first = bytes.next() ?? 0 }
        guard first | 0x20 == UInt8(ascii: "n") || first | 0x20 == UInt8(ascii: "i"), text.utf8.count <= 9 else {
            return false
        }
        switch text.lowercased() {
        case "nan", "na", "null", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity": return true
        default: return false
        }
    }

    /// The separator the first line uses most, outside quotes: comma, semicolon or tab.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts = [0, 0, 0]
        var quoted = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted {
                if b == 0x0A || b == 0x0D { break }
                if let k = delimiters.firstIndex(of: b) { counts[k] += 1 }
            }
            i += 1
        }
        var best = 0
        for k in counts.indices where counts[k] > counts[best] { best = k }
        return delimiters[best]
    }

    /// Strict number parsing: `Double(text)` after trimming spaces, restricted to decimal
    /// notation (no hex floats), with the usual spellings of a missing value accepted as `nan`.
    static func parseNumber(_ raw: String) -> NumberCell {
        let text = raw.trimmingCSVSpaces()
        // Non-finite values are stored as nan: they all mean "break the line here".
        if isMissing(text) { return .value(.nan) }
        return parseDecimal(text)
    }

    /// `parseNumber` for text already trimmed and known not to be a missing value; every cell of
    /// a numeric column comes through here, so the trim and the check are not done twice.
    static func parseDecimal(_ text: String) -> NumberCell {
        let allowed = text.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x65 || $0 == 0x45
        }
        guard allowed, text.utf8.count <= 400, let value = Double(text) else { return .invalid }
        return value.isFinite ? .value(value) : .outOfRange
    }
}

/// How a cell's text becomes a number.
public enum CellReading: Sendable, Equatable {
    /// A plain decimal number.
    case number
    /// A number that may carry thousands separators, a leading dollar sign or a trailing percent
    /// sign (which divides by 100): "1,234", "$5.50", "12%".
    case formatted
    /// An ISO 8601 date or date-time, as seconds since 1970; one without an offset is read at
    /// `offset` seconds east of UTC.
    case date(offset: Int)
    /// A Unix time: a number of seconds (`scale` 1) or milliseconds (`scale` 0.001).
    case unixTime(scale: Double)

    /// Why a cell did not read.
    public struct Problem: Error, Sendable {
        /// What is wrong, after the quoted value: "is not a number".
        public var text: String
    }

    /// The cell's value: `nan` for a missing one.
    public func read(_ raw: String) -> Result<Double, Problem> {
        let text = raw.trimmingCSVSpaces()
        if CSVTable.isMissing(text) { return .success(.nan) }
        switch self {
        case .number, .unixTime:
            switch CSVTable.parseDecimal(text) {
            case .value(let v):
                if case .unixTime(let scale) = self { return .success(v * scale) }
                return .success(v)
            case .invalid: return .failure(Problem(text: "is not a number"))
            case .outOfRange: return .failure(Problem(text: "is out of range"))
            }
        case .formatted:
            var body = Substring(text)
            var factor = 1.0
            var negative = false
            if body.hasPrefix("-") || body.hasPrefix("\u{2212}") { negative = true; body = body.dropFirst() }
            if body.hasPrefix("$") { body = body.dropFirst() }
            if body.hasSuffix("%") { factor = 0.01; body = body.dropLast() }
            let digits = String(body.filter { $0 != "," })
            guard !digits.isEmpty, !digits.hasPrefix("-"), !digits.hasPrefix("+"), case .value(let v) = CSVTable.parseNumber(digits) else {
                return .failure(Problem(text: "is not a number (formatted numbers may have \",\" separators, a leading \"$\" and a trailing \"%\")"))
            }
            return .success((negative ? -v : v) * factor)
        case .date(let offset):
            do {
                return .success(try ISO8601.parse(text, defaultOffset: offset))
            } catch {
                return .failure(Problem(text: "is not a date: \(error.description)"))
            }
        }
    }
}

/// The byte-level CSV state machine: one record at a time, each field given as where its text
/// lies in the bytes (see `CSVTable`).
private struct CSVScanner {
    let bytes: [UInt8]
    let file: String
    let delimiter: UInt8
    var pos = 0
    var line = 1
    /// The texts of quoted fields with a doubled quote, which are not a range of the bytes.
    var escaped: [String] = []

    init(bytes: [UInt8], file: String, delimiter: UInt8) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
    }

    /// A field's text.
    func text(_ slot: UInt64) -> String {
        CSVTable.text(of: slot, in: bytes, escaped: escaped)
    }

    /// Reads the next non-blank record into `fields` (replacing what was there) and returns the
    /// line it starts on and its first byte, or nil at the end.
    /// At most `maximumFields + 1` fields are kept, so a line of a million commas costs no memory;
    /// `count` says how many there were.
    mutating func nextRecord(into fields: inout [UInt64], maximumFields: Int) throws(SpecError) -> (line: Int, start: Int, count: Int)? {
        while pos < bytes.count {
            let startLine = line
            let recordStart = pos
            fields.removeAll(keepingCapacity: true)
            var anyQuoted = false
            var count = 0
            while true {
                let (field, wasQuoted) = try nextField()
                count += 1
                if count <= maximumFields + 1 { fields.append(field) }
                anyQuoted = anyQuoted || wasQuoted
                if pos < bytes.count, bytes[pos] == delimiter {
                    pos += 1
                    continue
                }
                consumeLineBreak()
                break
            }
            // A line holding nothing (or only spaces) is blank, not a one-field record.
            if count == 1, !anyQuoted, isBlank(fields[0]) { continue }
            return (startLine, recordStart, count)
        }
        return nil
    }

    private func isBlank(_ slot: UInt64) -> Bool {
        let start = Int(slot >> 32)
        return bytes[start..<start + Int(slot & 0xFFFF_FFFF)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private func slot(_ start: Int, _ end: Int) -> UInt64 {
        UInt64(start) << 32 | UInt64(end - start)
    }

    /// Reads one field, stopping before the comma or line break that ends it.
    private mutating func nextField() throws(SpecError) -> (UInt64, Bool) {
        // Spaces before an opening quote are tolerated, as many hand-written files have them.
        var look = pos
        while look < bytes.count, bytes[look] != delimiter, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
        if look < bytes.count, bytes[look] == UInt8(ascii: "\"") {
            pos = look + 1
            let openLine = line
            let textStart = pos
            // Only a field with a doubled quote needs its own copy of the text.
            var out: [UInt8]?
            var textEnd = pos
            while true {
                guard pos < bytes.count else {
                    throw SpecError(file: file, line: openLine,
                                    message: "unterminated quoted field (the quote opened on line \(openLine) is never closed)")
                }
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    if pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\"") {
                        if out == nil { out = Array(bytes[textStart..<pos]) }
                        out?.append(b)
                        pos += 2
                        continue
                    }
                    textEnd = pos
                    pos += 1
                    break
                }
                if b == 0x0A || (b == 0x0D && !(pos + 1 < bytes.count && bytes[pos + 1] == 0x0A)) { line += 1 }
                out?.append(b)
                pos += 1
            }
            while pos < bytes.count, bytes[pos] != delimiter, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
            if pos < bytes.count, bytes[pos] != delimiter, bytes[pos] != 0x0A, bytes[pos] != 0x0D {
                throw SpecError(file: file, line: line,
                                message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"")
            }
            if let out {
                escaped.append(String(decoding: out, as: UTF8.self))
                return (1 << 63 | UInt64(escaped.count - 1), true)
            }
            return (slot(textStart, textEnd), true)
        }
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == delimiter || b == 0x0A || b == 0x0D { break }
            pos += 1
        }
        return (slot(start, pos), false)
    }

    private mutating func consumeLineBreak() {
        guard pos < bytes.count else { return }
        if bytes[pos] == 0x0D {
            pos += 1
            if pos < bytes.count, bytes[pos] == 0x0A { pos += 1 }
            line += 1
        } else if bytes[pos] == 0x0A {
            pos += 1
            line += 1
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingCSVSpaces() -> String {
        // Most cells have nothing to trim; this is on every cell's path.
        if let first = utf8.first, let last = utf8.last,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// Line breaks (LF, CRLF or lone CR) in the text, counted as the CSV scanner counts lines.
    func lineBreakCount() -> Int {
        var count = 0
        var previousCR = false
        for b in utf8 {
            if b == 0x0A {
                if !previousCR { count += 1 }
                previousCR = false
            } else if b == 0x0D {
                count += 1
                previousCR = true
            } else {
                previousCR = false
            }
        }
        return count
    }
}
