import PlotlineCore
import PlotlineModel

/// Vertical error bars with caps, for line, scatter and bar series.
enum ErrorBarRenderer {
    /// One path of whiskers and caps; `cap` is the cap width in pixels.
    static func nodes(_ errors: ErrorBars, x: [Double], frame: PlotFrame, color: PlotColor, cap: Double,
                      width: Double = 1.5, swapped: Bool = false) -> [SceneNode] {
        var path = PlotPath()
        for i in 0..<min(x.count, errors.lower.count, errors.upper.count) {
            let (lo, hi) = (errors.lower[i], errors.upper[i])
            guard x[i].isFinite, lo.isFinite, hi.isFinite else { continue }
            let a = frame.point(x[i], lo, swapped: swapped), b = frame.point(x[i], hi, swapped: swapped)
            path.move(to: a); path.line(to: b)
            for end in [a, b] {
                // Caps run across the whisker.
                if swapped {
                    path.move(to: Point(end.x, end.y - cap / 2)); path.line(to: Point(end.x, end.y + cap / 2))
                } else {
                    path.move(to: Point(end.x - cap / 2, end.y)); path.line(to: Point(end.x + cap / 2, end.y))
                }
            }
        }
        guard !path.isEmpty else { return [] }
        return [.group(SceneGroup(role: .errorBars, nodes: [.path(ScenePath(path: path, stroke: Stroke(color: color, width: width, cap: .butt)))]))]
    }

    /// The whiskers as segments, for the legend to avoid.
    static func obstacles(_ errors: ErrorBars, x: [Double], frame: PlotFrame, swapped: Bool = false) -> [Obstacle] {
        var result: [Obstacle] = []
        for i in 0..<min(x.count, errors.lower.count, errors.upper.count) where x[i].isFinite {
            guard errors.lower[i].isFinite, errors.upper[i].isFinite else { continue }
            result.append(.segment(frame.point(x[i], errors.lower[i], swapped: swapped), frame.point(x[i], errors.upper[i], swapped: swapped)))
        }
        return result
    }
}
