import PlotlineCore
import PlotlineScales

/// Where a series' columns come from: inline arrays on the series, or named columns of a CSV
/// file given under `data`. Each lookup checks the count against the series' x values.
struct SeriesColumns {
    /// The series object, for errors about a missing column.
    let seriesNode: JSONNode
    /// The series' key path.
    let path: String
    /// Inline arrays by key.
    private var inline: [(key: DataKey, node: JSONNode)] = []
    /// The CSV table, when the series reads one.
    private var table: CSVTable?
    /// The `data` object, when the series reads a CSV file.
    private var dataNode: JSONNode?
    /// Column names under `data`, by key.
    private var columnNames: [(key: DataKey, node: JSONNode, name: String)] = []
    /// How CSV cells of the value columns read, from the series' vertical axis.
    var valueReading: CellReading = .number

    init(_ o: ObjectView<SeriesKey>, path: String, kind: MarkKind, decoder: inout SpecDecoder) throws(SpecError) {
        seriesNode = o.node
        self.path = path
        let arrayKeys: [DataKey] = [.x, .y, .size, .yError, .yLower, .yUpper]
        for key in arrayKeys {
            if let seriesKey = key.seriesKey, let node = o[seriesKey] { inline.append((key, node)) }
        }
        guard let data = o[.data] else { return }
        if let first = inline.first {
            throw decoder.fail(first.node, path, "give either inline \"x\"/\"y\" or \"data\", not both")
        }
        let dataPath = path + ".data"
        let d = try decoder.object(data, dataPath, keys: DataKey.self)
        // A series may name its own file or read the chart's shared one.
        let csvNode: JSONNode
        var csvPathKey = dataPath + ".csv"
        var delimiter = try d[.delimiter].map { n throws(SpecError) in try decoder.delimiter(n, dataPath + ".delimiter") }
        if let own = d[.csv] {
            csvNode = own
        } else if let shared = decoder.shared {
            csvNode = shared.node
            csvPathKey = shared.path
            delimiter = delimiter ?? shared.delimiter
        } else {
            throw decoder.fail(data, dataPath, "missing \"csv\", the path of the CSV file (or a chart-level \"data\" with one)")
        }
        let csvPath = try decoder.string(csvNode, csvPathKey)
        if csvPath.isEmpty { throw decoder.fail(csvNode, csvPathKey, "is empty; give the path of a CSV file") }
        for key in arrayKeys {
            guard let member = d.member(key), let seriesKey = key.seriesKey else { continue }
            // The same kind rules as inline arrays: a size column on a line series is a mistake.
            if let kinds = seriesKey.kinds, !kinds.contains(kind) {
                throw SpecError(file: decoder.file, line: member.keyLine, column: member.keyColumn, keyPath: dataPath + "." + key.rawValue,
                                message: "does not apply to \(article(kind.rawValue)) \(kind.rawValue) series (it is for \(listing(kinds.map(\.rawValue))))")
            }
            columnNames.append((key, member.value, try decoder.string(member.value, dataPath + "." + key.rawValue)))
        }
        dataNode = data
        let resolved = ChartSpecLoader.resolve(csvPath, relativeTo: decoder.baseDirectory)
        let table = try decoder.loadTable(resolved, node: csvNode, path: csvPathKey, delimiter: delimiter)
        for column in columnNames where table.columnIndex(named: column.name) == nil {
            throw decoder.fail(column.node, dataPath + "." + column.key.rawValue, table.missingColumnMessage(column.name))
        }
        self.table = table
    }

    /// Whether the series gives this column.
    func has(_ key: DataKey) -> Bool { node(for: key) != nil }

    /// The inline array, or the column name under `data`, for `key`.
    func node(for key: DataKey) -> JSONNode? {
        inline.first(where: { $0.key == key })?.node ?? columnNames.first(where: { $0.key == key })?.node
    }

