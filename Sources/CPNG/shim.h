// C shim over libpng for PlotlinePNG.
//
// libpng reports errors with longjmp. A longjmp must never unwind through Swift frames (Swift has
// no notion of it: retain counts and defers would be skipped), so every libpng call that can fail
// on the write side lives inside ONE C function below, which owns the setjmp. The read side uses
// libpng's "simplified" png_image API, which catches its own longjmps internally (png_safe_execute)
// and reports failure by return value, so Swift may call it directly; only its macros and
// constants, which the Clang importer cannot turn into Swift, are wrapped here.
#ifndef PLOTLINE_CPNG_SHIM_H
#define PLOTLINE_CPNG_SHIM_H

#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Return codes of cpng_encode.
enum {
    CPNG_OK = 0,
    CPNG_ERROR_ARGUMENT = 1,
    CPNG_ERROR_MEMORY = 2,
    CPNG_ERROR_LIBPNG = 3,
};

/// zlib strategies accepted by cpng_encode.
static inline int cpng_strategy_default(void) { return Z_DEFAULT_STRATEGY; }
static inline int cpng_strategy_filtered(void) { return Z_FILTERED; }
static inline int cpng_strategy_rle(void) { return Z_RLE; }

/// Filter selections accepted by cpng_encode (libpng's PNG_FILTER_* / PNG_ALL_FILTERS masks).
static inline int cpng_filter_none(void) { return PNG_FILTER_NONE; }
static inline int cpng_filter_sub(void) { return PNG_FILTER_SUB; }
static inline int cpng_filter_up(void) { return PNG_FILTER_UP; }
static inline int cpng_filter_avg(void) { return PNG_FILTER_AVG; }
static inline int cpng_filter_paeth(void) { return PNG_FILTER_PAETH; }
static inline int cpng_filter_all(void) { return PNG_ALL_FILTERS; }

/// Growable output buffer plus room for libpng's error message; reached through png_get_io_ptr
/// and png_get_error_ptr.
typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
    char *message;
    size_t message_capacity;
} cpng_write_state;

static inline void cpng_set_message(cpng_write_state *state, const char *text) {
    if (state == NULL || state->message == NULL || state->message_capacity == 0) return;
    strncpy(state->message, text != NULL ? text : "unknown libpng error", state->message_capacity - 1);
    state->message[state->message_capacity - 1] = '\0';
}

static inline void cpng_error_fn(png_structp png, png_const_charp text) {
    cpng_set_message((cpng_write_state *)png_get_error_ptr(png), text);
    // Back to the setjmp in cpng_encode: a C frame, never a Swift one.
    png_longjmp(png, 1);
}

static inline void cpng_warning_fn(png_structp png, png_const_charp text) {
    // Warnings do not stop encoding; ignoring them keeps stderr clean and output deterministic.
    (void)png;
    (void)text;
}

static inline void cpng_write_fn(png_structp png, png_bytep bytes, size_t length) {
    cpng_write_state *state = (cpng_write_state *)png_get_io_ptr(png);
    if (length > SIZE_MAX - state->size) png_error(png, "PNG output too large");
    size_t needed = state->size + length;
    if (needed > state->capacity) {
        size_t capacity = state->capacity < 4096 ? 4096 : state->capacity;
        while (capacity < needed) {
            if (capacity > SIZE_MAX / 2) { capacity = needed; break; }
            capacity *= 2;
        }
        uint8_t *grown = (uint8_t *)realloc(state->data, capacity);
        if (grown == NULL) png_error(png, "out of memory");
        state->data = grown;
        state->capacity = capacity;
    }
    memcpy(state->data + state->size, bytes, length);
    state->size = needed;
}

static inline void cpng_flush_fn(png_structp png) { (void)png; }

