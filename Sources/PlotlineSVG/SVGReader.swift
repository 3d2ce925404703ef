import PlotlineCore

/// Reads an SVG that ``SVGWriter`` wrote back into a ``PlotScene``, so two SVG renders can be
/// compared as a reader sees them (rasterized), not as text.
///
/// It understands exactly the writer's vocabulary: the root's size, `<title>` and `<desc>`, the
/// background `<rect>`, groups with a class and a `clip-path`, `<clipPath>` rectangles, paths
/// with `M L Q C Z` data and the writer's fill and stroke attributes, and `<text>` runs (returned
/// without glyph outlines: the caller sets them with its fonts). Colours come from the attributes,
/// which hold the light scheme of a two-scheme document. Anything else is an error, since it means
/// the file did not come from Plotline.
public enum SVGReader {
    /// Why a file could not be read.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong.
        public var description: String
    }

    /// The scene an SVG document describes.
    public static func read(_ text: String) throws(ReadError) -> PlotScene {
        var parser = Parser(bytes: Array(text.utf8))
        return try parser.document()
    }

    struct Element {
        var name: String
        var attributes: [(String, String)]
        var selfClosing: Bool
        func attribute(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }
    }

    struct Parser {
        let bytes: [UInt8]
        var pos = 0
        var clips: [String: Rect] = [:]

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document() throws(ReadError) -> PlotScene {
            guard let root = try nextElement(), root.name == "svg" else { throw ReadError(description: "not an SVG document") }
            let width = number(root.attribute("width")) ?? viewBox(root)?.width ?? 0
            let height = number(root.attribute("height")) ?? viewBox(root)?.height ?? 0
            var scene = PlotScene(width: width, height: height, background: .transparent, idPrefix: root.attribute("id") ?? "")
            scene.nodes = try children(until: "svg", scene: &scene)
            return scene
        }

        func viewBox(_ e: Element) -> Rect? {
            let parts = (e.attribute("viewBox") ?? "").split(separator: " ").compactMap { Double($0) }
            return parts.count == 4 ? Rect(x: parts[0], y: parts[1], width: parts[2], height: parts[3]) : nil
        }

        /// The nodes up to the closing tag of `end`.
        mutating func children(until end: String, scene: inout PlotScene) throws(ReadError) -> [SceneNode] {
            var nodes: [SceneNode] = []
            while true {
                skipText()
                guard pos < bytes.count else { throw ReadError(description: "unexpected end inside <\(end)>") }
                if startsWith("</") {
                    let name = try closingTag()
                    guard name == end else { throw ReadError(description: "</\(name)> closes <\(end)>") }
                    return nodes
                }
                guard let e = try nextElement() else { continue }
                switch e.name {
                case "title":
                    scene.title = try textContent(until: "title")
                case "desc":
                    scene.description = try textContent(until: "desc")
                case "style":
                    _ = try textContent(until: "style")
                case "clipPath":
                    let inner = try nextElement()
                    if let r = inner, r.name == "rect", let id = e.attribute("id") {
                        clips[id] = Rect(x: number(r.attribute("x")) ?? 0, y: number(r.attribute("y")) ?? 0,
                                         width: number(r.attribute("width")) ?? 0, height: number(r.attribute("height")) ?? 0)
                    }
                    skipText()
                    _ = try closingTag()
                case "rect":
                    // The writer's only stray rect is the background.
                    scene.background = paint(e, "fill") ?? .transparent
                    if !e.selfClosing { _ = try children(until: "rect", scene: &scene) }
                case "g":
                    var clip: Rect?
                    if let ref = e.attribute("clip-path"), ref.hasPrefix("url(#") {
                        clip = clips[String(ref.dropFirst(5).dropLast())]
                    }
                    let inner = e.selfClosing ? [] : try children(until: "g", scene: &scene)
                    nodes.append(.group(SceneGroup(role: .plain, clip: clip, nodes: inner)))
                case "path":
                    nodes.append(.path(try path(e)))
                    if !e.selfClosing { _ = try children(until: "path", scene: &scene) }
                case "text":
                    let content = try textContent(until: "text")
                    nodes.append(.text(text(e, content)))
                default:
                    throw ReadError(description: "<\(e.name)> is not an element Plotline writes")
                }
            }
        }

        func path(_ e: Element) throws(ReadError) -> ScenePath {
            let geometry = try pathData(e.attribute("d") ?? "")
            var fill: Fill?
            if let c = paint(e, "fill") { fill = Fill(color: c, rule: e.attribute("fill-rule") == "evenodd" ? .evenOdd : .nonZero) }
            var stroke: Stroke?
            if let c = paint(e, "stroke") {
                var s = Stroke(color: c, width: number(e.attribute("stroke-width")) ?? 1)
                s.cap = LineCap(rawValue: e.attribute("stroke-linecap") ?? "butt") ?? .butt
                s.join = LineJoin(rawValue: e.attribute("stroke-linejoin") ?? "miter") ?? .miter
                s.miterLimit = number(e.attribute("stroke-miterlimit")) ?? 4
                s.dash = (e.attribute("stroke-dasharray") ?? "").split(separator: " ").compactMap { Double($0) }
                s.dashOffset = number(e.attribute("stroke-dashoffset")) ?? 0
                stroke = s
            }
            return ScenePath(path: geometry, fill: fill, stroke: stroke)
        }

        func text(_ e: Element, _ content: String) -> SceneText {
            let origin = Point(number(e.attribute("x")) ?? 0, number(e.attribute("y")) ?? 0)
            var rotation = 0.0
            if let t = e.attribute("transform"), t.hasPrefix("rotate(") {
                rotation = Double(t.dropFirst(7).prefix { $0 != " " && $0 != ")" }) ?? 0
            }
            let family = (e.attribute("font-family") ?? "").split(separator: ",").first.map {
                String($0).filter { $0 != "'" && $0 != "\"" }.trimmingSpaces()
            } ?? ""
            return SceneText(text: content, origin: origin, anchor: TextAnchor(rawValue: e.attribute("text-anchor") ?? "start") ?? .start,
                             rotation: rotation,
                             font: FontDescriptor(family: family, size: number(e.attribute("font-size")) ?? 12, bold: e.attribute("font-weight") == "bold"),
                             color: paint(e, "fill") ?? .black, glyphs: PlotPath())
        }

        /// A paint attribute with its opacity; nil for none.
        func paint(_ e: Element, _ name: String) -> PlotColor? {
            guard let value = e.attribute(name), value != "none", var c = PlotColor(css: value) else { return nil }
            if let o = number(e.attribute(name + "-opacity")) { c = c.withOpacity(o) }
            return c
        }

        func number(_ s: String?) -> Double? { s.flatMap { Double($0) } }

        func pathData(_ d: String) throws(ReadError) -> PlotPath {
            var path = PlotPath()
            var tokens = d.split(separator: " ")[...]
            func next() throws(ReadError) -> Double {
                guard let t = tokens.popFirst(), let v = Double(t) else { throw ReadError(description: "malformed path data") }
                return v
            }
            while let token = tokens.popFirst() {
                guard let command = token.first else { continue }
                // The writer glues a command to its first number: "M12 3".
                let rest = token.dropFirst()
                if !rest.isEmpty { tokens.insert(rest, at: tokens.startIndex) }
                switch command {
                case "M": path.move(to: Point(try next(), try next()))
                case "L": path.line(to: Point(try next(), try next()))
                case "Q":
                    let c = Point(try next(), try next())
                    path.quad(control: c, to: Point(try next(), try next()))
                case "C":
                    let c1 = Point(try next(), try next()), c2 = Point(try next(), try next())
                    path.cubic(control1: c1, control2: c2, to: Point(try next(), try next()))
                case "Z": path.close()
                default: throw ReadError(description: "path command \(command) is not one Plotline writes")
                }
            }
            return path
        }

        // MARK: XML

        func startsWith(_ s: String) -> Bool {
            let b = Array(s.utf8)
            return pos + b.count <= bytes.count && Array(bytes[pos..<(pos + b.count)]) == b
        }

        mutating func skipText() {
            while pos < bytes.count, bytes[pos] != UInt8(ascii: "<") { pos += 1 }
        }

        /// The next start tag (after any text), or nil at a closing tag.
        mutating func nextElement() throws(ReadError) -> Element? {
            skipText()
            guard pos < bytes.count else { return nil }
            if startsWith("</") { return nil }
            pos += 1
            let name = readName()
            var attributes: [(String, String)] = []
            while true {
                while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x09 { pos += 1 }
                guard pos < bytes.count else { throw ReadError(description: "unterminated <\(name)>") }
                if bytes[pos] == UInt8(ascii: "/") { pos += 2; return Element(name: name, attributes: attributes, selfClosing: true) }
                if bytes[pos] == UInt8(ascii: ">") { pos += 1; return Element(name: name, attributes: attributes, selfClosing: false) }
                let key = readName()
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "="), bytes[pos + 1] == UInt8(ascii: "\"") else {
                    throw ReadError(description: "malformed attribute \(key) in <\(name)>")
                }
                pos += 2
                let start = pos
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\"") { pos += 1 }
                attributes.append((key, unescape(String(decoding: bytes[start..<pos], as: UTF8.self))))
                pos += 1
            }
        }

        mutating func readName() -> String {
            let start = pos
            while pos < bytes.count, ![0x20, 0x0A, 0x09, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(bytes[pos]) { pos += 1 }
            return String(decoding: bytes[start..<pos], as: UTF8.self)
        }

        mutating func closingTag() throws(ReadError) -> String {
            guard startsWith("</") else { throw ReadError(description: "expected a closing tag") }
            pos += 2
            let name = readName()
            while pos < bytes.count, bytes[pos] != UInt8(ascii: ">") { pos += 1 }
            pos += 1
            return name
        }

        /// The character data up to `</name>`, unescaped.
        mutating func textContent(until name: String) throws(ReadError) -> String {
            let start = pos
            while pos < bytes.count, !startsWith("</" + name) { pos += 1 }
            guard pos < bytes.count else { throw ReadError(description: "unterminated <\(name)>") }
            let content = String(decoding: bytes[start..<pos], as: UTF8.self)
            _ = try closingTag()
            return unescape(content)
        }

        func unescape(_ s: String) -> String {
            guard s.contains("&") else { return s }
            var out = ""
            var rest = Substring(s)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
                let entity = rest[rest.index(after: amp)..<semi]
                switch entity {
                case "amp": out += "&"
                case "lt": out += "<"
                case "gt": out += ">"
                case "quot": out += "\""
                case "apos": out += "'"
                default:
                    if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) {
                        out.unicodeScalars.append(u)
                    } else {
                        out += "&" + entity + ";"
                    }
                }
                rest = rest[rest.index(after: semi)...]
            }
            return out + rest
        }
    }
}

extension String {
    /// Without leading and trailing spaces.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " }), let end = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[start...end])
    }
}
