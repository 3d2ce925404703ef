import PlotlineCore
import Testing
@testable import PlotlineRaster

/// Helpers shared by the raster tests.
enum Probe {
    /// A transparent pixmap with `path` filled black.
    static func filled(_ path: PlotPath, rule: FillRule = .nonZero, clip: Rect? = nil, width: Int = 64, height: Int = 64) -> Pixmap {
        var pm = Pixmap(width: width, height: height)
        Rasterizer.fill(path, color: .black, rule: rule, clip: clip, into: &pm)
        return pm
    }

    /// A transparent pixmap with `path` stroked black.
    static func stroked(_ path: PlotPath, _ stroke: Stroke, width: Int = 64, height: Int = 64) -> Pixmap {
        var pm = Pixmap(width: width, height: height)
        Rasterizer.fill(Stroker.outline(of: path, stroke: stroke), color: .black, rule: .nonZero, clip: nil, into: &pm)
        return pm
    }

    /// Alpha at (x, y).
    static func alpha(_ pm: Pixmap, _ x: Int, _ y: Int) -> Int { Int(pm.data[(y * pm.width + x) * 4 + 3]) }

    /// Total coverage in pixels (sum of alpha / 255).
    static func area(_ pm: Pixmap) -> Double {
        var s = 0
        var i = 3
        while i < pm.data.count { s += Int(pm.data[i]); i += 4 }
        return Double(s) / 255
    }

    /// The square with corners (x0, y0) and (x1, y1), drawn in the given direction.
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, clockwise: Bool = true) -> PlotPath {
        let pts = [Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)]
        let ordered = clockwise ? pts : pts.reversed()
        var p = PlotPath()
        p.move(to: ordered[0])
        for q in ordered.dropFirst() { p.line(to: q) }
        p.close()
        return p
    }
}

@Suite("Filling")
struct FillTests {
    @Test("A pixel-aligned square is 255 inside and 0 outside")
    func alignedSquare() {
        let pm = Probe.filled(.rectangle(Rect(x: 3, y: 4, width: 5, height: 6)), width: 12, height: 12)
        for y in 0..<12 {
            for x in 0..<12 {
                let inside = (3..<8).contains(x) && (4..<10).contains(y)
                #expect(Probe.alpha(pm, x, y) == (inside ? 255 : 0), "pixel \(x),\(y)")
            }
        }
        // Opaque black paints exact premultiplied black.
        #expect(pm.data[(5 * 12 + 4) * 4] == 0)
    }

    @Test("A rectangle from x = 0.5 to 1.5 half-covers two columns")
    func halfColumns() {
        let pm = Probe.filled(.rectangle(Rect(x: 0.5, y: 0, width: 1, height: 4)), width: 4, height: 4)
        for y in 0..<4 {
            #expect(Probe.alpha(pm, 0, y) == 128)
            #expect(Probe.alpha(pm, 1, y) == 128)
            #expect(Probe.alpha(pm, 2, y) == 0)
        }
    }

    @Test("A circle's total coverage is πr² within 0.5 %", arguments: [
        (Point(32, 32), 20.0), (Point(31.3, 30.7), 7.5), (Point(32.5, 32.25), 28.9), (Point(10, 10), 3.0),
    ])
    func circleArea(center: Point, radius: Double) {
        let pm = Probe.filled(.circle(center: center, radius: radius))
        let expected = Double.pi * radius * radius
        #expect(abs(Probe.area(pm) - expected) / expected < 0.005)
    }

    @Test("A slanted polygon's coverage equals its area")
    func slantedArea() {
        // A parallelogram with base 20 and height 10 at a slope that crosses many pixels per row.
        let p = PlotPath([.move(Point(5.2, 10.1)), .line(Point(25.2, 10.1)), .line(Point(40.9, 20.1)), .line(Point(20.9, 20.1)), .close])
        #expect(abs(Probe.area(Probe.filled(p)) - 200) < 0.3)
    }