/// Encodes rows of already packed samples (top to bottom, `row_bytes` each, no padding) of the
/// given PNG colour type (the number in IHDR: 0, 2, 3, 4 or 6) and bit depth to a PNG with a pHYs chunk and nothing dated. For palette images
/// `palette` holds `palette_count` RGB triples and `alpha` the first `alpha_count` palette alphas
/// (a tRNS chunk; 0 for none); both are ignored for other colour types.
///
/// On success returns CPNG_OK and stores a malloc'd buffer in *out_data (free with cpng_free) and
/// its length in *out_size. On failure returns another CPNG_* code and writes a NUL-terminated
/// message into `message`; *out_data stays NULL.
static inline int cpng_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t row_bytes,
                              int color_type, int bit_depth,
                              const uint8_t *palette, int palette_count, const uint8_t *alpha, int alpha_count,
                              uint32_t ppm_x, uint32_t ppm_y, int level, int filters, int strategy,
                              uint8_t **out_data, size_t *out_size, char *message, size_t message_capacity) {
    if (out_data == NULL || out_size == NULL) return CPNG_ERROR_ARGUMENT;
    *out_data = NULL;
    *out_size = 0;
    cpng_write_state arguments_state = {NULL, 0, 0, message, message_capacity};
    int is_palette = color_type == PNG_COLOR_TYPE_PALETTE;
    if (pixels == NULL || width == 0 || height == 0 || row_bytes == 0 || level < 0 || level > 9 ||
        (is_palette && (palette == NULL || palette_count < 1 || palette_count > 256 ||
                        alpha_count < 0 || alpha_count > palette_count || (alpha_count > 0 && alpha == NULL)))) {
        cpng_set_message(&arguments_state, "invalid arguments to cpng_encode");
        return CPNG_ERROR_ARGUMENT;
    }
    if ((size_t)height > SIZE_MAX / sizeof(png_bytep) || (size_t)height > SIZE_MAX / row_bytes) {
        cpng_set_message(&arguments_state, "image too large");
        return CPNG_ERROR_ARGUMENT;
    }

    // The write state lives on the heap: C leaves automatic variables changed between setjmp and
    // longjmp indeterminate, and the buffer pointer changes on every write.
    cpng_write_state *state = (cpng_write_state *)malloc(sizeof(cpng_write_state));
    png_bytep *rows = (png_bytep *)malloc((size_t)height * sizeof(png_bytep));
    if (state == NULL || rows == NULL) {
        free(state);
        free(rows);
        cpng_set_message(&arguments_state, "out of memory");
        return CPNG_ERROR_MEMORY;
    }
    *state = arguments_state;
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * row_bytes);

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, cpng_error_fn, cpng_warning_fn);
    if (png == NULL) {
        free(rows);
        free(state);
        cpng_set_message(&arguments_state, "png_create_write_struct failed");
        return CPNG_ERROR_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        free(rows);
        free(state);
        cpng_set_message(&arguments_state, "png_create_info_struct failed");
        return CPNG_ERROR_MEMORY;
    }

    // None of the locals used after a longjmp (png, info, rows, state) is assigned after setjmp.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(rows);
        free(state->data);
        free(state);
        return CPNG_ERROR_LIBPNG;
    }

    png_set_write_fn(png, state, cpng_write_fn, cpng_flush_fn);
    png_set_IHDR(png, info, width, height, bit_depth, color_type,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (is_palette) {
        png_color entries[256];
        for (int i = 0; i < palette_count; i++) {
            entries[i].red = palette[3 * i];
            entries[i].green = palette[3 * i + 1];
            entries[i].blue = palette[3 * i + 2];
        }
        png_set_PLTE(png, info, entries, palette_count);
        if (alpha_count > 0) png_set_tRNS(png, info, alpha, alpha_count, NULL);
    }
    png_set_pHYs(png, info, ppm_x, ppm_y, PNG_RESOLUTION_METER);
    png_set_compression_level(png, level);
    png_set_compression_strategy(png, strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    // No tIME, tEXt or other dated chunks are ever set, so equal pixels give equal bytes.
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, NULL);

    png_destroy_write_struct(&png, &info);
    free(rows);
    *out_data = state->data;
    *out_size = state->size;
    free(state);
    return CPNG_OK;
}

/// Frees a buffer returned by cpng_encode.
static inline void cpng_free(uint8_t *data) { free(data); }

// MARK: simplified read API helpers (macros and constants do not import into Swift)

/// PNG_IMAGE_VERSION, to put in png_image.version before png_image_begin_read_from_memory.
static inline png_uint_32 cpng_image_version(void) { return PNG_IMAGE_VERSION; }
/// PNG_FORMAT_RGBA: 8-bit sRGB, straight (non-premultiplied) alpha, R G B A byte order.
static inline png_uint_32 cpng_format_rgba(void) { return PNG_FORMAT_RGBA; }
/// PNG_IMAGE_FLAG_16BIT_sRGB: treat 16-bit samples without gAMA/sRGB as sRGB-encoded, not linear,
/// so 16-bit images are merely scaled to 8 bits (with rounding) rather than gamma-converted.
static inline png_uint_32 cpng_flag_16bit_srgb(void) { return PNG_IMAGE_FLAG_16BIT_sRGB; }
/// PNG_IMAGE_ERROR bit of png_image.warning_or_error.
static inline png_uint_32 cpng_image_error_bit(void) { return PNG_IMAGE_ERROR; }
/// PNG_IMAGE_SIZE(image) for the format currently set in `image`.
static inline png_alloc_size_t cpng_image_size(const png_image *image) { return PNG_IMAGE_SIZE(*image); }
/// PNG_IMAGE_ROW_STRIDE(image): components per row for the format currently set in `image`.
static inline png_uint_32 cpng_image_row_stride(const png_image *image) { return PNG_IMAGE_ROW_STRIDE(*image); }

#endif
