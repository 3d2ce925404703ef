import PlotlineCore

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
        guard let csvNode = d[.csv] else { throw decoder.fail(data, dataPath, "missing \"csv\", the path of the CSV file") }
        let csvPath = try decoder.string(csvNode, dataPath + ".csv")
        if csvPath.isEmpty { throw decoder.fail(csvNode, dataPath + ".csv", "is empty; give the path of a CSV file") }
        for key in arrayKeys {
            guard let member = d.member(key), let seriesKey = key.seriesKey else { continue }
            // The same kind rules as inline arrays: a size column on a line series is a mistake.
            if let kinds = seriesKey.kinds, !kinds.contains(kind) {
                throw SpecError(file: decoder.file, line: member.keyLine, column: member.keyColumn, keyPath: dataPath + "." + key.rawValue,
                                message: "does not apply to a \(kind.rawValue) series (it is for \(listing(kinds.map(\.rawValue))))")
            }
            columnNames.append((key, member.value, try decoder.string(member.value, dataPath + "." + key.rawValue)))
        }
        dataNode = data
        let resolved = ChartSpecLoader.resolve(csvPath, relativeTo: decoder.baseDirectory)
        let table = try decoder.loadTable(resolved, node: csvNode, path: dataPath + ".csv")
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

    /// The x values: numbers, or (where allowed) categories: inline strings, or a CSV column of a
    /// bar series that is not all numbers (other kinds keep the "is not a number" error, which
    /// catches typos in numeric columns).
    func xValues(categoriesAllowed: Bool, csvCategories: Bool, decoder: SpecDecoder) throws(SpecError) -> XValues? {
        if let node = inline.first(where: { $0.key == .x })?.node {
            if categoriesAllowed || !SeriesColumns.holdsStrings(node) {
                return try decoder.mixedValues(node, path + ".x")
            }
            throw decoder.fail(node, path + ".x", "categories (strings) are for bar, line and scatter series; this series needs numbers")
        }
        guard let table, let column = columnNames.first(where: { $0.key == .x }) else { return nil }
        if categoriesAllowed, csvCategories {
            do {
                return .numbers(try table.numbers(inColumn: column.name))
            } catch {
                return .categories((table.column(named: column.name) ?? []).map { $0.trimmingCSVSpaces() })
            }
        }
        return .numbers(try table.numbers(inColumn: column.name))
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
        return try table.numbers(inColumn: column.name)
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
            case .number(let v, _): result.append(v)
            case .null: result.append(.nan)
            default:
                throw fail(element, path + "[\(i)]", "expected a number or null, found \(element.value.kindDescription)")
            }
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
            names.append(s)
        }
        return .categories(names)
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
