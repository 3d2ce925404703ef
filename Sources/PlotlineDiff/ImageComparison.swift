import PlotlineCore

/// A failure to compare two images, such as a size mismatch.
public struct DiffError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, e.g. "size differs: expected 800×500, actual 801×500".
    public let message: String

    /// Creates an error carrying `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message, so `"\(error)"` reads well in test output.
    public var description: String { message }
}

/// Perceptual pixel comparison of two pixmaps, after pixelmatch (mapbox/pixelmatch v5–7).
///
/// Colour distance is the YIQ metric of Kotsarenko & Ramos, "Measuring perceived color difference
/// using YIQ NTSC transmission color space in mobile applications" (2010), with pixelmatch's
/// weights; anti-aliasing detection follows Vysniauskas, "Anti-aliased Pixel and Intensity Slope
/// Detector" (2009), as pixelmatch applies it. This is an independent implementation.
public struct ImageComparison: Sendable {
    /// How strict a comparison is.
    public struct Options: Sendable, Hashable {
        /// Colour tolerance, 0…1 as in pixelmatch: a pixel differs when its YIQ distance exceeds
        /// 35215 · threshold². 0 is strict: any change in a pixel's RGBA bytes counts.
        public var threshold: Double
        /// If set, how many differing pixels still pass.
        public var maxDiffPixels: Int?
        /// If set, the largest fraction (0…1) of all pixels that may differ and still pass.
        ///
        /// Each limit works alone; with both set, both must hold; with neither, no pixel may differ.
        public var maxDiffFraction: Double?
        /// Whether pixels that look like anti-aliasing in either image are set aside (counted in
        /// `antialiasedPixels`) instead of failing the comparison.
        public var detectAntialiasing: Bool

        /// Creates options; the defaults are strict with anti-aliasing detection on.
        public init(threshold: Double = 0, maxDiffPixels: Int? = nil, maxDiffFraction: Double? = nil,
                    detectAntialiasing: Bool = true) {
            self.threshold = threshold
            self.maxDiffPixels = maxDiffPixels
            self.maxDiffFraction = maxDiffFraction
            self.detectAntialiasing = detectAntialiasing
        }
    }

    /// An inclusive pixel rectangle.
    public struct Box: Sendable, Hashable, CustomStringConvertible {
        /// Leftmost column.
        public var minX: Int
        /// Top row.
        public var minY: Int
        /// Rightmost column (inclusive).
        public var maxX: Int
        /// Bottom row (inclusive).
        public var maxY: Int

        /// Creates a box from its inclusive bounds.
        public init(minX: Int, minY: Int, maxX: Int, maxY: Int) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        /// "x 10…25, y 40…52".
        public var description: String { "x \(minX)…\(maxX), y \(minY)…\(maxY)" }
    }

    /// The outcome of a comparison.
    public struct Result: Sendable {
        /// Width of both images.
        public var width: Int
        /// Height of both images.
        public var height: Int
        /// Pixels that differ beyond the threshold and are not explained by anti-aliasing.
        public var differentPixels: Int
        /// Pixels that differ but look like anti-aliasing (0 when detection is off).
        public var antialiasedPixels: Int
        /// Bounding box of the `differentPixels`; nil when there are none.
        public var changedBox: Box?
        /// Whether the difference is within `maxDiffPixels` and `maxDiffFraction`.
        public var passes: Bool
        /// The expected image faded to light grey, with ink the actual image lost in red, ink it
        /// gained in blue, and anti-aliasing shifts in yellow.
        public var diffImage: Pixmap
        /// One line for logs, e.g. "12 pixels differ (0.003%), within x 10…25, y 40…52".
        public var summary: String
        /// Which limit decided, e.g. "within tolerance: 212 px (0.053%) ≤ 0.5%"; nil when nothing differs.
        public var decision: String?
    }

    /// Colours of the diff image.
    static let removedInk: (UInt8, UInt8, UInt8) = (230, 40, 40)
    static let addedInk: (UInt8, UInt8, UInt8) = (30, 100, 230)

    /// pixelmatch's upper bound of the YIQ distance (black against white).
    static let maxYIQDelta = 35215.0
    /// Opacity of the expected image in the diff picture, as pixelmatch's default `alpha`.
    static let fadeAlpha = 0.1

