/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-style.c — colours (theme palettes, party colours, contrast)
 * and text measuring with pango, which layout and drawing share so that a
 * label is as wide on the screen as the layout thought.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-ft.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "psephos-chart-private.h"

#define RGB(hex)                                                                          \
  {                                                                                       \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) &0xff) / 255.0, 1.0 \
  }

static const PsephosChartPalette light_palette = {
  .background = RGB (0xffffff),
  .text = RGB (0x1f2328),
  .muted = RGB (0x57606a),
  .grid = RGB (0xe1e4e8),
  .axis = RGB (0x8c959f),
  .accent = RGB (0xb3261e),
  .others = RGB (0x9aa0a6),
};

static const PsephosChartPalette dark_palette = {
  .background = RGB (0x1e1e1e),
  .text = RGB (0xf0f0f0),
  .muted = RGB (0xb0b6bd),
  .grid = RGB (0x3a3d41),
  .axis = RGB (0x7d8590),
  .accent = RGB (0xff8a80),
  .others = RGB (0x8a9096),
};

/* Fallbacks for parties the party table has no colour for: distinct,
 * mid-light so that they read on both themes. */
static const guint32 fallback_colours[] = {
  0x4e79a7,
  0xf28e2b,
  0x59a14f,
  0xb07aa1,
  0x76b7b2,
  0xedc948,
  0xff9da7,
  0x9c755f,
  0x8cd17d,
  0xd37295,
  0x499894,
  0xe15759,
  0x86bcb6,
  0xa0cbe8,
  0xfabfd2,
  0xd4a6c8,
};

const PsephosChartPalette *
_psephos_chart_palette (PsephosChartTheme theme)
{
  return theme == PSEPHOS_CHART_THEME_DARK ? &dark_palette : &light_palette;
}

gboolean
_psephos_rgba_parse (const char *s, PsephosRgba *out)
{
  guint v = 0;

  if (s == NULL || s[0] != '#' || strlen (s) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (s[i]);

      if (d < 0)
        return FALSE;
      v = v * 16 + (guint) d;
    }
  out->r = (v >> 16 & 0xff) / 255.0;
  out->g = (v >> 8 & 0xff) / 255.0;
  out->b = (v & 0xff) / 255.0;
  out->a = 1.0;
  return TRUE;
}

PsephosRgba
_psephos_chart_party_rgba (const char *party, const char *colour)
{
  PsephosRgba c;
  guint32 hex;

  if (_psephos_rgba_parse (colour, &c))
    return c;
  if (party == NULL || g_ascii_strcasecmp (party, "IND") == 0 || g_ascii_strcasecmp (party, "NOTA") == 0)
    hex = 0x9aa0a6;
  else
    hex = fallback_colours[g_str_hash (party) % G_N_ELEMENTS (fallback_colours)];
  c.r = (hex >> 16 & 0xff) / 255.0;
  c.g = (hex >> 8 & 0xff) / 255.0;
  c.b = (hex & 0xff) / 255.0;
  c.a = 1.0;
  return c;
}

