import Foundation
import PlotlineCore
import PlotlineDiff
import Testing
@testable import PlotlinePNG

@Suite("PNG decoding")
struct PNGDecodingTests {
    /// Every format fixture against the premultiplied pixels the fixture script computed itself.
    @Test(arguments: [
        ("base.png", "base.rgba"),          // 8-bit RGB
        ("rgb16.png", "base.rgba"),         // 16-bit RGB with sub-LSB noise: needs rounding, not truncation
        ("interlaced.png", "base.rgba"),    // Adam7
        ("palette.png", "base.rgba"),       // colour type 3
        ("palette_trns.png", "palette_trns.rgba"),  // colour type 3 + tRNS
        ("grey8.png", "grey.rgba"),
        ("grey16.png", "grey.rgba"),
        ("grey_alpha.png", "grey_alpha.rgba"),
        ("rgba8.png", "rgba8.rgba"),
        ("rgba16.png", "rgba8.rgba"),       // 16-bit RGBA
        ("bilevel.png", "bilevel.rgba"),    // 1-bit grey
    ])
    func decodesToKnownPixels(png: String, expectedRaw: String) throws {
        let pixmap = try fixturePixmap(png)
        let expected = try fixtureBytes(expectedRaw)
        #expect(pixmap.width == 64)
        #expect(pixmap.height == 48)
        let mismatches = zip(pixmap.data, expected).filter { $0 != $1 }.count
        #expect(pixmap.data.count == expected.count)
        #expect(mismatches == 0, "\(png): \(mismatches) bytes differ from \(expectedRaw)")
    }

    @Test func knownPixelValuesOfBase() throws {
        let base = try fixturePixmap("base.png")
        #expect(base.color(x: 0, y: 0) == PlotColor.white)
        #expect(base.color(x: 16, y: 14) == PlotColor(red: 200, green: 60, blue: 60))
        #expect(base.color(x: 47, y: 15) == PlotColor(red: 40, green: 90, blue: 200))
        #expect(base.isOpaque)
    }

    @Test(arguments: [
        ("truncated.png", "truncated PNG data"),
        ("not_png.png", "not a PNG file"),
    ])
    func badFilesThrowClearErrors(name: String, expectedMessage: String) throws {
        let bytes = try fixtureBytes(name)
        do {
            _ = try PNGDecoder.decode(bytes)
            Issue.record("\(name) decoded without error")
        } catch {
            #expect(error.message.contains(expectedMessage), "message was: \(error.message)")
        }
    }

    @Test(arguments: [
        ([UInt8](), "not a PNG file"),
        ([0x89, 0x50, 0x4E, 0x47], "truncated PNG data"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "truncated PNG data"),
    ])
    func tinyInputs(bytes: [UInt8], expectedMessage: String) {
        #expect(throws: PNGError.self) { try PNGDecoder.decode(bytes) }
        do {
            _ = try PNGDecoder.decode(bytes)
        } catch {
            #expect(error.message.contains(expectedMessage), "message was: \(error.message)")
        }
    }

    @Test func corruptedDataReportsLibpngMessage() throws {
        var bytes = try fixtureBytes("base.png")
        bytes[40] ^= 0xFF  // inside IDAT: CRC mismatch
        do {
            _ = try PNGDecoder.decode(bytes)
            Issue.record("corrupted PNG decoded without error")
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.description == error.message)
        }
    }
}

@Suite("PNG encoding")
struct PNGEncodingTests {
    /// base.png and palette_trns.png have 74 colours each (a palette); rgba8.png has 384 (RGBA).
    @Test(arguments: [("base.png", UInt8(3)), ("rgba8.png", UInt8(6)), ("palette_trns.png", UInt8(3))])
    func roundTripAndColourType(fixture: String, colourType: UInt8) throws {
        let original = try fixturePixmap(fixture)
        let bytes = try PNGEncoder.encode(original)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(bytes[24] == 8, "bit depth")
        #expect(bytes[25] == colourType, "colour type")
        #expect(try PNGDecoder.decode(bytes) == original)
    }

    /// Every valid premultiplied value (p ≤ a) for every alpha must survive un-premultiply → PNG →
    /// re-premultiply unchanged.
    @Test func premultipliedRoundTripIsExact() throws {
        var data = [UInt8](repeating: 0, count: 256 * 256 * 4)
        for a in 0..<256 {
            for p in 0...a {
                let i = (p * 256 + a) * 4
                data[i] = UInt8(p); data[i + 1] = UInt8(a - p); data[i + 2] = UInt8(p / 2); data[i + 3] = UInt8(a)
            }
        }
        let pixmap = try #require(Pixmap(width: 256, height: 256, premultipliedRGBA: data))
        let decoded = try PNGDecoder.decode(try PNGEncoder.encode(pixmap))
        #expect(decoded == pixmap)
    }

