import PlotlineCore

/// Turns a stroke into a fill path, so the renderer has a single filler.
///
/// Curves are flattened first, then dashed, then stroked. The outline is not one offset contour but
/// a union of small convex pieces — one quadrilateral per segment, one wedge per join on the outer
/// side of the turn, one piece per cap — and every piece is emitted with the same orientation. Filled
/// non-zero, overlaps then only ever add winding, so a polyline crossing itself has no hole where it
/// crosses, and inner corners need no special casing.
///
/// Pieces of one polyline only abut (they share edges exactly), so their coverage is exact. Where
/// pieces truly overlap — a polyline crossing itself, or round/square caps of neighbouring dashes
/// when the gap is shorter than the width — the exact-area filler adds the overlapping areas within
/// an edge pixel and clamps at 1, so such edge pixels can come out slightly darker than the true
/// union; interiors are unaffected.
public enum Stroker {
    /// Returns the area covered by stroking `path` with `stroke`, to be filled with the non-zero rule.
    ///
    /// Widths that are zero, negative or not finite give an empty path. A dash array that is empty, has a
    /// negative or non-finite entry, or sums to zero strokes solid, as SVG does. Odd-length dash arrays
    /// are repeated once, and the pattern restarts at each subpath.
    public static func outline(of path: PlotPath, stroke: Stroke) -> PlotPath {
        let hw = stroke.width / 2
        guard hw.isFinite, hw > 0 else { return PlotPath() }
        let flat = Flattener.flatten(path)
        var b = OutlineBuilder(halfWidth: hw, cap: stroke.cap, join: stroke.join, miterLimit: stroke.miterLimit)
        let pattern = DashPattern(stroke.dash, offset: stroke.dashOffset)
        var pts: [Point] = []
        for sub in flat.subpaths {
            guard sub.start >= 0, sub.end <= flat.points.count, sub.start < sub.end else { continue }
            pts.removeAll(keepingCapacity: true)
            for i in sub.start..<sub.end {
                let p = flat.points[i]
                if let last = pts.last, Stroker.isSame(last, p) { continue }
                pts.append(p)
            }
            if sub.closed, pts.count > 1, let first = pts.first, let last = pts.last, Stroker.isSame(first, last) {
                pts.removeLast()
            }
            if pts.count == 1 {
                // SVG draws a zero-length subpath as a dot with round or square caps.
                if sub.hasSegments { b.dot(pts[0], direction: Point(1, 0)) }
                continue
            }
            if let pattern {
                b.dashed(pts, closed: sub.closed, pattern: pattern)
            } else if sub.closed {
                b.closedPolyline(pts)
            } else {
                b.openPolyline(pts)
            }
        }
        return b.path
    }

    /// Points closer than this are one point: their direction would be noise.
    static let epsilon = 1e-9

    @inline(__always)
    static func isSame(_ a: Point, _ b: Point) -> Bool {
        Swift.abs(a.x - b.x) <= epsilon && Swift.abs(a.y - b.y) <= epsilon
    }
}

/// A validated dash pattern with the offset already resolved to a starting entry.
struct DashPattern: Sendable {
    /// Dash and gap lengths, even in number, dash first.
    var lengths: [Double]
    /// Sum of `lengths`, positive.
    var total: Double
    /// The entry the pattern starts in.
    var startIndex: Int
    /// What is left of that entry at the start.
    var startRemaining: Double

    /// Nil when the pattern means "solid": empty, negative or non-finite entries, or zero total length.
    init?(_ dash: [Double], offset: Double) {
        guard !dash.isEmpty, dash.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        var l = dash
        if l.count % 2 == 1 { l += dash }
        let total = l.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        var off = offset.isFinite ? offset.truncatingRemainder(dividingBy: total) : 0
        if off < 0 { off += total }
        var i = 0
        var steps = 0
        // off < total, so this ends within one cycle; the step bound guards against rounding.
        while steps <= 2 * l.count, off > 0, off >= l[i] {
            off -= l[i]
            i = (i + 1) % l.count
            steps += 1
        }
        lengths = l
        self.total = total
        startIndex = i
        startRemaining = Swift.max(0, l[i] - Swift.max(0, off))
    }
}

/// Collects the convex pieces of a stroke outline, each oriented with positive signed area.
struct OutlineBuilder {
    let hw: Double
    let cap: LineCap
    let join: LineJoin
    let miterLimit: Double
    var path = PlotPath()
    /// Scratch for arc polygons, reused to avoid an allocation per round join.
    var scratch: [Point] = []

