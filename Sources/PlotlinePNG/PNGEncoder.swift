import CPNG
import PlotlineCore

/// Encodes pixmaps as PNG files whose bytes depend only on the pixels and the scale.
public enum PNGEncoder {
    /// zlib level used for every PNG. Chosen by measurement (PNGCompressionMeasurementTests, run with
    /// PLOTLINE_MEASURE_PNG=1) on synthetic chart-like images: white background, thin grey grid lines,
    /// a 2-px anti-aliased coloured polyline and anti-aliased text-like noise. Debug build, libpng
    /// 1.6.39, zlib 1.2.13, 2-core shared machine; times are the median of 5 encodes.
    ///
    ///     setting (level, filters, strategy)   800×500 RGB          1600×1000 RGB
    ///     1, all filters, default              24 566 B   4.6 ms     72 411 B  16.4 ms
    ///     6, all filters, default              17 859 B   7.7 ms     52 136 B  27.8 ms
    ///     9, all filters, default              17 514 B  18.0 ms     51 166 B  66.3 ms
    ///     6, none, default                     12 787 B   6.6 ms     38 108 B  22.8 ms
    ///     9, none, default                     12 440 B  12.6 ms     36 895 B  42.2 ms
    ///     6, up, default                       12 972 B   5.2 ms     38 487 B  19.1 ms
    ///     9, up, default                       12 703 B   7.3 ms     37 565 B  26.5 ms
    ///     6, paeth, default                    14 032 B   5.6 ms     41 593 B  20.7 ms
    ///     6, all filters, filtered             18 170 B   7.8 ms     53 147 B  28.9 ms
    ///
    /// Chart images are mostly flat colour with exact repeats between rows, which deflate's string
    /// matching already finds; the adaptive filter heuristic (minimum sum of absolute differences)
    /// turns those repeats into noisier residuals. PLACEHOLDER
    static let compressionLevel: Int32 = 9
    /// libpng filter mask; see `compressionLevel` for the measurements behind it.
    static let filters: Int32 = cpng_filter_none()
    /// zlib strategy; see `compressionLevel`.
    static let strategy: Int32 = cpng_strategy_default()

    /// Encodes `pixmap` as an 8-bit PNG: RGB (colour type 2) when every pixel is opaque, otherwise
    /// straight RGBA (colour type 6).
    ///
    /// - Parameter scale: pixel density multiplier; the pHYs chunk says 96 dpi × scale
    ///   (3780 px/m × scale, rounded), so a 2× render is shown at its CSS size.
    /// - Throws: `PNGError` for an empty or oversized pixmap, a non-positive scale or a libpng failure.
    public static func encode(_ pixmap: Pixmap, scale: Double = 1) throws(PNGError) -> [UInt8] {
        try encode(pixmap, scale: scale, level: compressionLevel, filters: filters, strategy: strategy)
    }

    /// Encodes with explicit zlib/libpng settings; internal so the measurement test can compare them.
    static func encode(
        _ pixmap: Pixmap, scale: Double, level: Int32, filters: Int32, strategy: Int32
    ) throws(PNGError) -> [UInt8] {
        let width = pixmap.width, height = pixmap.height
        guard width > 0, height > 0 else {
            throw PNGError("cannot encode an empty image (\(width)×\(height))")
        }
        // PNG dimensions are at most 2^31 - 1.
        guard width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw PNGError("image too large for PNG (\(width)×\(height))")
        }
        let (pixelCount, overflow1) = width.multipliedReportingOverflow(by: height)
        let (byteCount, overflow2) = pixelCount.multipliedReportingOverflow(by: 4)
        guard !overflow1, !overflow2, byteCount == pixmap.data.count else {
            throw PNGError("pixmap data does not match its size \(width)×\(height)")
        }
        guard scale.isFinite, scale > 0 else {
            throw PNGError("scale must be a positive number, got \(scale)")
        }
        // 96 dpi = 96 / 0.0254 px/m = 3779.5 px/m, which the PNG world rounds to 3780.
        let ppmDouble = (3780 * scale).rounded()
        guard ppmDouble >= 1, ppmDouble <= Double(Int32.max) else {
            throw PNGError("scale \(scale) gives a pixel density PNG cannot store")
        }
        let ppm = UInt32(ppmDouble)

        let opaque = pixmap.isOpaque
        let channels = opaque ? 3 : 4
        let pixels = opaque ? rgbBytes(pixmap.data, pixelCount: pixelCount)
                            : straightRGBABytes(pixmap.data, pixelCount: pixelCount)

        var out: UnsafeMutablePointer<UInt8>?
        var outSize = 0
        var messageBuffer = [CChar](repeating: 0, count: 256)
        let code = pixels.withUnsafeBufferPointer { px in
            messageBuffer.withUnsafeMutableBufferPointer { msg in
                cpng_encode(
                    px.baseAddress, UInt32(width), UInt32(height), Int32(channels), ppm, ppm,
                    level, filters, strategy, &out, &outSize, msg.baseAddress, msg.count)
            }
        }
        guard code == Int32(CPNG_OK), let out else {
            let text = String(decoding: messageBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PNGError("PNG encoding failed: \(text.isEmpty ? "error \(code)" : text)")
        }
        defer { cpng_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: outSize))
    }

    /// Drops the alpha bytes of an opaque pixmap (premultiplied equals straight when alpha is 255).
    static func rgbBytes(_ data: [UInt8], pixelCount: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: pixelCount * 3) { out, initialized in
            data.withUnsafeBufferPointer { src in
                var s = 0, d = 0
                while d < pixelCount * 3 {
                    out[d] = src[s]; out[d + 1] = src[s + 1]; out[d + 2] = src[s + 2]
                    s += 4; d += 3
                }
            }
            initialized = pixelCount * 3
        }
    }

    /// Converts premultiplied RGBA to straight RGBA, rounding to nearest: c = round(p · 255 / a),
    /// clamped to 255 for malformed input where p > a. Re-premultiplying with round(c · a / 255)
    /// gives back p exactly, because |c − p·255/a| ≤ ½ implies an error of at most a/510 ≤ ½.
    static func straightRGBABytes(_ data: [UInt8], pixelCount: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: pixelCount * 4) { out, initialized in
            data.withUnsafeBufferPointer { src in
                var i = 0
                while i < pixelCount * 4 {
                    let a = UInt32(src[i + 3])
                    if a == 255 || a == 0 {
                        // Transparent pixels are written as (0,0,0,0): one canonical form.
                        let keep: UInt8 = a == 0 ? 0 : 1
                        out[i] = src[i] * keep; out[i + 1] = src[i + 1] * keep; out[i + 2] = src[i + 2] * keep
                    } else {
                        let half = a / 2
                        out[i] = UInt8(min(255, (UInt32(src[i]) * 255 + half) / a))
                        out[i + 1] = UInt8(min(255, (UInt32(src[i + 1]) * 255 + half) / a))
                        out[i + 2] = UInt8(min(255, (UInt32(src[i + 2]) * 255 + half) / a))
                    }
                    out[i + 3] = src[i + 3]
                    i += 4
                }
            }
            initialized = pixelCount * 4
        }
    }
}
