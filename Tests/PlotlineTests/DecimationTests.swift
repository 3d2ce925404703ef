import Foundation
import Plotline
import Testing

/// M4 decimation draws what the full series draws: long series of several shapes, with and without
/// decimation, at line widths 1 and 2, on a canvas narrow enough that every series has dozens of
/// points per pixel column. (20k points keep the undecimated renders quick in a debug build;
/// `swift run -c release plotline-bench` measures the million-point case.)
@Suite struct DecimationTests {
    static let shapes = ["noise", "steps", "spikes", "dense sine"]

    static func values(_ shape: String, count: Int) -> [Double] {
        var rng = SplitMix64(seed: 42)
        return (0..<count).map { i -> Double in
            let t = Double(i) / Double(count)
            switch shape {
            case "noise": return Double.random(in: -1...1, using: &rng)
            case "steps": return (t * 12).rounded(.down).truncatingRemainder(dividingBy: 3)
            case "spikes": return i % 9973 == 0 ? 10 : Double.random(in: 0...0.2, using: &rng)
            default: return sine(t * 2 * Double.pi * 1000)  // 1000 periods across 260 columns
            }
        }
    }

    /// sin without Foundation's libm dependence mattering: a test input only.
    static func sine(_ x: Double) -> Double { Foundation.sin(x) }

    func render(_ spec: ChartSpec, decimate: Bool) throws -> (Pixmap, Int) {
        let path = try #require(FontLocator.locate(family: "DejaVu Sans"))
        let face = try Typeface(path: path)
        var theme = Theme()
        theme.decimate = decimate
        let scene = ChartLayout(fonts: ChartFonts(regular: face, bold: face), theme: theme).scene(for: spec)
        let points = scene.group(.series(0))?.nodes.reduce(0) { n, node in
            if case .path(let p) = node { return n + p.path.elements.count }
            return n
        } ?? 0
        return (SceneRasterizer.render(scene), points)
    }

    @Test(arguments: shapes, [1.0, 2.0])
    func decimatedLinesDrawTheSamePixels(shape: String, width: Double) throws {
        let n = 20_000
        let spec = ChartSpec(width: 300, height: 200, series: [SeriesSpec(width: width, x: (0..<n).map(Double.init), y: Self.values(shape, count: n))])
        let (full, allPoints) = try render(spec, decimate: false)
        let (reduced, keptPoints) = try render(spec, decimate: true)
        #expect(keptPoints < allPoints / 4, "decimation kept \(keptPoints) of \(allPoints) points")
        var largest = 0
        for (a, b) in zip(full.data, reduced.data) { largest = max(largest, abs(Int(a) - Int(b))) }
        let result = try ImageComparison.compare(expected: full, actual: reduced, options: .init())
        print("M4, \(shape), width \(width): \(keptPoints) of \(allPoints) points; largest channel difference \(largest); \(result.summary)")
        // M4 keeps every pixel column's extremes, so the same columns are inked; what may differ is
        // the anti-aliasing along stroke edges where many tiny zigzags inside one column are joined
        // differently from the one stroke through their extremes. Stated bound: at most 1 % of the
        // pixels differ beyond anti-aliasing shifts (the printed line gives the largest difference).
        #expect(Double(result.differentPixels) <= 0.01 * Double(full.width * full.height), "\(shape) width \(width): \(result.summary)")
    }

    @Test func opaqueScatterMarkersOnOneSpotAreDrawnOnce() throws {
        let n = 20_000
        var rng = SplitMix64(seed: 7)
        let xs = (0..<n).map { _ in Double(Int.random(in: 0..<50, using: &rng)) }
        let ys = (0..<n).map { _ in Double(Int.random(in: 0..<50, using: &rng)) }
        let spec = ChartSpec(width: 300, height: 200, series: [SeriesSpec(x: .numbers(xs), mark: .scatter(ScatterMark(y: ys)))])
        let (full, _) = try render(spec, decimate: false)
        let (reduced, _) = try render(spec, decimate: true)
        // Markers stacked on one spot darken their own anti-aliased rims (coverage adds up), so
        // drawing each spot once changes rims by a shade: the faintest rim pixels may go blank,
        // but at a perceptual threshold of 0.1 no pixel differs.
        var inkChanged = 0
        for i in stride(from: 0, to: full.data.count, by: 4) {
            let a = full.data[i] < 255 || full.data[i + 1] < 255 || full.data[i + 2] < 255
            let b = reduced.data[i] < 255 || reduced.data[i + 1] < 255 || reduced.data[i + 2] < 255
            if a != b { inkChanged += 1 }
        }
        let result = try ImageComparison.compare(expected: full, actual: reduced, options: .init(threshold: 0.1))
        print("scatter dedupe: \(inkChanged) pixels gained or lost ink; \(result.summary)")
        #expect(result.differentPixels == 0)
        #expect(inkChanged < full.width * full.height / 1000)
    }
}
