import PlotlineCore

/// Exact-area anti-aliased path filler.
///
/// The method is the signed-area accumulation buffer described by Raph Levien for font-rs
/// (https://github.com/raphlinus/font-rs, `src/raster.rs`), itself a simplification of the cell
/// approach of FreeType's `ftgrays.c` and AGG: every edge adds, to each cell it crosses, the signed
/// area it sweeps between itself and that cell's right side; a running sum along each row then
/// yields the exact winding-weighted area of the shape inside every pixel. There is no supersampling,
/// so thin shapes get exactly their area, hairlines included. The code here is written from the
/// description, in Double for the geometry and Float for the buffer.
///
/// Work is confined to the path's bounding box ∩ clip ∩ pixmap, rounded out to whole pixels. The
/// clip itself is exact, fractional edges included: edge pieces left or right of the clip are
/// projected onto its vertical sides (which keeps the winding inside the clip unchanged) and rows
/// are integrated only between its top and bottom, so a clip edge at x = 10.4 leaves column 10
/// covered 60 %, as SVG renderers anti-alias it. A clip that is NaN paints nothing.
public struct Rasterizer: Sendable {
    /// Accumulation cells, `(width + 2) × height` for the current work box; all zero between fills.
    var cells: [Float] = []
    /// Leftmost cell each row touched, so untouched prefixes are skipped.
    var rowMin: [Int] = []
    /// Rightmost cell each row touched; past it the running sum is constant.
    var rowMax: [Int] = []

    /// Creates a rasterizer with empty scratch buffers; reuse one instance to reuse its buffers.
    public init() {}

    /// Fills `path` with `color` into `pixmap`, source-over, using a fresh scratch buffer.
    public static func fill(_ path: PlotPath, color: PlotColor, rule: FillRule, clip: Rect?, into pixmap: inout Pixmap) {
        var r = Rasterizer()
        r.fill(path, color: color, rule: rule, clip: clip, into: &pixmap)
    }

    /// Fills `path` with `color` into `pixmap`, source-over, reusing this rasterizer's scratch buffers.
    public mutating func fill(_ path: PlotPath, color: PlotColor, rule: FillRule, clip: Rect?, into pixmap: inout Pixmap) {
        guard color.alpha > 0, !path.isEmpty else { return }
        fill(Flattener.flatten(path), color: color, rule: rule, clip: clip, into: &pixmap)
    }

    /// The region a fill may touch: whole pixels to visit and the exact clip within them.
    struct WorkBox {
        /// Pixel box `x0..<x1 × y0..<y1` worth visiting.
        var x0, y0, x1, y1: Int
        /// The exact clip, in pixmap coordinates, inside the pixel box.
        var clipLeft, clipTop, clipRight, clipBottom: Double
    }

    /// The region worth visiting for `flat` under `clip`, or nil when nothing can be painted.
    static func workBox(_ flat: FlatPath, clip: Rect?, width: Int, height: Int) -> WorkBox? {
        guard !flat.points.isEmpty, width > 0, height > 0 else { return nil }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for p in flat.points {
            minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
            minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
        }
        var cl = 0.0, ct = 0.0, cr = Double(width), cb = Double(height)
        if let clip {
            let x1 = clip.x + clip.width, y1 = clip.y + clip.height
            // NaN fails every comparison here, which empties the box rather than trapping below.
            guard clip.x <= x1, clip.y <= y1 else { return nil }
            cl = Swift.max(cl, clip.x); ct = Swift.max(ct, clip.y)
            cr = Swift.min(cr, x1); cb = Swift.min(cb, y1)
        }
        guard cl < cr, ct < cb else { return nil }
        let lx = Swift.max(minX.rounded(.down), cl.rounded(.down)), ly = Swift.max(minY.rounded(.down), ct.rounded(.down))
        let hx = Swift.min(maxX.rounded(.up), cr.rounded(.up)), hy = Swift.min(maxY.rounded(.up), cb.rounded(.up))
        // Every bound is now finite and inside 0...size, so the Int conversions cannot trap.
        guard lx < hx, ly < hy else { return nil }
        return WorkBox(x0: Int(lx), y0: Int(ly), x1: Int(hx), y1: Int(hy),
                       clipLeft: cl, clipTop: ct, clipRight: cr, clipBottom: cb)
    }

