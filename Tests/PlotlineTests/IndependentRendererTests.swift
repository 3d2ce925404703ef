import Foundation
import Plotline
import Testing

/// Our rasterizer judged by an independent one: `rsvg-convert` draws our SVG (text as outlines),
/// and its pixels must agree with ours to a PSNR of at least 40 dB.
@Suite(.serialized, .enabled(if: Judge.available("rsvg-convert"), Judge.note("rsvg-convert", package: "librsvg2-bin")))
struct IndependentRendererTests {
    static let minimumPSNR = 40.0

    /// The stress scene plus rotated, semi-transparent text set in DejaVu Sans.
    static func stressScene() throws -> PlotScene {
        var scene = RasterBenchmark.stressScene()
        let path = try #require(FontLocator.locate(family: "DejaVu Sans"))
        let fonts = ChartFonts(regular: try Typeface(path: path), bold: try Typeface(path: path))
        let layout = ChartLayout(fonts: fonts)
        let texts: [SceneText] = [
            layout.run("Rotated −90° text", at: Point(24, scene.height / 2), anchor: .middle, rotation: -90, size: 13, color: .black),
            layout.run("Tilted 30°, half opaque", at: Point(60, 40), anchor: .start, rotation: 30, size: 16,
                       color: PlotColor(rgb: 0x1F4E9A).withOpacity(0.5)),
            layout.run("AVAWA kerning 0.1 ÿ", at: Point(scene.width - 8, scene.height - 10), anchor: .end, size: 11, color: PlotColor(rgb: 0x333333)),
        ]
        scene.nodes.append(.group(SceneGroup(role: .plain, nodes: texts.map { .text($0) })))
        return scene
    }

    /// Peak signal-to-noise ratio over RGB, both images composited onto white; infinity when equal.
    static func psnr(_ a: Pixmap, _ b: Pixmap) -> Double {
        var sum = 0.0
        for i in stride(from: 0, to: a.data.count, by: 4) {
            let aa = 255 - Int(a.data[i + 3]), ba = 255 - Int(b.data[i + 3])
            for c in 0..<3 {
                let d = Double(Int(a.data[i + c]) + aa - Int(b.data[i + c]) - ba)
                sum += d * d
            }
        }
        let mse = sum / Double(a.width * a.height * 3)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    func compareWithRSVG(_ scene: PlotScene, scale: Double, name: String) throws -> Double {
        guard let rsvg = Repo.which("rsvg-convert") else {
            Issue.record("rsvg-convert is not installed (Debian: librsvg2-bin)")
            return 0
        }
        let folder = Repo.temporaryFolder()
        let svgPath = folder + "/\(name).svg", pngPath = folder + "/\(name).png"
        try SVGWriter(textMode: .paths).write(scene).write(toFile: svgPath, atomically: true, encoding: .utf8)
        let result = try Repo.run(rsvg, ["--zoom", "\(scale)", "--format", "png", "--output", pngPath, svgPath])
        #expect(result.status == 0, "\(result.err)")
        let theirs = try PNGDecoder.decode(Array(try #require(FileManager.default.contents(atPath: pngPath))))
        let ours = SceneRasterizer.render(scene, scale: scale)
        try #require(theirs.width == ours.width && theirs.height == ours.height,
                     "sizes differ: rsvg \(theirs.width)×\(theirs.height), ours \(ours.width)×\(ours.height)")
        let value = Self.psnr(ours, theirs)
        // Both images stay side by side in the temporary folder for a person to look at.
        _ = FileManager.default.createFile(atPath: folder + "/\(name)-plotline.png", contents: Data(try PNGEncoder.encode(ours, scale: scale)))
        print("PSNR against rsvg-convert, \(name) at scale \(Int(scale)): \(String(format: "%.2f", value)) dB (images in \(folder))")
        return value
    }

    @Test(arguments: [1.0, 2.0])
    func seedFigureAgreesWithRSVG(scale: Double) throws {
        let scene = try Renderer().scene(specAt: Repo.seedSpec)
        #expect(try compareWithRSVG(scene, scale: scale, name: "seed") >= Self.minimumPSNR)
    }

    /// Every template's spec, so each mark kind is judged by the independent renderer.
    static let templates: [String] = {
        let folder = Repo.path("Templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func thereAreTemplatesToJudge() {
        #expect(Self.templates.count >= 9)
    }

    @Test(arguments: templates)
    func everyTemplateAgreesWithRSVG(template: String) throws {
        let scene = try Renderer().scene(specAt: Repo.path("Templates/" + template))
        #expect(try compareWithRSVG(scene, scale: 1, name: String(template.dropLast(5))) >= Self.minimumPSNR)
    }

    @Test(arguments: [1.0, 2.0])
    func stressSceneAgreesWithRSVG(scale: Double) throws {
        #expect(try compareWithRSVG(try Self.stressScene(), scale: scale, name: "stress") >= Self.minimumPSNR)
    }
}
