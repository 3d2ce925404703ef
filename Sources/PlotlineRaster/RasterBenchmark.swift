import PlotlineCore

/// A fixed stress scene for timing the rasterizer and comparing it with other renderers.
public enum RasterBenchmark {
    /// A 400×300 scene exercising every raster feature except text: thick and hairline strokes, every
    /// join and cap, dashes, a self-crossing polyline, quadratic and cubic curves, even-odd and
    /// semi-transparent fills, and a clipped group. It is built from constants only, so it never changes.
    public static func stressScene() -> PlotScene {
        var nodes: [SceneNode] = []
        let dark = PlotColor(red: 30, green: 40, blue: 60)

        // Semi-transparent overlapping fills, one of them even-odd with a hole.
        nodes.append(.path(ScenePath(path: .rectangle(Rect(x: 10, y: 10, width: 120, height: 80)),
                                     fill: Fill(color: PlotColor(red: 220, green: 40, blue: 40, alpha: 128)))))
        nodes.append(.path(ScenePath(path: .circle(center: Point(110, 70), radius: 45),
                                     fill: Fill(color: PlotColor(red: 40, green: 90, blue: 220, alpha: 160)),
                                     stroke: Stroke(color: dark, width: 1.5))))
        var ring = PlotPath.circle(center: Point(200, 55), radius: 40)
        ring.append(.circle(center: Point(200, 55), radius: 20))
        nodes.append(.path(ScenePath(path: ring, fill: Fill(color: PlotColor(red: 30, green: 160, blue: 90), rule: .evenOdd))))

        // Every join × cap on a zig-zag, thick.
        let joins: [LineJoin] = [.miter, .round, .bevel]
        let caps: [LineCap] = [.butt, .round, .square]
        for (j, join) in joins.enumerated() {
            for (c, cap) in caps.enumerated() {
                let x = 260 + Double(c) * 45, y = 15 + Double(j) * 40
                let zig = PlotPath([.move(Point(x, y + 20)), .line(Point(x + 12, y)), .line(Point(x + 24, y + 20)),
                                .line(Point(x + 34, y + 5))])
                nodes.append(.path(ScenePath(path: zig, stroke: Stroke(color: PlotColor(red: 120, green: 60, blue: 160, alpha: 200),
                                                                      width: 7, cap: cap, join: join))))
            }
        }

        // Hairlines and thin lines at fractional offsets and slopes.
        for i in 0..<12 {
            let x = 12.3 + Double(i) * 9.7
            let w = [0.25, 0.5, 0.75, 1.0][i % 4]
            nodes.append(.path(ScenePath(path: PlotPath([.move(Point(x, 110)), .line(Point(x + Double(i) * 3, 190))]),
                                         stroke: Stroke(color: .black, width: w))))
        }

        // Dashes continuing around corners and along curves.
        var wave = PlotPath()
        wave.move(to: Point(140, 120))
        wave.cubic(control1: Point(180, 60), control2: Point(220, 220), to: Point(260, 140))
        wave.quad(control: Point(300, 90), to: Point(330, 150))
        wave.line(to: Point(390, 150))
        wave.line(to: Point(390, 190))
        nodes.append(.path(ScenePath(path: wave, stroke: Stroke(color: PlotColor(red: 200, green: 120, blue: 0), width: 3,
                                                                cap: .round, join: .round, dash: [9, 4, 2], dashOffset: 3))))
        nodes.append(.path(ScenePath(path: .rectangle(Rect(x: 150, y: 200, width: 90, height: 60)),
                                     stroke: Stroke(color: dark, width: 2, dash: [6, 3]))))

        // A self-crossing polyline (a five-pointed star) stroked thick, with a translucent non-zero fill.
        // Vertices precomputed rather than taken from libm, so the scene is identical on every platform.
        let starPoints = [Point(75.0000, 195.0000), Point(104.3893, 285.4508), Point(27.4472, 229.5492),
                          Point(122.5528, 229.5492), Point(45.6107, 285.4508)]
        var star = PlotPath()
        star.move(to: starPoints[0])
        for p in starPoints.dropFirst() { star.line(to: p) }
        star.close()
        nodes.append(.path(ScenePath(path: star, fill: Fill(color: PlotColor(red: 250, green: 200, blue: 0, alpha: 100)),
                                     stroke: Stroke(color: PlotColor(red: 0, green: 120, blue: 180, alpha: 220), width: 6,
                                                    join: .miter, miterLimit: 10))))

        // A clipped group: a big curve cut by a fractional clip.
        var blob = PlotPath()
        blob.move(to: Point(250, 210))
        blob.cubic(control1: Point(300, 160), control2: Point(420, 250), to: Point(380, 300))
        blob.quad(control: Point(300, 320), to: Point(250, 210))
        blob.close()
        nodes.append(.group(SceneGroup(role: .data, clip: Rect(x: 260.4, y: 205.6, width: 120, height: 80),
                                       nodes: [.path(ScenePath(path: blob, fill: Fill(color: PlotColor(red: 90, green: 200, blue: 200)),
                                                               stroke: Stroke(color: .black, width: 0.5)))])))
        return PlotScene(width: 400, height: 300, background: .white, title: "Raster stress scene",
                     description: "Strokes, joins, caps, dashes, curves and translucent fills.",
                     idPrefix: "stress", nodes: nodes)
    }
}

