import PlotlineCore
@testable import PlotlineLayout
import PlotlineModel
import PlotlineTestSupport
import Testing

/// Tick labels never overlap, whatever the domain, scale and canvas.
@Suite struct LabelPropertyTests {
    static let scales: [ScaleType] = [.linear, .log, .time, .symlog]

    func boxes(_ scene: PlotScene, _ role: SceneRole) -> [Rect] {
        (scene.group(role)?.nodes ?? []).compactMap { n -> Rect? in
            if case .text(let t) = n, t.rotation == 0 { return t.glyphs.controlBounds }
            return nil
        }
    }

    @Test(arguments: scales)
    func labelsNeverOverlap(scale: ScaleType) throws {
        var rng = SplitMix64(seed: 0x5EED + UInt64(Self.scales.firstIndex(of: scale) ?? 0))
        for _ in 0..<150 {
            let width = Double.random(in: 160...2400, using: &rng).rounded()
            let height = Double.random(in: 120...1600, using: &rng).rounded()
            let (a, b): (Double, Double)
            switch scale {
            case .log:
                a = pow10(Double.random(in: -8...8, using: &rng)); b = a * pow10(Double.random(in: 0.05...14, using: &rng))
            case .time:
                a = Double.random(in: -2e9...4e9, using: &rng); b = a + pow10(Double.random(in: 0.5...9.5, using: &rng))
            default:
                let center = Double.random(in: -1e6...1e6, using: &rng) * pow10(Double.random(in: -6...6, using: &rng))
                let span = pow10(Double.random(in: -4...9, using: &rng))
                (a, b) = (center, center + span)
            }
            var x = AxisSpec(scale: scale), y = AxisSpec(scale: scale == .time ? .linear : scale)
            x.label = "x"; y.label = "y"
            let xs: XValues = scale == .time ? .dates([a, b]) : .numbers([a, b])
            let spec = ChartSpec(width: width, height: height, x: x, y: y,
                                 series: [SeriesSpec(x: xs, mark: .line(LineMark(y: scale == .time ? [0, 1] : [a, b])))])
            let scene = layout.scene(for: spec)
            let xBoxes = boxes(scene, .axisX).filter { _ in true }
            for (p, q) in zip(xBoxes, xBoxes.dropFirst()) where p.maxY > q.y && q.maxY > p.y {
                #expect(p.maxX <= q.x, "x labels overlap for \(scale) [\(a), \(b)] at \(width)×\(height)")
            }
            let yBoxes = boxes(scene, .axisY)
            for (p, q) in zip(yBoxes, yBoxes.dropFirst()) {
                #expect(p.y >= q.maxY || q.y >= p.maxY, "y labels overlap for \(scale) [\(a), \(b)] at \(width)×\(height)")
            }
        }
    }

    func pow10(_ e: Double) -> Double { LogBaseProbe.power(e) }
}

/// 10^e without Foundation, for building test domains.
enum LogBaseProbe {
    static func power(_ e: Double) -> Double {
        var result = 1.0
        var k = e.rounded(.down)
        let frac = e - k
        while k > 0 { result *= 10; k -= 1 }
        while k < 0 { result /= 10; k += 1 }
        // 10^frac by a short series of e^(frac·ln 10).
        let x = frac * 2.302585092994046
        var term = 1.0, sum = 1.0
        for n in 1...30 { term *= x / Double(n); sum += term }
        return result * sum
    }
}
