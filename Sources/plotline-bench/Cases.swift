// The benchmark's case suite: each case runs in a child process of its own, so the peak memory it
// reports (ru_maxrss of that process) belongs to the case alone.
import Foundation
import Plotline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One benchmark case: a name, how many timed runs, and the work of one run.
struct BenchCase: Sendable {
    var name: String
    var runs: Int
    /// Prepares the case (outside the timing) and returns one run's work.
    var prepare: @Sendable () throws -> Prepared
}

/// A prepared case: the work of one run, and what to remove afterwards.
struct Prepared {
    var work: () throws -> Void
    var cleanup: () -> Void = {}
}

/// A deterministic random walk of `count` points (xorshift; no system randomness, so every run
/// draws the same chart).
func randomWalk(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Double] {
    var state = seed
    var value = 0.0
    var out = [Double](repeating: 0, count: count)
    for i in 0..<count {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        value += Double(Int64(bitPattern: state % 2001) - 1000) / 1000
        out[i] = value
    }
    return out
}

/// Renders `chart` to SVG and a PNG at scale 1, the work a command does after reading.
func renderBoth(_ chart: Chart, renderer: Renderer) throws {
    _ = try chart.svg(renderer: renderer)
    _ = try chart.png(renderer: renderer)
}

func lineCase(_ count: Int, runs: Int) -> BenchCase {
    BenchCase(name: "line, \(count.formatted()) points, SVG + PNG", runs: runs) {
        let xs = (0..<count).map(Double.init)
        let chart = Chart { Line(x: xs, y: randomWalk(count)) }
        let renderer = Renderer()
        return Prepared { try renderBoth(chart, renderer: renderer) }
    }
}

let benchCases: [BenchCase] = [
    BenchCase(name: "seed figure, SVG + PNG, scale 1", runs: 30) {
        let spec = try ChartSpecLoader.load(path: "Templates/mmlu-pro-rl.json")
        let renderer = Renderer()
        return Prepared { try renderBoth(Chart(spec: spec), renderer: renderer) }
    },
    BenchCase(name: "seed figure, PNG, scale 2", runs: 30) {
        let spec = try ChartSpecLoader.load(path: "Templates/mmlu-pro-rl.json")
        let renderer = Renderer()
        return Prepared { _ = try Chart(spec: spec).png(scale: 2, renderer: renderer) }
    },
    BenchCase(name: "10 series of 200 points and a legend", runs: 20) {
        let chart = Chart {
            for s in 0..<10 {
                Line(x: (0..<200).map(Double.init), y: randomWalk(200, seed: UInt64(s + 1) * 7919)).name("series \(s + 1)")
            }
        }
        let renderer = Renderer()
        return Prepared { try renderBoth(chart, renderer: renderer) }
    },
    lineCase(10_000, runs: 20),
    lineCase(100_000, runs: 10),
    lineCase(1_000_000, runs: 5),
    BenchCase(name: "scatter, 100,000 points, SVG + PNG", runs: 10) {
        let walk = randomWalk(200_000)
        let chart = Chart { Scatter(x: Array(walk[..<100_000]), y: Array(walk[100_000...])) }
        let renderer = Renderer()
        return Prepared { try renderBoth(chart, renderer: renderer) }
    },
    BenchCase(name: "1M-row CSV read (spec → model)", runs: 5) {
        let folder = NSTemporaryDirectory() + "plotline-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var text = "t,v\n"
        text.reserveCapacity(20_000_000)
        for (i, v) in randomWalk(1_000_000).enumerated() { text += "\(i),\((v * 1000).rounded() / 1000)\n" }
        try text.write(toFile: folder + "/big.csv", atomically: false, encoding: .utf8)
        try #"{"series": [{"data": {"csv": "big.csv", "x": "t", "y": "v"}}]}"#
            .write(toFile: folder + "/big.json", atomically: false, encoding: .utf8)
        return Prepared(work: { _ = try ChartSpecLoader.load(path: folder + "/big.json") },
                        cleanup: { try? FileManager.default.removeItem(atPath: folder) })
    },
    BenchCase(name: "batch of 100 specs (SVG + PNG, all cores)", runs: 5) {
        let paths = Array(repeating: "Templates/mmlu-pro-rl.json", count: 100)
        let renderer = Renderer()
        return Prepared {
            for result in renderer.renderAll(specsAt: paths) { _ = try result.get() }
        }
    },
]

/// The 10M-point line, run only with `--large`: it needs about a gigabyte.
let largeCases: [BenchCase] = [lineCase(10_000_000, runs: 3)]

/// Runs one case in this process and prints its line: median, spread and peak memory.
func runCase(_ benchCase: BenchCase) throws {
    let prepared = try benchCase.prepare()
    defer { prepared.cleanup() }
    let work = prepared.work
    let clock = ContinuousClock()
    try work()  // warm-up
    var samples: [Double] = []
    for _ in 0..<benchCase.runs {
        let elapsed = try clock.measure(work)
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let peakMiB = Double(usage.ru_maxrss) / 1024  // Linux: KiB
    #else
    getrusage(RUSAGE_SELF, &usage)
    let peakMiB = Double(usage.ru_maxrss) / 1_048_576  // Darwin: bytes
    #endif
    let name = benchCase.name.padding(toLength: 44, withPad: " ", startingAt: 0)
    print("\(name) median \(format(samples[samples.count / 2])) ms, range \(format(samples[0]))–\(format(samples[samples.count - 1])) ms, \(benchCase.runs) runs, peak \(Int(peakMiB.rounded())) MiB")
}

/// Runs every case, each in a child process (`plotline-bench --case N`), in order.
func runAllCases(large: Bool) throws {
    let all = benchCases + (large ? largeCases : [])
    // Written unbuffered, so it comes before the children's lines on the same stream.
    FileHandle.standardOutput.write(Data("Plotline benchmark cases (median, fastest–slowest, peak memory of the case's own process)\n".utf8))
    for index in all.indices {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--case", String(index)] + (large ? ["--large"] : [])
        try child.run()
        child.waitUntilExit()
        if child.terminationStatus != 0 { print("\(all[index].name): failed (status \(child.terminationStatus))") }
    }
}
