import PlotlineCore
import PlotlineModel

/// Draws a line series: the line as interpolated, then error bars, then markers on top.
struct LineRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: LineMark

    func extent() -> (x: Extent, y: Extent) {
        pointExtent(series.x, mark.y, errors: mark.errors)
    }

    var overhang: Double { max(mark.width / 2, mark.marker.map { $0.size / 2 + 1 } ?? 0) }

    /// The runs of pixel points the line passes through: missing values split runs unless gaps join.
    func pixelRuns(_ frame: PlotFrame) -> [[Point]] {
        let pointRuns: [[Point]] = mark.gaps == .join
            ? [finitePoints(series.x, mark.y).map { Point($0.x, $0.y) }].filter { !$0.isEmpty }
            : runs(series.x, mark.y)
        // Far more points than pixel columns: M4 keeps the ones that decide what is drawn. Curves
        // and steps run between the given points, so only straight lines are reduced.
        let decimate = frame.theme.decimate && mark.interpolate == .linear
        return pointRuns.map { run in
            let pixels = run.map { frame.point($0.x, $0.y) }
            return decimate && Decimation.worthwhile(count: pixels.count, width: frame.plot.width) ? Decimation.m4(pixels) : pixels
        }
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        var path = PlotPath()
        for run in pixelRuns(frame) { Curves.append(run, to: &path, interpolate: mark.interpolate) }
        let stroke = Stroke(color: series.paint, width: mark.width, cap: .round, join: .round, dash: mark.dash)
        var nodes: [SceneNode] = [.path(ScenePath(path: path, stroke: stroke))]
        if let errors = mark.errors {
            nodes += ErrorBarRenderer.nodes(errors, x: series.x, frame: frame, color: series.paint,
                                            cap: frame.theme.errorBarCap, width: frame.theme.errorBarWidth)
        }
        if let marker = mark.marker {
            let centers = finitePoints(series.x, mark.y).map { frame.point($0.x, $0.y) }
            nodes += Markers.nodes(marker, centers: centers, sizes: centers.map { _ in marker.size },
                                   color: series.color, opacity: series.opacity)
        }
        return nodes
    }

    func obstacles(in frame: PlotFrame) -> [Obstacle] {
        var result: [Obstacle] = []
        for run in pixelRuns(frame) {
            // A lone point draws a dot (round caps), which the legend should avoid too.
            if run.count == 1, let p = run.first { result.append(.segment(p, p)) }
            for (a, b) in zip(run, run.dropFirst()) { result.append(.segment(a, b)) }
        }
        if let marker = mark.marker {
            for p in finitePoints(series.x, mark.y) { result.append(.disc(frame.point(p.x, p.y), marker.size / 2)) }
        }
        return result
    }

    func swatch(in box: Rect, theme: Theme) -> [SceneNode] {
        var nodes = [lineSwatch(in: box, color: series.paint, width: mark.width, dash: mark.dash)]
        if let marker = mark.marker {
            let c = Point(box.x + box.width / 2, box.y + box.height / 2)
            nodes += Markers.nodes(marker, centers: [c], sizes: [min(marker.size, box.height)], color: series.color, opacity: series.opacity)
        }
        return nodes
    }

    func sentence(_ prose: Prose) -> String {
        prose.pointsSentence(series, y: mark.y, noun: "point")
    }
}
