import PlotlineCore
import PlotlineScales

// `ChartSpec` is Codable in the JSON spec's own format: `JSONEncoder` writes a spec that
// `plotline render` reads, with the data inline (CSV columns become arrays, dates ISO 8601 text,
// gaps null), and decoding goes through the same decoder and checks as a spec file.

/// A coding key for any member name.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension ChartSpec: Codable {
    /// Decodes a spec written in the JSON spec format, with the loader's checks; CSV paths are
    /// read relative to the current folder. Errors carry the loader's message and key path.
    public init(from decoder: any Decoder) throws {
        let node = try JSONNode.decodeAny(from: decoder)
        var specDecoder = SpecDecoder(file: "", baseDirectory: "", maximumPoints: ChartSpecLoader.maximumPoints)
        do {
            self = try specDecoder.chart(node)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }

    /// Encodes the spec in the JSON spec format, leaving out what has its default value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        func put<T: Encodable>(_ key: String, _ value: T?) throws { if let value { try c.encode(value, forKey: AnyKey(key)) } }
        if width != 800 { try put("width", width) }
        if height != 500 { try put("height", height) }
        try put("title", title)
        try put("subtitle", subtitle)
        try put("description", description)
        try put("id", id)
        try put("background", background.map(\.cssText))
        if theme != .light { try put("theme", theme.rawValue) }
        if font != FontSpec() { try put("font", FontCoding(font)) }
        if text != TextStyles() { try put("text", TextCoding(text)) }
        try put("x", AxisCoding(x, scale: x.scale))
        try put("y", AxisCoding(y, scale: y.scale))
        try put("y2", y2.map { AxisCoding($0, scale: $0.scale) })
        switch legend {
        case .automatic: break
        case .hidden: try put("legend", false)
        case .shown(let p): try put("legend", p.rawValue)
        }
        try put("series", series.map { SeriesCoding($0) })
        if !annotations.isEmpty { try put("annotations", annotations.map { AnnotationCoding($0, x: AxisCoding(x, scale: x.scale)) }) }
    }
}

extension PlotColor {
    /// `#rrggbb` or `#rrggbbaa`: a colour as the spec writes it.
    public var cssText: String {
        guard alpha < 255 else { return hexRGB }
        let digits = Array("0123456789abcdef")
        return hexRGB + String([digits[Int(alpha >> 4)], digits[Int(alpha & 15)]])
    }
}

/// Numbers with gaps as null.
private func nullable(_ values: [Double]) -> [Double?] { values.map { $0.isFinite ? $0 : nil } }

private struct FontCoding: Encodable {
    let font: FontSpec
    init(_ font: FontSpec) { self.font = font }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(font.family, forKey: AnyKey("family"))
        if let file = font.file { try c.encode(file, forKey: AnyKey("file")) }
        try c.encode(font.size, forKey: AnyKey("size"))
    }
}

private struct TextCoding: Encodable {
    let styles: TextStyles
    init(_ styles: TextStyles) { self.styles = styles }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for role in TextRole.allCases where styles[role] != TextStyle() {
            let s = styles[role]
            var r = c.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey(role.rawValue))
            if let v = s.family { try r.encode(v, forKey: AnyKey("family")) }
            if let v = s.size { try r.encode(v, forKey: AnyKey("size")) }
            if let v = s.bold { try r.encode(v ? "bold" : "normal", forKey: AnyKey("weight")) }
            if let v = s.color { try r.encode(v.cssText, forKey: AnyKey("color")) }
        }
    }
}

struct AxisCoding: Encodable {
    let axis: AxisSpec
    let scale: ScaleType?
    init(_ axis: AxisSpec, scale: ScaleType?) { self.axis = axis; self.scale = scale }

    /// A value as the axis writes it: ISO text on a time axis (unless it reads Unix times).
    func value(_ v: Double) -> AxisValue {
        scale == .time && axis.unit == nil ? .text(ISO8601.format(v)) : .number(axis.unit == .ms ? v * 1000 : v)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        func put<T: Encodable>(_ key: String, _ value: T?) throws { if let value { try c.encode(value, forKey: AnyKey(key)) } }
        try put("label", axis.label)
        try put("scale", scale?.rawValue)
        if axis.lower != nil || axis.upper != nil { try put("domain", [axis.lower.map(value), axis.upper.map(value)]) }
        try put("tickStep", axis.tickStep)
        try put("tickCount", axis.tickCount)
        try put("ticks", axis.ticks?.map { TickCoding(value: value($0.value), label: $0.label) })
        try put("format", axis.format?.specifier)
        if !axis.prefix.isEmpty { try put("prefix", axis.prefix) }
        if !axis.suffix.isEmpty { try put("suffix", axis.suffix) }
        try put("grid", axis.grid)
        if axis.sort != .data { try put("sort", axis.sort.rawValue) }
        if axis.reverse { try put("reverse", true) }
        if axis.zero { try put("zero", true) }
        try put("nice", axis.nice)
        switch axis.base {
        case .ten: break
        case .two: try put("base", 2)
        case .e: try put("base", "e")
        }
        if axis.constant != 1 { try put("constant", axis.constant) }
        if axis.clamp { try put("clamp", true) }
        if axis.utcOffset != 0 { try put("utcOffset", offsetText(axis.utcOffset)) }
        try put("unit", axis.unit?.rawValue)
        if axis.parse != .plain { try put("parse", axis.parse.rawValue) }
    }

    func offsetText(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return (seconds < 0 ? "-" : "+") + two(m / 60) + ":" + two(m % 60)
    }
}

/// A number or a date written as text.
enum AxisValue: Encodable {
    case number(Double)
    case text(String)
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .text(let s): try c.encode(s)
        }
    }
}