    /// Fills an already flattened path.
    mutating func fill(_ flat: FlatPath, color: PlotColor, rule: FillRule, clip: Rect?, into pixmap: inout Pixmap) {
        // `data` is a public var, so its size is checked before raw pointers are derived from the dimensions.
        guard color.alpha > 0, pixmap.data.count >= pixmap.width * pixmap.height * 4,
              let box = Rasterizer.workBox(flat, clip: clip, width: pixmap.width, height: pixmap.height)
        else { return }
        let w = box.x1 - box.x0, h = box.y1 - box.y0
        let stride = w + 2
        let need = stride * h
        // Take the buffers out of `self` so the closures below borrow locals, not overlapping parts of self.
        var cells = self.cells
        var rowMin = self.rowMin
        var rowMax = self.rowMax
        self.cells = []
        self.rowMin = []
        self.rowMax = []
        if cells.count < need { cells = [Float](repeating: 0, count: need) }
        if rowMin.count < h {
            rowMin = [Int](repeating: Int.max, count: h)
            rowMax = [Int](repeating: -1, count: h)
        }

        cells.withUnsafeMutableBufferPointer { cp in
            rowMin.withUnsafeMutableBufferPointer { rmin in
                rowMax.withUnsafeMutableBufferPointer { rmax in
                    guard let c = cp.baseAddress, let lo = rmin.baseAddress, let hi = rmax.baseAddress else { return }
                    let ox = Double(box.x0), oy = Double(box.y0)
                    let fw = Double(w), fh = Double(h)
                    // The clip in box coordinates, kept inside the box so every cell index stays in range.
                    let acc = Accumulator(
                        cells: c, rowMin: lo, rowMax: hi, width: w, height: h, stride: stride,
                        clipLeft: Swift.min(Swift.max(box.clipLeft - ox, 0), fw),
                        clipTop: Swift.min(Swift.max(box.clipTop - oy, 0), fh),
                        clipRight: Swift.min(Swift.max(box.clipRight - ox, 0), fw),
                        clipBottom: Swift.min(Swift.max(box.clipBottom - oy, 0), fh))
                    flat.points.withUnsafeBufferPointer { pts in
                        for sub in flat.subpaths where sub.end - sub.start >= 2 {
                            guard sub.start >= 0, sub.end <= pts.count else { continue }
                            var prev = pts[sub.end - 1]
                            // Starting from the last point closes every contour, as filling requires.
                            for i in sub.start..<sub.end {
                                let p = pts[i]
                                acc.addLine(prev.x - ox, prev.y - oy, p.x - ox, p.y - oy)
                                prev = p
                            }
                        }
                    }
                    pixmap.data.withUnsafeMutableBufferPointer { dp in
                        guard let d = dp.baseAddress else { return }
                        acc.composite(into: d, pixmapWidth: pixmap.width, originX: box.x0, originY: box.y0,
                                      color: color, evenOdd: rule == .evenOdd)
                    }
                }
            }
        }
        self.cells = cells
        self.rowMin = rowMin
        self.rowMax = rowMax
    }
}

/// Rounded x / 255 for x in 0...65025, exactly (the classic (x + 128 + ((x + 128) >> 8)) >> 8 identity).
@inline(__always)
func div255(_ x: UInt32) -> UInt32 {
    let t = x &+ 128
    return (t &+ (t >> 8)) >> 8
}

/// The accumulation buffer in use: raw pointers into arrays owned by ``Rasterizer/fill(_:color:rule:clip:into:)``,
/// valid only inside that call. Coordinates are relative to the work box.
struct Accumulator {
    let cells: UnsafeMutablePointer<Float>
    let rowMin: UnsafeMutablePointer<Int>
    let rowMax: UnsafeMutablePointer<Int>
    let width: Int
    let height: Int
    let stride: Int
    /// The exact clip in box coordinates, within 0...width × 0...height.
    let clipLeft, clipTop, clipRight, clipBottom: Double

