import PlotlineCore
import Testing
@testable import PlotlinePNG

/// A PNG's header is checked against the pixel budget and against what its data can hold
/// before anything is allocated for it.
@Suite struct PNGBudgetTests {
    /// CRC-32 (ISO 3309, as PNG uses it), so the forged files are valid up to their claims.
    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let c = crc(body)
        return be(data.count) + body + be(Int(c))
    }

    /// A PNG claiming `width`×`height` RGBA pixels whose IDAT holds `idat` (not real image data).
    static func forged(width: Int, height: Int, idat: [UInt8]) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", be(width) + be(height) + [8, 6, 0, 0, 0])
            + chunk("IDAT", idat) + chunk("IEND", [])
    }

    @Test func aHeaderOverThePixelBudgetIsRefused() {
        // 69 bytes that once made the decoder allocate a gigabyte.
        let png = Self.forged(width: 16384, height: 16383, idat: [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        #expect(png.count < 80)
        #expect(throws: PNGError("PNG too large: 16384×16383 pixels is more than the limit of 64 megapixels")) {
            try PNGDecoder.decode(png)
        }
    }

    @Test func aHeaderClaimingMoreThanItsDataCanHoldIsRefused() {
        // 4000×4000 RGBA is 64 MB of pixels; 8 bytes of deflate data inflate to at most about 8 KB.
        let png = Self.forged(width: 4000, height: 4000, idat: [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        #expect(throws: PNGError("truncated PNG data: the header claims 4000×4000 pixels, more than its 8 bytes of image data can hold")) {
            try PNGDecoder.decode(png)
        }
    }

    @Test func onlyTheBytesPresentCountAndOnlyTheFirstHeader() {
        // An IDAT whose length runs past the end of the file holds only what is there.
        var png = Self.forged(width: 4000, height: 4000, idat: [0x78, 0x9C])
        png.removeLast(12 + 4)
        png.replaceSubrange(33..<37, with: Self.be(0x7FFF_FFFF))
        #expect(throws: PNGError("truncated PNG data: the header claims 4000×4000 pixels, more than its 2 bytes of image data can hold")) {
            try PNGDecoder.decode(png)
        }
        // A later, smaller IHDR does not hide the first one's claim.
        let twice = Array(Self.forged(width: 4000, height: 4000, idat: [0x78, 0x9C]).prefix(33))
            + Self.chunk("IHDR", Self.be(1) + Self.be(1) + [8, 6, 0, 0, 0]) + Self.chunk("IDAT", [0x78, 0x9C]) + Self.chunk("IEND", [])
        #expect(throws: PNGError("truncated PNG data: the header claims 4000×4000 pixels, more than its 2 bytes of image data can hold")) {
            try PNGDecoder.decode(twice)
        }
    }

    @Test func aSmallerBudgetIsHonoured() throws {
        let png = try PNGEncoder.encode(Pixmap(width: 40, height: 30))
        #expect(throws: PNGError("PNG too large: 40×30 pixels is more than the limit of 1000 pixels")) {
            try PNGDecoder.decode(png, maximumPixels: 1000)
        }
        #expect(try PNGDecoder.decode(png, maximumPixels: 1200).width == 40)
    }
}
