internal import CFreeType
import PlotlineCore
import Synchronization

/// Why a font could not be used.
public struct FontError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A one-line explanation that says what to do.
    public let message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// A glyph's advance and outline, in font units with y up.
struct GlyphData: Sendable {
    let advance: Double
    let outline: PlotPath
}

/// A scalable font face loaded through FreeType, read as unhinted outlines in font units.
///
/// Taking outlines unscaled and unhinted (`FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING`) keeps text
/// identical across FreeType versions; the rasterizer fills the outlines itself. Glyphs are cached,
/// and FreeType calls are serialised because an `FT_Face` is not thread-safe.
public final class Typeface: Sendable {
    /// The file the face was loaded from.
    public let path: String
    /// The family name the font reports, e.g. "DejaVu Sans".
    public let familyName: String
    /// The style name the font reports, e.g. "Book" or "Bold".
    public let styleName: String
    /// Whether the face is bold.
    public let isBold: Bool
    /// Typeface units per em.
    public let unitsPerEm: Double
    /// Typographic ascender in font units (positive, above the baseline).
    public let ascender: Double
    /// Typographic descender in font units (negative, below the baseline).
    public let descender: Double
    /// Height of capital letters in font units, from the OS/2 table or the glyph "H".
    public let capHeight: Double

    private struct State: ~Copyable {
        var library: FT_Library
        var face: FT_Face
        var glyphs: [UInt32: GlyphData] = [:]
        var kerning: [UInt64: Double] = [:]
        var hasKerning: Bool
        /// The font file's bytes, which FreeType reads from for as long as the face lives.
        var data: UnsafeMutableBufferPointer<UInt8>

        deinit {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            data.deallocate()
        }
    }

    private let state: Mutex<State>

    /// Loads the first face of a font file; throws a ``FontError`` naming the file when it cannot.
    public init(path: String) throws(FontError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw FontError("cannot initialise FreeType")
        }
        // The file is read as every input is (a regular file, within a size cap) and handed to
        // FreeType from memory: FreeType's own open would block on a FIFO.
        let bytes: [UInt8]
        switch InputFile.read(path, limit: InputFile.Limit.font) {
        case .success(let b): bytes = b
        case .failure(let failure):
            FT_Done_FreeType(library)
            throw FontError("cannot load font \(SafeText.quoted(path, limit: 200)): \(failure.text)")
        }
        let data = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = data.initialize(from: bytes)
        var face: FT_Face?
        let err = FT_New_Memory_Face(library, data.baseAddress, FT_Long(bytes.count), 0, &face)
        guard err == 0, let face else {
            FT_Done_FreeType(library)
            data.deallocate()
            throw FontError("cannot load font \(SafeText.quoted(path, limit: 200)): not a font FreeType can read (error \(err))")
        }
        guard cft_is_scalable(face) != 0, face.pointee.units_per_EM > 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            data.deallocate()
            throw FontError("font \(SafeText.quoted(path, limit: 200)) has no scalable outlines")
        }
        self.path = path
        self.familyName = face.pointee.family_name.map { String(cString: $0) } ?? ""
        self.styleName = face.pointee.style_name.map { String(cString: $0) } ?? ""
        self.isBold = cft_is_bold(face) != 0
        self.unitsPerEm = Double(face.pointee.units_per_EM)
        self.ascender = Double(face.pointee.ascender)
        self.descender = Double(face.pointee.descender)
        var cap = 0.7 * Double(face.pointee.units_per_EM)
        let hIndex = FT_Get_Char_Index(face, 72)
        if hIndex != 0, FT_Load_Glyph(face, hIndex, cft_load_flags_unscaled()) == 0 {
            var box = FT_BBox()
            FT_Outline_Get_CBox(&face.pointee.glyph.pointee.outline, &box)
            if box.yMax > 0 { cap = Double(box.yMax) }
        }
        self.capHeight = cap
        self.state = Mutex(State(library: library, face: face, hasKerning: cft_has_kerning(face) != 0, data: data))
    }

    /// Lays a single line of text out at `size` pixels per em, with kerning, origin at the start of the baseline.
    public func layout(_ text: String, size: Double) -> TextLayout {
        let scale = size / unitsPerEm
        var outline = PlotPath()
        var pen = 0.0
        state.withLock { s in
            var previous: UInt32 = 0
            for scalar in text.unicodeScalars {
                let index = FT_Get_Char_Index(s.face, FT_ULong(scalar.value))
                if previous != 0, index != 0, s.hasKerning {
                    pen += Typeface.kern(&s, previous, index)
                }
                let glyph = Typeface.glyph(&s, index)
                if !glyph.outline.isEmpty {
                    let t = Transform(a: scale, b: 0, c: 0, d: -scale, tx: pen * scale, ty: 0)
                    outline.append(glyph.outline.transformed(by: t))
                }
                pen += glyph.advance
                previous = index
            }
        }
        return TextLayout(width: pen * scale, ascent: ascender * scale, descent: -descender * scale,
                          capHeight: capHeight * scale, outline: outline)
    }

    private static func kern(_ s: inout State, _ left: UInt32, _ right: UInt32) -> Double {
        let key = UInt64(left) << 32 | UInt64(right)
        if let k = s.kerning[key] { return k }
        var v = FT_Vector()
        let k = FT_Get_Kerning(s.face, left, right, cft_kerning_unscaled(), &v) == 0 ? Double(v.x) : 0
        s.kerning[key] = k
        return k
    }

    private static func glyph(_ s: inout State, _ index: UInt32) -> GlyphData {
        if let g = s.glyphs[index] { return g }
        var data = GlyphData(advance: 0, outline: PlotPath())
        if FT_Load_Glyph(s.face, index, cft_load_flags_unscaled()) == 0, let slot = s.face.pointee.glyph {
            data = GlyphData(advance: Double(slot.pointee.advance.x),
                             outline: OutlineDecomposer.path(of: &slot.pointee.outline))
        }
        s.glyphs[index] = data
        return data
    }
}

