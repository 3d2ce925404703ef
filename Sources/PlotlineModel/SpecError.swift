import PlotlineCore
/// A problem with a chart spec or its data, pointing at the file, the position and the key path.
///
/// `description` is always one line, in the `file:line:column: keyPath: message` shape that
/// editors and CI logs turn into links; missing parts are left out.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec or CSV file, as given by the caller.
    public var file: String
    /// The 1-based line of the offending value, when known.
    public var line: Int?
    /// The 1-based column of the offending value, when known (CSV errors have none).
    public var column: Int?
    /// The key path of the offending value (`series[0].color`), empty when it concerns the whole file.
    public var keyPath: String
    /// What went wrong and, when possible, how to fix it.
    public var message: String

    /// Creates an error.
    /// Lines and columns below 1 mean "not known" (values decoded from a `Decoder` have none).
    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String = "", message: String) {
        self.file = file
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = self.line == nil ? nil : column.flatMap { $0 > 0 ? $0 : nil }
        self.keyPath = keyPath
        self.message = message
    }

    /// `Templates/x.json:5:14: series[0].color: "lightcorral" is not a colour; did you mean "lightcoral"?`
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var parts: [String] = []
        if !location.isEmpty { parts.append(location) }
        if !keyPath.isEmpty { parts.append(keyPath) }
        parts.append(message)
        // Messages quote user text through `quoted`, which escapes line breaks; this is the last
        // guard so that a file name or key can never split the one-line report.
        return SafeText.line(oneLine(parts.joined(separator: ": ")))
    }
}

/// User text in double quotes with quotes, backslashes and control characters escaped, shortened
/// when long, so that it fits on one line of a message.
func quoted(_ text: String, limit: Int = 80) -> String {
    SafeText.quoted(text, limit: limit)
}

/// Replaces line breaks so the text stays on one line.
func oneLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
        return text
    }
    var s = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": s += "\\n"
        case "\r": s += "\\r"
        case "\u{2028}", "\u{2029}": s += " "
        default: s.unicodeScalars.append(scalar)
        }
    }
    return s
}

/// Levenshtein distance over Unicode scalars, compared case-insensitively; inputs are keys,
/// column names and kinds, so quadratic time is fine, but long inputs are cut to keep it so.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars.prefix(64))
    let y = Array(b.lowercased().unicodeScalars.prefix(64))
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}

/// The candidate closest in spelling to `text`, if it is close enough to be a likely typo.
/// Ties go to the earlier candidate, so the answer is deterministic.
func closestMatch(to text: String, in candidates: [String]) -> String? {
    // No key, column or kind worth suggesting is this long, and the distance costs time per character.
    guard text.unicodeScalars.count <= 64 else { return nil }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(text, candidate)
        if d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    if let best {
        let length = max(text.unicodeScalars.count, best.name.unicodeScalars.count)
        if best.distance <= max(2, length / 3), best.distance < length { return best.name }
    }
    // A truncated name ("mmlu" for "mmlu_pro") is far in edit distance but still a likely slip.
    let lowered = text.lowercased()
    guard lowered.unicodeScalars.count >= 3 else { return nil }
    return candidates.first { $0.lowercased().hasPrefix(lowered) }
}

/// `a, b and c` — for lists of allowed values in messages.
func listing(_ items: [String]) -> String {
    switch items.count {
    case 0: return "(none)"
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}

/// "a" or "an" before a kind's name: "an area series", "a bar series".
func article(_ word: String) -> String {
    word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
}