    /// Adds one edge. Parts left or right of the clip are projected onto its left or right side: the
    /// projected pieces are vertical edges that carry the same winding, so inside the clip the sum is
    /// unchanged and outside it the winding of a closed contour cancels. Rows outside are skipped.
    @inline(__always)
    func addLine(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
        if ay == by { return }
        let cl = clipLeft, cr = clipRight
        if Swift.max(ay, by) <= clipTop || Swift.min(ay, by) >= clipBottom { return }
        if Swift.max(ax, bx) <= cr && Swift.min(ax, bx) >= cl {
            scan(ax, ay, bx, by)
            return
        }
        // Split where the edge crosses the clip's sides so each piece lies on one side.
        let dx = bx - ax, dy = by - ay
        var ta = 2.0, tb = 2.0
        if dx != 0 {
            let u = (cl - ax) / dx, v = (cr - ax) / dx
            if u > 0 && u < 1 { ta = u }
            if v > 0 && v < 1 { tb = v }
            if ta > tb { swap(&ta, &tb) }
        }
        @inline(__always) func piece(_ t0: Double, _ t1: Double) {
            let mx = ax + dx * (0.5 * (t0 + t1))
            let y0 = t0 == 0 ? ay : ay + dy * t0, y1 = t1 == 1 ? by : ay + dy * t1
            if mx <= cl {
                scan(cl, y0, cl, y1)
            } else if mx >= cr {
                scan(cr, y0, cr, y1)
            } else {
                scan(Swift.min(Swift.max(ax + dx * t0, cl), cr), y0, Swift.min(Swift.max(ax + dx * t1, cl), cr), y1)
            }
        }
        if ta >= 1 {
            piece(0, 1)
        } else if tb >= 1 {
            piece(0, ta); piece(ta, 1)
        } else {
            piece(0, ta); piece(ta, tb); piece(tb, 1)
        }
    }

    /// Rasterises an edge whose x lies within the clip's sides, row by row between its top and bottom.
    @inline(__always)
    func scan(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
        if ay == by { return }
        let dir: Double
        let (xa, ya, xb, yb): (Double, Double, Double, Double)
        if ay < by { dir = 1; (xa, ya, xb, yb) = (ax, ay, bx, by) } else { dir = -1; (xa, ya, xb, yb) = (bx, by, ax, ay) }
        let fw = Double(width)
        let top = Swift.max(ya, clipTop), bottom = Swift.min(yb, clipBottom)
        guard top < bottom else { return }
        let rowStart = Int(top.rounded(.down))
        let rowEnd = Swift.min(height, Int(bottom.rounded(.up)))
        let spanY = yb - ya, spanX = xb - xa
        var row = rowStart
        while row < rowEnd {
            let rt = Swift.max(Double(row), top), rb = Swift.min(Double(row + 1), bottom)
            let dy = rb - rt
            if dy > 0 {
                // x at both row boundaries straight from the edge equation: no drift along tall edges.
                let xt = Swift.min(Swift.max(xa + spanX * ((rt - ya) / spanY), 0), fw)
                let xn = Swift.min(Swift.max(xa + spanX * ((rb - ya) / spanY), 0), fw)
                cell(row: row, xt, xn, dy * dir)
            }
            row += 1
        }
    }

