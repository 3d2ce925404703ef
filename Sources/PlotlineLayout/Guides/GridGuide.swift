import PlotlineCore

/// Gridlines at the ticks, behind everything, one crisp pixel wide.
extension ChartLayout {
    func gridNodes(_ chart: ResolvedChart) -> [SceneNode] {
        let frame = chart.frame, plot = chart.plot
        var grid: [SceneNode] = []
        let stroke = Stroke(color: theme.gridColor, width: 1)
        if chart.x.grid {
            var p = PlotPath()
            for v in chart.x.ticks {
                let x = snap(frame.x.map(v))
                p.move(to: Point(x, plot.y)); p.line(to: Point(x, plot.maxY))
            }
            if !p.isEmpty { grid.append(.path(ScenePath(path: p, stroke: stroke))) }
        }
        if chart.y.grid {
            var p = PlotPath()
            for v in chart.y.ticks {
                let y = snap(frame.y.map(v))
                p.move(to: Point(plot.x, y)); p.line(to: Point(plot.maxX, y))
            }
            if !p.isEmpty { grid.append(.path(ScenePath(path: p, stroke: stroke))) }
        }
        return grid
    }
}