    @Test(arguments: [(1.0, [UInt32(3780)]), (2.0, [7559, 7560]), (0.5, [1890]), (3.0, [11339, 11340])])
    func physChunk(scale: Double, acceptable: [UInt32]) throws {
        let bytes = try PNGEncoder.encode(Pixmap(width: 3, height: 2, fill: .white), scale: scale)
        let chunks = pngChunks(bytes)
        let phys = try #require(chunks.first { $0.type == "pHYs" })
        #expect(phys.data.count == 9)
        #expect(acceptable.contains(be32(phys.data, 0)))
        #expect(be32(phys.data, 0) == be32(phys.data, 4))
        #expect(phys.data[8] == 1, "unit is the metre")
    }

    @Test func noDatedOrTextChunks() throws {
        let bytes = try PNGEncoder.encode(try fixturePixmap("rgba8.png"))
        let types = pngChunks(bytes).map(\.type)
        #expect(types.first == "IHDR")
        #expect(types.last == "IEND")
        for forbidden in ["tIME", "tEXt", "zTXt", "iTXt"] { #expect(!types.contains(forbidden)) }
    }

    @Test func bytesAreDeterministic() throws {
        let chart = syntheticChart()
        let first = try PNGEncoder.encode(chart)
        let second = try PNGEncoder.encode(syntheticChart())
        #expect(first == second)
        let base = try fixturePixmap("base.png")
        #expect(try PNGEncoder.encode(base, scale: 2) == PNGEncoder.encode(base, scale: 2))
    }

    @Test(arguments: [(0, 0), (0, 5), (5, 0)])
    func emptyPixmapThrows(width: Int, height: Int) {
        #expect(throws: PNGError.self) { try PNGEncoder.encode(Pixmap(width: width, height: height)) }
    }

    @Test(arguments: [0.0, -1.0, Double.nan, Double.infinity])
    func badScaleThrows(scale: Double) {
        #expect(throws: PNGError.self) { try PNGEncoder.encode(Pixmap(width: 1, height: 1), scale: scale) }
    }
}

/// Compression settings compared on chart-like images; prints a table. Run with
/// PLOTLINE_MEASURE_PNG=1 swift test --filter PNGCompressionMeasurement
@Suite("PNG compression measurement")
struct PNGCompressionMeasurementTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLOTLINE_MEASURE_PNG"] != nil))
    func measure() throws {
        let settings: [(String, Int32, Int32, Int32)] = [
            ("1, all, default", 1, cpngAll, cpngDefault),
            ("6, all, default", 6, cpngAll, cpngDefault),
            ("7, all, default", 7, cpngAll, cpngDefault),
            ("8, all, default", 8, cpngAll, cpngDefault),
            ("9, all, default", 9, cpngAll, cpngDefault),
            ("7, none, default", 7, cpngNone, cpngDefault),
            ("8, none, default", 8, cpngNone, cpngDefault),
            ("6, none, default", 6, cpngNone, cpngDefault),
            ("9, none, default", 9, cpngNone, cpngDefault),
            ("6, sub, default", 6, cpngSub, cpngDefault),
            ("6, up, default", 6, cpngUp, cpngDefault),
            ("9, up, default", 9, cpngUp, cpngDefault),
            ("6, paeth, default", 6, cpngPaeth, cpngDefault),
            ("9, paeth, default", 9, cpngPaeth, cpngDefault),
            ("6, all, filtered", 6, cpngAll, cpngFiltered),
            ("9, none, rle", 9, cpngNone, cpngRLE),
        ]
        let images = [("800×500", syntheticChart(scale: 1)), ("1600×1000", syntheticChart(scale: 2))]
        for (label, level, filters, strategy) in settings {
            var line = label.padding(toLength: 20, withPad: " ", startingAt: 0)
            for (_, image) in images {
                var times: [Double] = []
                var size = 0
                for _ in 0..<7 {
                    let start = ContinuousClock.now
                    let bytes = try PNGEncoder.encode(image, scale: 1, level: level, filters: filters, strategy: strategy)
                    let elapsed = ContinuousClock.now - start
                    times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                    size = bytes.count
                }
                times.sort()
                line += "  \(size) B \(String(format: "%.1f", times[3])) ms"
            }
            print(line)
        }
        // Comparison speed on the same chart, for the record.
        let chart = images[0].1
        var changed = chart
        for x in 100..<140 { for c in 0..<3 { changed.data[(10 * 800 + x) * 4 + c] = 0 } }
        var times: [Double] = []
        for _ in 0..<7 {
            let start = ContinuousClock.now
            _ = try ImageComparison.compare(expected: chart, actual: changed, options: .init())
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        times.sort()
        print("compare 800×500: \(String(format: "%.2f", times[3])) ms median")
    }
}

@Suite("PNG colour-type reduction")
struct PNGColourReductionTests {
    /// Colour type and bit depth of an encoded PNG, from its IHDR.
    private func header(_ bytes: [UInt8]) -> (depth: UInt8, type: UInt8) { (bytes[24], bytes[25]) }

