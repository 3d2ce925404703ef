import PlotlineCore
import PlotlineModel

/// Point-marker outlines, centred on a point, `size` pixels across.
enum Markers {
    /// Whether the shape is drawn as strokes (a cross) rather than filled.
    static func isStroked(_ shape: MarkerShape) -> Bool { shape == .cross || shape == .plus }

    /// Appends one marker's outline to `path`.
    static func append(_ shape: MarkerShape, at c: Point, size: Double, to path: inout PlotPath) {
        let r = size / 2
        switch shape {
        case .circle:
            path.append(.circle(center: c, radius: r))
        case .square:
            // A little smaller than the circle's width, so the two look the same size.
            let h = r * 0.89
            path.append(.rectangle(Rect(x: c.x - h, y: c.y - h, width: 2 * h, height: 2 * h)))
        case .triangle:
            // Equilateral, centred on its centroid.
            let h = r * 1.15
            path.move(to: Point(c.x, c.y - h))
            path.line(to: Point(c.x + h * 0.866, c.y + h / 2))
            path.line(to: Point(c.x - h * 0.866, c.y + h / 2))
            path.close()
        case .diamond:
            let h = r * 1.2
            path.move(to: Point(c.x, c.y - h)); path.line(to: Point(c.x + h * 0.8, c.y))
            path.line(to: Point(c.x, c.y + h)); path.line(to: Point(c.x - h * 0.8, c.y))
            path.close()
        case .cross:
            let h = r * 0.85
            path.move(to: Point(c.x - h, c.y - h)); path.line(to: Point(c.x + h, c.y + h))
            path.move(to: Point(c.x - h, c.y + h)); path.line(to: Point(c.x + h, c.y - h))
        case .plus:
            path.move(to: Point(c.x - r, c.y)); path.line(to: Point(c.x + r, c.y))
            path.move(to: Point(c.x, c.y - r)); path.line(to: Point(c.x, c.y + r))
        }
    }

    /// PlotScene nodes for markers at `centers` with per-marker sizes.
    ///
    /// Opaque markers share one path (overlaps look the same either way, and the file stays small);
    /// translucent ones get a path each, so overlapping markers darken and show density.
    static func nodes(_ marker: MarkerSpec, centers: [Point], sizes: [Double], color: PlotColor, opacity: Double) -> [SceneNode] {
        guard !centers.isEmpty else { return [] }
        let paint = color.withOpacity(opacity)
        let stroked = isStroked(marker.shape)
        let fillColor = marker.fill.map { $0.withOpacity(opacity) } ?? paint
        let hollow = marker.fill.map { $0.alpha == 0 } ?? false
        let crossWidth = max(1.5, (sizes.max() ?? 6) / 5)
        func style(_ path: PlotPath) -> ScenePath {
            if stroked {
                return ScenePath(path: path, stroke: Stroke(color: paint, width: crossWidth, cap: .round))
            }
            let outline = marker.fill == nil ? nil : Stroke(color: paint, width: 1.25)
            return ScenePath(path: path, fill: hollow ? nil : Fill(color: fillColor), stroke: outline)
        }
        if opacity >= 1 {
            var path = PlotPath()
            for (c, s) in zip(centers, sizes) where s > 0 { append(marker.shape, at: c, size: s, to: &path) }
            return path.isEmpty ? [] : [.path(style(path))]
        }
        return zip(centers, sizes).compactMap { c, s in
            guard s > 0 else { return nil }
            var path = PlotPath()
            append(marker.shape, at: c, size: s, to: &path)
            return .path(style(path))
        }
    }
}
