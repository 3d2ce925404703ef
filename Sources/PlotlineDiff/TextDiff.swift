/// Line-based unified diffs of text, for showing why an SVG or other text snapshot changed.
public enum TextDiff {
    /// Most output lines before the diff is cut short, so a wholly different file stays readable.
    static let maxOutputLines = 400

    /// A unified diff (`---`/`+++` headers, `@@` hunks) from `expected` to `actual`; nil when they are equal.
    ///
    /// Lines are compared byte for byte (UTF-8), not by Unicode canonical equivalence. The alignment
    /// is a shortest edit script (Myers' O(ND) algorithm), so unchanged lines are kept wherever
    /// possible. A missing final newline is reported as `\ No newline at end of file`, as diff(1) does.
    /// Output is capped at 400 lines.
    public static func unified(expected: String, actual: String, expectedName: String, actualName: String,
                               context: Int = 3) -> String? {
        compare(expected: expected, actual: actual, expectedName: expectedName, actualName: actualName, context: context)?.text
    }

    /// A unified diff and the size of the whole change, which the capped text may not show.
    public struct Result: Sendable, Equatable {
        /// The unified diff, at most 400 lines and a last line saying how many more there are.
        public var text: String
        /// Lines deleted plus lines inserted, over the whole diff.
        public var changedLines: Int
    }

    /// ``unified(expected:actual:expectedName:actualName:context:)`` with the count of changed
    /// lines; nil when the texts are equal.
    ///
    /// Memory is the two texts plus a few words per line: lines are slices of the texts, and
    /// the output stops being built at its cap (the rest is only counted).
    public static func compare(expected: String, actual: String, expectedName: String, actualName: String,
                               context: Int = 3) -> Result? {
        compare(expected: Array(expected.utf8), actual: Array(actual.utf8), expectedName: expectedName,
                actualName: actualName, context: context)
    }

    /// ``compare(expected:actual:expectedName:actualName:context:)`` on UTF-8 bytes, as read from files.
    public static func compare(expected: [UInt8], actual: [UInt8], expectedName: String, actualName: String,
                               context: Int = 3) -> Result? {
        if expected == actual { return nil }
        let old = lines(expected), new = lines(actual)
        // Lines are compared by a 64-bit hash of their bytes (FNV-1a), which needs no table of
        // lines; two different lines would have to collide to be taken as equal, one chance in
        // about 2^64 per pair, and the files are already known to differ.
        let a = old.map(hash), b = new.map(hash)
        let ops = align(a, b)
        let changed = ops.reduce(0) { count, op in if case .keep = op { count } else { count + 1 } }
        let text = render(ops, old: old, new: new, expectedName: expectedName, actualName: actualName,
                          context: max(context, 0))
        return Result(text: text, changedLines: changed)
    }

