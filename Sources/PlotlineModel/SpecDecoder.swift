import PlotlineCore
import PlotlineScales

/// Turns a parsed JSON tree into a ``ChartSpec``, checking types, ranges and keys.
///
/// This file holds the scalars and the chart, font, axis and legend objects; series are in
/// `SpecDecoder+Series.swift` and the checks across series in `SpecDecoder+Checks.swift`.
struct SpecDecoder {
    let file: String
    let baseDirectory: String
    // CSV files already read, in first-use order, so several series can share one file.
    var tables: [CSVTable] = []
    var totalPoints = 0
    let maximumPoints: Int
    /// The JSON node of each decoded series' x values (or the series itself), for errors found across series.
    var seriesXNodes: [JSONNode] = []
    /// The JSON node of each decoded series.
    var seriesNodes: [JSONNode] = []
    /// The axes as decoded, which decide how series values are read.
    var axes = (x: AxisSpec(), y: AxisSpec(), y2: AxisSpec())
    /// The chart's shared CSV file and delimiter, which series' `data` may use without naming a file.
    var shared: (node: JSONNode, path: String, delimiter: UInt8?)?

    /// Which files the spec may read.
    let readPolicy: ReadPolicy

    init(file: String, baseDirectory: String, maximumPoints: Int, readPolicy: ReadPolicy = .unrestricted) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.maximumPoints = maximumPoints
        self.readPolicy = readPolicy
    }

    func fail(_ node: JSONNode, _ path: String, _ message: String) -> SpecError {
        SpecError(file: file, line: node.line, column: node.column, keyPath: path, message: message)
    }

    /// The members of an object, after checking that it is one and that every key is known.
    func object<Key: SpecKey>(_ node: JSONNode, _ path: String, keys: Key.Type) throws(SpecError) -> ObjectView<Key> {
        guard case .object(let members) = node.value else {
            throw fail(node, path, "expected an object, found \(node.value.kindDescription)")
        }
        let known = Key.allCases.map(\.rawValue)
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

    /// A whole number in `range`.
    func integer(_ node: JSONNode, _ path: String, in range: ClosedRange<Int>) throws(SpecError) -> Int {
        let value = try number(node, path)
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw fail(node, path, "\(numberText(node)) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(value)
    }

    func string(_ node: JSONNode, _ path: String) throws(SpecError) -> String {
        guard case .string(let value) = node.value else {
            throw fail(node, path, "expected a string, found \(node.value.kindDescription)")
        }
        try checkLength(value, node, path)
        return value
    }

    /// Numbers of 1e300 or more in size are refused: no chart shows them (the span of an axis
    /// from −1e308 to 1e308 is not even a double), and they are nearly always a sentinel such as
    /// the largest double standing in for "missing".
    func checkMagnitude(_ value: Double, _ node: JSONNode, _ path: String) throws(SpecError) {
        guard abs(value) >= ChartSpecLoader.maximumMagnitude else { return }
        throw fail(node, path, "\(numberText(node)) is too large to draw; numbers must be less than 1e300 in size (use null for a missing value)")
    }

    /// Text longer than `ChartSpecLoader.maximumTextLength` is refused before any layout sees it:
    /// every character of a label costs outlines and measuring, so its length bounds the memory.
    func checkLength(_ value: String, _ node: JSONNode, _ path: String) throws(SpecError) {
        let limit = ChartSpecLoader.maximumTextLength
        guard value.utf8.count > limit else { return }
        let count = value.unicodeScalars.count
        guard count > limit else { return }
        throw fail(node, path, "is too long: \(count) characters; at most \(limit) are allowed")
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

    /// One of an enum's spellings, with a did-you-mean for a near miss.
    func choice<E: RawRepresentable<String> & CaseIterable>(_ node: JSONNode, _ path: String, _ what: String) throws(SpecError) -> E {
        let text = try string(node, path)
        if let value = E(rawValue: text) { return value }
        let supported = E.allCases.map(\.rawValue)
        var message = "unknown \(what) \(quoted(text))"
        if let suggestion = closestMatch(to: text, in: supported) { message += "; did you mean \(quoted(suggestion))?" }
        message += " (supported: \(listing(supported)))"
        throw fail(node, path, message)
    }

    func color(_ node: JSONNode, _ path: String) throws(SpecError) -> PlotColor {
        let text = try string(node, path)
        if let color = PlotColor(css: text) { return color }
        var message = "\(quoted(text)) is not a colour"
        if let suggestion = PlotColor.suggestion(for: text) {
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
        let o = try object(root, "", keys: ChartKey.self)
        var spec = ChartSpec(series: [])
        let side = 1...ChartSpecLoader.maximumSide
        if let n = o[.schema] { _ = try string(n, "$schema") }
        if let n = o[.width] { spec.width = try number(n, "width", in: side, unit: " pixels") }
        if let n = o[.height] { spec.height = try number(n, "height", in: side, unit: " pixels") }
        if let n = o[.title] { spec.title = try optionalString(n, "title") }
        if let n = o[.subtitle] { spec.subtitle = try optionalString(n, "subtitle") }
        if let n = o[.description] { spec.description = try optionalString(n, "description") }
        if let n = o[.id], let id = try optionalString(n, "id") {
            guard isValidID(id) else {
                throw fail(n, "id", "\(quoted(id)) is not a valid id; use a letter followed by letters, digits, '_' or '-'")
            }
            spec.id = id
        }
        if let n = o[.background] { spec.background = try color(n, "background") }
        if let n = o[.theme] { spec.theme = try choice(n, "theme", "theme") }
        if let n = o[.font] { spec.font = try font(n, "font") }
        if let n = o[.text] { spec.text = try textStyles(n, "text") }
        if let n = o[.x] { spec.x = try axis(n, "x") }
        if let n = o[.y] { spec.y = try axis(n, "y") }
        if let n = o[.y2] { spec.y2 = try axis(n, "y2") }
        if let n = o[.data] { try sharedData(n) }
        if let n = o[.legend] { spec.legend = try legend(n, "legend") }

        guard let seriesNode = o[.series] else {
            throw fail(root, "series", "missing; a chart needs at least one series")
        }
        guard case .array(let elements) = seriesNode.value else {
            throw fail(seriesNode, "series", "expected an array, found \(seriesNode.value.kindDescription)")
        }
        guard !elements.isEmpty else {
            throw fail(seriesNode, "series", "is empty; a chart needs at least one series")
        }
        guard elements.count <= ChartSpecLoader.maximumSeries else {
            throw fail(seriesNode, "series", "has \(elements.count) series; at most \(ChartSpecLoader.maximumSeries) are allowed")
        }
        axes = (spec.x, spec.y, spec.y2 ?? AxisSpec())
        for (i, element) in elements.enumerated() {
            spec.series.append(try series(element, "series[\(i)]"))
        }
        if let n = o[.annotations] {
            guard case .array(let elements) = n.value else {
                throw fail(n, "annotations", "expected an array, found \(n.value.kindDescription)")
            }
            guard elements.count <= ChartSpecLoader.maximumAnnotations else {
                throw fail(n, "annotations", "has \(elements.count) annotations; at most \(ChartSpecLoader.maximumAnnotations) are allowed")
            }
            for (i, element) in elements.enumerated() { spec.annotations.append(try annotation(element, "annotations[\(i)]")) }
        }
        if spec.y2 == nil, spec.series.contains(where: { $0.axis == .y2 }) || spec.annotations.contains(where: \.usesY2) { spec.y2 = AxisSpec() }
        // Dates on x make the axis a time axis unless the spec chose its scale.
        if spec.x.scale == nil, spec.series.contains(where: { if case .dates = $0.x { true } else { false } }) { spec.x.scale = .time }
        try checkAcrossSeries(spec)
        if let p = spec.axisKeyProblem() {
            // Point at the key itself: `x.base` is the member `base` of the object under `x`.
            let parts = p.keyPath.split(separator: ".", maxSplits: 1).map(String.init)
            var node = root
            if let key = ChartKey(rawValue: parts[0]), let axis = o[key] {
                node = axis
                if parts.count > 1, case .object(let members) = axis.value, let m = members.first(where: { $0.key == parts[1] }) {
                    node = m.value
                }
            }
            throw fail(node, p.keyPath, p.message)
        }
        return spec
    }

    /// The chart-level `data`: a CSV file several series read columns from.
    mutating func sharedData(_ node: JSONNode) throws(SpecError) {
        let o = try object(node, "data", keys: SharedDataKey.self)
        guard let csv = o[.csv] else { throw fail(node, "data", "missing \"csv\", the path of the CSV file") }
        let text = try string(csv, "data.csv")
        if text.isEmpty { throw fail(csv, "data.csv", "is empty; give the path of a CSV file") }
        shared = (csv, "data.csv", try o[.delimiter].map { n throws(SpecError) in try delimiter(n, "data.delimiter") })
    }

    /// A CSV delimiter: ",", ";" or a tab ("\t" or "tab").
    func delimiter(_ node: JSONNode, _ path: String) throws(SpecError) -> UInt8 {
        let text = try string(node, path)
        switch text {
        case ",": return UInt8(ascii: ",")
        case ";": return UInt8(ascii: ";")
        case "\t", "tab": return 0x09
        default: throw fail(node, path, "\(quoted(text)) is not a delimiter; use \",\", \";\" or \"tab\"")
        }
    }

    /// `false`, `true` (shown in the best place) or a position.
    func legend(_ node: JSONNode, _ path: String) throws(SpecError) -> LegendSpec {
        switch node.value {
        case .bool(let shown): return shown ? .shown(.best) : .hidden
        case .string: return .shown(try choice(node, path, "legend position") as LegendPosition)
        default:
            throw fail(node, path, "expected true, false or a position such as \"top-right\" or \"right\", found \(node.value.kindDescription)")
        }
    }

    /// `{"title": {"family", "size", "weight", "color"}, …}`.
    func textStyles(_ node: JSONNode, _ path: String) throws(SpecError) -> TextStyles {
        let o = try object(node, path, keys: TextKey.self)
        var styles = TextStyles()
        for key in TextKey.allCases {
            guard let n = o[key], let role = TextRole(rawValue: key.rawValue) else { continue }
            let p = path + "." + key.rawValue
            let s = try object(n, p, keys: TextStyleKey.self)
            var style = TextStyle()
            if let f = s[.family] {
                let family = try string(f, p + ".family")
                if family.trimmingCSVSpaces().isEmpty { throw fail(f, p + ".family", "is empty; name a font family") }
                style.family = family
            }
            if let v = s[.size] { style.size = try positive(v, p + ".size", max: 1000, unit: " pixels") }
            if let w = s[.weight] {
                switch try string(w, p + ".weight") {
                case "normal": style.bold = false
                case "bold": style.bold = true
                default: throw fail(w, p + ".weight", "expected \"normal\" or \"bold\"")
                }
            }
            if let c = s[.color] { style.color = try color(c, p + ".color") }
            styles[role] = style
        }
        return styles
    }

    func font(_ node: JSONNode, _ path: String) throws(SpecError) -> FontSpec {
        let o = try object(node, path, keys: FontKey.self)
        var font = FontSpec()
        if let n = o[.family] {
            font.family = try string(n, path + ".family")
            if font.family.trimmingCSVSpaces().isEmpty { throw fail(n, path + ".family", "is empty; name a font family") }
        }
        if let n = o[.file], let f = try optionalString(n, path + ".file") {
            if f.isEmpty { throw fail(n, path + ".file", "is empty; give the path of a font file") }
            let resolved = ChartSpecLoader.resolve(f, relativeTo: baseDirectory)
            guard readPolicy.permits(resolved) else { throw fail(n, path + ".file", readPolicy.refusal(resolved)) }
            font.file = resolved
        }
        if let n = o[.size] { font.size = try positive(n, path + ".size", max: 1000, unit: " pixels") }
        return font
    }

    func axis(_ node: JSONNode, _ path: String) throws(SpecError) -> AxisSpec {
        let o = try object(node, path, keys: AxisKey.self)
        var axis = AxisSpec()
        if let n = o[.label] { axis.label = try optionalString(n, path + ".label") }
        if let n = o[.scale] { axis.scale = try choice(n, path + ".scale", "scale") }
        if axis.scale == .time, path != "x" {
            throw fail(o[.scale] ?? node, path + ".scale", "time scales are for the x axis")
        }
        if let n = o[.utcOffset] {
            let text = try string(n, path + ".utcOffset")
            guard let offset = ISO8601.offset(text) else {
                throw fail(n, path + ".utcOffset", "\(quoted(text)) is not a UTC offset; use \"Z\", \"+02:00\" or \"-05:30\"")
            }
            axis.utcOffset = offset
        }
        if let n = o[.unit] { axis.unit = try choice(n, path + ".unit", "time unit") }
        if let n = o[.base] {
            switch n.value {
            case .number(let v, _) where v == 10: axis.base = .ten
            case .number(let v, _) where v == 2: axis.base = .two
            case .string("e"): axis.base = .e
            default: throw fail(n, path + ".base", "expected 10, 2 or \"e\"")
            }
        }
        if let n = o[.constant] { axis.constant = try positive(n, path + ".constant", max: 1e300, unit: "") }
        if let n = o[.domain] {
            let domainPath = path + ".domain"
            switch n.value {
            case .null:
                break
            case .array(let ends) where ends.count == 2:
                for (i, end) in ends.enumerated() {
                    if case .null = end.value { continue }
                    let v = try axisValue(end, domainPath + "[\(i)]", axis: axis)
                    if i == 0 { axis.lower = v } else { axis.upper = v }
                }
                if let lower = axis.lower, let upper = axis.upper, !(lower < upper) {
                    throw fail(n, domainPath, "the lower end (\(endText(ends[0]))) must be less than the upper end (\(endText(ends[1]))); use \"reverse\": true to run the axis backwards")
                }
                if axis.scale == .log, let lower = axis.lower, lower <= 0 {
                    throw fail(ends[0], domainPath + "[0]", "\(endText(ends[0])) is not above 0; a log axis cannot reach zero")
                }
            case .array(let ends):
                throw fail(n, domainPath, "expected [lower, upper], found an array of \(ends.count) \(ends.count == 1 ? "value" : "values")")
            default:
                throw fail(n, domainPath, "expected [lower, upper], found \(n.value.kindDescription)")
            }
        }
        if let n = o[.tickStep], n.value != .null {
            let step = try number(n, path + ".tickStep")
            guard step > 0 else { throw fail(n, path + ".tickStep", "\(numberText(n)) must be greater than 0") }
            if let lower = axis.lower, let upper = axis.upper, (upper - lower) / step + 1 > 10_000 {
                throw fail(n, path + ".tickStep", "\(numberText(n)) gives more than 10000 ticks over the domain; use a larger step")
            }
            axis.tickStep = step
        }
        if let n = o[.tickCount] { axis.tickCount = try integer(n, path + ".tickCount", in: 1...1000) }
        if let n = o[.ticks] { axis.ticks = try ticks(n, path + ".ticks", axis: axis) }
        if let n = o[.format], let text = try optionalString(n, path + ".format") {
            do {
                axis.format = try NumberFormat(text)
            } catch {
                throw fail(n, path + ".format", "\(quoted(text)) is not a number format: \(error.description)")
            }
        }
        if let n = o[.prefix] { axis.prefix = try string(n, path + ".prefix") }
        if let n = o[.suffix] { axis.suffix = try string(n, path + ".suffix") }
        if let n = o[.grid] { axis.grid = try bool(n, path + ".grid") }
        if let n = o[.sort] { axis.sort = try choice(n, path + ".sort", "order") }
        if let n = o[.reverse] { axis.reverse = try bool(n, path + ".reverse") }
        if let n = o[.zero] { axis.zero = try bool(n, path + ".zero") }
        if let n = o[.nice] { axis.nice = try bool(n, path + ".nice") }
        if let n = o[.clamp] { axis.clamp = try bool(n, path + ".clamp") }
        if let n = o[.parse] { axis.parse = try choice(n, path + ".parse", "number parsing") }
        return axis
    }

    /// A domain end or tick value: a number, or on a time axis a date (or a Unix time with `unit`).
    func axisValue(_ node: JSONNode, _ path: String, axis: AxisSpec) throws(SpecError) -> Double {
        if axis.scale == .time {
            switch node.value {
            case .string(let text):
                do {
                    return try ISO8601.parse(text, defaultOffset: axis.utcOffset)
                } catch {
                    throw fail(node, path, "\(quoted(text)) is not a date: \(error.description)")
                }
            case .number(let v, _) where axis.unit != nil:
                try checkMagnitude(v, node, path)
                return v * (axis.unit == .ms ? 0.001 : 1)
            default:
                throw fail(node, path, "expected a date such as \"2024-03-01\" (or a number with \"unit\": \"s\"), found \(node.value.kindDescription)")
            }
        }
        guard case .number(let v, _) = node.value else {
            // Domain ends may be null ("let the data choose"), and are checked for it before this.
            let allowed = path.contains(".domain[") ? "a number or null" : "a number"
            throw fail(node, path, "expected \(allowed), found \(node.value.kindDescription)")
        }
        try checkMagnitude(v, node, path)
        return v
    }

    /// Explicit ticks: values, or `{"value", "label"}` objects.
    func ticks(_ node: JSONNode, _ path: String, axis: AxisSpec) throws(SpecError) -> [TickSpec] {
        guard case .array(let elements) = node.value else {
            throw fail(node, path, "expected an array of values or {\"value\", \"label\"} objects, found \(node.value.kindDescription)")
        }
        guard elements.count <= 1000 else { throw fail(node, path, "too many ticks; at most 1000") }
        var result: [TickSpec] = []
        for (i, element) in elements.enumerated() {
            let p = path + "[\(i)]"
            if case .object = element.value {
                let o = try object(element, p, keys: TickKey.self)
                guard let v = o[.value] else { throw fail(element, p, "missing \"value\"") }
                result.append(TickSpec(value: try axisValue(v, p + ".value", axis: axis),
                                       label: try o[.label].map { n throws(SpecError) in try string(n, p + ".label") }))
            } else {
                result.append(TickSpec(value: try axisValue(element, p, axis: axis)))
            }
        }
        return result
    }

    /// A domain end as the user wrote it, for messages.
    func endText(_ node: JSONNode) -> String {
        if case .string(let s) = node.value { return quoted(s) }
        return numberText(node)
    }
}

/// An object's members with lookup by key (objects are small and already free of duplicates).
struct ObjectView<Key: SpecKey> {
    let node: JSONNode
    let members: [JSONMember]
    let path: String

    subscript(key: Key) -> JSONNode? {
        members.first(where: { $0.key == key.rawValue })?.value
    }

    /// The member for `key` with the position of its key, for errors about the key itself.
    func member(_ key: Key) -> JSONMember? {
        members.first(where: { $0.key == key.rawValue })
    }
}

/// `[A-Za-z][A-Za-z0-9_-]*`: safe as an XML id and a CSS selector, and not too long.
func isValidID(_ id: String) -> Bool {
    let scalars = Array(id.unicodeScalars)
    guard let first = scalars.first, scalars.count <= 64 else { return false }
    let isLetter: (Unicode.Scalar) -> Bool = { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }
    return isLetter(first) && scalars.dropFirst().allSatisfy { isLetter($0) || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }
}

/// Shortest round-trip text of a number, without a trailing ".0" for integers.
func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
