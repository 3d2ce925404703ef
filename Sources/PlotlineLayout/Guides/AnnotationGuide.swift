import PlotlineCore
import PlotlineModel

/// Annotations in data coordinates, on any scale type: shaded ranges under the data, reference
/// lines and labelled points over it.
extension ChartLayout {
    /// The pixel map of an annotation axis.
    private func map(_ axis: AnnotationAxis, _ chart: ResolvedChart) -> AxisMap? {
        switch axis {
        case .x: chart.frame.x
        case .y: chart.frame.y
        case .y2: chart.y2.map { AxisMap($0, rangeLower: chart.plot.maxY - 0.5, rangeUpper: chart.plot.y + 0.5) }
        }
    }

    /// The values annotations need to see on each axis: rules and labelled points (ranges may run
    /// past the data and are clipped instead).
    func annotationExtents(_ spec: ChartSpec) -> (x: [Double], y: [Double], y2: [Double]) {
        var x: [Double] = [], y: [Double] = [], y2: [Double] = []
        for a in spec.annotations {
            switch a {
            case .text(let t):
                x.append(t.x)
                if t.axis == .y2 { y2.append(t.y) } else { y.append(t.y) }
            case .rule(let r):
                switch r.axis {
                case .x: x.append(r.value)
                case .y: y.append(r.value)
                case .y2: y2.append(r.value)
                }
            case .range:
                break
            }
        }
        return (x, y, y2)
    }

    /// Shaded ranges, clipped to the plot.
    func rangeNodes(_ spec: ChartSpec, _ chart: ResolvedChart) -> [SceneNode] {
        let plot = chart.plot
        var nodes: [SceneNode] = []
        for case .range(let r) in spec.annotations {
            guard let m = map(r.axis, chart) else { continue }
            let a = m.toEdges.map(r.lower), b = m.toEdges.map(r.upper)
            guard a.isFinite, b.isFinite else { continue }
            let lo = max(min(a, b), r.axis == .x ? plot.x : plot.y), hi = min(max(a, b), r.axis == .x ? plot.maxX : plot.maxY)
            guard hi > lo else { continue }
            let rect = r.axis == .x ? Rect(x: lo, y: plot.y, width: hi - lo, height: plot.height)
                                    : Rect(x: plot.x, y: lo, width: plot.width, height: hi - lo)
            let color = (r.color ?? theme.rangeColor).withOpacity(r.opacity)
            nodes.append(.path(ScenePath(path: .rectangle(rect), fill: Fill(color: color))))
            if let label = r.label {
                let cap = measure(label, size: theme.annotationSize, role: .annotation).capHeight
                nodes.append(.text(run(label, role: .annotation, at: Point(rect.x + 4, rect.y + 4 + cap), anchor: .start,
                                       size: theme.annotationSize, color: r.color ?? theme.annotationColor)))
            }
        }
        return nodes
    }

    /// Reference lines and labelled points.
    func noteNodes(_ spec: ChartSpec, _ chart: ResolvedChart) -> [SceneNode] {
        let plot = chart.plot
        let size = theme.annotationSize
        let cap = measure("0", size: size, role: .annotation).capHeight
        var nodes: [SceneNode] = []
        for a in spec.annotations {
            switch a {
            case .range:
                continue
            case .rule(let r):
                guard let m = map(r.axis, chart) else { continue }
                let v = m.map(r.value)
                guard v.isFinite else { continue }
                let color = r.color ?? theme.annotationColor
                var path = PlotPath()
                let p = snap(v)
                if r.axis == .x {
                    guard p >= plot.x, p <= plot.maxX else { continue }
                    path.move(to: Point(p, plot.y)); path.line(to: Point(p, plot.maxY))
                } else {
                    guard p >= plot.y, p <= plot.maxY else { continue }
                    path.move(to: Point(plot.x, p)); path.line(to: Point(plot.maxX, p))
                }
                nodes.append(.path(ScenePath(path: path, stroke: Stroke(color: color, width: 1.5, dash: r.dash))))
                if let label = r.label {
                    // At the top of a vertical line; at the left end of a horizontal one, which
                    // rising curves (most training curves) leave free.
                    let origin = r.axis == .x ? Point(p + 4, plot.y + 4 + cap) : Point(plot.x + 6, p - 4)
                    nodes.append(.text(run(label, role: .annotation, at: origin, anchor: .start, size: size, color: color)))
                }
            case .text(let t):
                guard let ym = map(t.axis == .y2 ? .y2 : .y, chart) else { continue }
                let point = Point(chart.frame.x.map(t.x), ym.map(t.y))
                guard point.x.isFinite, point.y.isFinite else { continue }
                let color = t.color ?? theme.annotationColor
                let anchor: TextAnchor = t.dx > 4 ? .start : (t.dx < -4 ? .end : .middle)
                let origin = Point(point.x + t.dx, point.y + t.dy + (t.dy < 0 ? 0 : cap))
                let width = measure(t.text, size: size, role: .annotation).width
                if t.arrow, abs(t.dx) + abs(t.dy) > 8 {
                    // From the edge of the text nearest the point to just short of the point.
                    let textCenter = Point(anchor == .start ? origin.x + min(width, 12) / 2 : (anchor == .end ? origin.x - min(width, 12) / 2 : origin.x),
                                           origin.y - cap / 2)
                    let start = Point(textCenter.x, t.dy < 0 ? origin.y + 4 : origin.y - cap - 4)
                    nodes += arrow(from: start, to: point, color: color)
                }
                nodes.append(.text(run(t.text, role: .annotation, at: origin, anchor: anchor, size: size, color: color)))
            }
        }
        return nodes
    }

    /// A line from `a` towards `b`, stopping 2 px short, with a filled head at its end.
    func arrow(from a: Point, to b: Point, color: PlotColor) -> [SceneNode] {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 8 else { return [] }
        let ux = dx / length, uy = dy / length
        let tip = Point(b.x - ux * 2, b.y - uy * 2)
        let head = 7.0, half = 3.0
        let base = Point(tip.x - ux * head, tip.y - uy * head)
        var shaft = PlotPath()
        shaft.move(to: a); shaft.line(to: base)
        var tri = PlotPath()
        tri.move(to: tip)
        tri.line(to: Point(base.x - uy * half, base.y + ux * half))
        tri.line(to: Point(base.x + uy * half, base.y - ux * half))
        tri.close()
        return [.path(ScenePath(path: shaft, stroke: Stroke(color: color, width: 1.25, cap: .round))),
                .path(ScenePath(path: tri, fill: Fill(color: color)))]
    }
}
