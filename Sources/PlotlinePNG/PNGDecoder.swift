internal import CPNG
import PlotlineCore

/// Decodes PNG files of any colour type, bit depth and interlacing into premultiplied RGBA8 pixmaps.
public enum PNGDecoder {
    /// The most pixels a decoded image may have: 64 megapixels (256 MiB of RGBA), which is also
    /// the most Plotline renders, so that every render can be checked against its reference.
    public static let maximumPixels = 64_000_000

    /// Decodes `bytes` (a whole PNG file) to a premultiplied RGBA8 pixmap.
    ///
    /// Uses libpng's simplified `png_image` API, which expands palettes, grey, tRNS and sub-byte
    /// depths, de-interlaces Adam7 and scales 16-bit samples to 8 bits with rounding
    /// (png_set_scale_16). 16-bit files without colour-space chunks are taken as sRGB, not linear.
    /// - Throws: `PNGError` with "not a PNG file", "truncated PNG data …" or libpng's message.
    public static func decode(_ bytes: [UInt8], maximumPixels: Int = PNGDecoder.maximumPixels) throws(PNGError) -> Pixmap {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 8 else {
            if bytes.count > 0, bytes.elementsEqual(signature.prefix(bytes.count)) {
                throw PNGError("truncated PNG data (\(bytes.count) bytes)")
            }
            throw PNGError("not a PNG file")
        }
        guard bytes.prefix(8).elementsEqual(signature) else { throw PNGError("not a PNG file") }
        // The header's claims are checked before libpng allocates anything for them.
        try checkClaims(bytes, maximumPixels: maximumPixels)

        let result: Result<Pixmap, PNGError> = bytes.withUnsafeBufferPointer { buffer in
            var image = png_image()
            image.version = cpng_image_version()
            guard png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count) != 0 else {
                return .failure(libpngError(&image, byteCount: buffer.count))
            }
            let width = Int(image.width), height = Int(image.height)
            let (pixelCount, overflow1) = width.multipliedReportingOverflow(by: height)
            let (byteCount, overflow2) = pixelCount.multipliedReportingOverflow(by: 4)
            guard width > 0, height > 0, !overflow1, !overflow2, pixelCount <= maximumPixels else {
                png_image_free(&image)
                return .failure(PNGError("PNG too large to decode (\(width)×\(height))"))
            }
            image.format = cpng_format_rgba()
            image.flags |= cpng_flag_16bit_srgb()
            guard Int(cpng_image_size(&image)) == byteCount else {
                png_image_free(&image)
                return .failure(PNGError("unexpected PNG row layout"))
            }
            var pixels = [UInt8](repeating: 0, count: byteCount)
            // background nil: alpha is kept; row stride 0: packed rows; colormap nil: RGBA output.
            let ok = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, 0, nil)
            }
            guard ok != 0 else { return .failure(libpngError(&image, byteCount: buffer.count)) }
            premultiply(&pixels)
            guard let pixmap = Pixmap(width: width, height: height, premultipliedRGBA: pixels) else {
                return .failure(PNGError("decoded pixel count does not match \(width)×\(height)"))
            }
            return .success(pixmap)
        }
        return try result.get()
    }

    /// Checks the image size that the header claims against the pixel budget, and against what
    /// the compressed data could possibly hold, before any pixel is allocated.
    ///
    /// Deflate expands at most 1032 to 1 (RFC 1951: a 258-byte match costs at least 2 bits), so
    /// IDAT chunks of n bytes hold at most about 1032·n bytes of image; a header that claims more
    /// belongs to a truncated or forged file, and is refused at once instead of after allocating
    /// the claimed size. A deflate bomb within that bound is stopped by the pixel budget.
    static func checkClaims(_ bytes: [UInt8], maximumPixels: Int) throws(PNGError) {
        func be32(_ i: Int) -> Int {
            Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        }
        var i = 8
        var width = 0, height = 0, bitsPerPixel = 0
        var compressed = 0
        while i + 8 <= bytes.count {
            let length = be32(i)
            let type = bytes[(i + 4)..<(i + 8)]
            // libpng reads the IHDR that comes first, right after the signature; so does this.
            if i == 8, type.elementsEqual("IHDR".utf8), length >= 13, i + 8 + 13 <= bytes.count {
                width = be32(i + 8)
                height = be32(i + 12)
                let depth = Int(bytes[i + 16]), colorType = bytes[i + 17]
                let channels = switch colorType {
                case 0, 3: 1
                case 4: 2
                case 2: 3
                default: 4
                }
                bitsPerPixel = depth * channels
            } else if type.elementsEqual("IDAT".utf8) {
                // Only the bytes really present count: a length past the end holds nothing.
                compressed += min(length, bytes.count - i - 8)
            } else if type.elementsEqual("IEND".utf8) {
                break
            }
            // Length, type, data and CRC; a length past the end stops the walk, and libpng reports it.
            i += 12 + length
        }
        guard width > 0, height > 0 else { return }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= maximumPixels else {
            let limit = maximumPixels % 1_000_000 == 0 ? "\(maximumPixels / 1_000_000) megapixels" : "\(maximumPixels) pixels"
            throw PNGError("PNG too large: \(width)×\(height) pixels is more than the limit of \(limit)")
        }
        // The image data without filter bytes is a lower bound of what the IDAT data must inflate to.
        let (bits, overflow2) = pixels.multipliedReportingOverflow(by: max(bitsPerPixel, 1))
        let imageBytes = overflow2 ? Int.max : bits / 8
        if imageBytes > compressed * 1032 + 1024 {
            throw PNGError("truncated PNG data: the header claims \(width)×\(height) pixels, more than its \(compressed) bytes of image data can hold")
        }
    }

    /// Turns libpng's message into a PNGError, naming truncation plainly because libpng's wording
    /// for it ("read beyond end of data", "Not enough image data") is obscure.
    static func libpngError(_ image: inout png_image, byteCount: Int) -> PNGError {
        let text = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        png_image_free(&image)
        let lower = text.lowercased()
        if lower.contains("beyond end") || lower.contains("not enough") || lower.contains("truncated")
            || lower.contains("unexpected end") {
            return PNGError("truncated PNG data (\(byteCount) bytes; libpng: \(text))")
        }
        return PNGError(text.isEmpty ? "invalid PNG data" : "invalid PNG data: \(text)")
    }

    /// Straight → premultiplied alpha, rounding to nearest: round(c · a / 255), as Pixmap does.
    static func premultiply(_ pixels: inout [UInt8]) {
        pixels.withUnsafeMutableBufferPointer { p in
            var i = 0
            let n = p.count - 3
            while i < n {
                let a = UInt32(p[i + 3])
                if a == 0 {
                    p[i] = 0; p[i + 1] = 0; p[i + 2] = 0
                } else if a != 255 {
                    p[i] = UInt8((UInt32(p[i]) * a + 127) / 255)
                    p[i + 1] = UInt8((UInt32(p[i + 1]) * a + 127) / 255)
                    p[i + 2] = UInt8((UInt32(p[i + 2]) * a + 127) / 255)
                }
                i += 4
            }
        }
    }
}
