internal import CPNG
import PlotlineCore

/// Encodes pixmaps as PNG files whose bytes depend only on the pixels and the scale.
public enum PNGEncoder {
    /// zlib level used for every PNG: 6 with libpng's adaptive filter choice (all five filters,
    /// per-row minimum sum of absolute differences) and the default zlib strategy.
    ///
    /// Chosen by measurement (`PLOTLINE_MEASURE_PNG=1 swift test -c release -Xswiftc -enable-testing
    /// --filter PNGCompressionMeasurement`) on the synthetic chart of the tests: white background,
    /// 1-px light grey grid, dark axes, a 2-px anti-aliased blue polyline and anti-aliased
    /// text-like blobs for tick labels, drawn at 800×500 and at 1600×1000 (2× density). Release
    /// build, libpng 1.6.39 with the system zlib, median of 7 encodes on a shared 2-core machine
    /// (times are noisy to ±30 %):
    ///
    ///     level, filters, strategy    800×500              1600×1000
    ///     1, all, default             28 516 B  26 ms      83 671 B   64 ms
    ///     6, all, default   (chosen)  22 663 B  18 ms      63 447 B   78 ms
    ///     7, all, default             22 586 B  17 ms      63 334 B   61 ms
    ///     8, all, default             22 297 B  24 ms      62 201 B  113 ms
    ///     9, all, default             21 692 B  43 ms      62 008 B  167 ms
    ///     6, none, default            24 247 B  15 ms      77 670 B   31 ms
    ///     8, none, default            20 839 B  21 ms      64 513 B  100 ms
    ///     9, none, default            19 908 B  64 ms      63 894 B  128 ms
    ///     6, sub, default             29 390 B  11 ms      93 888 B   37 ms
    ///     6, up, default              24 780 B  10 ms      70 222 B   33 ms
    ///     6, paeth, default           24 946 B  11 ms      71 644 B   64 ms
    ///     6, all, Z_FILTERED          23 224 B  19 ms      64 411 B   82 ms
    ///     9, none, Z_RLE              32 465 B   3 ms      89 252 B   21 ms
    ///
    /// Level 6 with adaptive filtering is within 5 % (800×500) and 2.5 % (1600×1000) of the
    /// smallest output at a third to a half of level 9's time; unfiltered level 9 wins only at
    /// 1× and loses at 2×, where smooth anti-aliased edges reward filtering. Levels 6 and 7 are a
    /// tie; 6 is zlib's own default. These are RGB measurements; images of at most 256 colours are
    /// written as palettes first (`ReducedImage`), which halves the committed bar charts. Output
    /// bytes also depend on the zlib version, so byte-identical PNGs across machines need the same
    /// zlib.
    static let compressionLevel: Int32 = 6
    /// libpng filter mask; see `compressionLevel` for the measurements behind it.
    static let filters: Int32 = cpng_filter_all()
    /// zlib strategy; see `compressionLevel`.
    static let strategy: Int32 = cpng_strategy_default()

    /// Encodes `pixmap` as a PNG in the smallest lossless colour type: a palette of at most 256
    /// colours (with tRNS for translucent ones), grey, RGB when opaque, or straight RGBA.
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

        // Premultiplied and straight colours are equal where alpha is 255, so an opaque pixmap needs
        // no conversion.
        let straight = pixmap.isOpaque ? pixmap.data : straightRGBABytes(pixmap.data, pixelCount: pixelCount)
        let image = ReducedImage(straightRGBA: straight, width: width, height: height)
        // Palette rows get the same adaptive filtering as the others. libpng advises no filter for
        // palettes, but on the six committed bar-chart renders (800×500, 206–255 colours, level 6)
        // adaptive filtering came to 67 364 B against 69 044 B unfiltered, smaller on five of six.
        let rowFilters = filters

        var out: UnsafeMutablePointer<UInt8>?
        var outSize = 0
        var messageBuffer = [CChar](repeating: 0, count: 256)
        let code = image.samples.withUnsafeBufferPointer { px in
            image.palette.withUnsafeBufferPointer { palette in
                image.paletteAlpha.withUnsafeBufferPointer { alpha in
                    messageBuffer.withUnsafeMutableBufferPointer { msg in
                        cpng_encode(
                            px.baseAddress, UInt32(width), UInt32(height), image.rowBytes,
                            Int32(image.colorType), Int32(image.bitDepth),
                            palette.baseAddress, Int32(image.palette.count / 3), alpha.baseAddress, Int32(alpha.count),
                            ppm, ppm, level, rowFilters, strategy, &out, &outSize, msg.baseAddress, msg.count)
                    }
                }
            }
        }
        guard code == Int32(CPNG_OK), let out else {
            let text = String(decoding: messageBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PNGError("PNG encoding failed: \(text.isEmpty ? "error \(code)" : text)")
        }
        defer { cpng_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: outSize))
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
