import PlotlineCore

/// A path reduced to straight segments; every subpath is a run of points in one shared buffer,
/// so flattening a glyph run costs two array allocations rather than one per contour.
struct FlatPath: Sendable {
    /// One subpath: the half-open range `start..<end` of `points`.
    struct Subpath: Sendable {
        var start: Int
        var end: Int
        /// Whether the subpath ended with `.close`.
        var closed: Bool
        /// Whether any drawing command followed the move; a lone move draws nothing even with round caps.
        var hasSegments: Bool
    }

    /// Every point of every subpath, finite and clamped to ±``Flattener/coordinateLimit``.
    var points: [Point] = []
    /// The subpaths in drawing order.
    var subpaths: [Subpath] = []
}

/// Turns lines and Béziers into polylines.
enum Flattener {
    /// Maximum distance between a curve and its chords, in pixels. Well under the 0.05 px budget:
    /// chords always cut inside a convex curve, so the area lost is systematic, and at 0.01 px a
    /// 3 px circle still keeps its area within 0.5 %. Chords are cheap; rows crossed dominate.
    static let tolerance = 0.01

    /// Coordinates are clamped to this magnitude. It is far outside any pixmap we can allocate, so the
    /// clamp never moves visible geometry, and it keeps every later computation finite.
    static let coordinateLimit = 1e9

    /// An upper bound on chords per curve, so a curve with absurd control points cannot hang the renderer.
    static let maxSegmentsPerCurve = 4096

    /// Flattens `path`. Subpaths holding any NaN or infinite coordinate are dropped whole, because
    /// skipping a single segment would leave a fill contour that no longer closes where the author meant.
    static func flatten(_ path: PlotPath, tolerance: Double = Flattener.tolerance) -> FlatPath {
        var b = Builder(tolerance: tolerance)
        b.out.points.reserveCapacity(path.elements.count * 2)
        for e in path.elements {
            switch e {
            case .move(let p): b.begin(p)
            case .line(let p): b.line(to: p)
            case .quad(let c, let p): b.quad(c, p)
            case .cubic(let c1, let c2, let p): b.cubic(c1, c2, p)
            case .close: b.close()
            }
        }
        b.finish(closed: false)
        return b.out
    }

    /// Number of chords so a quadratic or cubic deviates at most `tol`, by Wang's formula:
    /// n = √(d(d−1)/8 · max‖second difference‖ / tol).
    @inline(__always)
    static func segmentCount(secondDifference m: Double, degreeFactor: Double, tolerance tol: Double) -> Int {
        let n = (degreeFactor * m / tol).squareRoot().rounded(.up)
        // NaN (from overflowed differences) and huge values both fall back to the cap.
        guard n.isFinite else { return maxSegmentsPerCurve }
        return Int(Swift.min(Swift.max(n, 1), Double(maxSegmentsPerCurve)))
    }

    /// Accumulates flattened subpaths; separate from `flatten` so each command is one small method.
    struct Builder {
        var out = FlatPath()
        let tolerance: Double
        var start = Point.zero
        var current = Point.zero
        var subStart = 0
        var active = false
        var valid = true
        var hasSegments = false

        init(tolerance: Double) {
            // A non-positive or NaN tolerance would ask for infinitely many chords.
            self.tolerance = tolerance > 1e-6 ? tolerance : Flattener.tolerance
        }

        mutating func finish(closed: Bool) {
            if active {
                if valid && out.points.count > subStart {
                    out.subpaths.append(FlatPath.Subpath(start: subStart, end: out.points.count,
                                                         closed: closed, hasSegments: hasSegments))
                } else {
                    out.points.removeSubrange(subStart..<out.points.count)
                }
            }
            active = false
            valid = true
            hasSegments = false
        }

        mutating func emit(_ p: Point) {
            guard valid else { return }
            guard p.x.isFinite, p.y.isFinite else {
                valid = false
                return
            }
            let l = Flattener.coordinateLimit
            out.points.append(Point(Swift.min(Swift.max(p.x, -l), l), Swift.min(Swift.max(p.y, -l), l)))
        }

        mutating func begin(_ p: Point) {
            finish(closed: false)
            start = p
            current = p
            active = true
            subStart = out.points.count
            emit(p)
        }

        /// SVG lets a drawing command follow `Z` directly; it then starts a new subpath at the old start.
        mutating func ensureActive() {
            if !active { begin(current) }
        }

        mutating func line(to p: Point) {
            ensureActive()
            hasSegments = true
            emit(p)
            current = p
        }

        mutating func quad(_ c: Point, _ p: Point) {
            ensureActive()
            hasSegments = true
            let p0 = current
            current = p
            guard valid, c.x.isFinite, c.y.isFinite, p.x.isFinite, p.y.isFinite else {
                valid = false
                return
            }
            let ddx = p0.x - 2 * c.x + p.x, ddy = p0.y - 2 * c.y + p.y
            let n = Flattener.segmentCount(secondDifference: (ddx * ddx + ddy * ddy).squareRoot(),
                                           degreeFactor: 0.25, tolerance: tolerance)
            if n > 1 {
                let inv = 1 / Double(n)
                for i in 1..<n {
                    let t = Double(i) * inv, u = 1 - t
                    let a = u * u, b2 = 2 * u * t, c2 = t * t
                    emit(Point(a * p0.x + b2 * c.x + c2 * p.x, a * p0.y + b2 * c.y + c2 * p.y))
                }
            }
            emit(p)
        }

        mutating func cubic(_ c1: Point, _ c2: Point, _ p: Point) {
            ensureActive()
            hasSegments = true
            let p0 = current
            current = p
            guard valid, c1.x.isFinite, c1.y.isFinite, c2.x.isFinite, c2.y.isFinite, p.x.isFinite, p.y.isFinite
            else {
                valid = false
                return
            }
            let ax = p0.x - 2 * c1.x + c2.x, ay = p0.y - 2 * c1.y + c2.y
            let bx = c1.x - 2 * c2.x + p.x, by = c1.y - 2 * c2.y + p.y
            let m = Swift.max((ax * ax + ay * ay).squareRoot(), (bx * bx + by * by).squareRoot())
            let n = Flattener.segmentCount(secondDifference: m, degreeFactor: 0.75, tolerance: tolerance)
            if n > 1 {
                let inv = 1 / Double(n)
                for i in 1..<n {
                    let t = Double(i) * inv, u = 1 - t
                    let k0 = u * u * u, k1 = 3 * u * u * t, k2 = 3 * u * t * t, k3 = t * t * t
                    emit(Point(k0 * p0.x + k1 * c1.x + k2 * c2.x + k3 * p.x,
                               k0 * p0.y + k1 * c1.y + k2 * c2.y + k3 * p.y))
                }
            }
            emit(p)
        }

        mutating func close() {
            guard active else { return }
            // "M x y Z" is a zero-length subpath that round and square caps turn into a dot.
            hasSegments = true
            finish(closed: true)
            current = start
        }
    }
}
