/// The smallest lossless PNG storage of one image: its colour type, bit depth and packed rows.
///
/// The choice follows what lossless optimisers such as optipng and oxipng do: a palette when the
/// image has at most 256 distinct straight RGBA colours (with a tRNS chunk for the translucent
/// ones, at 1, 2 or 4 bits per pixel when 2, 4 or 16 colours suffice), otherwise grey when every
/// pixel has red = green = blue, otherwise RGB when every pixel is opaque, otherwise RGBA. Every
/// step is exact: decoding gives back the same straight colours.
struct ReducedImage: Sendable, Equatable {
    /// PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA).
    var colorType: UInt8
    /// Bits per sample (per index for palette images).
    var bitDepth: UInt8
    /// Bytes in one packed row, without the filter byte.
    var rowBytes: Int
    /// Packed rows, top to bottom.
    var samples: [UInt8]
    /// RGB triples of the palette, in index order; empty unless `colorType` is 3.
    var palette: [UInt8] = []
    /// Alphas of the first palette entries (the tRNS chunk); translucent entries come first, so
    /// the chunk stops at the last translucent one.
    var paletteAlpha: [UInt8] = []

    /// Reduces straight (non-premultiplied) RGBA pixels, 4 bytes each, row by row.
    init(straightRGBA rgba: [UInt8], width: Int, height: Int) {
        let pixelCount = width * height
        // One pass finds the distinct colours (up to 257) in order of first appearance and whether
        // the image is grey or opaque. Charts repeat the previous pixel most of the time, so the
        // hash lookup is skipped on a run.
        var colours: [UInt32] = []
        var seen: [UInt32: Int] = [:]
        var grey = true, opaque = true
        rgba.withUnsafeBufferPointer { px in
            var previous: UInt32? = nil
            for p in 0..<pixelCount {
                let i = p * 4
                let r = px[i], g = px[i + 1], b = px[i + 2], a = px[i + 3]
                let key = UInt32(r) << 24 | UInt32(g) << 16 | UInt32(b) << 8 | UInt32(a)
                if key == previous { continue }
                previous = key
                if r != g || g != b { grey = false }
                if a != 255 { opaque = false }
                if colours.count <= 256, seen[key] == nil {
                    seen[key] = colours.count
                    colours.append(key)
                }
            }
        }

        if colours.count <= 256 {
            self = Self.palette(rgba, colours: colours, width: width, height: height)
        } else if grey {
            let channels = opaque ? 1 : 2
            self.colorType = opaque ? 0 : 4
            self.bitDepth = 8
            self.rowBytes = width * channels
            self.samples = Self.gather(rgba, pixelCount: pixelCount, offsets: opaque ? [0] : [0, 3])
        } else {
            self.colorType = opaque ? 2 : 6
            self.bitDepth = 8
            self.rowBytes = width * (opaque ? 3 : 4)
            self.samples = opaque ? Self.gather(rgba, pixelCount: pixelCount, offsets: [0, 1, 2]) : rgba
        }
    }

    private init(colorType: UInt8, bitDepth: UInt8, rowBytes: Int, samples: [UInt8], palette: [UInt8], paletteAlpha: [UInt8]) {
        self.colorType = colorType
        self.bitDepth = bitDepth
        self.rowBytes = rowBytes
        self.samples = samples
        self.palette = palette
        self.paletteAlpha = paletteAlpha
    }

    /// A palette image of `colours` (each RGBA packed in a UInt32, at most 256).
    private static func palette(_ rgba: [UInt8], colours: [UInt32], width: Int, height: Int) -> ReducedImage {
        // Translucent colours first (in order of appearance), then opaque ones, so tRNS is short.
        let ordered = colours.filter { $0 & 0xFF != 0xFF } + colours.filter { $0 & 0xFF == 0xFF }
        var index: [UInt32: UInt8] = [:]
        var palette: [UInt8] = []
        var alpha: [UInt8] = []
        for (i, key) in ordered.enumerated() {
            index[key] = UInt8(i)
            palette += [UInt8(key >> 24), UInt8((key >> 16) & 0xFF), UInt8((key >> 8) & 0xFF)]
            if key & 0xFF != 0xFF { alpha.append(UInt8(key & 0xFF)) }
        }
        let bitDepth: Int = ordered.count <= 2 ? 1 : ordered.count <= 4 ? 2 : ordered.count <= 16 ? 4 : 8
        let perByte = 8 / bitDepth
        let rowBytes = (width + perByte - 1) / perByte
        var samples = [UInt8](repeating: 0, count: rowBytes * height)
        rgba.withUnsafeBufferPointer { px in
            samples.withUnsafeMutableBufferPointer { out in
                var previous: UInt32 = 0, previousIndex: UInt8 = 0, havePrevious = false
                for y in 0..<height {
                    for x in 0..<width {
                        let i = (y * width + x) * 4
                        let key = UInt32(px[i]) << 24 | UInt32(px[i + 1]) << 16 | UInt32(px[i + 2]) << 8 | UInt32(px[i + 3])
                        if !havePrevious || key != previous {
                            // Every colour of the image is in `index`: it was built from this image.
                            previousIndex = index[key] ?? 0
                            previous = key
                            havePrevious = true
                        }
                        // Samples are packed from the most significant bit (PNG spec, 7.2).
                        let byte = y * rowBytes + x / perByte
                        let shift = 8 - bitDepth * (x % perByte + 1)
                        out[byte] |= previousIndex << UInt8(shift)
                    }
                }
            }
        }
        return ReducedImage(colorType: 3, bitDepth: UInt8(bitDepth), rowBytes: rowBytes, samples: samples,
                            palette: palette, paletteAlpha: alpha)
    }

    /// The bytes at `offsets` (one to three of 0…3, in order) within each 4-byte pixel, pixel after
    /// pixel. Unrolled per width: this runs over every pixel of every RGB chart.
    private static func gather(_ rgba: [UInt8], pixelCount: Int, offsets: [Int]) -> [UInt8] {
        let n = offsets.count
        let o0 = offsets[0], o1 = offsets[n > 1 ? 1 : 0], o2 = offsets[n > 2 ? 2 : 0]
        return [UInt8](unsafeUninitializedCapacity: pixelCount * n) { out, initialized in
            rgba.withUnsafeBufferPointer { src in
                var s = 0, d = 0
                switch n {
                case 1:
                    while d < pixelCount { out[d] = src[s + o0]; s += 4; d += 1 }
                case 2:
                    while d < pixelCount * 2 { out[d] = src[s + o0]; out[d + 1] = src[s + o1]; s += 4; d += 2 }
                default:
                    while d < pixelCount * 3 {
                        out[d] = src[s + o0]; out[d + 1] = src[s + o1]; out[d + 2] = src[s + o2]
                        s += 4; d += 3
                    }
                }
            }
            initialized = pixelCount * n
        }
    }
}
