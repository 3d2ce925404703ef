import PlotlineCore
import PlotlineModel
import PlotlineScales

/// Draws one kind of mark: what it needs of the axes, its scene nodes, its legend swatch, the ink
/// the legend should avoid and its sentence in the accessible description. One file per kind, as
/// plotters keeps one per series type.
protocol MarkRenderer: Sendable {
    /// The series, resolved: colour, positions along x, stacking and grouping.
    var series: ResolvedSeries { get }
    /// The finite data extent along the horizontal and vertical axes (after stacking).
    func extent() -> (x: Extent, y: Extent)
    /// How far ink reaches beyond the data points, in pixels: half a stroke, a marker's radius.
    var overhang: Double { get }
    /// The scene nodes, in pixel space.
    func nodes(in frame: PlotFrame) -> [SceneNode]
    /// Where the mark puts ink, for placing the legend.
    func obstacles(in frame: PlotFrame) -> [Obstacle]
    /// The legend swatch drawn within `box`.
    func swatch(in box: Rect, theme: Theme) -> [SceneNode]
    /// One sentence saying what the series shows.
    func sentence(_ prose: Prose) -> String
}

/// Something a mark has drawn, which the legend should not cover.
enum Obstacle: Sendable {
    /// A stroked segment.
    case segment(Point, Point)
    /// A marker.
    case disc(Point, Double)
    /// A filled rectangle.
    case box(Rect)

    /// How badly a legend at `r` would cover this: a count for strokes and markers, and for fills
    /// the share of the legend they cover, weighted so that a large fill outweighs a few lines.
    func cost(in r: Rect) -> Double {
        switch self {
        case .segment(let a, let b):
            return Obstacle.segment(a, b, crosses: r) ? 1 : 0
        case .disc(let c, let radius):
            let dx = max(r.x - c.x, 0, c.x - r.maxX), dy = max(r.y - c.y, 0, c.y - r.maxY)
            return dx * dx + dy * dy <= radius * radius ? 2 : 0
        case .box(let b):
            let w = min(b.maxX, r.maxX) - max(b.x, r.x), h = min(b.maxY, r.maxY) - max(b.y, r.y)
            guard w > 0, h > 0 else { return 0 }
            return 1 + 40 * (w * h) / max(r.width * r.height, 1)
        }
    }

    /// Whether the segment a–b touches the rectangle (Liang–Barsky clipping: the parameter range
    /// left after clipping against the four sides is not empty).
    static func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        return clip(-dx, a.x - r.x) && clip(dx, r.maxX - a.x) && clip(-dy, a.y - r.y) && clip(dy, r.maxY - a.y)
    }
}

/// The renderer for a resolved series.
func renderer(for s: ResolvedSeries) -> any MarkRenderer {
    switch s.spec.mark {
    case .line(let m): LineRenderer(series: s, mark: m)
    case .scatter(let m): ScatterRenderer(series: s, mark: m)
    case .bar(let m): BarRenderer(series: s, mark: m)
    case .area(let m): AreaRenderer(series: s, mark: m)
    case .band(let m): BandRenderer(series: s, mark: m)
    }
}

/// The points of a series whose x and y are both finite, with their index.
func finitePoints(_ x: [Double], _ y: [Double]) -> [(index: Int, x: Double, y: Double)] {
    var result: [(index: Int, x: Double, y: Double)] = []
    for i in 0..<min(x.count, y.count) where x[i].isFinite && y[i].isFinite { result.append((i, x[i], y[i])) }
    return result
}

/// The extent of a series' finite points, with their error bars.
func pointExtent(_ x: [Double], _ y: [Double], errors: ErrorBars?) -> (x: Extent, y: Extent) {
    var xs = Extent(), ys = Extent()
    for p in finitePoints(x, y) {
        xs.include(p.x); ys.include(p.y)
        if let e = errors { ys.include(e.lower.value(at: p.index)); ys.include(e.upper.value(at: p.index)) }
    }
    return (xs, ys)
}

/// Runs of pixel pairs (top and bottom of a filled region) at consecutive points where x and both
/// ends are finite: missing values split them.
func regionRuns(_ x: [Double], count: Int, top: (Int) -> Double, bottom: (Int) -> Double,
                frame: PlotFrame) -> [[(top: Point, bottom: Point)]] {
    var result: [[(top: Point, bottom: Point)]] = []
    var current: [(top: Point, bottom: Point)] = []
    for i in 0..<min(x.count, count) {
        let (px, t, b) = (x[i], top(i), bottom(i))
        if px.isFinite && t.isFinite && b.isFinite {
            current.append((frame.point(px, t), frame.point(px, b)))
        } else if !current.isEmpty {
            result.append(current)
            current = []
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// Runs of consecutive finite points: missing values split them.
func runs(_ x: [Double], _ y: [Double]) -> [[Point]] {
    var result: [[Point]] = []
    var current: [Point] = []
    for i in 0..<min(x.count, y.count) {
        if x[i].isFinite && y[i].isFinite {
            current.append(Point(x[i], y[i]))
        } else if !current.isEmpty {
            result.append(current)
            current = []
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// A stroked line in the legend, centred vertically in `box`.
func lineSwatch(in box: Rect, color: PlotColor, width: Double, dash: [Double]) -> SceneNode {
    var line = PlotPath()
    let y = box.y + box.height / 2
    line.move(to: Point(box.x, y)); line.line(to: Point(box.maxX, y))
    return .path(ScenePath(path: line, stroke: Stroke(color: color, width: min(width, box.height), cap: .round, dash: dash)))
}

/// A filled square in the legend, centred in `box`.
func squareSwatch(in box: Rect, fill: PlotColor, outline: PlotColor? = nil) -> SceneNode {
    let side = min(box.height, 10)
    let r = Rect(x: box.x + (box.width - side) / 2, y: box.y + (box.height - side) / 2, width: side, height: side)
    return .path(ScenePath(path: .rectangle(r), fill: Fill(color: fill), stroke: outline.map { Stroke(color: $0, width: 1) }))
}

extension Array where Element == Double {
    /// The value at `i`, or nan when the array is shorter: specs built in Swift are not checked
    /// for matching lengths, and a missing value is a gap, never a trap.
    func value(at i: Int) -> Double { indices.contains(i) ? self[i] : .nan }
}