/// A laid-out line of text at a given size, in pixels, origin at the start of the baseline, y down.
public struct TextLayout: Sendable, Hashable {
    /// Advance width including kerning.
    public var width: Double
    /// Typeface ascender above the baseline (positive).
    public var ascent: Double
    /// Typeface descender below the baseline (positive).
    public var descent: Double
    /// Height of capital letters above the baseline.
    public var capHeight: Double
    /// Glyph outlines relative to the origin, to be filled non-zero.
    public var outline: PlotPath

    /// Creates a layout; text measurers other than FreeType (such as test doubles) build these.
    public init(width: Double, ascent: Double, descent: Double, capHeight: Double, outline: PlotPath) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
        self.outline = outline
    }
}

/// Converts a FreeType outline into a ``PlotPath`` in font units.
enum OutlineDecomposer {
    private final class Sink {
        var path = PlotPath()
        var open = false
    }

    static func path(of outline: UnsafeMutablePointer<FT_Outline>) -> PlotPath {
        let sink = Sink()
        var funcs = FT_Outline_Funcs(
            move_to: { to, user in
                guard let to, let user else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
                if sink.open { sink.path.close() }
                sink.path.move(to: Point(Double(to.pointee.x), Double(to.pointee.y)))
                sink.open = true
                return 0
            },
            line_to: { to, user in
                guard let to, let user else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
                sink.path.line(to: Point(Double(to.pointee.x), Double(to.pointee.y)))
                return 0
            },
            conic_to: { c, to, user in
                guard let c, let to, let user else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
                sink.path.quad(control: Point(Double(c.pointee.x), Double(c.pointee.y)),
                               to: Point(Double(to.pointee.x), Double(to.pointee.y)))
                return 0
            },
            cubic_to: { c1, c2, to, user in
                guard let c1, let c2, let to, let user else { return 0 }
                let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
                sink.path.cubic(control1: Point(Double(c1.pointee.x), Double(c1.pointee.y)),
                                control2: Point(Double(c2.pointee.x), Double(c2.pointee.y)),
                                to: Point(Double(to.pointee.x), Double(to.pointee.y)))
                return 0
            },
            shift: 0, delta: 0)
        let user = Unmanaged.passUnretained(sink).toOpaque()
        let status = withExtendedLifetime(sink) { FT_Outline_Decompose(outline, &funcs, user) }
        guard status == 0 else { return PlotPath() }
        if sink.open { sink.path.close() }
        return sink.path
    }
}
