internal import CPNG
import PlotlineCore

/// Decodes PNG files of any colour type, bit depth and interlacing into premultiplied RGBA8 pixmaps.
public enum PNGDecoder {
    /// Largest decoded buffer accepted (1 GiB), so a hostile header cannot make us allocate without bound.
    static let maxDecodedBytes = 1 << 30

    /// Decodes `bytes` (a whole PNG file) to a premultiplied RGBA8 pixmap.
    ///
    /// Uses libpng's simplified `png_image` API, which expands palettes, grey, tRNS and sub-byte
    /// depths, de-interlaces Adam7 and scales 16-bit samples to 8 bits with rounding
    /// (png_set_scale_16). 16-bit files without colour-space chunks are taken as sRGB, not linear.
    /// - Throws: `PNGError` with "not a PNG file", "truncated PNG data …" or libpng's message.
    public static func decode(_ bytes: [UInt8]) throws(PNGError) -> Pixmap {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 8 else {
            if bytes.count > 0, bytes.elementsEqual(signature.prefix(bytes.count)) {
                throw PNGError("truncated PNG data (\(bytes.count) bytes)")
            }
            throw PNGError("not a PNG file")
        }
        guard bytes.prefix(8).elementsEqual(signature) else { throw PNGError("not a PNG file") }

        let result: Result<Pixmap, PNGError> = bytes.withUnsafeBufferPointer { buffer in
            var image = png_image()
            image.version = cpng_image_version()
            guard png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count) != 0 else {
                return .failure(libpngError(&image, byteCount: buffer.count))
            }
            let width = Int(image.width), height = Int(image.height)
            let (pixelCount, overflow1) = width.multipliedReportingOverflow(by: height)
            let (byteCount, overflow2) = pixelCount.multipliedReportingOverflow(by: 4)
            guard width > 0, height > 0, !overflow1, !overflow2, byteCount <= maxDecodedBytes else {
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
