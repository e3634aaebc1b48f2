/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-layout.h — what the layout files share: the layout state
 * (canvas, fonts, the plot area left after title, legend and caption) and
 * helpers that add marks to the display list.
 */
#pragma once

#include "psephos-chart-private.h"

G_BEGIN_DECLS

typedef struct
{
  const PsephosChartModel *model;
  const char *locale;
  PsephosTextMeasure *tm;
  const PsephosChartPalette *pal;
  PsephosDisplayList *list;
  double width, height;
  double pad;
  double title_size, sub_size, body_size, small_size;
  /* The plot area: what the frame (title, subtitle, caption) leaves. */
  double x0, y0, x1, y1;
} PsephosLayout;

typedef struct
{
  PsephosRgba colour;
  gboolean pale; /* leading, not yet won */
  gboolean ring; /* drawn as an outline only (vacant) */
  const char *party;
  char *label;
} PsephosLegendEntry;

PsephosMark *_psephos_layout_add (PsephosLayout *l, PsephosShape shape, PsephosRole role);
PsephosMark *_psephos_layout_rect (PsephosLayout *l, PsephosRole role, double x, double y, double w, double h, PsephosRgba fill);
PsephosMark *_psephos_layout_line (PsephosLayout *l, PsephosRole role, double x, double y, double x2, double y2, PsephosRgba stroke, double width);
PsephosMark *_psephos_layout_text (PsephosLayout *l, PsephosRole role, const char *text, double x, double y, PsephosAnchor anchor, double size, gboolean bold, PsephosRgba colour);
/* Outlines a mark whose fill hardly differs from the background. */
void _psephos_layout_outline_dim (PsephosLayout *l, PsephosMark *mark);
void _psephos_mark_tag (PsephosMark *mark, const char *party, const char *subject, double value, char *desc /* taken */);
/* Height of a line of text at @size. */
double _psephos_layout_line_height (PsephosLayout *l, double size);
/* Flows legend entries in rows from @y between x0 and x1; returns the
 * height used. With @dry_run, only measures. */
double _psephos_layout_legend (PsephosLayout *l, GArray *entries, double x0, double x1, double y, gboolean dry_run);
void _psephos_legend_entry_clear (gpointer data);
/* A round step for about @n ticks up to @max. */
double _psephos_nice_step (double max, int n);
PsephosRgba _psephos_rgba_pale (PsephosRgba c, const PsephosChartPalette *pal);
char *_psephos_layout_count (PsephosLayout *l, double v);

void _psephos_layout_hemicycle (PsephosLayout *l);

G_END_DECLS
