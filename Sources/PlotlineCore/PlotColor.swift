/// An sRGB colour with straight (not premultiplied) 8-bit channels.
public struct PlotColor: Sendable, Hashable {
    /// Red, 0–255.
    public var red: UInt8
    /// Green, 0–255.
    public var green: UInt8
    /// Blue, 0–255.
    public var blue: UInt8
    /// Opacity, 0 (transparent) to 255 (opaque).
    public var alpha: UInt8

    /// Creates a colour from its channels; opaque by default.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates an opaque colour from a 24-bit 0xRRGGBB value.
    public init(rgb: UInt32) {
        self.init(red: UInt8((rgb >> 16) & 0xFF), green: UInt8((rgb >> 8) & 0xFF), blue: UInt8(rgb & 0xFF))
    }

    /// Opaque white.
    public static let white = PlotColor(red: 255, green: 255, blue: 255)
    /// Opaque black.
    public static let black = PlotColor(red: 0, green: 0, blue: 0)
    /// Fully transparent black.
    public static let transparent = PlotColor(red: 0, green: 0, blue: 0, alpha: 0)

    /// Whether the colour is fully opaque.
    public var isOpaque: Bool { alpha == 255 }

    /// The colour with its opacity multiplied by `factor` (0…1).
    public func withOpacity(_ factor: Double) -> PlotColor {
        let f = Swift.min(Swift.max(factor, 0), 1)
        var c = self
        c.alpha = UInt8((Double(alpha) * f).rounded())
        return c
    }

    /// `#rrggbb`, lower case, ignoring alpha.
    public var hexRGB: String {
        let digits = Array("0123456789abcdef")
        var s = "#"
        for v in [red, green, blue] {
            s.append(digits[Int(v >> 4)])
            s.append(digits[Int(v & 0xF)])
        }
        return s
    }

    /// Parses a CSS colour: a named colour (case-insensitive), `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`,
    /// or `transparent`. Returns nil for anything else.
    public init?(css text: String) {
        let s = text.trimmingSpaces().lowercased()
        if s.hasPrefix("#") {
            let hex = Array(s.utf8.dropFirst())
            var nibbles: [UInt8] = []
            for ch in hex {
                switch ch {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibbles.append(ch - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibbles.append(ch - UInt8(ascii: "a") + 10)
                default: return nil
                }
            }
            switch nibbles.count {
            case 3, 4:
                let v = nibbles.map { $0 << 4 | $0 }
                self.init(red: v[0], green: v[1], blue: v[2], alpha: v.count == 4 ? v[3] : 255)
            case 6, 8:
                var v: [UInt8] = []
                for i in stride(from: 0, to: nibbles.count, by: 2) { v.append(nibbles[i] << 4 | nibbles[i + 1]) }
                self.init(red: v[0], green: v[1], blue: v[2], alpha: v.count == 4 ? v[3] : 255)
            default:
                return nil
            }
            return
        }
        if s == "transparent" {
            self = .transparent
            return
        }
        guard let rgb = PlotColor.namedColorValue(s) else { return nil }
        self.init(rgb: rgb)
    }

    /// The CSS colour name closest in spelling to `text`, for "did you mean" hints; nil when none is close.
    public static func suggestion(for text: String) -> String? {
        let s = text.trimmingSpaces().lowercased()
        // No colour name is longer than 20 letters; a long string cannot be a near miss, and
        // measuring it against every name would cost time proportional to its length.
        guard s.utf8.count <= 32 else { return nil }
        var best: (name: String, distance: Int)?
        for (name, _) in cssNamedColors {
            let d = editDistance(Array(s.utf8), Array(name.utf8))
            if d < (best?.distance ?? Int.max) { best = (name, d) }
        }
        guard let best, best.distance <= Swift.max(2, s.count / 4) else { return nil }
        return best.name
    }

    static func namedColorValue(_ name: String) -> UInt32? {
        // Binary search: the table is sorted by name.
        var lo = 0, hi = cssNamedColors.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let entry = cssNamedColors[mid]
            if entry.name == name { return entry.rgb }
            if entry.name < name { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}

/// Levenshtein distance, small inputs only.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