    /// Arc tolerance in pixels, matching the curve flattening tolerance.
    static let arcTolerance = Flattener.tolerance
    /// More dashes than this in one stroke means the pattern is too fine to see; the rest strokes solid.
    /// Shared by every subpath of the stroke, so gaps in the data cannot multiply it.
    static let maxDashes = 200_000
    /// Dashes still allowed in this stroke.
    var dashBudget = OutlineBuilder.maxDashes

    init(halfWidth: Double, cap: LineCap, join: LineJoin, miterLimit: Double) {
        hw = halfWidth
        self.cap = cap
        self.join = join
        self.miterLimit = miterLimit.isFinite ? Swift.max(miterLimit, 1) : 4
        path.elements.reserveCapacity(64)
    }

    // MARK: Pieces

    /// Appends a closed polygon, reversed if needed so its signed area is positive; degenerate ones are dropped.
    mutating func polygon(_ pts: [Point]) {
        guard pts.count >= 3 else { return }
        var area = 0.0
        var prev = pts[pts.count - 1]
        for p in pts {
            area += prev.x * p.y - p.x * prev.y
            prev = p
        }
        guard area.isFinite, area != 0 else { return }
        if area > 0 {
            path.elements.append(.move(pts[0]))
            for i in 1..<pts.count { path.elements.append(.line(pts[i])) }
        } else {
            path.elements.append(.move(pts[pts.count - 1]))
            var i = pts.count - 2
            while i >= 0 {
                path.elements.append(.line(pts[i]))
                i -= 1
            }
        }
        path.elements.append(.close)
    }

    /// Appends the interior points of the arc of radius `hw` about `c` from `c + v` to `c + w`, turning
    /// the way a positive angle turns (x towards y) when `turn` is positive, the other way otherwise.
    ///
    /// Built from additions, multiplications and square roots only — exact quarter turns, then
    /// bisection (the midpoint direction is the normalised sum of the ends) until the sagitta is within
    /// the arc tolerance — because those are correctly rounded in IEEE 754 everywhere, while `sin` and
    /// `cos` differ between C libraries, and the same pixels on every machine is an invariant.
    mutating func appendArc(center c: Point, from v: Point, to w: Point, turn: Double) {
        let cross = v.x * w.y - v.y * w.x, dot = v.x * w.x + v.y * w.y
        if cross * turn <= 0, !(cross == 0 && dot > 0) {
            // Half a turn or more: split off an exact quarter turn first.
            let q = turn > 0 ? Point(-v.y, v.x) : Point(v.y, -v.x)
            bisect(c, v, q, depth: 0)
            scratch.append(c + q)
            appendArc(center: c, from: q, to: w, turn: turn)
            return
        }
        bisect(c, v, w, depth: 0)
    }

    /// Appends the interior points of an arc of less than half a turn, from `c + v` to `c + w`.
    mutating func bisect(_ c: Point, _ v: Point, _ w: Point, depth: Int) {
        let sx = v.x + w.x, sy = v.y + w.y
        let sl = (sx * sx + sy * sy).squareRoot()
        // The chord's midpoint lies |v + w| / 2 from the centre: the sagitta is what is left of the radius.
        guard sl > 0, sl.isFinite, depth < 12, hw - sl / 2 > OutlineBuilder.arcTolerance else { return }
        let m = Point(sx * hw / sl, sy * hw / sl)
        bisect(c, v, m, depth: depth + 1)
        scratch.append(c + m)
        bisect(c, m, w, depth: depth + 1)
    }

    /// Unit direction and length of a→b.
    @inline(__always)
    static func direction(_ a: Point, _ b: Point) -> (Point, Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 0, len.isFinite else { return (Point(1, 0), 0) }
        return (Point(dx / len, dy / len), len)
    }

    /// The left-hand normal of a unit direction, scaled to the half width.
    @inline(__always)
    func normal(_ d: Point) -> Point { Point(-d.y * hw, d.x * hw) }

    /// The quadrilateral covering one segment.
    mutating func segment(_ a: Point, _ b: Point, _ d: Point) {
        let n = normal(d)
        polygon([a + n, b + n, b - n, a - n])
    }

