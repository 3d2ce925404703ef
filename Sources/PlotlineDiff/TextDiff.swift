/// Line-based unified diffs of text, for showing why an SVG or other text snapshot changed.
public enum TextDiff {
    /// Most output lines before the diff is cut short, so a wholly different file stays readable.
    static let maxOutputLines = 400
    /// Largest LCS table (lines × lines, after trimming the common prefix and suffix) computed exactly;
    /// beyond it the middle is shown as one replaced block.
    static let maxTableCells = 16_000_000

    /// A unified diff (`---`/`+++` headers, `@@` hunks) from `expected` to `actual`; nil when they are equal.
    ///
    /// Lines are compared byte for byte (UTF-8), not by Unicode canonical equivalence. The alignment
    /// is a longest common subsequence (dynamic programming, after trimming the common prefix and
    /// suffix). A missing final newline is reported as `\ No newline at end of file`, as diff(1) does.
    /// Output is capped at 400 lines.
    public static func unified(expected: String, actual: String, expectedName: String, actualName: String,
                               context: Int = 3) -> String? {
        if expected.utf8.elementsEqual(actual.utf8) { return nil }
        var ids: [Line: Int] = [:]
        let old = lines(expected), new = lines(actual)
        let a = old.map { line in intern(line, &ids) }
        let b = new.map { line in intern(line, &ids) }
        let ops = align(a, b)
        return render(ops, old: old, new: new, expectedName: expectedName, actualName: actualName,
                      context: max(context, 0))
    }

    /// One line's bytes, and whether the text ends there without a newline.
    struct Line: Hashable {
        var bytes: [UInt8]
        var missingNewline: Bool
    }

    enum Op: Equatable {
        case keep(Int, Int)  // indices into old and new
        case delete(Int)
        case insert(Int)
    }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                result.append(Line(bytes: current, missingNewline: false))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(Line(bytes: current, missingNewline: true)) }
        return result
    }

    static func intern(_ line: Line, _ ids: inout [Line: Int]) -> Int {
        if let id = ids[line] { return id }
        let id = ids.count
        ids[line] = id
        return id
    }

    /// Edit script turning `a` into `b`.
    static func align(_ a: [Int], _ b: [Int]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = (0..<prefix).map { .keep($0, $0) }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        if n > 0 && m > 0 && n.multipliedReportingOverflow(by: m).partialValue <= maxTableCells
            && !n.multipliedReportingOverflow(by: m).overflow {
            // lcs[i][j] = LCS length of a[prefix+i...] and b[prefix+j...], stored row-major.
            let w = m + 1
            var lcs = [Int32](repeating: 0, count: (n + 1) * w)
            lcs.withUnsafeMutableBufferPointer { t in
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        t[i * w + j] = a[prefix + i] == b[prefix + j]
                            ? t[(i + 1) * w + j + 1] + 1
                            : max(t[(i + 1) * w + j], t[i * w + j + 1])
                    }
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, a[prefix + i] == b[prefix + j] {
                    ops.append(.keep(prefix + i, prefix + j)); i += 1; j += 1
                } else if j < m, i == n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j] {
                    // Prefer deletions first within a change block: emit insertions only when they
                    // do not shorten the LCS, which yields "-old / +new" ordering.
                    if i < n, lcs[(i + 1) * w + j] == lcs[i * w + j] {
                        ops.append(.delete(prefix + i)); i += 1
                    } else {
                        ops.append(.insert(prefix + j)); j += 1
                    }
                } else {
                    ops.append(.delete(prefix + i)); i += 1
                }
            }
        } else {
            ops += (0..<n).map { .delete(prefix + $0) }
            ops += (0..<m).map { .insert(prefix + $0) }
        }
        ops += (0..<suffix).map { .keep(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
    }

    static func render(_ ops: [Op], old: [Line], new: [Line], expectedName: String, actualName: String,
                       context: Int) -> String {
        // Group changes into hunks: runs of changes separated by at most 2·context kept lines.
        var hunks: [Range<Int>] = []
        var index = 0
        while index < ops.count {
            guard case .keep = ops[index] else {
                var end = index
                var lastChange = index
                while end < ops.count {
                    if case .keep = ops[end] {
                        if end - lastChange > 2 * context { break }
                    } else {
                        lastChange = end
                    }
                    end += 1
                }
                let start = max(0, index - context)
                let stop = min(ops.count, lastChange + 1 + context)
                hunks.append(start..<stop)
                index = stop
                continue
            }
            index += 1
        }

        var out: [String] = ["--- \(expectedName)", "+++ \(actualName)"]
        var truncated = 0
        func text(_ line: Line) -> String { String(decoding: line.bytes, as: UTF8.self) }
        for hunk in hunks {
            var oldStart = 0, oldCount = 0, newStart = 0, newCount = 0
            var oldFirst: Int?, newFirst: Int?
            var body: [String] = []
            for op in ops[hunk] {
                switch op {
                case let .keep(i, j):
                    oldFirst = oldFirst ?? i; newFirst = newFirst ?? j
                    oldCount += 1; newCount += 1
                    body.append(" " + text(old[i]))
                    if old[i].missingNewline { body.append("\\ No newline at end of file") }
                case let .delete(i):
                    oldFirst = oldFirst ?? i
                    oldCount += 1
                    body.append("-" + text(old[i]))
                    if old[i].missingNewline { body.append("\\ No newline at end of file") }
                case let .insert(j):
                    newFirst = newFirst ?? j
                    newCount += 1
                    body.append("+" + text(new[j]))
                    if new[j].missingNewline { body.append("\\ No newline at end of file") }
                }
            }
            // Unified-diff convention: 1-based start; an empty range names the line before it.
            oldStart = oldCount == 0 ? positionBefore(ops, hunk, old: true) : (oldFirst ?? 0) + 1
            newStart = newCount == 0 ? positionBefore(ops, hunk, old: false) : (newFirst ?? 0) + 1
            let header = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"
            for line in [header] + body {
                if out.count < maxOutputLines { out.append(line) } else { truncated += 1 }
            }
        }
        if truncated > 0 { out.append("… \(truncated) more diff lines not shown") }
        return out.joined(separator: "\n") + "\n"
    }

    /// For an empty side of a hunk, the 1-based number of the last line before it (0 at file start).
    static func positionBefore(_ ops: [Op], _ hunk: Range<Int>, old: Bool) -> Int {
        var count = 0
        for op in ops[..<hunk.lowerBound] {
            switch op {
            case .keep: count += 1
            case .delete: if old { count += 1 }
            case .insert: if !old { count += 1 }
            }
        }
        return count
    }
}
