/// The JSON Schema of the chart spec (draft 2020-12), built from the same key enums the decoder
/// reads, so a key cannot be added to one and forgotten in the other: each switch below is
/// exhaustive. Editors use it for completion and to flag typos as the user types; the decoder
/// still checks what a schema cannot say (a key that belongs to another series kind, lengths
/// that must match).
public enum SpecSchema {
    /// The schema as JSON text, two-space indented, keys in a fixed order, ending in a newline.
    public static var text: String { document.json(indent: 0) + "\n" }

    static var document: SchemaNode {
        .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("Plotline chart spec")),
            ("description", .string("A chart: its size, text, axes, legend, series and annotations. See README.md.")),
            ("type", .string("object")),
            ("properties", properties(ChartKey.self, chart)),
            ("required", .array([.string("series")])),
            ("additionalProperties", .bool(false)),
            ("$defs", .object([
                ("font", object(FontKey.self, font)),
                ("textStyle", object(TextStyleKey.self, textStyle)),
                ("axis", object(AxisKey.self, axis)),
                ("tick", object(TickKey.self, tick, required: ["value"])),
                ("sharedData", object(SharedDataKey.self, sharedData, required: ["csv"])),
                ("series", object(SeriesKey.self, series)),
                ("data", object(DataKey.self, data)),
                ("marker", object(MarkerKey.self, marker)),
                ("annotation", object(AnnotationKey.self, annotation, required: ["type"])),
                ("values", .object([("type", .string("array")), ("items", .object([("type", .array([.string("number"), .string("null")]))]))])),
                ("color", .object([("type", .string("string")), ("description", .string("A CSS colour name, #rgb, #rgba, #rrggbb or #rrggbbaa"))])),
            ])),
        ])
    }

    // MARK: Objects

    static func chart(_ key: ChartKey) -> SchemaNode {
        switch key {
        case .schema: return type("string", "The schema this spec follows, for editors")
        case .width: return number(1, 16384, "Canvas width in CSS pixels (default 800)")
        case .height: return number(1, 16384, "Canvas height in CSS pixels (default 500)")
        case .title: return nullable("string", "The title above the plot, and the SVG's accessible title")
        case .subtitle: return nullable("string", "A smaller line under the title")
        case .description: return nullable("string", "The SVG's accessible description (default: written from the data)")
        case .id: return .object([("type", .array([.string("string"), .string("null")])), ("pattern", .string("^[A-Za-z][A-Za-z0-9_-]*$")),
                                  ("description", .string("Prefix of every id in the SVG"))])
        case .background: return ref("color", "The canvas colour, or transparent (default: the theme's)")
        case .theme: return choice(ThemeChoice.self, "light (default), dark, or auto: an SVG that follows the reader's colour scheme")
        case .font: return ref("font", "The font of all text")
        case .text: return object(TextKey.self, { _ in .object([("$ref", .string("#/$defs/textStyle"))]) })
            .described("A style per kind of text: title, subtitle, axisTitle, tickLabel, legend, annotation")
        case .x, .y, .y2: return ref("axis", key == .y2 ? "A second vertical axis, on the right" : "An axis")
        case .legend: return .object([("anyOf", .array([.object([("type", .string("boolean"))]), choice(LegendPosition.self, "")])),
                                      ("description", .string("false hides the legend; true or a position shows it"))])
        case .data: return ref("sharedData", "A CSV file several series read columns from")
        case .series: return .object([("type", .string("array")), ("minItems", .number(1)), ("items", .object([("$ref", .string("#/$defs/series"))])),
                                      ("description", .string("The data series, drawn in order"))])
        case .annotations: return .object([("type", .string("array")), ("items", .object([("$ref", .string("#/$defs/annotation"))])),
                                           ("description", .string("Ranges, reference lines and labelled points in data coordinates"))])
        }
    }

    static func font(_ key: FontKey) -> SchemaNode {
        switch key {
        case .family: type("string", "A family found in the font folders (default DejaVu Sans)")
        case .file: nullable("string", "A font file, relative to the spec")
        case .size: number(0, 1000, "Tick-label size in pixels (default 12)", exclusiveMinimum: true)
        }
    }

    static func textStyle(_ key: TextStyleKey) -> SchemaNode {
        switch key {
        case .family: type("string", "A family found in the font folders")
        case .size: number(0, 1000, "Size in pixels", exclusiveMinimum: true)
        case .weight: .object([("enum", .array([.string("normal"), .string("bold")]))])
        case .color: ref("color", "The colour")
        }
    }

    static func axis(_ key: AxisKey) -> SchemaNode {
        let value: SchemaNode = .object([("type", .array([.string("number"), .string("string"), .string("null")]))])
        switch key {
        case .label: return nullable("string", "The axis title")
        case .scale: return choice(ScaleType.self, "How values map to positions (default: from the data)")
        case .domain: return .object([("type", .array([.string("array"), .string("null")])), ("items", value), ("minItems", .number(2)), ("maxItems", .number(2)),
                                      ("description", .string("[lower, upper]; null lets the data choose an end; dates on a time axis"))])
        case .tickStep: return .object([("type", .array([.string("number"), .string("null")])), ("exclusiveMinimum", .number(0)),
                                        ("description", .string("The distance between ticks"))])
        case .tickCount: return .object([("type", .string("integer")), ("minimum", .number(1)), ("maximum", .number(1000)),
                                         ("description", .string("About how many ticks to aim for"))])
        case .ticks: return .object([("type", .string("array")),
                                     ("items", .object([("anyOf", .array([.object([("type", .array([.string("number"), .string("string")]))]),
                                                                          .object([("$ref", .string("#/$defs/tick"))])]))])),
                                     ("description", .string("Ticks at exactly these values, optionally with labels"))])
        case .format: return nullable("string", "A number format: [sign][$][,][.precision][~][type], e.g. \",.2f\", \".0%\", \"~s\"")
        case .prefix: return type("string", "Text before every tick label")
        case .suffix: return type("string", "Text after every tick label")
        case .grid: return type("boolean", "Gridlines at the ticks")
        case .sort: return choice(CategoryOrder.self, "The order of categories")
        case .reverse: return type("boolean", "Run the axis backwards")
        case .zero: return type("boolean", "Include zero in an automatic domain")
        case .nice: return type("boolean", "Round an automatic domain out to ticks")
        case .base: return .object([("enum", .array([.number(10), .number(2), .string("e")])), ("description", .string("The base of a log scale (default 10)"))])
        case .constant: return number(0, 1e300, "Where a symlog scale turns logarithmic (default 1)", exclusiveMinimum: true)
        case .clamp: return type("boolean", "On a log axis, leave values at or below 0 out instead of refusing them")
        case .utcOffset: return .object([("type", .string("string")), ("pattern", .string("^(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)$")),
                                         ("description", .string("The fixed UTC offset of a time axis, e.g. +02:00"))])
        case .unit: return choice(TimeUnit.self, "Read numbers on a time axis as Unix seconds or milliseconds")
        case .parse: return choice(NumberParsing.self, "formatted reads \"1,234\", $5 and 12% from CSV cells")
        }
    }

    static func tick(_ key: TickKey) -> SchemaNode {
        switch key {
        case .value: .object([("type", .array([.string("number"), .string("string")])), ("description", .string("Where the tick goes"))])
        case .label: type("string", "The tick's label")
        }
    }

    static func sharedData(_ key: SharedDataKey) -> SchemaNode {
        switch key {
        case .csv: type("string", "A CSV file, relative to the spec")
        case .delimiter: .object([("enum", .array([.string(","), .string(";"), .string("\t"), .string("tab")])),
                                  ("description", .string("The field separator (default: from the header line)"))])
        }
    }

    static func series(_ key: SeriesKey) -> SchemaNode {
        let values: SchemaNode = .object([("$ref", .string("#/$defs/values"))])
        let kinds = key.kinds.map { " (" + $0.map(\.rawValue).joined(separator: ", ") + ")" } ?? ""
        func with(_ node: SchemaNode, _ text: String) -> SchemaNode { node.described(text + kinds) }
        switch key {
        case .name: return nullable("string", "The name in the legend and the description")
        case .kind: return choice(MarkKind.self, "How the series is drawn (default line)")
        case .axis: return choice(VerticalAxis.self, "The vertical axis the series is measured on")
        case .color: return .object([("anyOf", .array([.object([("$ref", .string("#/$defs/color"))]), .object([("type", .string("null"))])])),
                                     ("description", .string("The colour (default: the palette)"))])
        case .opacity: return number(0, 1, "Opacity of the mark's colour")
        case .width: return with(number(0, 1000, "Line width in pixels"), "")
        case .dash: return with(.object([("anyOf", .array([.object([("type", .string("array")), ("items", .object([("type", .string("number")), ("minimum", .number(0))]))]),
                                                            .object([("enum", .array([.string("solid"), .string("dashed"), .string("dotted")]))])]))]),
                                "A dash pattern in pixels or a named style")
        case .x: return .object([("type", .string("array")), ("items", .object([("type", .array([.string("number"), .string("string"), .string("null")]))])),
                                 ("description", .string("x values: numbers, category names or dates"))])
        case .y: return with(values, "Values")
        case .data: return ref("data", "Columns of a CSV file instead of inline arrays")
        case .interpolate: return with(choice(Interpolation.self, "How the line runs between points"), "")
        case .gaps: return with(choice(GapPolicy.self, "What missing values do"), "")
        case .marker: return with(.object([("anyOf", .array([choice(MarkerShape.self, ""), .object([("$ref", .string("#/$defs/marker"))])]))]), "Point markers")
        case .size: return with(values, "Per-point sizes for a bubble chart")
        case .stack: return with(type("boolean", "Stack with the other stacked series"), "")
        case .baseline: return with(type("number", "The value an area fills to"), "")
        case .orientation: return with(choice(BarOrientation.self, "Which way bars grow"), "")
        case .barWidth: return with(number(0, 1, "The bars' share of each category", exclusiveMinimum: true), "")
        case .bins: return with(.object([("type", .string("integer")), ("minimum", .number(1)), ("maximum", .number(10000))]), "A histogram of x in this many bins")
        case .binWidth: return with(.object([("type", .string("number")), ("exclusiveMinimum", .number(0))]), "A histogram of x in bins this wide")
        case .binEdges: return with(.object([("type", .string("array")), ("items", .object([("type", .string("number"))]))]), "Bin edges for counts given in y")
        case .yError: return with(values, "Symmetric error bars")
        case .yLower: return with(values, "Lower bounds (a band, or error bars)")
        case .yUpper: return with(values, "Upper bounds (a band, or error bars)")
        }
    }

    static func data(_ key: DataKey) -> SchemaNode {
        switch key {
        case .csv: type("string", "A CSV file, relative to the spec (default: the chart's data.csv)")
        case .delimiter: sharedData(.delimiter)
        case .x, .y, .size, .yError, .yLower, .yUpper: type("string", "The column for \(key.rawValue)")
        }
    }

    static func marker(_ key: MarkerKey) -> SchemaNode {
        switch key {
        case .shape: choice(MarkerShape.self, "The marker's shape")
        case .size: number(0, 500, "Width in pixels", exclusiveMinimum: true)
        case .fill: .object([("anyOf", .array([.object([("$ref", .string("#/$defs/color"))]), .object([("const", .string("none"))])])),
                             ("description", .string("A fill colour, or none for a hollow marker"))])
        }
    }

    static func annotation(_ key: AnnotationKey) -> SchemaNode {
        let place: SchemaNode = .object([("type", .array([.string("number"), .string("string"), .string("array")]))])
        switch key {
        case .type: return .object([("enum", .array([.string("text"), .string("rule"), .string("range")]))])
        case .x, .y, .y2: return place.described("A value (or [lower, upper] for a range) on this axis")
        case .text: return type("string", "The text of a text annotation")
        case .label: return type("string", "The label of a rule or range")
        case .arrow: return type("boolean", "An arrow from the text to its point")
        case .dx: return type("number", "The text's offset from its point, in pixels")
        case .dy: return type("number", "The text's offset from its point, in pixels")
        case .color: return ref("color", "The colour")
        case .dash: return series(.dash).described("The rule's dash pattern")
        case .opacity: return number(0, 1, "The range's opacity")
        }
    }

    // MARK: Helpers

    static func properties<K: SpecKey>(_ keys: K.Type, _ schema: (K) -> SchemaNode) -> SchemaNode {
        .object(K.allCases.map { ($0.rawValue, schema($0)) })
    }

    static func object<K: SpecKey>(_ keys: K.Type, _ schema: (K) -> SchemaNode, required: [String] = []) -> SchemaNode {
        var members: [(String, SchemaNode)] = [("type", .string("object")), ("properties", properties(keys, schema))]
        if !required.isEmpty { members.append(("required", .array(required.map(SchemaNode.string)))) }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    static func type(_ name: String, _ text: String) -> SchemaNode {
        .object([("type", .string(name)), ("description", .string(text))])
    }

    static func nullable(_ name: String, _ text: String) -> SchemaNode {
        .object([("type", .array([.string(name), .string("null")])), ("description", .string(text))])
    }

    static func number(_ lower: Double, _ upper: Double, _ text: String, exclusiveMinimum: Bool = false) -> SchemaNode {
        .object([("type", .string("number")), (exclusiveMinimum ? "exclusiveMinimum" : "minimum", .number(lower)), ("maximum", .number(upper)),
                 ("description", .string(text))])
    }

    static func choice<E: RawRepresentable<String> & CaseIterable>(_: E.Type, _ text: String) -> SchemaNode {
        let cases = SchemaNode.array(E.allCases.map { .string($0.rawValue) })
        return text.isEmpty ? .object([("enum", cases)]) : .object([("enum", cases), ("description", .string(text))])
    }

    static func ref(_ name: String, _ text: String) -> SchemaNode {
        .object([("$ref", .string("#/$defs/" + name)), ("description", .string(text))])
    }
}

/// A JSON value with object members in a fixed order, for writing the schema.
indirect enum SchemaNode: Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([SchemaNode])
    case object([(String, SchemaNode)])

    /// The node with a `description` (replacing one it had), unless `text` is empty.
    func described(_ text: String) -> SchemaNode {
        guard !text.isEmpty, case .object(let members) = self else { return self }
        return .object(members.filter { $0.0 != "description" } + [("description", .string(text))])
    }

    func json(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent), inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let s): return SchemaNode.quote(s)
        case .number(let v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            // Short arrays of scalars stay on one line.
            if items.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                return "[" + items.map { $0.json(indent: 0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.json(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + SchemaNode.quote($0.0) + ": " + $0.1.json(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