    /// The wedge filling the outer side of the corner at `v` between directions `d0` and `d1`.
    mutating func joinPiece(at v: Point, _ d0: Point, _ d1: Point) {
        let cross = d0.x * d1.y - d0.y * d1.x
        let dot = d0.x * d1.x + d0.y * d1.y
        if Swift.abs(cross) < 1e-12 && dot > 0 { return }   // straight on: the quads already meet
        let n0 = normal(d0), n1 = normal(d1)
        // The outer side is the one the path turns away from.
        let outerIsLeft = cross <= 0
        let o0 = outerIsLeft ? n0 : Point(-n0.x, -n0.y)
        let o1 = outerIsLeft ? n1 : Point(-n1.x, -n1.y)
        switch join {
        case .bevel:
            polygon([v, v + o0, v + o1])
        case .miter:
            // Miter length / width = 1 / sin(θ/2) with θ the angle between the segments, = 1 / cos(φ/2)
            // with φ the turning angle; past the limit SVG falls back to a bevel.
            let cosHalf = ((1 + dot) / 2).squareRoot()
            if cosHalf > 0, 1 / cosHalf <= miterLimit {
                let sx = o0.x + o1.x, sy = o0.y + o1.y
                let sl = (sx * sx + sy * sy).squareRoot()
                if sl > 0 {
                    let k = hw / cosHalf / sl
                    polygon([v, v + o0, Point(v.x + sx * k, v.y + sy * k), v + o1])
                    return
                }
            }
            polygon([v, v + o0, v + o1])
        case .round:
            // Sweep from o0 to o1 around the outside; a full reversal picks the side by convention.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(v)
            scratch.append(v + o0)
            appendArc(center: v, from: o0, to: o1, turn: outerIsLeft ? -1 : 1)
            scratch.append(v + o1)
            let pts = scratch
            polygon(pts)
        }
    }

    /// The cap at `p` for a stroke leaving in unit direction `u` (pointing away from the stroke).
    mutating func capPiece(at p: Point, outward u: Point) {
        let n = normal(u)
        switch cap {
        case .butt:
            return
        case .square:
            let e = Point(u.x * hw, u.y * hw)
            polygon([p + n, p + n + e, p - n + e, p - n])
        case .round:
            // n is u turned +90°, so sweeping −180° from n passes through u.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(p + n)
            appendArc(center: p, from: n, to: Point(-n.x, -n.y), turn: -1)
            scratch.append(p - n)
            let pts = scratch
            polygon(pts)
        }
    }

    /// A zero-length stroke: a disc for round caps, a square along `direction` for square caps.
    mutating func dot(_ p: Point, direction d: Point) {
        switch cap {
        case .butt:
            return
        case .square:
            let n = normal(d), e = Point(d.x * hw, d.y * hw)
            polygon([p + n + e, p - n + e, p - n - e, p + n - e])
        case .round:
            scratch.removeAll(keepingCapacity: true)
            // Four exact quarter turns make the disc.
            let quarter = [Point(hw, 0), Point(0, hw), Point(-hw, 0), Point(0, -hw)]
            for (i, v) in quarter.enumerated() {
                scratch.append(p + v)
                appendArc(center: p, from: v, to: quarter[(i + 1) % 4], turn: 1)
            }
            let pts = scratch
            polygon(pts)
        }
    }

    // MARK: Polylines

    /// Strokes an open polyline of at least two distinct consecutive points, with caps.
    ///
    /// `entry` and `exit` are the directions of path segments just before and after the polyline when a
    /// dash begins or ends exactly on a vertex; the dash then also gets that vertex's join, as cairo
    /// (and so rsvg) draws it.
    mutating func openPolyline(_ pts: [Point], entry: Point? = nil, exit: Point? = nil) {
        guard pts.count >= 2 else { return }
        var prevDir = Point(1, 0)
        var firstDir = Point(1, 0)
        var haveDir = false
        for i in 0..<(pts.count - 1) {
            let (d, len) = OutlineBuilder.direction(pts[i], pts[i + 1])
            guard len > 0 else { continue }
            segment(pts[i], pts[i + 1], d)
            if haveDir { joinPiece(at: pts[i], prevDir, d) } else { firstDir = d }
            prevDir = d
            haveDir = true
        }
        guard haveDir, let first = pts.first, let last = pts.last else { return }
        if let entry { joinPiece(at: first, entry, firstDir) }
        if let exit { joinPiece(at: last, prevDir, exit) }
        capPiece(at: first, outward: Point(-firstDir.x, -firstDir.y))
        capPiece(at: last, outward: prevDir)
    }

