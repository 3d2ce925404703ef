#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PlotlineCore

/// Reads chart specs from JSON files and checks every field.
///
/// Each error names the file, the line and column of the offending JSON value and its key path,
/// and suggests a fix where one is likely (a misspelt key, colour or column).
///
/// Keys (all optional unless marked; optional strings, `domain`, `tickStep` and `color` accept
/// `null` as "not set"; unknown keys are errors):
/// - top level: `width`, `height` (1…16384, default 800×500), `title`, `description`, `id`
///   (`[A-Za-z][A-Za-z0-9_-]*`), `background` (CSS colour or `transparent`, default white),
///   `font`, `x`, `y`, `legend` (default: true when two or more series have names),
///   `series` (required, at least one).
/// - `font`: `family` (default "DejaVu Sans"), `file` (relative to the spec), `size` (default 12).
/// - `x`, `y`: `label`, `domain` (`[lower, upper]`, either may be null; lower < upper),
///   `tickStep` (> 0), `grid` (default true).
/// - each series: `name`, `kind` (`line`), `color`, `width` (default 2), `dash` (lengths), and
///   either `y` with optional `x` (numbers or null; x defaults to 0, 1, 2, …) or
///   `data`: `{ "csv": path relative to the spec, "x": column (optional), "y": column }`.
public enum ChartSpecLoader {
    /// The largest canvas side accepted, in CSS pixels.
    public static let maximumSide: Double = 16384
    /// The most data points accepted across all series of one chart.
    public static let maximumPoints = 10_000_000
    /// The largest spec or CSV file read, in bytes.
    public static let maximumFileSize = 512 * 1024 * 1024

    /// Reads and validates the spec at `path`; CSV files and font files are resolved relative
    /// to the spec's folder.
    public static func load(path: String) throws(SpecError) -> ChartSpec {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let b): bytes = b
        case .failure(let reason): throw SpecError(file: path, message: "cannot read the spec: \(reason.text)")
        }
        return try decode(bytes, file: path, baseDirectory: directory(of: path))
    }

    /// Validates a spec held in memory; `file` names it in errors, `baseDirectory` anchors
    /// relative CSV and font paths (empty for the current directory).
    public static func decode(_ bytes: [UInt8], file: String, baseDirectory: String) throws(SpecError) -> ChartSpec {
        try decode(bytes, file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints)
    }

    /// `decode` with a different point limit, so tests can reach the limit without huge inputs.
    static func decode(_ bytes: [UInt8], file: String, baseDirectory: String, maximumPoints: Int) throws(SpecError) -> ChartSpec {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SpecError(file: file, line: error.line, column: error.column, keyPath: error.keyPath, message: error.message)
        }
        var decoder = SpecDecoder(file: file, baseDirectory: baseDirectory, maximumPoints: maximumPoints)
        return try decoder.chart(root)
    }

    /// `dir/file` for a relative `file`; an absolute `file` or an empty `dir` leaves it alone.
    public static func resolve(_ file: String, relativeTo dir: String) -> String {
        if file.hasPrefix("/") || dir.isEmpty || dir == "." { return file }
        return dir.hasSuffix("/") ? dir + file : dir + "/" + file
    }

    /// The folder part of a path: "" for a bare file name, "/" for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Why a file could not be read, from the operating system when it says.
    struct ReadFailure: Error {
        var text: String
    }

    /// Reads a whole file with POSIX calls, so that the reason for a failure is the system's own
    /// ("No such file or directory").
    static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return .failure(ReadFailure(text: systemError())) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { return .failure(ReadFailure(text: systemError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure(text: "is a directory")) }
        if Int(info.st_size) > maximumFileSize {
            return .failure(ReadFailure(text: "larger than \(maximumFileSize / (1024 * 1024)) MB"))
        }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(text: systemError()))
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > maximumFileSize {
                return .failure(ReadFailure(text: "larger than \(maximumFileSize / (1024 * 1024)) MB"))
            }
        }
        return .success(result)
    }

    private static func systemError() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}

/// The keys each spec object accepts, in documentation order (used for suggestions).
enum SpecKeys {
    static let chart = ["width", "height", "title", "description", "id", "background", "font", "x", "y", "legend", "series"]
    static let font = ["family", "file", "size"]
    static let axis = ["label", "domain", "tickStep", "grid"]
    static let series = ["name", "kind", "color", "width", "dash", "x", "y", "data"]
    static let data = ["csv", "x", "y"]
}

/// Turns a parsed JSON tree into a ``ChartSpec``, checking types, ranges and keys.
private struct SpecDecoder {
    let file: String
    let baseDirectory: String
    // CSV files already read, in first-use order, so several series can share one file.
    var tables: [CSVTable] = []
    var totalPoints = 0
    let maximumPoints: Int