    /// The x values as the x axis reads them: dates on a time axis (or, with no scale set, when
    /// the values look like ISO 8601 dates), categories where allowed (inline strings, or a CSV
    /// column of a bar series that is not all numbers; other kinds keep the "is not a number"
    /// error, which catches typos in numeric columns), else numbers.
    func xValues(categoriesAllowed: Bool, csvCategories: Bool, axis: AxisSpec, decoder: SpecDecoder) throws(SpecError) -> XValues? {
        let xPath = path + ".x"
        if let node = inline.first(where: { $0.key == .x })?.node {
            if axis.scale == .time || (axis.scale == nil && SeriesColumns.firstStringIsADate(node, axis: axis)) {
                return .dates(try decoder.dates(node, xPath, axis: axis))
            }
            if axis.scale == .band, case .array(let elements) = node.value {
                var names: [String] = []
                for (i, e) in elements.enumerated() {
                    switch e.value {
                    case .string(let s):
                        try decoder.checkLength(s, e, xPath + "[\(i)]")
                        names.append(s)
                    case .number(_, let text):
                        try decoder.checkLength(String(text), e, xPath + "[\(i)]")
                        names.append(String(text))
                    default: names.append("")
                    }
                }
                return .categories(names)
            }
            if categoriesAllowed || !SeriesColumns.holdsStrings(node) {
                return try decoder.mixedValues(node, xPath)
            }
            throw decoder.fail(node, xPath, "categories (strings) are for bar, line and scatter series; this series needs numbers")
        }
        guard let table, let column = columnNames.first(where: { $0.key == .x }) else { return nil }
        let cells = { () throws(SpecError) -> [String] in
            let texts = (table.column(named: column.name) ?? []).map { $0.trimmingCSVSpaces() }
            // Category names become labels: the same length limit as any text of a spec.
            let limit = ChartSpecLoader.maximumTextLength
            if let r = texts.firstIndex(where: { $0.utf8.count > limit && $0.unicodeScalars.count > limit }) {
                let index = table.columnIndex(named: column.name) ?? 0
                throw SpecError(file: table.file, line: table.cellLine(row: r, column: index),
                                message: "column \(quoted(column.name)): a category name is too long (\(texts[r].unicodeScalars.count) characters; at most \(ChartSpecLoader.maximumTextLength) are allowed)")
            }
            return texts
        }
        switch axis.scale {
        case .time?:
            let reading: CellReading = axis.unit.map { .unixTime(scale: $0 == .ms ? 0.001 : 1) } ?? .date(offset: axis.utcOffset)
            return .dates(try table.values(inColumn: column.name, reading: reading))
        case .band?:
            return .categories(try cells())
        default:
            break
        }
        let reading: CellReading = axis.parse == .formatted ? .formatted : .number
        do {
            return .numbers(try table.values(inColumn: column.name, reading: reading))
        } catch {
            // Not all numbers: dates, if the first value is one (and the axis did not ask for numbers).
            if axis.scale == nil, let first = try cells().first(where: { !CSVTable.isMissing($0) }),
               (try? ISO8601.parse(first)) != nil {
                return .dates(try table.values(inColumn: column.name, reading: .date(offset: axis.utcOffset)))
            }
            if categoriesAllowed, csvCategories { return .categories(try cells()) }
            throw error
        }
    }

    /// Whether an inline array's first string reads as an ISO 8601 date.
    static func firstStringIsADate(_ node: JSONNode, axis: AxisSpec) -> Bool {
        guard case .array(let elements) = node.value else { return false }
        for e in elements {
            if case .string(let s) = e.value { return (try? ISO8601.parse(s)) != nil }
        }
        return false
    }

    /// The x values as numbers, for a histogram.
    func xNumbers(decoder: SpecDecoder) throws(SpecError) -> [Double]? {
        if let node = inline.first(where: { $0.key == .x })?.node { return try decoder.values(node, path + ".x") }
        guard let table, let column = columnNames.first(where: { $0.key == .x }) else { return nil }
        return try table.numbers(inColumn: column.name)
    }

    /// The number of points of a series without x values: the length of its y (or lower-bound) column.
    func countWithoutX(decoder: SpecDecoder, node: JSONNode) throws(SpecError) -> Int {
        for key in [DataKey.y, .yLower, .yUpper] {
            if let values = try column(key, decoder: decoder) { return values.count }
        }
        if dataNode != nil, let data = dataNode {
            throw decoder.fail(data, path + ".data", "missing \"y\", the name of the y column")
        }
        throw decoder.fail(node, path, "missing \"y\" (or \"data\" to read a CSV file)")
    }

    /// A column the series must have, with as many values as x.
    func required(_ key: DataKey, count: Int, decoder: SpecDecoder, node: JSONNode) throws(SpecError) -> [Double] {
        if let values = try optional(key, count: count, decoder: decoder) { return values }
        if let data = dataNode {
            throw decoder.fail(data, path + ".data", "missing \"\(key.rawValue)\", the name of the \(key.rawValue) column")
        }
        throw decoder.fail(node, path, "missing \"\(key.rawValue)\" (or \"data\" to read a CSV file)")
    }

