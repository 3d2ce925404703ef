import PlotlineCore
import Testing
@testable import PlotlineRaster

@Suite("Stroking")
struct StrokeTests {
    @Test("A 1 px line centred on y = 10.5 covers exactly one row at 255")
    func onePixelLine() {
        let pm = Probe.stroked(PlotPath([.move(Point(5, 10.5)), .line(Point(40, 10.5))]), Stroke(color: .black, width: 1))
        for x in 0..<64 {
            let inside = (5..<40).contains(x)
            #expect(Probe.alpha(pm, x, 10) == (inside ? 255 : 0), "x = \(x)")
            #expect(Probe.alpha(pm, x, 9) == 0)
            #expect(Probe.alpha(pm, x, 11) == 0)
        }
    }

    @Test("A 0.5 px line covers about half of each pixel, evenly along its length")
    func hairline() {
        let h = Probe.stroked(PlotPath([.move(Point(2, 20.5)), .line(Point(60, 20.5))]), Stroke(color: .black, width: 0.5))
        for x in 2..<60 { #expect(Probe.alpha(h, x, 20) == 128) }
        // A diagonal hairline: every column between the ends carries the same ink, ±2 %.
        let d = Probe.stroked(PlotPath([.move(Point(4, 7)), .line(Point(60, 35))]), Stroke(color: .black, width: 0.5))
        var columns: [Double] = []
        for x in 8..<56 {
            var s = 0
            for y in 0..<64 { s += Probe.alpha(d, x, y) }
            columns.append(Double(s) / 255)
        }
        let expected = 0.5 * (1 + 0.25).squareRoot()   // width × secant of the slope, per unit of x
        for c in columns { #expect(abs(c - expected) < 0.02 * expected) }
    }

    @Test("A self-crossing polyline has no hole at the crossing", arguments: [LineJoin.miter, .round, .bevel])
    func selfCrossing(join: LineJoin) {
        // An open "X" drawn as one polyline: down-right, up, down-left.
        let x = PlotPath([.move(Point(8, 8)), .line(Point(56, 56)), .line(Point(56, 8)), .line(Point(8, 56))])
        let pm = Probe.stroked(x, Stroke(color: .black, width: 6, join: join))
        for (px, py) in [(31, 31), (32, 32), (31, 32), (32, 31)] { #expect(Probe.alpha(pm, px, py) == 255) }
        // A closed pentagram crosses itself five times.
        let pts = [Point(32, 4), Point(48.5, 54.7), Point(5.4, 23.3), Point(58.6, 23.3), Point(15.5, 54.7)]
        var star = PlotPath()
        star.move(to: pts[0])
        for p in pts.dropFirst() { star.line(to: p) }
        star.close()
        let s = Probe.stroked(star, Stroke(color: .black, width: 6, join: join))
        // Where the strands from (32,4)→(48.5,54.7) and (5.4,23.3)→(58.6,23.3) cross.
        #expect(Probe.alpha(s, 38, 23) == 255)
        #expect(Probe.alpha(s, 25, 23) == 255)
    }

    @Test("Joins: miter covers more than round, round more than bevel")
    func joinOrder() {
        let v = PlotPath([.move(Point(10, 50)), .line(Point(32, 14)), .line(Point(54, 50))])
        func area(_ j: LineJoin) -> Double { Probe.area(Probe.stroked(v, Stroke(color: .black, width: 8, join: j, miterLimit: 10))) }
        let miter = area(.miter), round = area(.round), bevel = area(.bevel)
        #expect(miter > round + 1)
        #expect(round > bevel + 0.5)
        // Past the miter limit a miter becomes a bevel.
        let limited = Probe.area(Probe.stroked(v, Stroke(color: .black, width: 8, join: .miter, miterLimit: 1.5)))
        #expect(abs(limited - bevel) < 0.01)
    }

    @Test("Caps: square extends by half the width, round by a half disc", arguments: [
        (LineCap.butt, 80.0), (LineCap.square, 96.0), (LineCap.round, 80 + Double.pi * 4),
    ])
    func caps(cap: LineCap, expected: Double) {
        let pm = Probe.stroked(PlotPath([.move(Point(10, 10)), .line(Point(30, 10))]), Stroke(color: .black, width: 4, cap: cap))
        #expect(abs(Probe.area(pm) - expected) < 0.01 * expected)
        if cap == .square {
            #expect(Probe.alpha(pm, 8, 10) == 255)
            #expect(Probe.alpha(pm, 7, 10) == 0)
            #expect(Probe.alpha(pm, 31, 9) == 255)
            #expect(Probe.alpha(pm, 32, 9) == 0)
        }
    }

    @Test("A zero-length subpath draws a dot only with round or square caps", arguments: [
        (LineCap.butt, 0.0), (LineCap.round, Double.pi * 9), (LineCap.square, 36.0),
    ])
    func dots(cap: LineCap, expected: Double) {
        let p = PlotPath([.move(Point(20, 20)), .line(Point(20, 20))])
        let pm = Probe.stroked(p, Stroke(color: .black, width: 6, cap: cap))
        #expect(abs(Probe.area(pm) - expected) <= 0.01 * expected)
    }

    @Test("A closed square gets joins all round and no caps")
    func closedSquare() {
        let pm = Probe.stroked(Probe.square(10, 10, 30, 30), Stroke(color: .black, width: 4, cap: .square, join: .miter))
        // Outer 24×24 minus inner 16×16.
        #expect(abs(Probe.area(pm) - (576 - 256)) < 0.01)
        #expect(Probe.alpha(pm, 8, 8) == 255)
        #expect(Probe.alpha(pm, 7, 8) == 0)
    }

    @Test("Dashes [4, 2] along a 30 px line give five dashes")
    func dashes() {
        let pm = Probe.stroked(PlotPath([.move(Point(0, 5)), .line(Point(30, 5))]), Stroke(color: .black, width: 2, dash: [4, 2]))
        var runs = 0
        var inRun = false
        for x in 0..<64 {
            let on = Probe.alpha(pm, x, 4) > 0
            if on && !inRun { runs += 1 }
            inRun = on
            #expect(Probe.alpha(pm, x, 4) == ((x % 6) < 4 && x < 30 ? 255 : 0), "x = \(x)")
        }
        #expect(runs == 5)
        #expect(abs(Probe.area(pm) - 40) < 0.01)
    }

    @Test("The dash pattern continues around a corner, and the offset shifts it")
    func dashAcrossCorner() {
        let corner = PlotPath([.move(Point(0, 5)), .line(Point(5, 5)), .line(Point(5, 30))])
        let pm = Probe.stroked(corner, Stroke(color: .black, width: 2, dash: [4, 2]))
        // 0–4 on, 4–6 off (one unit on each leg), so the vertical leg is on for y 6–10, 12–16, ...
        #expect(Probe.alpha(pm, 5, 5) == 0)
        #expect(Probe.alpha(pm, 5, 7) == 255)
        #expect(Probe.alpha(pm, 5, 9) == 255)
        #expect(Probe.alpha(pm, 5, 10) == 0)
        #expect(Probe.alpha(pm, 5, 12) == 255)
        // An offset of 3 starts one unit before the end of the first dash.
        let shifted = Probe.stroked(corner, Stroke(color: .black, width: 2, dash: [4, 2], dashOffset: 3))
        #expect(Probe.alpha(shifted, 0, 4) == 255)
        #expect(Probe.alpha(shifted, 1, 4) == 0)
        #expect(Probe.alpha(shifted, 3, 4) == 255)
        // An odd-length pattern repeats: [3] means 3 on, 3 off.
        let odd = Probe.stroked(PlotPath([.move(Point(0, 5)), .line(Point(30, 5))]), Stroke(color: .black, width: 2, dash: [3]))
        #expect(abs(Probe.area(odd) - 30) < 0.01)
    }

    @Test("A dash that starts or ends exactly on a corner keeps the corner's join, as cairo draws it")
    func dashOnVertex() {
        // Legs of 10: [10, 5] puts a dash end exactly on the first corner, [5, 5] a dash start on it.
        let corner = PlotPath([.move(Point(10, 10)), .line(Point(20, 10)), .line(Point(20, 30))])
        let ends = Probe.stroked(corner, Stroke(color: .black, width: 4, join: .miter, dash: [10, 5]))
        let starts = Probe.stroked(corner, Stroke(color: .black, width: 4, join: .miter, dash: [5, 5]))
        // The miter's outer corner is the square (20–22, 8–10).
        #expect(Probe.alpha(ends, 21, 8) == 255)
        #expect(Probe.alpha(starts, 21, 8) == 255)
        #expect(Probe.alpha(ends, 21, 12) == 0)    // the vertical leg starts with a gap
    }

    @Test("On a closed path, a dash running over the start joins the first dash")
    func closedDashWraps() {
        // Perimeter 80, pattern 5 on 5 off shifted by 2: on 0–3 and 78–83, so the corner at (10, 10)
        // is inside one dash that turns it, and gets a miter rather than two butt ends.
        let stroke = Stroke(color: .black, width: 4, join: .miter, dash: [5, 5], dashOffset: 2)
        let closed = Probe.stroked(Probe.square(10, 10, 30, 30), stroke)
        #expect(Probe.alpha(closed, 8, 8) == 255)
        var open = Probe.square(10, 10, 30, 30)
        open.elements.removeLast()
        open.line(to: Point(10, 10))
        #expect(Probe.alpha(Probe.stroked(open, stroke), 8, 8) == 0)
    }

    @Test("All-zero or negative dash arrays stroke solid", arguments: [[0.0, 0.0], [4, -1], [Double.nan, 2]])
    func solidFallback(dash: [Double]) {
        let pm = Probe.stroked(PlotPath([.move(Point(0, 5)), .line(Point(30, 5))]), Stroke(color: .black, width: 2, dash: dash))
        #expect(abs(Probe.area(pm) - 60) < 0.01)
    }

    @Test("Stroked curves stay close to the right area")
    func curveStroke() {
        // A circle of radius 20 stroked 4 wide is an annulus of area π(22² − 18²).
        let pm = Probe.stroked(.circle(center: Point(32, 32), radius: 20), Stroke(color: .black, width: 4))
        let expected = Double.pi * (22 * 22 - 18 * 18)
        #expect(abs(Probe.area(pm) - expected) / expected < 0.01)
    }

    @Test("Degenerate widths give an empty outline", arguments: [0.0, -2, Double.nan, Double.infinity])
    func degenerateWidth(width: Double) {
        let o = Stroker.outline(of: PlotPath([.move(Point(0, 0)), .line(Point(10, 10))]), stroke: Stroke(color: .black, width: width))
        #expect(o.isEmpty)
    }

    @Test("A very fine dash pattern on a huge line neither hangs nor traps")
    func fineDashHugeLine() {
        let p = PlotPath([.move(Point(0, 5)), .line(Point(1e12, 5))])
        let pm = Probe.stroked(p, Stroke(color: .black, width: 2, dash: [1e-6, 1e-6]))
        #expect(Probe.alpha(pm, 10, 5) > 0)
    }
}

@Suite("Stroking limits")
struct StrokeLimitTests {
    @Test("The dash budget is shared by every subpath, so gaps in the data cannot multiply it")
    func dashBudgetIsPerStroke() {
        var path = PlotPath()
        for i in 0..<40 {
            path.move(to: Point(0, Double(i)))
            path.line(to: Point(800, Double(i) + 0.5))
        }
        let stroke = Stroke(color: .black, width: 1, dash: [0.002, 0.002])
        let outline = Stroker.outline(of: path, stroke: stroke)
        // Solid strokes of 40 segments need a few hundred elements; 16 million dashes would need 80 million.
        #expect(outline.elements.count < 5 * OutlineBuilder.maxDashes + 10_000)
    }

    @Test("Round joins and caps are built without trigonometry, symmetric about the axis")
    func roundCapIsSymmetric() {
        let outline = Stroker.outline(of: PlotPath([.move(Point(10, 10)), .line(Point(30, 10))]),
                                      stroke: Stroke(color: .black, width: 8, cap: .round))
        let box = outline.controlBounds
        #expect(box.map { abs($0.x - 6) < 1e-9 && abs($0.maxX - 34) < 1e-9 } == true)
        #expect(box.map { abs($0.y - 6) < 1e-9 && abs($0.maxY - 14) < 1e-9 } == true)
    }
}
