import PlotlineScales

/// A CSV file (RFC 4180) read into a header and rows of text cells.
///
/// Accepted: quoted fields with embedded commas, doubled quotes and line breaks; LF, CRLF and
/// lone CR line endings; a final line break or none; a UTF-8 byte order mark; spaces around a
/// quoted field. Blank lines are skipped (as pandas does). Every row must have as many fields as
/// the header. Line numbers are physical lines, from 1, the header being line 1.
///
/// Cells are stored column by column: a chart reads whole columns, and one array per column
/// instead of one per row saves an allocation per row on large files.
public struct CSVTable: Sendable, Equatable {
    /// The file the table came from, used in messages.
    public var file: String
    /// The column names, with surrounding spaces removed.
    public var header: [String]
    /// The cells of each column, parallel to `header`, each with one cell per row, as written
    /// (quotes removed).
    public var columns: [[String]]
    /// The physical line on which each row starts.
    public var rowLines: [Int]

    /// The number of data rows.
    public var rowCount: Int { rowLines.count }

    /// The data rows, each with `header.count` cells; built from `columns` on each use.
    public var rows: [[String]] {
        (0..<rowCount).map { r in columns.map { r < $0.count ? $0[r] : "" } }
    }

    /// Creates a table from rows; a row shorter than the header is padded with empty cells, and
    /// `rowLines` defaults to (and, when it does not have one line per row, is replaced by) one
    /// line per row after the header.
    public init(file: String, header: [String], rows: [[String]], rowLines: [Int]? = nil) {
        self.file = file
        self.header = header
        self.columns = header.indices.map { c in rows.map { c < $0.count ? $0[c] : "" } }
        if let rowLines, rowLines.count == rows.count {
            self.rowLines = rowLines
        } else {
            self.rowLines = rows.indices.map { $0 + 2 }
        }
    }

    private init(file: String, header: [String], columns: [[String]], rowLines: [Int]) {
        self.file = file
        self.header = header
        self.columns = columns
        self.rowLines = rowLines
    }

    /// The field separators a table may use.
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// Parses CSV text.
    public static func parse(_ text: String, file: String, delimiter: UInt8? = nil) throws(SpecError) -> CSVTable {
        try parse(Array(text.utf8), file: file, delimiter: delimiter)
    }

