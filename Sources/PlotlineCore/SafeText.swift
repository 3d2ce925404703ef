/// Text from files and specs made safe to print on a terminal, on one line, at a bounded length.
///
/// Messages quote file names, keys, column names and cell values, any of which may hold escape
/// sequences (`ESC [31m`), bidirectional overrides that reorder what the reader sees, line breaks
/// that forge a second message, or megabytes of text. Every message passes through here last.
public enum SafeText {
    /// The longest message printed, in Unicode scalars; longer ones lose their middle.
    public static let maximumMessageLength = 600

    /// Whether a scalar must be shown escaped: C0 and C1 controls, DEL, the line and paragraph
    /// separators, and the bidirectional embeddings, overrides and isolates (Unicode TR 9).
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C || v == 0xFEFF
    }

    /// `\u{1b}`-style escape for one scalar.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{\(String(scalar.value, radix: 16))}"
        }
    }

    /// `text` in double quotes, with quotes, backslashes and unsafe scalars escaped and at most
    /// `limit` scalars kept (then "…").
    public static func quoted(_ text: String, limit: Int = 80) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            if scalar == "\"" || scalar == "\\" {
                out += "\\" + String(scalar)
            } else if mustEscape(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` with every unsafe scalar escaped and nothing else changed (no quotes, no cut).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mustEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if mustEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A whole message made printable: unsafe scalars escaped (backslashes and quotes are left
    /// alone, since the message's own quoting used them), and the middle cut when it is longer
    /// than `limit` scalars.
    public static func line(_ text: String, limit requested: Int = maximumMessageLength) -> String {
        let limit = max(requested, 8)
        let escaped = self.escaped(text)
        guard escaped.unicodeScalars.count > limit else { return escaped }
        let out = Array(escaped.unicodeScalars)
        // Keep the start (file, line, key path) and the end (what is wrong), cut the middle.
        let head = limit * 2 / 3, tail = limit - head - 1
        var result = String.UnicodeScalarView()
        result.append(contentsOf: out[..<head])
        result.append("…")
        result.append(contentsOf: out[(out.count - tail)...])
        return String(result)
    }
}
