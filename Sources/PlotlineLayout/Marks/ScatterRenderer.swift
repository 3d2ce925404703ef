import PlotlineCore
import PlotlineModel

/// Draws markers at the points; with per-point sizes, a bubble chart whose bubble areas are
/// proportional to the sizes (the largest is the marker's size across).
struct ScatterRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: ScatterMark

    func extent() -> (x: Extent, y: Extent) {
        pointExtent(series.x, mark.y, errors: mark.errors)
    }

    var overhang: Double { mark.marker.size / 2 + 2 }

    /// Each drawn point's pixel centre and diameter.
    func markers(_ frame: PlotFrame) -> [(center: Point, size: Double)] {
        let points = finitePoints(series.x, mark.y)
        guard let sizes = mark.sizes else { return points.map { (frame.point($0.x, $0.y), mark.marker.size) } }
        let largest = sizes.filter(\.isFinite).max() ?? 0
        return points.compactMap { p in
            let v = sizes.value(at: p.index)
            guard v.isFinite, largest > 0 else { return nil }
            return (frame.point(p.x, p.y), mark.marker.size * (v / largest).squareRoot())
        }
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        var nodes: [SceneNode] = []
        if let errors = mark.errors {
            nodes += ErrorBarRenderer.nodes(errors, x: series.x, frame: frame, color: series.paint,
                                            cap: frame.theme.errorBarCap, width: frame.theme.errorBarWidth)
        }
        var m = markers(frame)
        if frame.theme.decimate, series.opacity >= 1, (mark.marker.fill?.alpha ?? 255) == 255,
           Decimation.worthwhile(count: m.count, width: frame.plot.width) {
            m = Decimation.distinctMarkers(m)
        }
        nodes += Markers.nodes(mark.marker, centers: m.map(\.center), sizes: m.map(\.size), color: series.color, opacity: series.opacity)
        return nodes
    }

    func obstacles(in frame: PlotFrame) -> [Obstacle] {
        var result = markers(frame).map { Obstacle.disc($0.center, $0.size / 2) }
        if let errors = mark.errors { result += ErrorBarRenderer.obstacles(errors, x: series.x, frame: frame) }
        return result
    }

    func swatch(in box: Rect, theme: Theme) -> [SceneNode] {
        let c = Point(box.x + box.width / 2, box.y + box.height / 2)
        return Markers.nodes(mark.marker, centers: [c], sizes: [min(mark.marker.size, box.height * 0.8)],
                             color: series.color, opacity: max(series.opacity, 0.6))
    }

    func sentence(_ prose: Prose) -> String {
        prose.pointsSentence(series, y: mark.y, noun: "point")
    }
}