    /// Strokes a closed polygon of at least two distinct points: joins at every vertex, no caps.
    mutating func closedPolyline(_ pts: [Point]) {
        let n = pts.count
        guard n >= 2 else { return }
        var dirs: [Point] = []
        dirs.reserveCapacity(n)
        for i in 0..<n {
            let a = pts[i], b = pts[(i + 1) % n]
            let (d, _) = OutlineBuilder.direction(a, b)
            segment(a, b, d)
            dirs.append(d)
        }
        for i in 0..<n {
            joinPiece(at: pts[i], dirs[(i + n - 1) % n], dirs[i])
        }
    }

    /// One dash before stroking: its points, a direction for a zero-length dash's square cap, and the
    /// directions of the segments it touches at a vertex where it begins or ends exactly.
    struct DashPiece {
        var points: [Point]
        var direction: Point
        var entry: Point?
        var exit: Point?
    }

    /// Emits one dash: a polyline, or a dot when the dash has zero length.
    mutating func dash(_ piece: DashPiece) {
        var clean: [Point] = []
        clean.reserveCapacity(piece.points.count)
        for p in piece.points {
            if let last = clean.last, Stroker.isSame(last, p) { continue }
            clean.append(p)
        }
        if clean.count >= 2 {
            openPolyline(clean, entry: piece.entry, exit: piece.exit)
        } else if let p = clean.first {
            dot(p, direction: piece.direction)
        }
    }

    /// Splits a polyline into dashes and strokes each; the pattern continues around corners.
    mutating func dashed(_ input: [Point], closed: Bool, pattern: DashPattern) {
        guard input.count >= 2 else { return }
        var pts = input
        if closed, let first = input.first { pts.append(first) }
        // Estimate the dash count first: a pattern far finer than a pixel would only burn time.
        var length = 0.0
        for i in 0..<(pts.count - 1) { length += OutlineBuilder.direction(pts[i], pts[i + 1]).1 }
        let estimate = length / pattern.total * Double(pattern.lengths.count)
        guard estimate.isFinite, estimate < Double(dashBudget) else {
            dashBudget = 0
            if closed { closedPolyline(input) } else { openPolyline(input) }
            return
        }
        dashBudget -= Int(estimate.rounded(.up))

        var pieces: [DashPiece] = []
        var idx = pattern.startIndex
        var remaining = pattern.startRemaining
        var on = idx % 2 == 0
        let startsOn = on
        var current = DashPiece(points: on ? [pts[0]] : [], direction: Point(1, 0))
        var lastDir: Point?
        var toggled = false
        for i in 0..<(pts.count - 1) {
            let a = pts[i], b = pts[i + 1]
            let (d, len) = OutlineBuilder.direction(a, b)
            guard len > 0 else { continue }
            var pos = 0.0
            var guardSteps = 0
            while len - pos > remaining, guardSteps < OutlineBuilder.maxDashes {
                guardSteps += 1
                pos += remaining
                let p = Point(a.x + d.x * pos, a.y + d.y * pos)
                // A boundary exactly on this vertex: the dash touching it keeps the vertex's join.
                let atVertex = pos == 0 ? lastDir : nil
                if on {
                    current.points.append(p)
                    current.direction = d
                    if current.points.count > 1 { current.exit = atVertex.map { _ in d } }
                    pieces.append(current)
                    current = DashPiece(points: [], direction: d)
                } else {
                    current = DashPiece(points: [p], direction: d, entry: atVertex)
                }
                on.toggle()
                toggled = true
                idx = (idx + 1) % pattern.lengths.count
                remaining = pattern.lengths[idx]
            }
            remaining -= len - pos
            if on {
                current.points.append(b)
                current.direction = d
            }
            lastDir = d
        }
        if closed && !toggled && startsOn {
            closedPolyline(input)
            return
        }
        if on, !current.points.isEmpty {
            if closed, startsOn, !pieces.isEmpty {
                // The dash running over the closing point continues into the first one, with a join.
                let first = pieces.removeFirst()
                current.points.append(contentsOf: first.points.dropFirst())
                current.exit = first.exit
            }
            pieces.append(current)
        }
        for piece in pieces { dash(piece) }
    }
}