static double
channel (double v)
{
  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
luminance (PsephosRgba c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

double
_psephos_rgba_contrast_ratio (PsephosRgba a, PsephosRgba b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

PsephosRgba
_psephos_rgba_contrast (PsephosRgba bg)
{
  PsephosRgba black = { 0.08, 0.08, 0.08, 1 }, white = { 1, 1, 1, 1 };

  return _psephos_rgba_contrast_ratio (bg, black) >= _psephos_rgba_contrast_ratio (bg, white)
           ? black
           : white;
}

PsephosRgba
_psephos_rgba_readable_on (PsephosRgba c, PsephosRgba bg, double min)
{
  gboolean darken = luminance (bg) > 0.4;

  for (guint i = 0; i < 20 && _psephos_rgba_contrast_ratio (c, bg) < min; i++)
    {
      if (darken)
        {
          c.r *= 0.85;
          c.g *= 0.85;
          c.b *= 0.85;
        }
      else
        {
          c.r += (1 - c.r) * 0.15;
          c.g += (1 - c.g) * 0.15;
          c.b += (1 - c.b) * 0.15;
        }
    }
  return c;
}

/* ---- text ------------------------------------------------------------- */

struct _PsephosTextMeasure
{
  /* Made on first need: creating pango's font map starts fontconfig. */
  PangoContext *context;
  PangoLayout *layout;
  /* Layouts measure the same labels again and again (to fit, to place):
   * "b|text" or "r|text" → Extents, at the reference size. */
  GHashTable *cache;
};

typedef struct
{
  double width;
  double ascent;
  double descent;
} Extents;

void
_psephos_chart_font_options (cairo_font_options_t *options)
{
  /* Unhinted metrics: a label measures the same at any scale and in any
   * backend, so layout decisions hold on screen, in PNG and in PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
}

void
_psephos_chart_pango_context_setup (PangoContext *context, cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* What the target asks for (antialiasing…), with the chart's own. */
  if (cr != NULL)
    cairo_get_font_options (cr, options);
  _psephos_chart_font_options (options);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* Glyphs where the font puts them, as HarfBuzz measures them, rather
   * than each rounded to a whole pixel at the reference size. */
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoFontDescription *
_psephos_chart_font (double size, gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, PSEPHOS_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return desc;
}

/* ---- measuring with HarfBuzz in the chart font's own files ---------------- */

/* The chart font is the first of PSEPHOS_CHART_FONT_FAMILY, and fontconfig
 * found its files when the program was configured (meson.build). A label
 * whose every character is in that font is drawn by pango in it, so it can
 * be measured with HarfBuzz straight from the file: the same shaping
 * (kerning included) that pango does, without loading fontconfig, which
 * costs more than laying out and writing a whole SVG chart. Anything else
 * (another script, a missing file) is measured through pango. */
typedef struct
{
  char *file;
  hb_font_t *font;
  double ascent;  /* at the reference size, in pixels */
  double descent; /* likewise, positive */
  /* For drawing, made on first need (an SVG export never draws). */
  gsize face_made;
  cairo_font_face_t *face;
} DirectFont;

#define DIRECT_SCALE 64 /* HarfBuzz units per pixel */

static DirectFont direct_fonts[2];

static void
direct_font_load (DirectFont *df, const char *file, gboolean bold)
{
  hb_blob_t *blob;
  hb_face_t *face;
  hb_font_extents_t extents;
  hb_variation_t weight = { HB_TAG ('w', 'g', 'h', 't'), bold ? 700 : 400 };
  int scale = (int) (PSEPHOS_CHART_FONT_REFERENCE_SIZE * DIRECT_SCALE);

  if (file == NULL || file[0] == '\0' || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return;
  blob = hb_blob_create_from_file (file);
  face = hb_face_create (blob, 0);
  hb_blob_destroy (blob);
  if (hb_face_get_glyph_count (face) == 0)
    {
      hb_face_destroy (face);
      return;
    }
  df->font = hb_font_create (face);
  hb_face_destroy (face);
  df->file = g_strdup (file);
  hb_font_set_scale (df->font, scale, scale);
  /* A variable font holds every weight in one file. */
  hb_font_set_variations (df->font, &weight, 1);
  hb_font_make_immutable (df->font);
  hb_font_get_h_extents (df->font, &extents);
  df->ascent = (double) extents.ascender / DIRECT_SCALE;
  df->descent = (double) -extents.descender / DIRECT_SCALE;
}

static const DirectFont *
direct_font (gboolean bold)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      if (g_getenv ("PSEPHOS_CHART_TEXT_WITH_PANGO") == NULL)
        {
          direct_font_load (&direct_fonts[0], PSEPHOS_CHART_FONT_FILE_REGULAR, FALSE);
          direct_font_load (&direct_fonts[1], PSEPHOS_CHART_FONT_FILE_BOLD, TRUE);
        }
      g_once_init_leave (&loaded, 1);
    }
  return direct_fonts[bold ? 1 : 0].font != NULL ? &direct_fonts[bold ? 1 : 0] : NULL;
}

/* @text shaped in the chart font, or NULL when a character of it is not in
 * the font (pango would draw that one in another) or it does not run left
 * to right. */
static hb_buffer_t *
shape_direct (const DirectFont *df, const char *text)
{
  hb_buffer_t *buffer;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      hb_codepoint_t glyph;

      if (!hb_font_get_nominal_glyph (df->font, g_utf8_get_char (p), &glyph))
        return NULL;
    }
  buffer = hb_buffer_create ();
  hb_buffer_add_utf8 (buffer, text, -1, 0, -1);
  hb_buffer_guess_segment_properties (buffer);
  if (hb_buffer_get_direction (buffer) != HB_DIRECTION_LTR)
    {
      hb_buffer_destroy (buffer);
      return NULL;
    }
  hb_shape (df->font, buffer, NULL, 0);
  return buffer;
}

static gboolean
measure_direct (const char *text, gboolean bold, Extents *e)
{
  const DirectFont *df = direct_font (bold);
  hb_buffer_t *buffer;
  hb_glyph_position_t *positions;
  unsigned int n = 0;
  hb_position_t width = 0;

  if (df == NULL || (buffer = shape_direct (df, text)) == NULL)
    return FALSE;
  positions = hb_buffer_get_glyph_positions (buffer, &n);
  for (unsigned int i = 0; i < n; i++)
    width += positions[i].x_advance;
  hb_buffer_destroy (buffer);
  e->width = (double) width / DIRECT_SCALE;
  e->ascent = df->ascent;
  e->descent = df->descent;
  return TRUE;
}

/* ---- drawing with the same font file --------------------------------------- */

static FT_Library ft_library;

static void
ft_face_free (void *data)
{
  FT_Done_Face ((FT_Face) data);
}

/* A cairo font face over the chart font's file, through FreeType: what
 * pango would draw the label with, without fontconfig. */
static cairo_font_face_t *
direct_cairo_face (DirectFont *df)
{
  if (g_once_init_enter (&df->face_made))
    {
      static gsize library_made = 0;
      FT_Face ft_face = NULL;

      if (g_once_init_enter (&library_made))
        {
          if (FT_Init_FreeType (&ft_library) != 0)
            ft_library = NULL;
          g_once_init_leave (&library_made, 1);
        }
      if (ft_library != NULL && FT_New_Face (ft_library, df->file, 0, &ft_face) == 0)
        {
          static const cairo_user_data_key_t key;

          df->face = cairo_ft_font_face_create_for_ft_face (ft_face, 0);
          if (cairo_font_face_set_user_data (df->face, &key, ft_face, ft_face_free) != CAIRO_STATUS_SUCCESS)
            {
              cairo_font_face_destroy (df->face);
              df->face = NULL;
              FT_Done_Face (ft_face);
            }
        }
      g_once_init_leave (&df->face_made, 1);
    }
  return df->face;
}

gboolean
_psephos_chart_draw_text_direct (cairo_t *cr,
                                 const char *text,
                                 gboolean bold,
                                 double x,
                                 double baseline,
                                 double size)
{
  DirectFont *df = (DirectFont *) direct_font (bold);
  cairo_font_face_t *face;
  cairo_font_options_t *options;
  hb_buffer_t *buffer;
  hb_glyph_info_t *infos;
  hb_glyph_position_t *positions;
  cairo_glyph_t *glyphs;
  cairo_text_cluster_t *clusters;
  unsigned int n = 0;
  int n_clusters = 0;
  hb_position_t pen = 0;
  int len = (int) strlen (text);

  if (df == NULL || !g_utf8_validate (text, -1, NULL) || (face = direct_cairo_face (df)) == NULL)
    return FALSE;
  if ((buffer = shape_direct (df, text)) == NULL)
    return FALSE;
  infos = hb_buffer_get_glyph_infos (buffer, &n);
  positions = hb_buffer_get_glyph_positions (buffer, &n);
  glyphs = g_new (cairo_glyph_t, MAX (n, 1));
  clusters = g_new (cairo_text_cluster_t, MAX (n, 1));
  /* Glyphs in the reference size's units; clusters tie them to the text,
   * so a PDF's text can be searched and copied. */
  for (unsigned int i = 0; i < n; i++)
    {
      glyphs[i].index = infos[i].codepoint;
      glyphs[i].x = (double) (pen + positions[i].x_offset) / DIRECT_SCALE;
      glyphs[i].y = (double) -positions[i].y_offset / DIRECT_SCALE;
      pen += positions[i].x_advance;
      if (i == 0 || infos[i].cluster != infos[i - 1].cluster)
        {
          unsigned int end = (unsigned int) len;

          for (unsigned int j = i + 1; j < n; j++)
            if (infos[j].cluster != infos[i].cluster)
              {
                end = infos[j].cluster;
                break;
              }
          clusters[n_clusters].num_bytes = (int) (end - infos[i].cluster);
          clusters[n_clusters].num_glyphs = 0;
          n_clusters++;
        }
      clusters[n_clusters - 1].num_glyphs++;
    }
  hb_buffer_destroy (buffer);

  cairo_save (cr);
  cairo_translate (cr, x, baseline);
  cairo_scale (cr, size / PSEPHOS_CHART_FONT_REFERENCE_SIZE, size / PSEPHOS_CHART_FONT_REFERENCE_SIZE);
  cairo_set_font_face (cr, face);
  cairo_set_font_size (cr, PSEPHOS_CHART_FONT_REFERENCE_SIZE);
  options = cairo_font_options_create ();
  cairo_get_font_options (cr, options);
  _psephos_chart_font_options (options);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_show_text_glyphs (cr, text, len, glyphs, (int) n, clusters, n_clusters, 0);
  cairo_restore (cr);
  g_free (glyphs);
  g_free (clusters);
  return TRUE;
}

/* ---- measuring through pango ------------------------------------------------ */

static void
measure_with_pango (PsephosTextMeasure *tm, const char *text, gboolean bold, Extents *e)
{
  PangoFontDescription *desc;
  PangoRectangle logical;
  int baseline;

  if (tm->layout == NULL)
    {
      /* The default font map is per thread, so exports can run in a worker. */
      tm->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      _psephos_chart_pango_context_setup (tm->context, NULL);
      tm->layout = pango_layout_new (tm->context);
    }
  desc = _psephos_chart_font (PSEPHOS_CHART_FONT_REFERENCE_SIZE, bold);
  pango_layout_set_font_description (tm->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (tm->layout, text, -1);
  pango_layout_get_extents (tm->layout, NULL, &logical);
  baseline = pango_layout_get_baseline (tm->layout);
  e->width = (double) logical.width / PANGO_SCALE;
  e->ascent = (double) (baseline - logical.y) / PANGO_SCALE;
  e->descent = (double) (logical.y + logical.height - baseline) / PANGO_SCALE;
}

PsephosTextMeasure *
_psephos_text_measure_new (void)
{
  PsephosTextMeasure *tm = g_new0 (PsephosTextMeasure, 1);

  tm->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return tm;
}

void
_psephos_text_measure_free (PsephosTextMeasure *tm)
{
  if (tm == NULL)
    return;
  g_clear_object (&tm->layout);
  g_clear_object (&tm->context);
  g_clear_pointer (&tm->cache, g_hash_table_unref);
  g_free (tm);
}

gboolean
_psephos_text_measure_both (PsephosTextMeasure *tm,
                            const char *text,
                            gboolean bold,
                            double direct[3],
                            double pango[3])
{
  Extents d, p;

  if (!measure_direct (text, bold, &d))
    return FALSE;
  measure_with_pango (tm, text, bold, &p);
  direct[0] = d.width, direct[1] = d.ascent, direct[2] = d.descent;
  pango[0] = p.width, pango[1] = p.ascent, pango[2] = p.descent;
  return TRUE;
}

double
_psephos_text_measure (PsephosTextMeasure *tm,
                       const char *text,
                       double size,
                       gboolean bold,
                       double *ascent,
                       double *descent)
{
  g_autofree char *key = NULL;
  g_autofree char *valid = NULL;
  Extents *e;
  double scale = size / PSEPHOS_CHART_FONT_REFERENCE_SIZE;

  /* Store files are untrusted: pango wants valid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  /* Metrics are unhinted, so they scale with the size: every label is
   * measured once, at the reference size, whatever sizes a chart uses.
   * That also keeps pango to one font set per weight, and loading a font
   * set (fontconfig sorting every installed font) is what costs. */
  key = g_strconcat (bold ? "b|" : "r|", text, NULL);
  e = g_hash_table_lookup (tm->cache, key);
  if (e == NULL)
    {
      e = g_new (Extents, 1);
      if (!measure_direct (text, bold, e))
        measure_with_pango (tm, text, bold, e);
      g_hash_table_insert (tm->cache, g_steal_pointer (&key), e);
    }
  if (ascent)
    *ascent = e->ascent * scale;
  if (descent)
    *descent = e->descent * scale;
  return e->width * scale;
}

char *
_psephos_text_fit (PsephosTextMeasure *tm,
                   const char *text,
                   double size,
                   gboolean bold,
                   double max_width)
{
  char *best = NULL;
  glong lo = 0, hi;

  if (_psephos_text_measure (tm, text, size, bold, NULL, NULL) <= max_width)
    return g_strdup (text);

  /* The longest head of @text that fits with "…" after it. */
  hi = g_utf8_strlen (text, -1) - 1;
  while (lo <= hi)
    {
      glong mid = (lo + hi) / 2;
      g_autofree char *head = g_utf8_substring (text, 0, mid);
      char *attempt;

      g_strchomp (head);
      attempt = g_strconcat (head, "…", NULL);
      if (_psephos_text_measure (tm, attempt, size, bold, NULL, NULL) <= max_width)
        {
          g_free (best);
          best = attempt;
          lo = mid + 1;
        }
      else
        {
          g_free (attempt);
          hi = mid - 1;
        }
    }
  return best != NULL ? best : g_strdup ("");
}
