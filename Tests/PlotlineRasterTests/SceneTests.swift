import PlotlineCore
import Testing
@testable import PlotlineRaster

@Suite("PlotScene rendering")
struct SceneTests {
    @Test("The pixmap takes the scaled, rounded-up size and the background", arguments: [
        (100.0, 60.0, 1.0, 100, 60), (100, 60, 2, 200, 120), (50.2, 30.1, 1, 51, 31), (10, 10, 1.5, 15, 15),
        (.nan, 10, 1, 0, 10), (-5, 10, 1, 0, 10), (10, 10, .nan, 10, 10),
    ])
    func size(width: Double, height: Double, scale: Double, pw: Int, ph: Int) {
        let pm = SceneRasterizer.render(PlotScene(width: width, height: height, background: .white), scale: scale)
        #expect(pm.width == pw)
        #expect(pm.height == ph)
        #expect(pm.isOpaque)
    }

    @Test("Rendering at 2× doubles dimensions and geometry")
    func doubleScale() {
        let scene = PlotScene(width: 40, height: 30, background: .transparent, nodes: [
            .path(ScenePath(path: .rectangle(Rect(x: 10, y: 5, width: 10, height: 10)), fill: Fill(color: .black))),
        ])
        let one = SceneRasterizer.render(scene), two = SceneRasterizer.render(scene, scale: 2)
        #expect(two.width == 2 * one.width && two.height == 2 * one.height)
        #expect(Probe.area(one) == 100)
        #expect(Probe.area(two) == 400)
        #expect(Probe.alpha(two, 20, 10) == 255)
        #expect(Probe.alpha(two, 19, 10) == 0)
    }

    @Test("Stroke widths and dashes scale too")
    func strokeScales() {
        let scene = PlotScene(width: 40, height: 20, background: .transparent, nodes: [
            .path(ScenePath(path: PlotPath([.move(Point(0, 5)), .line(Point(30, 5))]),
                            stroke: Stroke(color: .black, width: 2, dash: [4, 2]))),
        ])
        #expect(abs(Probe.area(SceneRasterizer.render(scene, scale: 2)) - 4 * 40) < 0.05)
    }

    @Test("50 % red over white composites to about (255, 128, 128)")
    func transparency() {
        let scene = PlotScene(width: 4, height: 4, background: .white, nodes: [
            .path(ScenePath(path: .rectangle(Rect(x: 0, y: 0, width: 4, height: 4)),
                            fill: Fill(color: PlotColor(red: 255, green: 0, blue: 0, alpha: 128)))),
        ])
        let c = SceneRasterizer.render(scene).color(x: 1, y: 1)
        #expect(c.red == 255 && c.alpha == 255)
        #expect(abs(Int(c.green) - 128) <= 1 && abs(Int(c.blue) - 128) <= 1)
    }

    @Test("Semi-transparent paint over a transparent background stays premultiplied")
    func overTransparent() {
        var pm = Pixmap(width: 2, height: 2)
        Rasterizer.fill(.rectangle(Rect(x: 0, y: 0, width: 2, height: 2)), color: PlotColor(red: 200, green: 100, blue: 0, alpha: 128),
                        rule: .nonZero, clip: nil, into: &pm)
        #expect(Array(pm.data[0..<4]) == [100, 50, 0, 128])
    }

    @Test("Fill comes before stroke; text fills its glyphs; group clips apply to children")
    func nodeKinds() {
        let square = PlotPath.rectangle(Rect(x: 5, y: 5, width: 10, height: 10))
        let scene = PlotScene(width: 40, height: 20, background: .white, nodes: [
            .path(ScenePath(path: square, fill: Fill(color: PlotColor(red: 0, green: 0, blue: 255)),
                            stroke: Stroke(color: PlotColor(red: 255, green: 0, blue: 0), width: 2))),
            .group(SceneGroup(role: .plain, clip: Rect(x: 20, y: 0, width: 5, height: 20), nodes: [
                .text(SceneText(text: "■", origin: Point(20, 15), font: FontDescriptor(family: "Test", size: 10),
                                color: .black, glyphs: .rectangle(Rect(x: 20, y: 5, width: 10, height: 10)))),
            ])),
        ])
        let pm = SceneRasterizer.render(scene)
        #expect(pm.color(x: 10, y: 10) == PlotColor(red: 0, green: 0, blue: 255))
        #expect(pm.color(x: 5, y: 10) == PlotColor(red: 255, green: 0, blue: 0))   // stroke painted over the fill edge
        #expect(pm.color(x: 22, y: 10) == .black)
        #expect(pm.color(x: 27, y: 10) == .white)                              // clipped away
    }

    @Test("Nested group clips intersect")
    func nestedClips() {
        let scene = PlotScene(width: 30, height: 30, background: .transparent, nodes: [
            .group(SceneGroup(role: .plain, clip: Rect(x: 0, y: 0, width: 20, height: 20), nodes: [
                .group(SceneGroup(role: .plain, clip: Rect(x: 10, y: 10, width: 20, height: 20), nodes: [
                    .path(ScenePath(path: .rectangle(Rect(x: 0, y: 0, width: 30, height: 30)), fill: Fill(color: .black))),
                ])),
            ])),
        ])
        #expect(Probe.area(SceneRasterizer.render(scene)) == 100)
    }

    @Test("Rendering is deterministic and the stress scene draws")
    func determinism() {
        let scene = RasterBenchmark.stressScene()
        let a = SceneRasterizer.render(scene), b = SceneRasterizer.render(scene)
        #expect(a == b)
        #expect(a.width == 400 && a.height == 300)
        #expect(a.data.contains { $0 != 255 })
        let c = SceneRasterizer.render(scene, scale: 2)
        #expect(c.width == 800 && c.height == 600)
    }
}