    @Test("Even-odd leaves a hole in a pentagram, non-zero does not")
    func pentagram() {
        let pts = [Point(32, 4), Point(48.5, 54.7), Point(5.4, 23.3), Point(58.6, 23.3), Point(15.5, 54.7)]
        var star = PlotPath()
        star.move(to: pts[0])
        for p in pts.dropFirst() { star.line(to: p) }
        star.close()
        let nz = Probe.filled(star, rule: .nonZero), eo = Probe.filled(star, rule: .evenOdd)
        #expect(Probe.alpha(nz, 32, 32) == 255)
        #expect(Probe.alpha(eo, 32, 32) == 0)
        // The points are covered by both.
        #expect(Probe.alpha(nz, 32, 12) == 255)
        #expect(Probe.alpha(eo, 32, 12) == 255)
    }

    @Test("Nested squares drawn the same way: non-zero fills the middle, even-odd cuts it out")
    func nestedSquares() {
        var p = Probe.square(10, 10, 50, 50)
        p.append(Probe.square(20, 20, 40, 40))
        let nz = Probe.filled(p, rule: .nonZero), eo = Probe.filled(p, rule: .evenOdd)
        #expect(Probe.alpha(nz, 30, 30) == 255)
        #expect(Probe.alpha(eo, 30, 30) == 0)
        #expect(Probe.alpha(eo, 15, 15) == 255)
        #expect(abs(Probe.area(eo) - (1600 - 400)) < 0.01)
        // Drawn in opposite directions, non-zero cuts the middle out too.
        var q = Probe.square(10, 10, 50, 50)
        q.append(Probe.square(20, 20, 40, 40, clockwise: false))
        #expect(Probe.alpha(Probe.filled(q, rule: .nonZero), 30, 30) == 0)
    }

    @Test("A clip rectangle stops painting at its edges")
    func clipping() {
        let pm = Probe.filled(.rectangle(Rect(x: 0, y: 0, width: 64, height: 64)), clip: Rect(x: 5, y: 7, width: 10, height: 10))
        for y in 0..<64 {
            for x in 0..<64 {
                let inside = (5..<15).contains(x) && (7..<17).contains(y)
                if Probe.alpha(pm, x, y) != (inside ? 255 : 0) {
                    Issue.record("pixel \(x),\(y) = \(Probe.alpha(pm, x, y))")
                    return
                }
            }
        }
    }

    @Test("Fractional clip edges cover their pixels partially, exactly", arguments: [FillRule.nonZero, .evenOdd])
    func fractionalClip(rule: FillRule) {
        // A circle much larger than the clip, so only the clip's edges shape the result.
        let pm = Probe.filled(.circle(center: Point(10, 12), radius: 40), rule: rule, clip: Rect(x: 5.3, y: 6.6, width: 10, height: 10))
        #expect(abs(Probe.area(pm) - 100) < 0.1)   // 36 edge pixels, each within half a level of 1/255
        #expect(Probe.alpha(pm, 5, 10) == 179)     // 70 % of column 5
        #expect(Probe.alpha(pm, 15, 10) == 77)     // 30 % of column 15
        #expect(Probe.alpha(pm, 10, 6) == 102)     // 40 % of row 6
        #expect(Probe.alpha(pm, 10, 16) == 153)    // 60 % of row 16
        #expect(Probe.alpha(pm, 5, 6) == 71)       // 28 % at the corner
        #expect(Probe.alpha(pm, 4, 10) == 0 && Probe.alpha(pm, 16, 10) == 0)
        // A shape whose edges cross the clip keeps its own anti-aliasing inside.
        let tri = PlotPath([.move(Point(0, 0)), .line(Point(40, 40)), .line(Point(0, 40)), .close])
        let full = Probe.filled(tri, rule: rule), clipped = Probe.filled(tri, rule: rule, clip: Rect(x: 10.5, y: 0, width: 20, height: 64))
        #expect(Probe.alpha(clipped, 20, 20) == Probe.alpha(full, 20, 20))
        #expect(Probe.alpha(clipped, 25, 30) == 255)
    }

