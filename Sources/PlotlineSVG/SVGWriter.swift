import PlotlineCore

/// Writes a ``PlotScene`` as standalone SVG text.
///
/// The writer only walks the PlotScene: it knows nothing of data, axes or charts. Output is
/// deterministic: numbers are printed from integers after rounding, ids are the PlotScene's prefix
/// plus a counter, and nothing unordered is iterated.
public struct SVGWriter: Sendable {
    /// How text runs are written.
    public enum TextMode: String, Sendable, CaseIterable {
        /// As `<text>` elements: small, selectable and searchable; needs the font where it is shown.
        case text
        /// As filled outline paths: looks the same everywhere, which serves pixel comparison.
        case paths
    }

    /// How text runs are written; `.text` by default.
    public var textMode: TextMode
    /// Whether the root element carries `width` and `height` as well as `viewBox`; true by default.
    /// Without them the SVG scales to its container.
    public var includeSize: Bool

    /// Creates a writer.
    public init(textMode: TextMode = .text, includeSize: Bool = true) {
        self.textMode = textMode
        self.includeSize = includeSize
    }

    /// The SVG document for `scene`, ending in a newline.
    ///
    /// When the PlotScene's `idPrefix` is empty, ids start with `plotline-` and a hash of the document
    /// itself: the same chart always gets the same ids, and different charts inlined in one page
    /// do not clash.
    ///
    /// With a `dark` twin (the same chart laid out in a dark theme, differing in colour only), the
    /// document follows the reader's colour scheme: every colour that differs between the two is
    /// a CSS custom property, set for light on the root element and for dark in a
    /// `prefers-color-scheme: dark` rule, with the light colour kept in the attribute for renderers
    /// without CSS variables.
    public func write(_ scene: PlotScene, dark: PlotScene? = nil) -> String {
        guard scene.idPrefix.isEmpty else {
            var out = SVGOutput(prefix: SVGWriter.sanitizedID(scene.idPrefix), textMode: textMode)
            out.document(scene, dark: dark, includeSize: includeSize)
            return out.text
        }
        // U+0001 cannot survive escaping, so it marks exactly the places the prefix goes.
        let marker: Character = "\u{1}"
        var out = SVGOutput(prefix: String(marker), textMode: textMode)
        out.document(scene, dark: dark, includeSize: includeSize)
        let prefix = "plotline-" + SVGWriter.hashHex(out.text)
        return out.text.split(separator: marker, omittingEmptySubsequences: false).joined(separator: prefix)
    }

    /// The first 8 hex digits of the 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    static func hashHex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let digits = Array("0123456789abcdef")
        var s = ""
        for shift in stride(from: 60, through: 32, by: -4) { s.append(digits[Int((h >> UInt64(shift)) & 0xF)]) }
        return s
    }

    /// The id prefix made safe for XML ids and CSS selectors: letters, digits, `-` and `_`, starting with a letter.
    public static func sanitizedID(_ s: String) -> String {
        var r = String(s.unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }.map(Character.init))
        if r.first.map({ !$0.isLetter }) ?? true { r = "p" + r }
        return r
    }
}

/// The text being built, with the clip counter and the colour variables of a two-scheme document.
struct SVGOutput {
    let prefix: String
    let textMode: SVGWriter.TextMode
    var text = ""
    var clipCount = 0
    /// Light and dark colour pairs that became variables, in first-use order (the CSS lists them so).
    var variables: [(light: PlotColor, dark: PlotColor)] = []
    /// The index of each pair in `variables`, for lookup only.
    var variableIndex: [ColorPair: Int] = [:]

    /// A light and a dark colour, as a dictionary key.
    struct ColorPair: Hashable {
        var light: PlotColor
        var dark: PlotColor
    }

    init(prefix: String, textMode: SVGWriter.TextMode) {
        self.prefix = prefix
        self.textMode = textMode
        text.reserveCapacity(64 * 1024)
    }