    /// Parses CSV bytes, which must be UTF-8; fields are separated by `delimiter`, or by whichever
    /// of comma, semicolon and tab the header line uses most (comma on a tie).
    public static func parse(_ bytes: [UInt8], file: String, delimiter: UInt8? = nil) throws(SpecError) -> CSVTable {
        if let bad = UTF8Check.firstInvalidByte(in: bytes) {
            let (line, _) = UTF8Check.position(of: bad.offset, in: bytes)
            throw SpecError(file: file, line: line, message: "invalid UTF-8 (byte 0x\(hex(bad.byte)))")
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let separator = delimiter ?? detectDelimiter(bytes, from: start)
        var scanner = CSVScanner(bytes: bytes, file: file, delimiter: separator)
        scanner.pos = start

        var header: [String]?
        var columns: [[String]] = []
        var rowLines: [Int] = []
        // One buffer for every record's fields: no array is allocated per row.
        var fields: [String] = []
        while let line = try scanner.nextRecord(into: &fields) {
            guard let header else {
                let names = fields.map { $0.trimmingCSVSpaces() }
                for (i, name) in names.enumerated() where !name.isEmpty {
                    if let first = names[..<i].firstIndex(of: name) {
                        throw SpecError(file: file, line: line,
                                        message: "column \(quoted(name)) appears twice in the header (columns \(first + 1) and \(i + 1))")
                    }
                }
                header = names
                columns = names.map { _ in [] }
                continue
            }
            guard fields.count == header.count else {
                var message = "row has \(fields.count) \(fields.count == 1 ? "field" : "fields") but the header has \(header.count)"
                // A row that would split right with another separator points at the delimiter.
                let joined = fields.joined(separator: String(UnicodeScalar(separator)))
                for other in delimiters where other != separator && joined.utf8.contains(other) {
                    let name = other == 0x09 ? "tab" : "\"\(String(UnicodeScalar(other)))\""
                    message += "; is the delimiter \(name)? Set \"delimiter\" in the spec's data"
                    break
                }
                throw SpecError(file: file, line: line, message: message)
            }
            for (c, field) in fields.enumerated() { columns[c].append(field) }
            rowLines.append(line)
        }
        guard let header else {
            throw SpecError(file: file, message: "the file is empty; expected a header row")
        }
        return CSVTable(file: file, header: header, columns: columns, rowLines: rowLines)
    }

    /// The index of the column with this name (exact match), or nil.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The cells of the named column, or nil when there is no such column.
    public func column(named name: String) -> [String]? {
        guard let index = columnIndex(named: name), index < columns.count else { return nil }
        return columns[index]
    }

    /// "no column "mmlu" in data/x.csv; did you mean "mmlu_pro"? (columns: step, mmlu_pro)".
    public func missingColumnMessage(_ name: String) -> String {
        var message = "no column \(quoted(name)) in \(file)"
        if let suggestion = closestMatch(to: name, in: header.filter { !$0.isEmpty }) {
            message += "; did you mean \(quoted(suggestion))?"
        }
        let columns = header.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
        return message + " (columns: \(columns))"
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
        guard index < columns.count else { return [] }
        var values: [Double] = []
        values.reserveCapacity(columns[index].count)
        for (r, cell) in columns[index].enumerated() {
            switch reading.read(cell) {
            case .success(let v): values.append(v)
            case .failure(let problem):
                throw SpecError(file: file, line: cellLine(row: r, column: index), message: "column \(quoted(name)): \(quoted(cell)) \(problem.text)")
            }
        }
        return values
    }

    /// The physical line of a cell: the row's first line plus the line breaks inside the quoted
    /// cells before it.
    func cellLine(row: Int, column: Int) -> Int {
        guard row < rowLines.count else { return 1 }
        var line = rowLines[row]
        for cells in columns.prefix(column) where row < cells.count { line += cells[row].lineBreakCount() }
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

/// The byte-level CSV state machine: one record at a time.
private struct CSVScanner {
    let bytes: [UInt8]
    let file: String
    let delimiter: UInt8
    var pos = 0
    var line = 1

    init(bytes: [UInt8], file: String, delimiter: UInt8) {
        self.bytes = bytes
        self.file = file
        self.delimiter = delimiter
    }

    /// Reads the next non-blank record into `fields` (replacing what was there) and returns the
    /// line it starts on, or nil at the end.
    mutating func nextRecord(into fields: inout [String]) throws(SpecError) -> Int? {
        while pos < bytes.count {
            let startLine = line
            fields.removeAll(keepingCapacity: true)
            var anyQuoted = false
            while true {
                let (field, wasQuoted) = try nextField()
                fields.append(field)
                anyQuoted = anyQuoted || wasQuoted
                if pos < bytes.count, bytes[pos] == delimiter {
                    pos += 1
                    continue
                }
                consumeLineBreak()
                break
            }
            // A line holding nothing (or only spaces) is blank, not a one-field record.
            if fields.count == 1, !anyQuoted, fields[0].trimmingCSVSpaces().isEmpty { continue }
            return startLine
        }
        return nil
    }

    /// Reads one field, stopping before the comma or line break that ends it.
    private mutating func nextField() throws(SpecError) -> (String, Bool) {
        // Spaces before an opening quote are tolerated, as many hand-written files have them.
        var look = pos
        while look < bytes.count, bytes[look] != delimiter, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
        if look < bytes.count, bytes[look] == UInt8(ascii: "\"") {
            pos = look + 1
            let openLine = line
            var out: [UInt8] = []
            while true {
                guard pos < bytes.count else {
                    throw SpecError(file: file, line: openLine,
                                    message: "unterminated quoted field (the quote opened on line \(openLine) is never closed)")
                }
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    if pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: "\"") {
                        out.append(b)
                        pos += 2
                        continue
                    }
                    pos += 1
                    break
                }
                if b == 0x0A || (b == 0x0D && !(pos + 1 < bytes.count && bytes[pos + 1] == 0x0A)) { line += 1 }
                out.append(b)
                pos += 1
            }
            while pos < bytes.count, bytes[pos] != delimiter, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
            if pos < bytes.count, bytes[pos] != delimiter, bytes[pos] != 0x0A, bytes[pos] != 0x0D {
                throw SpecError(file: file, line: line,
                                message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"")
            }
            return (String(decoding: out, as: UTF8.self), true)
        }
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == delimiter || b == 0x0A || b == 0x0D { break }
            pos += 1
        }
        return (String(decoding: bytes[start..<pos], as: UTF8.self), false)
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
