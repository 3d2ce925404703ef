// Benchmarks the seed figure's pipeline in-process: layout, SVG writing, rasterizing and PNG
// encoding at scale 1 and 2. Run in release: `swift run -c release plotline-bench [SPEC]`.
// `--cases` runs the case suite of Cases.swift instead (`--large` adds 10M points).
// Timing lives here, never in the test suite, which must pass on a slow, busy machine.
import Plotline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` `iterations` times after two warm-up runs; returns the median and fastest times in milliseconds.
func measure(_ iterations: Int, _ body: () throws -> Void) rethrows -> (median: Double, fastest: Double) {
    let clock = ContinuousClock()
    for _ in 0..<2 { try body() }
    var samples: [Double] = []
    for _ in 0..<iterations {
        let elapsed = try clock.measure(body)
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[0])
}

func row(_ name: String, _ t: (median: Double, fastest: Double)) {
    let pad = String(repeating: " ", count: max(0, 34 - name.count))
    print("\(name)\(pad)\(format(t.median)) ms median, \(format(t.fastest)) ms fastest")
}

func format(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return "\(r)"
}

let arguments = Array(CommandLine.arguments.dropFirst())
let large = arguments.contains("--large")
if let flag = arguments.firstIndex(of: "--case"), flag + 1 < arguments.count, let index = Int(arguments[flag + 1]) {
    let all = benchCases + (large ? largeCases : [])
    guard all.indices.contains(index) else { print("plotline-bench: no case \(index)"); exit(2) }
    do { try runCase(all[index]) } catch { print("plotline-bench: \(all[index].name): \(error)"); exit(1) }
    exit(0)
}
if arguments.contains("--cases") {
    do { try runAllCases(large: large) } catch { print("plotline-bench: \(error)"); exit(1) }
    exit(0)
}

let spec = arguments.first { !$0.hasPrefix("--") } ?? "Templates/mmlu-pro-rl.json"
do {
    let renderer = Renderer()
    let chartSpec: ChartSpec
    do {
        chartSpec = try ChartSpecLoader.load(path: spec)
    } catch {
        throw PlotlineError(error)
    }
    let scene = try renderer.scene(for: chartSpec, specFile: spec)
    let iterations = 30
    print("Plotline benchmark: \(spec), \(iterations) runs each")
    row("spec file → model (JSON, CSV)", try measure(iterations) {
        _ = try ChartSpecLoader.load(path: spec)
    })
    row("layout (model → PlotScene)", try measure(iterations) {
        _ = try renderer.scene(for: chartSpec, specFile: spec)
    })
    row("SVG writing", measure(iterations) { _ = SVGWriter().write(scene) })
    for scale in [1.0, 2.0] {
        let pixmap = SceneRasterizer.render(scene, scale: scale)
        row("rasterize, scale \(Int(scale)) (\(pixmap.width)×\(pixmap.height))", measure(iterations) {
            _ = SceneRasterizer.render(scene, scale: scale)
        })
        row("PNG encode, scale \(Int(scale))", try measure(iterations) {
            _ = try PNGEncoder.encode(pixmap, scale: scale)
        })
        let png = try PNGEncoder.encode(pixmap, scale: scale)
        row("PNG decode + compare, scale \(Int(scale))", try measure(iterations) {
            let decoded = try PNGDecoder.decode(png)
            _ = try ImageComparison.compare(expected: decoded, actual: pixmap, options: .init())
        })
        print("  PNG size at scale \(Int(scale)): \(png.count) bytes")
    }
} catch {
    print("plotline-bench: \(error)")
    exit(1)
}
