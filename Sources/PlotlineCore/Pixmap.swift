/// A raster image: 8-bit premultiplied RGBA, rows top to bottom, no padding.
public struct Pixmap: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width × height × 4` bytes, premultiplied RGBA.
    public var data: [UInt8]

    /// Creates a pixmap filled with one colour (transparent by default).
    public init(width: Int, height: Int, fill: PlotColor = .transparent) {
        precondition(width >= 0 && height >= 0, "negative pixmap size")
        self.width = width
        self.height = height
        let a = UInt32(fill.alpha)
        let px: [UInt8] = [
            UInt8((UInt32(fill.red) * a + 127) / 255), UInt8((UInt32(fill.green) * a + 127) / 255),
            UInt8((UInt32(fill.blue) * a + 127) / 255), fill.alpha,
        ]
        var d = [UInt8](repeating: 0, count: width * height * 4)
        if fill.alpha != 0 {
            for i in stride(from: 0, to: d.count, by: 4) {
                d[i] = px[0]; d[i + 1] = px[1]; d[i + 2] = px[2]; d[i + 3] = px[3]
            }
        }
        self.data = d
    }

    /// Wraps existing premultiplied RGBA bytes; nil if the byte count does not match the size.
    public init?(width: Int, height: Int, premultipliedRGBA data: [UInt8]) {
        guard width >= 0, height >= 0, data.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.data = data
    }

    /// Whether every pixel is fully opaque.
    public var isOpaque: Bool {
        var i = 3
        while i < data.count {
            if data[i] != 255 { return false }
            i += 4
        }
        return true
    }

    /// The straight (un-premultiplied) colour of the pixel at (x, y); the caller keeps x and y in range.
    public func color(x: Int, y: Int) -> PlotColor {
        let i = (y * width + x) * 4
        let a = data[i + 3]
        if a == 0 { return .transparent }
        if a == 255 { return PlotColor(red: data[i], green: data[i + 1], blue: data[i + 2]) }
        func un(_ v: UInt8) -> UInt8 { UInt8(min(255, (UInt32(v) * 255 + UInt32(a) / 2) / UInt32(a))) }
        return PlotColor(red: un(data[i]), green: un(data[i + 1]), blue: un(data[i + 2]), alpha: a)
    }
}