    @Test("Shapes partly outside the pixmap keep their winding")
    func offCanvas() {
        // A triangle poking out of the left, top and right: the visible part must still be solid.
        let p = PlotPath([.move(Point(-40, -10)), .line(Point(100, 30)), .line(Point(-40, 70)), .close])
        let pm = Probe.filled(p)
        #expect(Probe.alpha(pm, 0, 30) == 255)
        #expect(Probe.alpha(pm, 40, 30) == 255)
        #expect(Probe.alpha(pm, 63, 2) == 0)
        // Clipped on the left by a clip rect: the left edge is outside the work box.
        let clipped = Probe.filled(p, clip: Rect(x: 20, y: 0, width: 30, height: 64))
        #expect(Probe.alpha(clipped, 25, 30) == 255)
        #expect(Probe.alpha(clipped, 19, 30) == 0)
    }

    @Test("NaN, infinite and huge coordinates neither crash nor hang", arguments: [
        PlotPath([.move(Point(.nan, 1)), .line(Point(10, 10)), .line(Point(1, 20)), .close]),
        PlotPath([.move(Point(1, 1)), .line(Point(.infinity, 10)), .line(Point(1, 20)), .close]),
        PlotPath([.move(Point(1, 1)), .quad(control: Point(5, .nan), to: Point(10, 10)), .close]),
        PlotPath([.move(Point(1, 1)), .cubic(control1: Point(-1e300, 1e300), control2: Point(1e308, -1e308), to: Point(10, 10)), .close]),
        PlotPath([.move(Point(1, 1)), .line(Point(1e12, 10)), .line(Point(1, 1e12)), .close]),
        PlotPath([.move(Point(-1e12, -1e12)), .line(Point(1e12, -1e12)), .line(Point(1e12, 1e12)), .line(Point(-1e12, 1e12)), .close]),
        PlotPath([.line(Point(5, 5)), .close, .line(Point(9, 30))]),
    ])
    func hostileCoordinates(path: PlotPath) {
        var pm = Probe.filled(path, rule: .nonZero, clip: nil)
        Rasterizer.fill(path, color: .black, rule: .evenOdd, clip: Rect(x: .nan, y: 0, width: 5, height: .infinity), into: &pm)
        let stroke = Stroker.outline(of: path, stroke: Stroke(color: .black, width: 3, cap: .round, join: .round, dash: [1, 1]))
        Rasterizer.fill(stroke, color: .black, rule: .nonZero, clip: nil, into: &pm)
        #expect(pm.data.count == 64 * 64 * 4)
    }

    @Test("A NaN subpath is dropped but its finite neighbours still draw")
    func nanSubpathDropped() {
        var p = PlotPath([.move(Point(.nan, 0)), .line(Point(5, 5)), .line(Point(0, 9)), .close])
        p.append(.rectangle(Rect(x: 10, y: 10, width: 4, height: 4)))
        let pm = Probe.filled(p)
        #expect(Probe.area(pm) == 16)
    }

    @Test("A pixmap whose data was truncated is left alone rather than overrun")
    func truncatedPixmap() {
        var pm = Pixmap(width: 8, height: 8)
        pm.data.removeLast(4)
        Rasterizer.fill(.rectangle(Rect(x: 0, y: 0, width: 8, height: 8)), color: .black, rule: .nonZero, clip: nil, into: &pm)
        #expect(pm.data.allSatisfy { $0 == 0 })
    }

    @Test("A huge rectangle covers the whole canvas")
    func hugeRectangle() {
        let pm = Probe.filled(.rectangle(Rect(x: -1e12, y: -1e12, width: 2e12, height: 2e12)), width: 16, height: 16)
        #expect(Probe.area(pm) == 256)
    }
}
