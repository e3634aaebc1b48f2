/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-private.h — what the chart files share: the chart model
 * (numbers, ready to lay out), the text measurer, styles, number formats,
 * the layouts and the backends.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "psephos-chart.h"

G_BEGIN_DECLS

/* ---- model ------------------------------------------------------------ */

typedef enum
{
  PSEPHOS_ITEM_WINNER = 1 << 0,  /* won the seat */
  PSEPHOS_ITEM_LEADING = 1 << 1, /* leads while counting goes on */
  PSEPHOS_ITEM_NOTA = 1 << 2,    /* None of the above */
  PSEPHOS_ITEM_OTHERS = 1 << 3,  /* several folded into one */
} PsephosItemFlags;

typedef struct
{
  char *label;   /* candidate, party or seat name */
  char *party;   /* party abbreviation */
  char *group;   /* alliance abbreviation, NULL when none */
  char *colour;  /* #rrggbb from the party table, NULL when none */
  double value;  /* votes, seats won, margin, turnout % */
  double value2; /* seats leading */
  double share;  /* vote share %, NAN when unknown */
  guint flags;
} PsephosChartItem;

typedef struct
{
  PsephosChartKind kind;
  char *title;
  char *subtitle;
  char *caption;     /* "Source: …" */
  GArray *items;     /* PsephosChartItem */
  int seats_total;   /* hemicycle, tally: -1 unknown */
  int majority;      /* -1 unknown */
  gint64 margin;     /* seat: winner's lead, -1 unknown */
  char *value_label; /* axis title: "Votes", "Winning margin (votes)" */
} PsephosChartModel;

PsephosChartModel *_psephos_chart_model_new (PsephosChartKind kind);
void _psephos_chart_model_free (PsephosChartModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosChartModel, _psephos_chart_model_free)
PsephosChartItem *_psephos_chart_model_add (PsephosChartModel *model,
                                            const char *label,
                                            const char *party,
                                            const char *colour,
                                            double value);

/* Builds a chart on a model made elsewhere (tests, the store reader). Takes
 * ownership of @model. */
PsephosChart *_psephos_chart_new_for_model (PsephosChartModel *model);
const PsephosChartModel *_psephos_chart_get_model (PsephosChart *self);

/* psephos-chart-summary.c: the chart's numbers in a sentence or two. */
char *_psephos_chart_model_summary (const PsephosChartModel *model, const char *locale);

/* psephos-chart-data.c: reads a model from a store. */
PsephosChartModel *_psephos_chart_model_from_store (PsephosStore *store,
                                                    PsephosChartKind kind,
                                                    const PsephosChartQuery *query,
                                                    GError **error);

/* ---- numbers ---------------------------------------------------------- */

/* The locale numbers are written in when none is set. */
char *_psephos_chart_default_locale (void);
/* 124053 → "1,24,053" (en_IN, hi…), "124,053" (en), "124.053" (de)… */
char *psephos_chart_format_count (gint64 n, const char *locale);
/* With @digits decimals: 65.42 → "65.42" or "65,42". */
char *psephos_chart_format_decimal (double value, int digits, const char *locale);

/* ---- style ------------------------------------------------------------ */

typedef struct
{
  PsephosRgba background;
  PsephosRgba text;
  PsephosRgba muted; /* subtitle, caption, tick labels */
  PsephosRgba grid;
  PsephosRgba axis;
  PsephosRgba accent; /* majority line, margin bracket */
  PsephosRgba others; /* NOTA, others, independents without a colour */
} PsephosChartPalette;

const PsephosChartPalette *_psephos_chart_palette (PsephosChartTheme theme);
/* #rrggbb; NULL or bad: FALSE. */
gboolean _psephos_rgba_parse (const char *s, PsephosRgba *out);
/* The party's own colour, else a stable one picked from its name. */
PsephosRgba _psephos_chart_party_rgba (const char *party, const char *colour);
/* Black or white, whichever reads on @bg. */
PsephosRgba _psephos_rgba_contrast (PsephosRgba bg);
double _psephos_rgba_contrast_ratio (PsephosRgba a, PsephosRgba b);
/* Darkens or lightens @c until it stands out on @bg (ratio ≥ @min). */
PsephosRgba _psephos_rgba_readable_on (PsephosRgba c, PsephosRgba bg, double min);

#define PSEPHOS_CHART_FONT_FAMILY "Noto Sans, DejaVu Sans, sans-serif"
/* Text is measured and drawn at this size in pixels, then scaled: see
 * _psephos_text_measure(). */
#define PSEPHOS_CHART_FONT_REFERENCE_SIZE 64.0

/* ---- text ------------------------------------------------------------- */

typedef struct _PsephosTextMeasure PsephosTextMeasure;
/* Font options and glyph placement for every pango context that draws or
 * measures chart text. */
void _psephos_chart_pango_context_setup (PangoContext *context, cairo_t *cr); /* cr: its options too, or NULL */
/* Draws @text with its baseline's start at (@x, @baseline), from the chart
 * font's file as it was measured; FALSE, drawing nothing, when the text is
 * not all in that font (pango draws it then). */
gboolean _psephos_chart_draw_text_direct (cairo_t *cr, const char *text, gboolean bold, double x, double baseline, double size);
/* For tests: @text measured at the reference size both ways, {width,
 * ascent, descent}; FALSE when it cannot be measured from the font file. */
gboolean _psephos_text_measure_both (PsephosTextMeasure *tm, const char *text, gboolean bold, double direct[3], double pango[3]);
PsephosTextMeasure *_psephos_text_measure_new (void);
void _psephos_text_measure_free (PsephosTextMeasure *tm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosTextMeasure, _psephos_text_measure_free)
double _psephos_text_measure (PsephosTextMeasure *tm,
                              const char *text,
                              double size,
                              gboolean bold,
                              double *ascent,
                              double *descent);
/* @text shortened with "…" to fit @max_width (a new string). */
char *_psephos_text_fit (PsephosTextMeasure *tm,
                         const char *text,
                         double size,
                         gboolean bold,
                         double max_width);
/* The font description drawing and measuring share. */
PangoFontDescription *_psephos_chart_font (double size, gboolean bold);
void _psephos_chart_font_options (cairo_font_options_t *options);

/* ---- layout ----------------------------------------------------------- */

PsephosDisplayList *_psephos_chart_layout_model (const PsephosChartModel *model,
                                                 const char *locale,
                                                 PsephosTextMeasure *tm,
                                                 double width,
                                                 double height,
                                                 PsephosChartTheme theme);

/* ---- backends --------------------------------------------------------- */

void _psephos_display_list_draw_cairo (const PsephosDisplayList *list, cairo_t *cr);
/* An opaque (RGB24) image surface as a PNG file. */
gboolean _psephos_chart_write_png (cairo_surface_t *surface,
                                   const char *path,
                                   const char *title,
                                   GError **error);
gboolean _psephos_display_list_write_svg (const PsephosDisplayList *list,
                                          const char *path,
                                          GCancellable *cancellable,
                                          GError **error);

G_END_DECLS