    /// FNV-1a over a line's bytes and its final-newline flag.
    static func hash(_ line: Line) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in line.bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        if line.missingNewline { h = (h ^ 0x100) &* 0x0000_0100_0000_01b3 }
        return Int(bitPattern: UInt(h))
    }

    /// One line's bytes (a slice of the whole text, not a copy), and whether the text ends there
    /// without a newline.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var missingNewline: Bool
    }

    enum Op: Equatable {
        case keep(Int, Int)  // indices into old and new
        case delete(Int)
        case insert(Int)
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(Line(bytes: bytes[start..<i], missingNewline: false))
            start = i + 1
        }
        if start < bytes.count { result.append(Line(bytes: bytes[start...], missingNewline: true)) }
        return result
    }


    /// Edit script turning `a` into `b`: common prefix and suffix trimmed, then Myers' greedy
    /// O((N+M)·D) shortest-edit-script algorithm ("An O(ND) Difference Algorithm and Its
    /// Variations", E. Myers, 1986) on the middle. The trace of diagonals needs O(D²) memory, so
    /// beyond `maxEditDistance` the middle is reported as one replaced block instead.
    static func align(_ a: [Int], _ b: [Int]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Op] = (0..<prefix).map { .keep($0, $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)]), middleB = Array(b[prefix..<(b.count - suffix)])
        if let middle = myers(middleA, middleB) {
            ops += middle.map { op in
                switch op {
                case let .keep(i, j): .keep(prefix + i, prefix + j)
                case let .delete(i): .delete(prefix + i)
                case let .insert(j): .insert(prefix + j)
                }
            }
        } else {
            ops += (0..<middleA.count).map { .delete(prefix + $0) }
            ops += (0..<middleB.count).map { .insert(prefix + $0) }
        }
        ops += (0..<suffix).map { .keep(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
    }

    /// Largest edit distance (inserted + deleted lines) Myers' algorithm is run to; its trace takes
    /// (D+1)² entries, 16 MB at this bound.
    static let maxEditDistance = 2000

    /// Myers' forward greedy algorithm with a stored trace for backtracking; nil when the edit
    /// distance exceeds `maxEditDistance`.
    static func myers(_ a: [Int], _ b: [Int]) -> [Op]? {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let maxD = min(n + m, maxEditDistance)
        // v[k + offset] = furthest x reached on diagonal k = x − y.
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        // trace[d² + (k + d)] = v[k] after round d, for k in −d...d.
        var trace: [Int32] = []
        var found: Int?
        search: for d in 0...maxD {
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]  // step down: insert b[y]
                } else {
                    x = v[offset + k - 1] + 1  // step right: delete a[x]
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = d
                    for kk in -d...d { trace.append(Int32(v[offset + kk])) }
                    break search
                }
            }
            for kk in -d...d { trace.append(Int32(v[offset + kk])) }
        }
        guard let distance = found else { return nil }

        var reversed: [Op] = []
        var x = n, y = m
        var d = distance
        while d > 0 {
            let k = x - y
            func previous(_ kk: Int) -> Int { Int(trace[(d - 1) * (d - 1) + kk + (d - 1)]) }
            let prevK = (k == -d || (k != d && previous(k - 1) < previous(k + 1))) ? k + 1 : k - 1
            let prevX = previous(prevK), prevY = prevX - prevK
            while x > prevX, y > prevY {
                reversed.append(.keep(x - 1, y - 1)); x -= 1; y -= 1
            }
            if x == prevX {
                reversed.append(.insert(prevY))
            } else {
                reversed.append(.delete(prevX))
            }
            x = prevX; y = prevY
            d -= 1
        }
        while x > 0, y > 0 { reversed.append(.keep(x - 1, y - 1)); x -= 1; y -= 1 }
        return reversed.reversed()
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
        // Lines of each side before the current hunk, counted as the hunks go: no rescans.
        var counted = 0, oldBefore = 0, newBefore = 0
        for hunk in hunks {
            for op in ops[counted..<hunk.lowerBound] {
                switch op {
                case .keep: oldBefore += 1; newBefore += 1
                case .delete: oldBefore += 1
                case .insert: newBefore += 1
                }
            }
            counted = hunk.lowerBound
            var oldCount = 0, newCount = 0, notes = 0
            var oldFirst: Int?, newFirst: Int?
            for op in ops[hunk] {
                switch op {
                case let .keep(i, j):
                    oldFirst = oldFirst ?? i; newFirst = newFirst ?? j
                    oldCount += 1; newCount += 1
                    if old[i].missingNewline { notes += 1 }
                case let .delete(i):
                    oldFirst = oldFirst ?? i
                    oldCount += 1
                    if old[i].missingNewline { notes += 1 }
                case let .insert(j):
                    newFirst = newFirst ?? j
                    newCount += 1
                    if new[j].missingNewline { notes += 1 }
                }
            }
            // Past the cap, a hunk is only counted: its lines are never made into strings.
            guard out.count < maxOutputLines else {
                truncated += 1 + hunk.count + notes
                continue
            }
            // Unified-diff convention: 1-based start; an empty range names the line before it.
            let oldStart = oldCount == 0 ? oldBefore : (oldFirst ?? 0) + 1
            let newStart = newCount == 0 ? newBefore : (newFirst ?? 0) + 1
            var body = ["@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"]
            for op in ops[hunk] {
                let (mark, line): (String, Line) = switch op {
                case let .keep(i, _): (" ", old[i])
                case let .delete(i): ("-", old[i])
                case let .insert(j): ("+", new[j])
                }
                body.append(mark + text(line))
                if line.missingNewline { body.append("\\ No newline at end of file") }
            }
            for line in body {
                if out.count < maxOutputLines { out.append(line) } else { truncated += 1 }
            }
        }
        if truncated > 0 { out.append("… \(truncated) more diff lines not shown") }
        return out.joined(separator: "\n") + "\n"
    }
}
