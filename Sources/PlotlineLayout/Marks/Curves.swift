import PlotlineCore
import PlotlineModel

/// Paths through pixel points for each interpolation.
enum Curves {
    /// Appends a run of points to `path` as the interpolation asks.
    static func append(_ points: [Point], to path: inout PlotPath, interpolate: Interpolation) {
        guard let first = points.first else { return }
        path.move(to: first)
        switch interpolate {
        case .linear:
            for p in points.dropFirst() { path.line(to: p) }
        case .stepAfter:
            for (a, b) in zip(points, points.dropFirst()) {
                path.line(to: Point(b.x, a.y)); path.line(to: b)
            }
        case .stepBefore:
            for (a, b) in zip(points, points.dropFirst()) {
                path.line(to: Point(a.x, b.y)); path.line(to: b)
            }
        case .stepMid:
            for (a, b) in zip(points, points.dropFirst()) {
                let mid = (a.x + b.x) / 2
                path.line(to: Point(mid, a.y)); path.line(to: Point(mid, b.y)); path.line(to: b)
            }
        case .monotone:
            monotone(points, into: &path)
        }
    }

    /// A cubic Hermite spline that keeps the data's monotonicity between points, so it never
    /// overshoots (F. N. Fritsch and R. E. Carlson, "Monotone Piecewise Cubic Interpolation",
    /// SIAM J. Numer. Anal. 17(2), 1980): secant slopes, tangents averaged where neighbouring
    /// secants agree in sign and zero where they do not, then scaled down so that
    /// α² + β² ≤ 9. Where x does not increase the run falls back to straight segments.
    static func monotone(_ p: [Point], into path: inout PlotPath) {
        let n = p.count
        guard n > 2, zip(p, p.dropFirst()).allSatisfy({ $0.x < $1.x }) else {
            for q in p.dropFirst() { path.line(to: q) }
            return
        }
        var secant = [Double](repeating: 0, count: n - 1)
        for k in 0..<(n - 1) { secant[k] = (p[k + 1].y - p[k].y) / (p[k + 1].x - p[k].x) }
        var m = [Double](repeating: 0, count: n)
        m[0] = secant[0]
        m[n - 1] = secant[n - 2]
        for k in 1..<(n - 1) {
            m[k] = secant[k - 1] * secant[k] <= 0 ? 0 : (secant[k - 1] + secant[k]) / 2
        }
        for k in 0..<(n - 1) {
            if secant[k] == 0 {
                m[k] = 0; m[k + 1] = 0
                continue
            }
            let a = m[k] / secant[k], b = m[k + 1] / secant[k]
            let s = a * a + b * b
            if s > 9 {
                let t = 3 / s.squareRoot()
                m[k] = t * a * secant[k]
                m[k + 1] = t * b * secant[k]
            }
        }
        for k in 0..<(n - 1) {
            let h = (p[k + 1].x - p[k].x) / 3
            path.cubic(control1: Point(p[k].x + h, p[k].y + m[k] * h),
                       control2: Point(p[k + 1].x - h, p[k + 1].y - m[k + 1] * h), to: p[k + 1])
        }
    }
}