    /// An opaque image of `count` distinct colours, each a run of pixels, not grey.
    private func opaque(colours count: Int, width: Int = 40, height: Int = 30) -> Pixmap {
        var pixmap = Pixmap(width: width, height: height, fill: .white)
        for p in 0..<(width * height) {
            let c = p % count
            pixmap.data[p * 4] = UInt8(c % 256); pixmap.data[p * 4 + 1] = UInt8(c / 256); pixmap.data[p * 4 + 2] = 7
        }
        return pixmap
    }

    @Test(arguments: [(2, UInt8(1)), (3, 2), (4, 2), (5, 4), (16, 4), (17, 8), (256, 8)])
    func fewColoursBecomeAPaletteOfTheSmallestDepth(colours: Int, depth: UInt8) throws {
        // 41 columns: rows of sub-byte samples end mid-byte, which the packing must pad.
        let pixmap = opaque(colours: colours, width: 41, height: 30)
        let bytes = try PNGEncoder.encode(pixmap)
        #expect(header(bytes).type == 3)
        #expect(header(bytes).depth == depth)
        let chunks = pngChunks(bytes)
        #expect(chunks.first { $0.type == "PLTE" }?.data.count == 3 * colours)
        #expect(!chunks.contains { $0.type == "tRNS" }, "an opaque palette needs no tRNS")
        #expect(try PNGDecoder.decode(bytes) == pixmap)
    }

    @Test func moreThan256ColoursStayRGB() throws {
        let pixmap = opaque(colours: 257)
        let bytes = try PNGEncoder.encode(pixmap)
        #expect(header(bytes) == (8, 2))
        #expect(try PNGDecoder.decode(bytes) == pixmap)
    }

    @Test func translucentPaletteEntriesComeFirstInTRNS() throws {
        // 300 distinct opaque colours would rule a palette out; use 3 translucent + 5 opaque.
        var pixmap = opaque(colours: 5)
        for (p, alpha) in [(3, UInt8(0)), (50, 128), (900, 1)] {
            let i = p * 4
            pixmap.data[i] = alpha / 2; pixmap.data[i + 1] = 0; pixmap.data[i + 2] = 0; pixmap.data[i + 3] = alpha
        }
        let bytes = try PNGEncoder.encode(pixmap)
        #expect(header(bytes) == (4, 3))
        let trns = try #require(pngChunks(bytes).first { $0.type == "tRNS" })
        #expect(trns.data == [0, 128, 1], "translucent entries, in order of appearance, and nothing after them")
        #expect(try PNGDecoder.decode(bytes) == pixmap)
    }

    @Test func greyImagesWithManyLevelsBecomeGrey() throws {
        var pixmap = Pixmap(width: 300, height: 4, fill: .white)
        for p in 0..<(300 * 4) {
            let v = UInt8(p % 256)
            pixmap.data[p * 4] = v; pixmap.data[p * 4 + 1] = v; pixmap.data[p * 4 + 2] = v
        }
        // 256 grey levels still fit a palette; one level of alpha more makes 257 colours.
        #expect(header(try PNGEncoder.encode(pixmap)).type == 3)
        pixmap.data[3] = 10
        pixmap.data[0] = 0; pixmap.data[1] = 0; pixmap.data[2] = 0
        pixmap.data[7] = 200; pixmap.data[4] = 100; pixmap.data[5] = 100; pixmap.data[6] = 100
        let withAlpha = try PNGEncoder.encode(pixmap)
        #expect(header(withAlpha) == (8, 4))
        #expect(try PNGDecoder.decode(withAlpha) == pixmap)

        var opaqueGrey = Pixmap(width: 300, height: 4, fill: .white)
        for p in 0..<(300 * 4) {
            let v = UInt8(p % 256)
            opaqueGrey.data[p * 4] = v; opaqueGrey.data[p * 4 + 1] = v; opaqueGrey.data[p * 4 + 2] = v
        }
        opaqueGrey.data[0] = 1  // 257th colour, still opaque, not grey: RGB
        #expect(header(try PNGEncoder.encode(opaqueGrey)) == (8, 2))
    }

    @Test func renderedChartsKeepTheirPixels() throws {
        let chart = syntheticChart()
        let bytes = try PNGEncoder.encode(chart)
        #expect(try PNGDecoder.decode(bytes) == chart)
    }
}
