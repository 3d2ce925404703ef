import PlotlineCore

/// M4 decimation (Jugel, Jerzak, Hackenbroich, Markl: "M4: A Visualization-Oriented Time Series
/// Data Aggregation", VLDB 2014): for a line whose x increases, keep in each pixel column only the
/// first and last points and those with the smallest and largest y. The line drawn through them
/// covers the same pixels as the line through every point, so a million points become a few
/// thousand without a visible change, in the SVG and the PNG alike.
///
/// Columns here are a quarter of a CSS pixel wide, so the result stays exact for PNGs rendered at
/// `--scale` up to 4.
enum Decimation {
    /// Columns per CSS pixel.
    static let columnsPerPixel = 4.0

    /// Whether a run of `count` points across `width` pixels is worth decimating: only when it has
    /// several points per column, so ordinary charts keep every point.
    static func worthwhile(count: Int, width: Double) -> Bool {
        Double(count) > 2 * 4 * max(width, 1) * columnsPerPixel
    }

    /// The points M4 keeps of a run in pixel space, in their original order; the run unchanged
    /// when its x does not increase (a line that doubles back is not a function of x).
    static func m4(_ points: [Point]) -> [Point] {
        guard points.count > 4 else { return points }
        for i in 1..<points.count where points[i].x < points[i - 1].x { return points }
        var kept: [Point] = []
        kept.reserveCapacity(Int(min(Double(points.count), 4 * ((points.last?.x ?? 0) - (points.first?.x ?? 0) + 1) * columnsPerPixel)))
        var start = 0
        while start < points.count {
            let column = (points[start].x * columnsPerPixel).rounded(.down)
            var end = start + 1
            var lo = start, hi = start
            while end < points.count, (points[end].x * columnsPerPixel).rounded(.down) == column {
                if points[end].y < points[lo].y { lo = end }
                if points[end].y > points[hi].y { hi = end }
                end += 1
            }
            // First, the extremes in the order they occur, and last: at most four, no repeats.
            var indices = [start, lo, hi, end - 1]
            indices.sort()
            var previous = -1
            for i in indices where i != previous {
                kept.append(points[i])
                previous = i
            }
            start = end
        }
        return kept
    }

    /// Opaque markers that land on the same quarter-pixel cell with the same size paint the same
    /// pixels: only the first of each is kept. Translucent markers darken where they overlap, so
    /// none of them is dropped.
    static func distinctMarkers(_ markers: [(center: Point, size: Double)]) -> [(center: Point, size: Double)] {
        var seen = Set<Cell>()
        seen.reserveCapacity(markers.count)
        return markers.filter { m in
            seen.insert(Cell(x: Int64((m.center.x * columnsPerPixel).rounded(.down)), y: Int64((m.center.y * columnsPerPixel).rounded(.down)),
                             size: m.size.bitPattern)).inserted
        }
    }

    /// A quarter-pixel cell and a marker size, for telling markers apart.
    struct Cell: Hashable {
        var x: Int64
        var y: Int64
        var size: UInt64
    }
}