private struct TickCoding: Encodable {
    let value: AxisValue
    let label: String?
    func encode(to encoder: any Encoder) throws {
        guard let label else {
            try value.encode(to: encoder)
            return
        }
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(value, forKey: AnyKey("value"))
        try c.encode(label, forKey: AnyKey("label"))
    }
}

private struct SeriesCoding: Encodable {
    let s: SeriesSpec
    init(_ s: SeriesSpec) { self.s = s }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        func put<T: Encodable>(_ key: String, _ value: T?) throws { if let value { try c.encode(value, forKey: AnyKey(key)) } }
        try put("name", s.name)
        try put("kind", s.kind.rawValue)
        if s.axis != .y { try put("axis", s.axis.rawValue) }
        try put("color", s.color?.cssText)
        try put("opacity", s.opacity)
        var binned = false
        if case .bar(let b) = s.mark, b.binEdges != nil { binned = true }
        if !binned {
            switch s.x {
            case .numbers(let v): try put("x", nullable(v))
            case .dates(let v): try put("x", v.map { $0.isFinite ? ISO8601.format($0) : nil })
            case .categories(let c): try put("x", c)
            }
        }
        func errors(_ e: ErrorBars?) throws {
            guard let e else { return }
            try put("yLower", nullable(e.lower))
            try put("yUpper", nullable(e.upper))
        }
        func marker(_ m: MarkerSpec) -> MarkerCoding { MarkerCoding(m) }
        switch s.mark {
        case .line(let m):
            try put("y", nullable(m.y))
            if m.width != 2 { try put("width", m.width) }
            if !m.dash.isEmpty { try put("dash", m.dash) }
            if m.interpolate != .linear { try put("interpolate", m.interpolate.rawValue) }
            if m.gaps != .break { try put("gaps", m.gaps.rawValue) }
            try put("marker", m.marker.map(marker))
            try errors(m.errors)
        case .scatter(let m):
            try put("y", nullable(m.y))
            try put("marker", marker(m.marker))
            try put("size", m.sizes.map(nullable))
            try errors(m.errors)
        case .bar(let m):
            try put("y", nullable(m.y))
            if m.orientation != .vertical { try put("orientation", m.orientation.rawValue) }
            if m.stack { try put("stack", true) }
            try put("barWidth", m.barWidth)
            try put("binEdges", m.binEdges)
            try errors(m.errors)
        case .area(let m):
            try put("y", nullable(m.y))
            if m.baseline != 0 { try put("baseline", m.baseline) }
            if m.stack { try put("stack", true) }
            try put("width", m.width)
            if !m.dash.isEmpty { try put("dash", m.dash) }
        case .band(let m):
            try put("yLower", nullable(m.lower))
            try put("yUpper", nullable(m.upper))
        }
    }
}

private struct MarkerCoding: Encodable {
    let m: MarkerSpec
    init(_ m: MarkerSpec) { self.m = m }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(m.shape.rawValue, forKey: AnyKey("shape"))
        try c.encode(m.size, forKey: AnyKey("size"))
        if let fill = m.fill { try c.encode(fill.alpha == 0 ? "none" : fill.cssText, forKey: AnyKey("fill")) }
    }
}

private struct AnnotationCoding: Encodable {
    let a: Annotation
    /// The x axis, which writes x values (dates on a time axis).
    let x: AxisCoding
    init(_ a: Annotation, x: AxisCoding) { self.a = a; self.x = x }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        func put<T: Encodable>(_ key: String, _ value: T?) throws { if let value { try c.encode(value, forKey: AnyKey(key)) } }
        switch a {
        case .text(let t):
            try put("type", "text")
            try put("x", x.value(t.x))
            try put(t.axis.rawValue, t.y)
            try put("text", t.text)
            try put("dx", t.dx)
            try put("dy", t.dy)
            try put("arrow", t.arrow)
            try put("color", t.color?.cssText)
        case .rule(let r):
            try put("type", "rule")
            if r.axis == .x { try put("x", x.value(r.value)) } else { try put(r.axis.rawValue, r.value) }
            try put("label", r.label)
            try put("color", r.color?.cssText)
            try put("dash", r.dash)
        case .range(let r):
            try put("type", "range")
            if r.axis == .x { try put("x", [x.value(r.lower), x.value(r.upper)]) } else { try put(r.axis.rawValue, [r.lower, r.upper]) }
            try put("label", r.label)
            try put("color", r.color?.cssText)
            try put("opacity", r.opacity)
        }
    }
}

extension JSONNode {
    /// Any JSON value from a `Decoder`, as the spec decoder's tree (without positions). Object
    /// members come in key order, so the first error is the same on every run.
    static func decodeAny(from decoder: any Decoder) throws -> JSONNode {
        if let c = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [JSONMember] = []
            for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(JSONMember(key: key.stringValue, keyLine: 0, keyColumn: 0,
                                          value: try decodeAny(from: try c.superDecoder(forKey: key))))
            }
            return JSONNode(.object(members), line: 0, column: 0)
        }
        if var u = try? decoder.unkeyedContainer() {
            var elements: [JSONNode] = []
            while !u.isAtEnd { elements.append(try decodeAny(from: try u.superDecoder())) }
            return JSONNode(.array(elements), line: 0, column: 0)
        }
        let v = try decoder.singleValueContainer()
        if v.decodeNil() { return JSONNode(.null, line: 0, column: 0) }
        if let b = try? v.decode(Bool.self) { return JSONNode(.bool(b), line: 0, column: 0) }
        if let d = try? v.decode(Double.self) { return JSONNode(.number(d, text: "\(d)"), line: 0, column: 0) }
        return JSONNode(.string(try v.decode(String.self)), line: 0, column: 0)
    }
}