    /// A column the series may have; when present it must have as many values as x.
    func optional(_ key: DataKey, count: Int, decoder: SpecDecoder) throws(SpecError) -> [Double]? {
        guard let values = try column(key, decoder: decoder) else { return nil }
        guard values.count == count else {
            let node = self.node(for: key) ?? seriesNode
            throw decoder.fail(node, path, "x has \(count) \(count == 1 ? "value" : "values") but \(key.rawValue) has \(values.count); they must match")
        }
        return values
    }

    private func column(_ key: DataKey, decoder: SpecDecoder) throws(SpecError) -> [Double]? {
        if let node = inline.first(where: { $0.key == key })?.node {
            return try decoder.values(node, path + "." + key.rawValue)
        }
        guard let table, let column = columnNames.first(where: { $0.key == key }) else { return nil }
        return try table.values(inColumn: column.name, reading: valueReading)
    }

    /// Whether an inline array holds a string, which makes it a list of categories.
    static func holdsStrings(_ node: JSONNode) -> Bool {
        guard case .array(let elements) = node.value else { return false }
        return elements.contains { if case .string = $0.value { true } else { false } }
    }
}

extension SpecDecoder {
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
            case .number(let v, _):
                try checkMagnitude(v, element, path + "[\(i)]")
                result.append(v)
            case .null: result.append(.nan)
            default:
                throw fail(element, path + "[\(i)]", "expected a number or null, found \(element.value.kindDescription)")
            }
        }
        return result
    }

    /// An inline array of dates (ISO 8601 strings, or numbers when the axis has a `unit`), null for a gap.
    func dates(_ node: JSONNode, _ path: String, axis: AxisSpec) throws(SpecError) -> [Double] {
        guard case .array(let elements) = node.value else {
            throw fail(node, path, "expected an array of dates, found \(node.value.kindDescription)")
        }
        guard elements.count <= maximumPoints else { throw fail(node, path, "too many points: more than \(maximumPoints)") }
        var result: [Double] = []
        result.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            if case .null = element.value { result.append(.nan); continue }
            if case .number = element.value, axis.unit == nil {
                throw fail(element, path + "[\(i)]", "is a number, but this axis holds dates; dates and numbers cannot mix (set \"unit\": \"s\" on the axis for Unix times)")
            }
            result.append(try axisValue(element, path + "[\(i)]", axis: { var a = axis; a.scale = .time; return a }()))
        }
        return result
    }

    /// An inline array of numbers (null for a gap) or of category names (strings), not both.
    func mixedValues(_ node: JSONNode, _ path: String) throws(SpecError) -> XValues {
        guard SeriesColumns.holdsStrings(node), case .array(let elements) = node.value else {
            return .numbers(try values(node, path))
        }
        guard elements.count <= maximumPoints else {
            throw fail(node, path, "too many points: more than \(maximumPoints)")
        }
        var names: [String] = []
        for (i, element) in elements.enumerated() {
            guard case .string(let s) = element.value else {
                throw fail(element, path + "[\(i)]", "expected a category name (a string), found \(element.value.kindDescription); categories and numbers cannot mix")
            }
            try checkLength(s, element, path + "[\(i)]")
            names.append(s)
        }
        return .categories(names)
    }

    mutating func loadTable(_ resolved: String, node: JSONNode, path: String, delimiter: UInt8?) throws(SpecError) -> CSVTable {
        if let table = tables.first(where: { $0.file == resolved }) { return table }
        guard readPolicy.permits(resolved) else { throw fail(node, path, readPolicy.refusal(resolved)) }
        let bytes: [UInt8]
        // The policy is checked again on the file as opened, so a link swapped in after the first
        // check is caught too.
        let policy = readPolicy
        switch InputFile.read(resolved, limit: ChartSpecLoader.maximumCSVSize, permit: policy.folders == nil ? nil : { policy.contains($0) }) {
        case .success(let b): bytes = b
        case .failure(let reason) where reason.isOutside: throw fail(node, path, readPolicy.refusal(resolved))
        case .failure(let reason): throw fail(node, path, "cannot read \(quoted(resolved, limit: 4096)): \(reason.text)")
        }
        let table = try CSVTable.parse(bytes, file: resolved, delimiter: delimiter)
        tables.append(table)
        return table
    }
}
