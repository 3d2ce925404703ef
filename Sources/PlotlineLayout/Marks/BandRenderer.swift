import PlotlineCore
import PlotlineModel

/// Fills the region between the lower and upper bounds with a translucent colour.
struct BandRenderer: MarkRenderer {
    let series: ResolvedSeries
    let mark: BandMark

    func extent() -> (x: Extent, y: Extent) {
        var x = Extent(), y = Extent()
        for i in 0..<min(series.x.count, mark.lower.count, mark.upper.count)
        where series.x[i].isFinite && mark.lower[i].isFinite && mark.upper[i].isFinite {
            x.include(series.x[i]); y.include(mark.lower[i]); y.include(mark.upper[i])
        }
        return (x, y)
    }

    var overhang: Double { 0 }

    /// Runs of (upper, lower) pixel pairs; a missing value in x or either bound breaks the band.
    func pixelRuns(_ frame: PlotFrame) -> [[(top: Point, bottom: Point)]] {
        regionRuns(series.x, count: min(mark.lower.count, mark.upper.count), top: { mark.upper[$0] }, bottom: { mark.lower[$0] }, frame: frame)
    }

    func nodes(in frame: PlotFrame) -> [SceneNode] {
        var path = PlotPath()
        for run in pixelRuns(frame) { AreaRenderer.appendRegion(top: run.map(\.top), bottom: run.map(\.bottom), to: &path) }
        guard !path.isEmpty else { return [] }
        return [.path(ScenePath(path: path, fill: Fill(color: series.paint)))]
    }

    func obstacles(in frame: PlotFrame) -> [Obstacle] {
        pixelRuns(frame).flatMap { run in
            zip(run, run.dropFirst()).map { a, b in
                AreaRenderer.sliceBox(a.top, b.top, a.bottom, b.bottom)
            }
        }
    }

    func swatch(in box: Rect, theme: Theme) -> [SceneNode] {
        let r = Rect(x: box.x, y: box.y + box.height * 0.1, width: box.width, height: box.height * 0.8)
        return [.path(ScenePath(path: .rectangle(r), fill: Fill(color: series.paint)))]
    }

    func sentence(_ prose: Prose) -> String {
        let count = (0..<min(series.x.count, mark.lower.count, mark.upper.count)).filter {
            series.x[$0].isFinite && mark.lower[$0].isFinite && mark.upper[$0].isFinite
        }.count
        var s = "\(prose.seriesName(series)): band over \(count) point\(count == 1 ? "" : "s")"
        let e = extent().y
        if let lo = e.min, let hi = e.max { s += ", from \(prose.number(lo)) to \(prose.number(hi))" }
        return s + "."
    }
}