    /// Distributes the signed area `d` (height × direction) of one edge piece within one row.
    @inline(__always)
    func cell(row: Int, _ xt: Double, _ xn: Double, _ d: Double) {
        let base = cells + row * stride
        let (x0, x1) = xt < xn ? (xt, xn) : (xn, xt)
        let x0f = x0.rounded(.down)
        let x1c = x1.rounded(.up)
        let x0i = Int(x0f), x1i = Int(x1c)
        if x1i <= x0i + 1 {
            // The piece stays in one pixel column: the share right of its mid x belongs to the next cell.
            let xmf = 0.5 * (xt + xn) - x0f
            base[x0i] += Float(d - d * xmf)
            base[x0i + 1] += Float(d * xmf)
            note(row, x0i, x0i + 1)
        } else {
            let s = 1 / (x1 - x0)
            let x0frac = x0 - x0f
            let a0 = 0.5 * s * (1 - x0frac) * (1 - x0frac)
            let x1frac = x1 - x1c + 1
            let am = 0.5 * s * x1frac * x1frac
            base[x0i] += Float(d * a0)
            if x1i == x0i + 2 {
                base[x0i + 1] += Float(d * (1 - a0 - am))
            } else {
                let a1 = s * (1.5 - x0frac)
                base[x0i + 1] += Float(d * (a1 - a0))
                let ds = Float(d * s)
                var xi = x0i + 2
                while xi < x1i - 1 {
                    base[xi] += ds
                    xi += 1
                }
                let a2 = a1 + Double(x1i - x0i - 3) * s
                base[x1i - 1] += Float(d * (1 - a2 - am))
            }
            base[x1i] += Float(d * am)
            note(row, x0i, x1i)
        }
    }

    @inline(__always)
    func note(_ row: Int, _ lo: Int, _ hi: Int) {
        if lo < rowMin[row] { rowMin[row] = lo }
        if hi > rowMax[row] { rowMax[row] = hi }
    }

    /// Sums each row into coverage, blends it source-over, and leaves the cells zeroed for the next fill.
    func composite(into data: UnsafeMutablePointer<UInt8>, pixmapWidth: Int, originX: Int, originY: Int,
                   color: PlotColor, evenOdd: Bool) {
        let r = UInt32(color.red), g = UInt32(color.green), b = UInt32(color.blue)
        let alpha = Float(color.alpha)
        @inline(__always) func coverage(_ acc: Float) -> Float {
            var v = Swift.abs(acc)
            if evenOdd {
                v -= 2 * (v * 0.5).rounded(.down)
                if v > 1 { v = 2 - v }
            }
            return Swift.min(v, 1)
        }
        @inline(__always) func blend(_ p: UnsafeMutablePointer<UInt8>, _ cov: Float) {
            let a = UInt32(cov * alpha + 0.5)
            if a == 0 { return }
            if a == 255 {
                p[0] = UInt8(truncatingIfNeeded: r); p[1] = UInt8(truncatingIfNeeded: g)
                p[2] = UInt8(truncatingIfNeeded: b); p[3] = 255
                return
            }
            // Premultiplied source-over with a single rounding: (c·a + dst·(255 − a)) / 255.
            let ia = 255 - a
            p[0] = UInt8(truncatingIfNeeded: div255(r * a + UInt32(p[0]) * ia))
            p[1] = UInt8(truncatingIfNeeded: div255(g * a + UInt32(p[1]) * ia))
            p[2] = UInt8(truncatingIfNeeded: div255(b * a + UInt32(p[2]) * ia))
            p[3] = UInt8(truncatingIfNeeded: div255(255 * a + UInt32(p[3]) * ia))
        }
        for row in 0..<height {
            let lo = rowMin[row], hi = rowMax[row]
            rowMin[row] = Int.max
            rowMax[row] = -1
            if hi < 0 || lo > hi { continue }
            let base = cells + row * stride
            let out = data + ((originY + row) * pixmapWidth + originX) * 4
            var acc: Float = 0
            var x = lo
            let readEnd = Swift.min(hi + 1, width)
            while x < readEnd {
                acc += base[x]
                base[x] = 0
                let cov = coverage(acc)
                if cov > 0 { blend(out + x * 4, cov) }
                x += 1
            }
            while x <= hi {
                base[x] = 0
                x += 1
            }
            // Past the last touched cell the sum no longer changes; a closed contour brings it back to
            // about zero, but an edge pushed onto the box's left side can leave a solid run to the right.
            var rest = readEnd
            let cov = coverage(acc)
            if cov * alpha >= 0.5 {
                while rest < width {
                    blend(out + rest * 4, cov)
                    rest += 1
                }
            }
        }
    }
}
