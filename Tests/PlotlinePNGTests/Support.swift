import Foundation
import PlotlineCore
@testable import PlotlinePNG

/// Errors of the test helpers themselves.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// Reads a file of the Fixtures folder (copied as a resource, see Package.swift).
func fixtureBytes(_ name: String) throws -> [UInt8] {
    let dot = name.lastIndex(of: ".") ?? name.endIndex
    let base = String(name[..<dot])
    let ext = dot < name.endIndex ? String(name[name.index(after: dot)...]) : ""
    guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures") else {
        throw FixtureError(description: "missing fixture \(name)")
    }
    return [UInt8](try Data(contentsOf: url))
}

/// Decodes a PNG fixture.
func fixturePixmap(_ name: String) throws -> Pixmap {
    try PNGDecoder.decode(try fixtureBytes(name))
}

/// The chunks of a PNG file as (type, data) pairs, in file order; stops at malformed lengths.
func pngChunks(_ bytes: [UInt8]) -> [(type: String, data: [UInt8])] {
    var chunks: [(String, [UInt8])] = []
    var i = 8
    while i + 12 <= bytes.count {
        let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        guard i + 12 + length <= bytes.count else { break }
        let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
        chunks.append((type, Array(bytes[(i + 8)..<(i + 8 + length)])))
        i += 12 + length
    }
    return chunks
}

/// Big-endian UInt32 at `offset`.
func be32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
        | UInt32(bytes[offset + 3])
}

/// A synthetic chart-like image: white background, thin grey grid, black axes, a 2-px anti-aliased
/// coloured polyline and anti-aliased "text" (small blobs of partial coverage) along the axes.
/// `scale` draws the same chart at a higher pixel density (800×500 × scale).
func syntheticChart(scale: Int = 1) -> Pixmap {
    let w = 800 * scale, h = 500 * scale
    var data = [UInt8](repeating: 255, count: w * h * 4)
    func blend(_ x: Int, _ y: Int, _ r: Double, _ g: Double, _ b: Double, _ coverage: Double) {
        guard x >= 0, y >= 0, x < w, y < h, coverage > 0 else { return }
        let c = min(coverage, 1)
        let i = (y * w + x) * 4
        data[i] = UInt8((Double(data[i]) * (1 - c) + r * c).rounded())
        data[i + 1] = UInt8((Double(data[i + 1]) * (1 - c) + g * c).rounded())
        data[i + 2] = UInt8((Double(data[i + 2]) * (1 - c) + b * c).rounded())
    }
    let s = Double(scale)
    // Grid: 1-px (× scale) light grey lines every 50 px inside the plot area.
    for gx in stride(from: 60, through: 780, by: 50) {
        for y in (20 * scale)..<(460 * scale) { for t in 0..<scale { blend(gx * scale + t, y, 221, 221, 221, 1) } }
    }
    for gy in stride(from: 20, through: 460, by: 40) {
        for x in (60 * scale)..<(780 * scale) { for t in 0..<scale { blend(x, gy * scale + t, 221, 221, 221, 1) } }
    }
    // Axes.
    for y in (20 * scale)..<(461 * scale) { for t in 0..<scale { blend(60 * scale + t, y, 51, 51, 51, 1) } }
    for x in (60 * scale)..<(781 * scale) { for t in 0..<scale { blend(x, 460 * scale + t, 51, 51, 51, 1) } }
    // Polyline: coverage from distance to each segment, 2 px wide with a 1-px ramp.
    var points: [(Double, Double)] = []
    var seed: UInt64 = 12345
    func random() -> Double {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Double(seed >> 11) / Double(1 << 53)
    }
    var value = 240.0
    for k in 0...36 {
        value = min(440, max(40, value + (random() - 0.5) * 80))
        points.append((Double(60 + k * 20) * s, value * s))
    }
    let half = 1.0 * s
    for k in 0..<(points.count - 1) {
        let (x0, y0) = points[k], (x1, y1) = points[k + 1]
        let minX = Int(min(x0, x1) - half - 2), maxX = Int(max(x0, x1) + half + 2)
        let minY = Int(min(y0, y1) - half - 2), maxY = Int(max(y0, y1) + half + 2)
        let dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy
        for py in minY...maxY {
            for px in minX...maxX {
                let cx = Double(px) + 0.5, cy = Double(py) + 0.5
                let t = max(0, min(1, ((cx - x0) * dx + (cy - y0) * dy) / len2))
                let ex = x0 + t * dx - cx, ey = y0 + t * dy - cy
                let d = (ex * ex + ey * ey).squareRoot()
                let coverage = max(0, min(1, half + 0.5 - d))
                if coverage > 0 { blend(px, py, 31, 119, 180, coverage * 0.5) }
            }
        }
    }
    // Tick labels: 5×8-px (× scale) glyph cells of random anti-aliased coverage under each x tick
    // and left of each y tick, mimicking rendered text.
    func label(_ x0: Int, _ y0: Int, glyphs: Int) {
        for g in 0..<glyphs {
            for y in 0..<(8 * scale) {
                for x in 0..<(5 * scale) {
                    let r = random()
                    let coverage = r < 0.55 ? 0 : r < 0.8 ? 1 : (r - 0.8) * 5
                    blend(x0 + g * 6 * scale + x, y0 + y, 51, 51, 51, coverage)
                }
            }
        }
    }
    for gx in stride(from: 60, through: 780, by: 50) { label((gx - 8) * scale, 468 * scale, glyphs: 3) }
    for gy in stride(from: 20, through: 460, by: 40) { label(30 * scale, (gy - 4) * scale, glyphs: 4) }
    label(340 * scale, 484 * scale, glyphs: 20)
    return Pixmap(width: w, height: h, premultipliedRGBA: data) ?? Pixmap(width: 1, height: 1)
}