    mutating func document(_ scene: PlotScene, dark: PlotScene?, includeSize: Bool) {
        let w = SVGNumber.format(scene.width), h = SVGNumber.format(scene.height)
        // The body first: the colour variables it uses go in a style sheet before it.
        var body = ""
        swap(&body, &text)
        if scene.background.alpha > 0 || (dark?.background.alpha ?? 0) > 0 {
            let paint = paint("fill", scene.background, dark: dark?.background)
            text += "<rect class=\"background\" width=\"\(w)\" height=\"\(h)\"\(paint.attributes)\(SVGOutput.style(paint.style))/>\n"
        }
        let darkNodes = dark?.nodes ?? []
        for (i, node) in scene.nodes.enumerated() { self.node(node, dark: darkNodes.indices.contains(i) ? darkNodes[i] : nil, depth: 0) }
        swap(&body, &text)

        text += "<svg xmlns=\"http://www.w3.org/2000/svg\""
        if includeSize { text += " width=\"\(w)\" height=\"\(h)\"" }
        text += " viewBox=\"0 0 \(w) \(h)\" id=\"\(prefix)\" class=\"plotline\" role=\"img\""
        text += " aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\">\n"
        let title = scene.title.isEmpty ? "Chart" : scene.title
        text += "<title id=\"\(prefix)-title\">\(SVGEscape.text(title))</title>\n"
        text += "<desc id=\"\(prefix)-desc\">\(SVGEscape.text(scene.description))</desc>\n"
        if !variables.isEmpty { text += styleSheet() }
        text += body
        text += "</svg>\n"
    }

    /// The light values on the root element, the dark ones where the reader prefers dark.
    func styleSheet() -> String {
        func declarations(_ pick: ((light: PlotColor, dark: PlotColor)) -> PlotColor) -> String {
            variables.enumerated().map { i, pair in
                let c = pick(pair)
                var d = "--c\(i):\(c.hexRGB);"
                if pair.light.alpha < 255 || pair.dark.alpha < 255 { d += "--c\(i)a:\(SVGNumber.format(Double(c.alpha) / 255, decimals: 4));" }
                return d
            }.joined()
        }
        return "<style>#\(prefix){color-scheme:light dark;\(declarations(\.light))}"
            + "@media (prefers-color-scheme: dark){#\(prefix){\(declarations(\.dark))}}</style>\n"
    }

    mutating func node(_ node: SceneNode, dark: SceneNode?, depth: Int) {
        switch node {
        case .path(let p):
            if case .path(let d)? = dark { path(p, dark: d, depth: depth) } else { path(p, dark: nil, depth: depth) }
        case .text(let t):
            if case .text(let d)? = dark { textRun(t, dark: d, depth: depth) } else { textRun(t, dark: nil, depth: depth) }
        case .group(let g):
            if case .group(let d)? = dark { group(g, dark: d, depth: depth) } else { group(g, dark: nil, depth: depth) }
        }
    }

    mutating func indent(_ depth: Int) {
        text += String(repeating: " ", count: depth)
    }

    mutating func group(_ g: SceneGroup, dark: SceneGroup?, depth: Int) {
        indent(depth)
        if let clip = g.clip {
            let id = "\(prefix)-clip-\(clipCount)"
            clipCount += 1
            text += "<clipPath id=\"\(id)\"><rect x=\"\(SVGNumber.format(clip.x))\" y=\"\(SVGNumber.format(clip.y))\""
            text += " width=\"\(SVGNumber.format(clip.width))\" height=\"\(SVGNumber.format(clip.height))\"/></clipPath>\n"
            indent(depth)
            text += "<g\(SVGOutput.classAttribute(g.role)) clip-path=\"url(#\(id))\">\n"
        } else {
            text += "<g\(SVGOutput.classAttribute(g.role))>\n"
        }
        let darkNodes = dark?.nodes ?? []
        for (i, child) in g.nodes.enumerated() { node(child, dark: darkNodes.indices.contains(i) ? darkNodes[i] : nil, depth: depth + 1) }
        indent(depth)
        text += "</g>\n"
    }

