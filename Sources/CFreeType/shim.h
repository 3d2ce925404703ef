#ifndef PLOTLINE_CFREETYPE_SHIM_H
#define PLOTLINE_CFREETYPE_SHIM_H
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

/* Function-like macros and shifted flag constants do not import into Swift: wrap them. */

/* Unhinted outlines in font units: identical across FreeType versions and sizes. */
static inline FT_Int32 cft_load_flags_unscaled(void) {
    return FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP | FT_LOAD_IGNORE_TRANSFORM;
}

static inline FT_UInt cft_kerning_unscaled(void) { return FT_KERNING_UNSCALED; }

static inline int cft_has_kerning(FT_Face face) { return FT_HAS_KERNING(face) ? 1 : 0; }

static inline int cft_is_scalable(FT_Face face) { return FT_IS_SCALABLE(face) ? 1 : 0; }

static inline int cft_is_bold(FT_Face face) { return (face->style_flags & FT_STYLE_FLAG_BOLD) ? 1 : 0; }

static inline int cft_is_italic(FT_Face face) { return (face->style_flags & FT_STYLE_FLAG_ITALIC) ? 1 : 0; }

static inline int cft_outline_even_odd(FT_Outline *outline) {
    return (outline->flags & FT_OUTLINE_EVEN_ODD_FILL) ? 1 : 0;
}
#endif