    init(file: String, baseDirectory: String, maximumPoints: Int) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.maximumPoints = maximumPoints
    }

    func fail(_ node: JSONNode, _ path: String, _ message: String) -> SpecError {
        SpecError(file: file, line: node.line, column: node.column, keyPath: path, message: message)
    }

    /// The members of an object, after checking that it is one and that every key is known.
    func object(_ node: JSONNode, _ path: String, known: [String]) throws(SpecError) -> ObjectView {
        guard case .object(let members) = node.value else {
            throw fail(node, path, "expected an object, found \(node.value.kindDescription)")
        }
        for member in members where !known.contains(member.key) {
            var message = "unknown key \(quoted(member.key))"
            if let suggestion = closestMatch(to: member.key, in: known) {
                message += "; did you mean \(quoted(suggestion))?"
            } else {
                message += "; expected one of \(listing(known))"
            }
            throw SpecError(file: file, line: member.keyLine, column: member.keyColumn,
                            keyPath: appendKey(path, member.key), message: message)
        }
        return ObjectView(node: node, members: members, path: path)
    }

    // MARK: Scalars

    func number(_ node: JSONNode, _ path: String) throws(SpecError) -> Double {
        guard case .number(let value, _) = node.value else {
            throw fail(node, path, "expected a number, found \(node.value.kindDescription)")
        }
        return value
    }

    func number(_ node: JSONNode, _ path: String, in range: ClosedRange<Double>, unit: String) throws(SpecError) -> Double {
        let value = try number(node, path)
        guard range.contains(value) else {
            throw fail(node, path, "\(numberText(node)) is out of range; expected \(format(range.lowerBound)) to \(format(range.upperBound))\(unit)")
        }
        return value
    }

    func positive(_ node: JSONNode, _ path: String, max: Double, unit: String) throws(SpecError) -> Double {
        let value = try number(node, path)
        guard value > 0, value <= max else {
            throw fail(node, path, "\(numberText(node)) is out of range; expected more than 0 and at most \(format(max))\(unit)")
        }
        return value
    }

    func string(_ node: JSONNode, _ path: String) throws(SpecError) -> String {
        guard case .string(let value) = node.value else {
            throw fail(node, path, "expected a string, found \(node.value.kindDescription)")
        }
        return value
    }

    /// A string, or nil for JSON null (optional keys accept null as "not set").
    func optionalString(_ node: JSONNode, _ path: String) throws(SpecError) -> String? {
        if case .null = node.value { return nil }
        return try string(node, path)
    }

    func bool(_ node: JSONNode, _ path: String) throws(SpecError) -> Bool {
        guard case .bool(let value) = node.value else {
            throw fail(node, path, "expected true or false, found \(node.value.kindDescription)")
        }
        return value
    }

    func color(_ node: JSONNode, _ path: String) throws(SpecError) -> Color {
        let text = try string(node, path)
        if let color = Color(css: text) { return color }
        var message = "\(quoted(text)) is not a colour"
        if let suggestion = Color.suggestion(for: text) {
            message += "; did you mean \(quoted(suggestion))?"
        } else {
            message += "; expected a CSS colour name, #rgb, #rrggbb or #rrggbbaa"
        }
        throw fail(node, path, message)
    }

    func numberText(_ node: JSONNode) -> String {
        if case .number(_, let text) = node.value { return String(text.prefix(40)) }
        return ""
    }

    // MARK: Chart

    mutating func chart(_ root: JSONNode) throws(SpecError) -> ChartSpec {
        let o = try object(root, "", known: SpecKeys.chart)
        var spec = ChartSpec(series: [])
        let side = 1...ChartSpecLoader.maximumSide
        if let n = o["width"] { spec.width = try number(n, "width", in: side, unit: " pixels") }
        if let n = o["height"] { spec.height = try number(n, "height", in: side, unit: " pixels") }
        if let n = o["title"] { spec.title = try optionalString(n, "title") }
        if let n = o["description"] { spec.description = try optionalString(n, "description") }
        if let n = o["id"], let id = try optionalString(n, "id") {
            guard isValidID(id) else {
                throw fail(n, "id", "\(quoted(id)) is not a valid id; use a letter followed by letters, digits, '_' or '-'")
            }
            spec.id = id
        }
        if let n = o["background"] { spec.background = try color(n, "background") }
        if let n = o["font"] { spec.font = try font(n, "font") }
        if let n = o["x"] { spec.x = try axis(n, "x") }
        if let n = o["y"] { spec.y = try axis(n, "y") }

        guard let seriesNode = o["series"] else {
            throw fail(root, "series", "missing; a chart needs at least one series")
        }
        guard case .array(let elements) = seriesNode.value else {
            throw fail(seriesNode, "series", "expected an array, found \(seriesNode.value.kindDescription)")
        }
        guard !elements.isEmpty else {
            throw fail(seriesNode, "series", "is empty; a chart needs at least one series")
        }
        for (i, element) in elements.enumerated() {
            spec.series.append(try series(element, "series[\(i)]"))
        }

        if let n = o["legend"] {
            spec.legend = try bool(n, "legend")
        } else {
            spec.legend = ChartSpec.defaultLegend(for: spec.series)
        }
        return spec
    }

    func font(_ node: JSONNode, _ path: String) throws(SpecError) -> FontSpec {
        let o = try object(node, path, known: SpecKeys.font)
        var font = FontSpec()
        if let n = o["family"] {
            font.family = try string(n, path + ".family")
            if font.family.trimmingCSVSpaces().isEmpty { throw fail(n, path + ".family", "is empty; name a font family") }
        }
        if let n = o["file"], let f = try optionalString(n, path + ".file") {
            if f.isEmpty { throw fail(n, path + ".file", "is empty; give the path of a font file") }
            font.file = ChartSpecLoader.resolve(f, relativeTo: baseDirectory)
        }
        if let n = o["size"] { font.size = try positive(n, path + ".size", max: 1000, unit: " pixels") }
        return font
    }

    func axis(_ node: JSONNode, _ path: String) throws(SpecError) -> AxisSpec {
        let o = try object(node, path, known: SpecKeys.axis)
        var axis = AxisSpec()
        if let n = o["label"] { axis.label = try optionalString(n, path + ".label") }
        if let n = o["domain"] {
            let domainPath = path + ".domain"
            switch n.value {
            case .null:
                break
            case .array(let ends) where ends.count == 2:
                for (i, end) in ends.enumerated() {
                    if case .null = end.value { continue }
                    guard case .number(let v, _) = end.value else {
                        throw fail(end, domainPath + "[\(i)]", "expected a number or null, found \(end.value.kindDescription)")
                    }
                    if i == 0 { axis.lower = v } else { axis.upper = v }
                }
                if let lower = axis.lower, let upper = axis.upper, !(lower < upper) {
                    throw fail(n, domainPath, "the lower end (\(numberText(ends[0]))) must be less than the upper end (\(numberText(ends[1])))")
                }
            case .array(let ends):
                throw fail(n, domainPath, "expected [lower, upper], found an array of \(ends.count) \(ends.count == 1 ? "value" : "values")")
            default:
                throw fail(n, domainPath, "expected [lower, upper], found \(n.value.kindDescription)")
            }
        }
        if let n = o["tickStep"], n.value != .null {
            let step = try number(n, path + ".tickStep")
            guard step > 0 else { throw fail(n, path + ".tickStep", "\(numberText(n)) must be greater than 0") }
            if let lower = axis.lower, let upper = axis.upper, (upper - lower) / step + 1 > 10_000 {
                throw fail(n, path + ".tickStep", "\(numberText(n)) gives more than 10000 ticks over the domain; use a larger step")
            }
            axis.tickStep = step
        }
        if let n = o["grid"] { axis.grid = try bool(n, path + ".grid") }
        return axis
    }

    // MARK: Series

    mutating func series(_ node: JSONNode, _ path: String) throws(SpecError) -> SeriesSpec {
        let o = try object(node, path, known: SpecKeys.series)
        var name: String?
        var kind = SeriesKind.line
        var color: Color?
        var width = 2.0
        var dash: [Double] = []
        if let n = o["name"] { name = try optionalString(n, path + ".name") }
        if let n = o["kind"] {
            let text = try string(n, path + ".kind")
            guard let k = SeriesKind(rawValue: text) else {
                let supported = SeriesKind.allCases.map(\.rawValue)
                var message = "unknown kind \(quoted(text))"
                if let suggestion = closestMatch(to: text, in: supported) { message += "; did you mean \(quoted(suggestion))?" }
                message += " (supported: \(listing(supported)))"
                throw fail(n, path + ".kind", message)
            }
            kind = k
        }
        if let n = o["color"], n.value != .null { color = try self.color(n, path + ".color") }
        if let n = o["width"] { width = try positive(n, path + ".width", max: 1000, unit: " pixels") }
        if let n = o["dash"] { dash = try dashPattern(n, path + ".dash") }

        let x: [Double]
        let y: [Double]
        if let dataNode = o["data"] {
            if let inline = o["x"] ?? o["y"] {
                throw fail(inline, path, "give either inline \"x\"/\"y\" or \"data\", not both")
            }
            (x, y) = try csvData(dataNode, path + ".data")
        } else {
            guard let yNode = o["y"] else {
                throw fail(node, path, "missing \"y\" (or \"data\" to read a CSV file)")
            }
            y = try values(yNode, path + ".y")
            if let xNode = o["x"] {
                x = try values(xNode, path + ".x")
                guard x.count == y.count else {
                    throw fail(yNode, path, "x has \(x.count) \(x.count == 1 ? "value" : "values") but y has \(y.count); they must match")
                }
            } else {
                x = y.indices.map(Double.init)
            }
        }
        totalPoints += y.count
        if totalPoints > maximumPoints {
            throw fail(node, path, "too many points: more than \(maximumPoints) in all series together")
        }
        return SeriesSpec(name: name, kind: kind, color: color, width: width, dash: dash, x: x, y: y)
    }

    func dashPattern(_ node: JSONNode, _ path: String) throws(SpecError) -> [Double] {
        guard case .array(let elements) = node.value else {
            throw fail(node, path, "expected an array of lengths, found \(node.value.kindDescription)")
        }
        guard elements.count <= 64 else { throw fail(node, path, "too long; at most 64 lengths") }
        var pattern: [Double] = []
        for (i, element) in elements.enumerated() {
            let v = try number(element, path + "[\(i)]")
            guard v >= 0, v <= 10_000 else {
                throw fail(element, path + "[\(i)]", "\(numberText(element)) is out of range; expected 0 to 10000 pixels")
            }
            pattern.append(v)
        }
        if !pattern.isEmpty && !pattern.contains(where: { $0 > 0 }) {
            throw fail(node, path, "all lengths are 0; use [] for a solid line")
        }
        return pattern
    }

    /// An inline array of numbers, with null as a gap (nan).
    func values(_ node: JSONNode, _ path: String) throws(SpecError) -> [Double] {
        guard case .array(let elements) = node.value else {
            throw fail(node, path, "expected an array of numbers, found \(node.value.kindDescription)")
        }
        guard elements.count <= maximumPoints else {
            throw fail(node, path, "too many points: more than \(maximumPoints)")
        }
        var result: [Double] = []
        result.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            switch element.value {
            case .number(let v, _): result.append(v)
            case .null: result.append(.nan)
            default:
                throw fail(element, path + "[\(i)]", "expected a number or null, found \(element.value.kindDescription)")
            }
        }
        return result
    }

    mutating func csvData(_ node: JSONNode, _ path: String) throws(SpecError) -> ([Double], [Double]) {
        let o = try object(node, path, known: SpecKeys.data)
        guard let csvNode = o["csv"] else { throw fail(node, path, "missing \"csv\", the path of the CSV file") }
        guard let yNode = o["y"] else { throw fail(node, path, "missing \"y\", the name of the y column") }
        let csvPath = try string(csvNode, path + ".csv")
        if csvPath.isEmpty { throw fail(csvNode, path + ".csv", "is empty; give the path of a CSV file") }
        let yName = try string(yNode, path + ".y")
        let xName: String? = if let xNode = o["x"] { try string(xNode, path + ".x") } else { nil }

        let resolved = ChartSpecLoader.resolve(csvPath, relativeTo: baseDirectory)
        let table = try loadTable(resolved, node: csvNode, path: path + ".csv")
        guard table.columnIndex(named: yName) != nil else {
            throw fail(yNode, path + ".y", table.missingColumnMessage(yName))
        }
        let y = try table.numbers(inColumn: yName)
        var x = y.indices.map(Double.init)
        if let xName, let xNode = o["x"] {
            guard table.columnIndex(named: xName) != nil else {
                throw fail(xNode, path + ".x", table.missingColumnMessage(xName))
            }
            x = try table.numbers(inColumn: xName)
        }
        return (x, y)
    }

    mutating func loadTable(_ resolved: String, node: JSONNode, path: String) throws(SpecError) -> CSVTable {
        if let table = tables.first(where: { $0.file == resolved }) { return table }
        let bytes: [UInt8]
        switch ChartSpecLoader.readFile(resolved) {
        case .success(let b): bytes = b
        case .failure(let reason): throw fail(node, path, "cannot read \(quoted(resolved, limit: 4096)): \(reason.text)")
        }
        let table = try CSVTable.parse(bytes, file: resolved)
        tables.append(table)
        return table
    }
}

/// An object's members with lookup by key (objects are small and already free of duplicates).
private struct ObjectView {
    let node: JSONNode
    let members: [JSONMember]
    let path: String

    subscript(key: String) -> JSONNode? {
        members.first(where: { $0.key == key })?.value
    }
}

/// `[A-Za-z][A-Za-z0-9_-]*`: safe as an XML id and a CSS selector, and not too long.
private func isValidID(_ id: String) -> Bool {
    let scalars = Array(id.unicodeScalars)
    guard let first = scalars.first, scalars.count <= 64 else { return false }
    let isLetter: (Unicode.Scalar) -> Bool = { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }
    return isLetter(first) && scalars.dropFirst().allSatisfy { isLetter($0) || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }
}

/// Shortest round-trip text of a number, without a trailing ".0" for integers.
private func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