    /// Compares `actual` against `expected`.
    ///
    /// Each premultiplied pixel is first blended onto white (p + 255 − a, the same as pixelmatch's
    /// straight-alpha blend 255 + (c − 255)·α). Runs in O(pixels); anti-aliasing checks only touch
    /// the neighbourhoods of differing pixels.
    /// - Throws: `DiffError` when the sizes differ or a pixmap's data does not match its size.
    public static func compare(expected: Pixmap, actual: Pixmap, options: Options) throws(DiffError) -> Result {
        guard expected.width == actual.width, expected.height == actual.height else {
            throw DiffError("size differs: expected \(expected.width)×\(expected.height), "
                + "actual \(actual.width)×\(actual.height)")
        }
        let width = expected.width, height = expected.height
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, count.multipliedReportingOverflow(by: 4).overflow == false,
              expected.data.count == count * 4, actual.data.count == count * 4 else {
            throw DiffError("pixmap data does not match its size \(width)×\(height)")
        }
        let threshold = min(max(options.threshold.isFinite ? options.threshold : 0, 0), 1)
        let maxDelta = maxYIQDelta * threshold * threshold
        let strict = threshold == 0

        var diffData = [UInt8](repeating: 255, count: count * 4)
        var different = 0, antialiased = 0
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1

        expected.data.withUnsafeBufferPointer { e in
            actual.data.withUnsafeBufferPointer { a in
                diffData.withUnsafeMutableBufferPointer { out in
                    let e32 = UnsafeRawBufferPointer(e), a32 = UnsafeRawBufferPointer(a)
                    // Charts are mostly runs of one colour: remember the last faded pixel.
                    var lastPixel: UInt32 = 0xFFFF_FFFF
                    var lastGrey = fadedGrey(e, 0, count: count)
                    for y in 0..<height {
                        for x in 0..<width {
                            let pixel = y * width + x
                            let pos = pixel * 4
                            // One 32-bit load per image: the common case is identical pixels.
                            let pe = e32.loadUnaligned(fromByteOffset: pos, as: UInt32.self)
                            let pa = a32.loadUnaligned(fromByteOffset: pos, as: UInt32.self)
                            var isDifferent = false
                            if pe != pa {
                                if strict {
                                    isDifferent = true
                                } else {
                                    isDifferent = abs(colorDelta(e, pos, a, pos)) > maxDelta
                                }
                            }
                            if !isDifferent {
                                if pe != lastPixel {
                                    lastPixel = pe
                                    lastGrey = fadedGrey(e, pos, count: count)
                                }
                                let v = lastGrey
                                out[pos] = v; out[pos + 1] = v; out[pos + 2] = v
                                continue
                            }
                            if options.detectAntialiasing
                                && (isAntialiased(e, x, y, width, height, other: a)
                                    || isAntialiased(a, x, y, width, height, other: e))
                                && isWithinNeighbourhood(a, of: e, x, y, width, height)
                                && isWithinNeighbourhood(e, of: a, x, y, width, height) {
                                antialiased += 1
                                out[pos] = 255; out[pos + 1] = 255; out[pos + 2] = 0
                            } else {
                                different += 1
                                // Darker than before is ink gained; lighter is ink lost.
                                let colour = luminance(a, pos) < luminance(e, pos) ? addedInk : removedInk
                                out[pos] = colour.0; out[pos + 1] = colour.1; out[pos + 2] = colour.2
                                minX = min(minX, x); maxX = max(maxX, x)
                                minY = min(minY, y); maxY = max(maxY, y)
                            }
                        }
                    }
                }
            }
        }

        let box = different > 0 ? Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY) : nil
        let (passes, decision) = verdict(different: different, total: count, options: options)
        let summary = makeSummary(different: different, antialiased: antialiased, total: count, box: box,
                                  identical: expected.data == actual.data)
        let diffImage = Pixmap(width: width, height: height, premultipliedRGBA: diffData)
            ?? Pixmap(width: width, height: height, fill: .white)
        return Result(width: width, height: height, differentPixels: different, antialiasedPixels: antialiased,
                      changedBox: box, passes: passes, diffImage: diffImage, summary: summary, decision: decision)
    }

    /// Whether `different` pixels of `total` pass the limits, and which limit decided.
    static func verdict(different: Int, total: Int, options: Options) -> (Bool, String?) {
        guard different > 0 else { return (true, nil) }
        let amount = "\(different) px (\(percent(different, of: total)))"
        var checks: [(passes: Bool, text: String)] = []
        if let pixels = options.maxDiffPixels {
            checks.append((different <= max(pixels, 0), "\(pixels) px"))
        }
        if let fraction = options.maxDiffFraction, total > 0 {
            checks.append((Double(different) / Double(total) <= fraction, percentText(fraction * 100)))
        }
        guard !checks.isEmpty else { return (false, "differs: \(amount); no difference is tolerated") }
        if let failed = checks.first(where: { !$0.passes }) {
            return (false, "exceeds tolerance: \(amount) > \(failed.text)")
        }
        return (true, "within tolerance: \(amount) ≤ " + checks.map(\.text).joined(separator: " and "))
    }

    /// A percentage written plainly: 0.5%, 12%, 0.125%.
    static func percentText(_ p: Double) -> String {
        let thousandths = Int((p * 1000).rounded())
        var text = "\(thousandths / 1000)"
        var frac = thousandths % 1000
        if frac > 0 {
            var digits = 3
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text + "%"
    }

    /// The luminance of a pixel blended onto white, 0…255.
    static func luminance(_ img: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Double {
        let a = 255 - Double(img[pos + 3])
        return 0.299 * (Double(img[pos]) + a) + 0.587 * (Double(img[pos + 1]) + a) + 0.114 * (Double(img[pos + 2]) + a)
    }

    // MARK: colour metric

    /// The pixel at `pos` blended onto white, per channel: p + (255 − a) for premultiplied p.
    /// Clamped because malformed premultiplied data may have p > a.
    @inline(__always)
    static func onWhite(_ img: UnsafeBufferPointer<UInt8>, _ pos: Int) -> (Double, Double, Double) {
        let lift = 255 - Int(img[pos + 3])
        return (Double(min(Int(img[pos]) + lift, 255)), Double(min(Int(img[pos + 1]) + lift, 255)),
                Double(min(Int(img[pos + 2]) + lift, 255)))
    }

    @inline(__always) static func yOf(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.29889531 + g * 0.58662247 + b * 0.11448223
    }
    @inline(__always) static func iOf(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.59597799 - g * 0.27417610 - b * 0.32180189
    }
    @inline(__always) static func qOf(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.21147017 - g * 0.52261711 + b * 0.31114694
    }

    /// Squared YIQ distance between two pixels blended onto white: 0.5053·ΔY² + 0.299·ΔI² + 0.1957·ΔQ²,
    /// at most 35215. Signed as in pixelmatch: negative when the second pixel is darker than the first
    /// (only the magnitude is used for classification).
    @inline(__always)
    static func colorDelta(_ img1: UnsafeBufferPointer<UInt8>, _ k: Int,
                           _ img2: UnsafeBufferPointer<UInt8>, _ m: Int) -> Double {
        let (r1, g1, b1) = onWhite(img1, k)
        let (r2, g2, b2) = onWhite(img2, m)
        let y1 = yOf(r1, g1, b1), y2 = yOf(r2, g2, b2)
        let y = y1 - y2
        let i = iOf(r1, g1, b1) - iOf(r2, g2, b2)
        let q = qOf(r1, g1, b1) - qOf(r2, g2, b2)
        let delta = 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
        return y1 > y2 ? -delta : delta
    }

    /// Brightness (Y) difference between two pixels of one image, blended onto white.
    @inline(__always)
    static func brightnessDelta(_ img: UnsafeBufferPointer<UInt8>, _ k: Int, _ m: Int) -> Double {
        let (r1, g1, b1) = onWhite(img, k)
        let (r2, g2, b2) = onWhite(img, m)
        return yOf(r1, g1, b1) - yOf(r2, g2, b2)
    }

    /// The expected pixel for the diff picture: its brightness at 10 % opacity over white, as
    /// pixelmatch's drawGrayPixel. For premultiplied input, Y(c)·α·0.1 = 0.1·Y(p) with α = a/255.
    @inline(__always)
    static func fadedGrey(_ img: UnsafeBufferPointer<UInt8>, _ pos: Int, count: Int) -> UInt8 {
        guard pos / 4 < count else { return 255 }
        let y = yOf(Double(img[pos]), Double(img[pos + 1]), Double(img[pos + 2]))
        let v = 255 + fadeAlpha * (y - Double(img[pos + 3]))
        return UInt8(min(max(v.rounded(), 0), 255))
    }

    // MARK: anti-aliasing detection (Vysniauskas 2009, as in pixelmatch)

    /// Whether the pixel at (x1, y1) of `img` looks like anti-aliasing: at most two of its
    /// neighbours equal it (image edges count as one), it has both a darker and a brighter
    /// neighbour, and the darkest or the brightest neighbour sits in a flat area (3+ equal
    /// neighbours) in both `img` and `other`, i.e. it is an edge between two solid regions.
    static func isAntialiased(_ img: UnsafeBufferPointer<UInt8>, _ x1: Int, _ y1: Int, _ width: Int, _ height: Int,
                              other: UnsafeBufferPointer<UInt8>) -> Bool {
        let x0 = max(x1 - 1, 0), y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, width - 1), y2 = min(y1 + 1, height - 1)
        let pos = (y1 * width + x1) * 4
        var zeroes = (x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2) ? 1 : 0
        var minDelta = 0.0, maxDelta = 0.0
        var minX = 0, minY = 0, maxX = 0, maxY = 0
        for x in x0...x2 {
            for y in y0...y2 {
                if x == x1 && y == y1 { continue }
                let npos = (y * width + x) * 4
                let delta = samePixel(img, pos, npos) ? 0 : brightnessDelta(img, pos, npos)
                if delta == 0 {
                    zeroes += 1
                    if zeroes > 2 { return false }
                } else if delta < minDelta {
                    minDelta = delta; minX = x; minY = y
                } else if delta > maxDelta {
                    maxDelta = delta; maxX = x; maxY = y
                }
            }
        }
        if minDelta == 0 || maxDelta == 0 { return false }
        return (hasManySiblings(img, minX, minY, width, height) && hasManySiblings(other, minX, minY, width, height))
            || (hasManySiblings(img, maxX, maxY, width, height) && hasManySiblings(other, maxX, maxY, width, height))
    }

    /// Whether the pixel at (x1, y1) of `img`, blended onto white, lies per channel within the range
    /// of `other`'s 3×3 neighbourhood around the same place (give or take 3 levels of rounding).
    ///
    /// An edge that moved by a fraction of a pixel leaves blends of the colours already around it;
    /// a line that changed colour does not. pixelmatch's test alone calls most pixels of a 2-pixel
    /// line anti-aliasing, so a recoloured series would pass as an anti-aliasing shift.
    static func isWithinNeighbourhood(_ img: UnsafeBufferPointer<UInt8>, of other: UnsafeBufferPointer<UInt8>,
                                      _ x1: Int, _ y1: Int, _ width: Int, _ height: Int) -> Bool {
        let x0 = max(x1 - 1, 0), y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, width - 1), y2 = min(y1 + 1, height - 1)
        var low = (255.0, 255.0, 255.0), high = (0.0, 0.0, 0.0)
        for y in y0...y2 {
            for x in x0...x2 {
                let c = onWhite(other, (y * width + x) * 4)
                low = (min(low.0, c.0), min(low.1, c.1), min(low.2, c.2))
                high = (max(high.0, c.0), max(high.1, c.1), max(high.2, c.2))
            }
        }
        let c = onWhite(img, (y1 * width + x1) * 4)
        let slack = 3.0
        return c.0 >= low.0 - slack && c.0 <= high.0 + slack
            && c.1 >= low.1 - slack && c.1 <= high.1 + slack
            && c.2 >= low.2 - slack && c.2 <= high.2 + slack
    }

    /// Whether the pixel at (x1, y1) has three or more identical neighbours (image edges count as one).
    static func hasManySiblings(_ img: UnsafeBufferPointer<UInt8>, _ x1: Int, _ y1: Int,
                                _ width: Int, _ height: Int) -> Bool {
        let x0 = max(x1 - 1, 0), y0 = max(y1 - 1, 0)
        let x2 = min(x1 + 1, width - 1), y2 = min(y1 + 1, height - 1)
        let pos = (y1 * width + x1) * 4
        var zeroes = (x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2) ? 1 : 0
        for x in x0...x2 {
            for y in y0...y2 {
                if x == x1 && y == y1 { continue }
                if samePixel(img, pos, (y * width + x) * 4) { zeroes += 1 }
                if zeroes > 2 { return true }
            }
        }
        return false
    }

    @inline(__always)
    static func samePixel(_ img: UnsafeBufferPointer<UInt8>, _ p: Int, _ q: Int) -> Bool {
        img[p] == img[q] && img[p + 1] == img[q + 1] && img[p + 2] == img[q + 2] && img[p + 3] == img[q + 3]
    }

    // MARK: summary

    static func makeSummary(different: Int, antialiased: Int, total: Int, box: Box?, identical: Bool) -> String {
        if identical { return "images are identical" }
        var text: String
        if different == 0 {
            text = "no pixels differ"
        } else {
            let noun = different == 1 ? "pixel differs" : "pixels differ"
            text = "\(different) \(noun) (\(percent(different, of: total)))"
            if let box { text += ", within \(box)" }
        }
        if antialiased > 0 {
            text += "; \(antialiased) anti-aliasing \(antialiased == 1 ? "pixel" : "pixels") ignored"
        } else if different == 0 {
            text += " beyond the threshold"
        }
        return text
    }

    /// A percentage with three decimals, formatted without Foundation so it is locale-independent.
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        let thousandths = Int((Double(part) * 100_000 / Double(total)).rounded())
        if thousandths == 0 { return "<0.001%" }
        let frac = thousandths % 1000
        let fracText = frac < 10 ? "00\(frac)" : frac < 100 ? "0\(frac)" : "\(frac)"
        return "\(thousandths / 1000).\(fracText)%"
    }
}