    /// The CSS classes a report's stylesheet can select a group by; documented in the README.
    static func classAttribute(_ role: SceneRole) -> String {
        let name: String = switch role {
        case .plain: ""
        case .grid: "grid"
        case .data: "data"
        case .series(let i): "series series-\(i)"
        case .errorBars: "error-bars"
        case .zeroLine: "zero-line"
        case .annotations: "annotations"
        case .axisX: "axis axis-x"
        case .axisY: "axis axis-y"
        case .axisY2: "axis axis-y2"
        case .title: "title"
        case .legend: "legend"
        }
        return name.isEmpty ? "" : " class=\"\(name)\""
    }

    /// ` style="…"` from the declarations, or nothing.
    static func style(_ declarations: [String]) -> String {
        declarations.isEmpty ? "" : " style=\"\(declarations.joined(separator: ";"))\""
    }

    mutating func path(_ p: ScenePath, dark: ScenePath?, depth: Int) {
        guard !p.path.isEmpty, p.fill != nil || p.stroke != nil else { return }
        indent(depth)
        text += "<path d=\"\(SVGPathData.string(p.path))\""
        var style: [String] = []
        if let fill = p.fill {
            let paint = paint("fill", fill.color, dark: dark?.fill?.color)
            text += paint.attributes
            style += paint.style
            if fill.rule == .evenOdd { text += " fill-rule=\"evenodd\"" }
        } else {
            text += " fill=\"none\""
        }
        if let s = p.stroke {
            let paint = paint("stroke", s.color, dark: dark?.stroke?.color)
            text += paint.attributes
            style += paint.style
            text += " stroke-width=\"\(SVGNumber.format(s.width))\""
            if s.cap != .butt { text += " stroke-linecap=\"\(s.cap.rawValue)\"" }
            if s.join != .miter { text += " stroke-linejoin=\"\(s.join.rawValue)\"" }
            if s.join == .miter, s.miterLimit != 4 { text += " stroke-miterlimit=\"\(SVGNumber.format(s.miterLimit))\"" }
            if !s.dash.isEmpty {
                text += " stroke-dasharray=\"\(s.dash.map { SVGNumber.format($0) }.joined(separator: " "))\""
                if s.dashOffset != 0 { text += " stroke-dashoffset=\"\(SVGNumber.format(s.dashOffset))\"" }
            }
        }
        text += SVGOutput.style(style) + "/>\n"
    }

    mutating func textRun(_ t: SceneText, dark: SceneText?, depth: Int) {
        indent(depth)
        let paint = paint("fill", t.color, dark: dark?.color)
        switch textMode {
        case .paths:
            guard !t.glyphs.isEmpty else {
                text += "<g aria-label=\"\(SVGEscape.attribute(t.text))\"/>\n"
                return
            }
            // aria-label keeps the words available to assistive technology when glyphs are shapes.
            text += "<path aria-label=\"\(SVGEscape.attribute(t.text))\" d=\"\(SVGPathData.string(t.glyphs))\""
            text += paint.attributes + SVGOutput.style(paint.style) + "/>\n"
        case .text:
            let x = SVGNumber.format(t.origin.x), y = SVGNumber.format(t.origin.y)
            text += "<text x=\"\(x)\" y=\"\(y)\""
            if t.anchor != .start { text += " text-anchor=\"\(t.anchor.rawValue)\"" }
            if t.rotation != 0 { text += " transform=\"rotate(\(SVGNumber.format(t.rotation)) \(x) \(y))\"" }
            text += " font-family=\"\(SVGOutput.fontFamily(t.font.family))\""
            text += " font-size=\"\(SVGNumber.format(t.font.size))\""
            if t.font.bold { text += " font-weight=\"bold\"" }
            text += paint.attributes + SVGOutput.style(paint.style)
            text += ">\(SVGEscape.text(t.text))</text>\n"
        }
    }

