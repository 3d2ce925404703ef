import PlotlineCore
import PlotlineModel

/// Fills between the values and the baseline (or the stack below), with an outline along the top.
struct AreaRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: AreaMark

    /// The bottom of the area at point `i`.
    func bottom(_ i: Int) -> Double { series.base.map { $0.value(at: i) } ?? mark.baseline }
    /// The top of the area at point `i`.
    func top(_ i: Int) -> Double { (series.base == nil ? 0 : bottom(i)) + mark.y[i] }

    func extent() -> (x: Extent, y: Extent) {
        var x = Extent(), y = Extent()
        for p in finitePoints(series.x, mark.y) {
            x.include(p.x); y.include(top(p.index)); y.include(bottom(p.index))
        }
        return (x, y)
    }

    var overhang: Double { mark.width / 2 }

    func pixelRuns(_ frame: PlotFrame) -> [[(top: Point, bottom: Point)]] {
        regionRuns(series.x, count: mark.y.count, top: top, bottom: bottom, frame: frame)
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        let runs = pixelRuns(frame)
        var fill = PlotPath(), outline = PlotPath()
        for run in runs {
            AreaRenderer.appendRegion(top: run.map(\.top), bottom: run.map(\.bottom), to: &fill)
            Curves.append(run.map(\.top), to: &outline, interpolate: .linear)
        }
        var nodes: [SceneNode] = []
        if !fill.isEmpty { nodes.append(.path(ScenePath(path: fill, fill: Fill(color: series.paint)))) }
        if mark.width > 0, !outline.isEmpty {
            nodes.append(.path(ScenePath(path: outline, stroke: Stroke(color: series.color, width: mark.width, cap: .round, join: .round, dash: mark.dash))))
        }
        return nodes
    }

    func obstacles(in frame: PlotFrame) -> [Obstacle] {
        pixelRuns(frame).flatMap { run in
            zip(run, run.dropFirst()).map { a, b in AreaRenderer.sliceBox(a.top, b.top, a.bottom, b.bottom) }
        }
    }

    func swatch(in box: Rect, theme: Theme) -> [SceneNode] {
        [squareSwatch(in: box, fill: series.paint, outline: mark.width > 0 ? series.color : nil)]
    }

    func sentence(_ prose: Prose) -> String {
        prose.pointsSentence(series, y: mark.y, noun: "point")
    }

    /// A closed region along `top` and back along `bottom`; a single point makes a vertical sliver.
    static func appendRegion(top: [Point], bottom: [Point], to path: inout PlotPath) {
        guard let first = top.first else { return }
        path.move(to: first)
        for p in top.dropFirst() { path.line(to: p) }
        for p in bottom.reversed() { path.line(to: p) }
        path.close()
    }

    /// The bounding box of one slice of a filled region, as an obstacle for the legend.
    static func sliceBox(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Obstacle {
        let xs = [a.x, b.x, c.x, d.x], ys = [a.y, b.y, c.y, d.y]
        let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
        return .box(Rect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0))
    }
}
