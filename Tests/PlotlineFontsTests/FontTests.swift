import PlotlineCore
import Testing
@testable import PlotlineFonts

@Suite struct FontTests {
    static let dejaVu = FontLocator.locate(family: "DejaVu Sans")

    @Test func locatesDejaVuSans() throws {
        let path = try #require(Self.dejaVu, "DejaVu Sans must be installed (fonts-dejavu-core)")
        let font = try Typeface(path: path)
        #expect(font.familyName == "DejaVu Sans")
        #expect(!font.isBold)
        #expect(font.unitsPerEm == 2048)
        let bold = try #require(FontLocator.locate(family: "dejavu sans", bold: true))
        #expect(try Typeface(path: bold).isBold)
    }

    @Test func unknownFamilyIsNil() {
        #expect(FontLocator.locate(family: "No Such Family 12345") == nil)
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: FontError.self) { try Typeface(path: "/nonexistent/font.ttf") }
        do {
            _ = try Typeface(path: "/nonexistent/font.ttf")
        } catch {
            #expect(error.message.contains("/nonexistent/font.ttf"))
        }
    }

    @Test func measuresWithKerning() throws {
        let font = try Typeface(path: try #require(Self.dejaVu))
        // "AV" kerns tighter than "A" + "V" measured apart.
        let pair = font.layout("AV", size: 100).width
        let apart = font.layout("A", size: 100).width + font.layout("V", size: 100).width
        #expect(pair < apart - 1)
        // Widths scale linearly with size.
        let w12 = font.layout("800", size: 12).width, w24 = font.layout("800", size: 24).width
        #expect(abs(w24 - 2 * w12) < 1e-9)
        // DejaVu Sans digits advance 1303 units of 2048.
        #expect(abs(font.layout("0", size: 2048).width - 1303) < 1e-9)
    }

    @Test func outlinesSitOnTheBaselineInPixelSpace() throws {
        let font = try Typeface(path: try #require(Self.dejaVu))
        let layout = font.layout("H", size: 20)
        let box = try #require(layout.outline.controlBounds)
        // y grows downwards: the capital stands above the baseline, between 0 and −capHeight.
        #expect(abs(box.maxY) < 1e-9)
        #expect(abs(box.y + layout.capHeight) < 1e-9)
        #expect(box.x > 0 && box.maxX < layout.width)
    }

    @Test func emptyAndUnknownCharactersDoNotCrash() throws {
        let font = try Typeface(path: try #require(Self.dejaVu))
        #expect(font.layout("", size: 12).width == 0)
        #expect(font.layout("\u{10FFFD}\u{0}", size: 12).width >= 0)
    }
}