    /// A CSS font-family list: the family as a quoted CSS string (quotes and backslashes dropped, so
    /// any name stays one valid string), then the generic `sans-serif` as a fallback.
    static func fontFamily(_ family: String) -> String {
        let clean = family.filter { $0 != "'" && $0 != "\"" && $0 != "\\" }
        return clean.isEmpty ? "sans-serif" : "'\(SVGEscape.attribute(clean))', sans-serif"
    }

    /// ` fill="#rrggbb"` plus an opacity attribute when the colour is not opaque; when a dark twin
    /// has another colour, also style declarations that take it from a variable, so the colour
    /// scheme decides (the attributes stay as the fallback for renderers without CSS variables).
    mutating func paint(_ name: String, _ c: PlotColor, dark: PlotColor? = nil) -> (attributes: String, style: [String]) {
        var s = " \(name)=\"\(c.hexRGB)\""
        if c.alpha < 255 { s += " \(name)-opacity=\"\(SVGNumber.format(Double(c.alpha) / 255, decimals: 4))\"" }
        guard let dark, dark != c else { return (s, []) }
        let pair = ColorPair(light: c, dark: dark)
        let index: Int
        if let known = variableIndex[pair] {
            index = known
        } else {
            index = variables.count
            variables.append((c, dark))
            variableIndex[pair] = index
        }
        var style = ["\(name):var(--c\(index))"]
        if c.alpha < 255 || dark.alpha < 255 { style.append("\(name)-opacity:var(--c\(index)a)") }
        return (s, style)
    }
}

/// Deterministic number formatting for SVG attributes.
enum SVGNumber {
    /// `v` rounded to `decimals` places with trailing zeros dropped; non-finite values become 0,
    /// because SVG has no spelling for them and a broken attribute would hide the whole element.
    static func format(_ v: Double, decimals: Int = 3) -> String {
        guard v.isFinite else { return "0" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (v * factor).rounded()
        // Beyond 2^53 the integer path loses nothing but cannot be converted safely: print the double.
        guard abs(scaled) < 9.0e15, let n = Int64(exactly: scaled) else { return "\(v)" }
        if n == 0 { return "0" }
        let negative = n < 0
        let magnitude = n.magnitude
        let unit = UInt64(factor)
        let whole = magnitude / unit
        var frac = magnitude % unit
        var s = negative ? "-" : ""
        s += String(whole)
        if frac != 0 {
            var digits = decimals
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }
}

/// SVG path data (`d` attribute) from a ``PlotPath``, in absolute commands.
enum SVGPathData {
    static func string(_ path: PlotPath) -> String {
        var s = ""
        s.reserveCapacity(path.elements.count * 16)
        func pt(_ p: Point) -> String { SVGNumber.format(p.x) + " " + SVGNumber.format(p.y) }
        for e in path.elements {
            if !s.isEmpty { s += " " }
            switch e {
            case .move(let p): s += "M" + pt(p)
            case .line(let p): s += "L" + pt(p)
            case .quad(let c, let p): s += "Q" + pt(c) + " " + pt(p)
            case .cubic(let c1, let c2, let p): s += "C" + pt(c1) + " " + pt(c2) + " " + pt(p)
            case .close: s += "Z"
            }
        }
        return s
    }
}

/// XML escaping for text content and attribute values.
enum SVGEscape {
    /// Character data: `&`, `<` and `>` escaped; characters XML 1.0 forbids replaced by U+FFFD.
    static func text(_ s: String) -> String { escape(s, quotes: false) }

    /// An attribute value in double quotes: also escapes quotes and keeps newlines and tabs as references.
    static func attribute(_ s: String) -> String { escape(s, quotes: true) }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"" where quotes: r += "&quot;"
            case "'" where quotes: r += "&apos;"
            case "\n" where quotes: r += "&#10;"
            case "\t" where quotes: r += "&#9;"
            case "\r": r += "&#13;"
            case "\t", "\n": r.unicodeScalars.append(u)
            default:
                let v = u.value
                // XML 1.0 allows no other C0 controls, nor U+FFFE/U+FFFF.
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    r += "\u{FFFD}"
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r
    }
}
