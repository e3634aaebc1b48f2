/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-display.h — the display list a chart layout produces: shapes
 * and text runs in canvas pixels, each with its colour and what it stands
 * for (role, party, subject). Backends only draw what is here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_CHART_THEME_LIGHT,
  PSEPHOS_CHART_THEME_DARK,
} PsephosChartTheme;

typedef enum
{
  PSEPHOS_SHAPE_RECT,   /* x, y, w, h */
  PSEPHOS_SHAPE_CIRCLE, /* centre x, y; radius r */
  PSEPHOS_SHAPE_LINE,   /* x, y → x2, y2 */
  PSEPHOS_SHAPE_TEXT,   /* a run of text on baseline y, anchored at x */
} PsephosShape;

typedef enum
{
  PSEPHOS_ROLE_BACKGROUND,
  PSEPHOS_ROLE_TITLE,
  PSEPHOS_ROLE_SUBTITLE,
  PSEPHOS_ROLE_CAPTION,
  PSEPHOS_ROLE_AXIS, /* axis lines */
  PSEPHOS_ROLE_GRID,
  PSEPHOS_ROLE_TICK_LABEL,
  PSEPHOS_ROLE_AXIS_LABEL,
  PSEPHOS_ROLE_BAR,         /* one candidate, party, seat */
  PSEPHOS_ROLE_NAME_LABEL,  /* the name beside a bar */
  PSEPHOS_ROLE_VALUE_LABEL, /* the number beside a bar */
  PSEPHOS_ROLE_WINNER,      /* "won" / "leading" marker */
  PSEPHOS_ROLE_MARGIN,      /* the margin bracket and its label */
  PSEPHOS_ROLE_SEAT,        /* one seat of a hemicycle */
  PSEPHOS_ROLE_MAJORITY,    /* majority line and label; value: the mark */
  PSEPHOS_ROLE_LEGEND_SWATCH,
  PSEPHOS_ROLE_LEGEND_LABEL,
  PSEPHOS_ROLE_ANNOTATION, /* other notes in the plot */
} PsephosRole;

typedef enum
{
  PSEPHOS_ANCHOR_START,
  PSEPHOS_ANCHOR_MIDDLE,
  PSEPHOS_ANCHOR_END,
} PsephosAnchor;

typedef struct
{
  double r, g, b, a;
} PsephosRgba;

typedef struct
{
  PsephosShape shape;
  PsephosRole role;
  double x, y, w, h; /* RECT; TEXT: x, y anchor point on the baseline */
  double x2, y2;     /* LINE */
  double r;          /* CIRCLE */
  PsephosRgba fill;  /* alpha 0: none */
  PsephosRgba stroke;
  double line_width; /* 0: no stroke */
  gboolean dashed;
  /* TEXT */
  char *text;
  PsephosAnchor anchor;
  double font_size; /* pixels */
  gboolean bold;
  double text_width; /* measured by the layout */
  double ascent;
  double descent;
  /* What the mark stands for (NULL when nothing). */
  char *party;   /* party or alliance abbreviation */
  char *subject; /* candidate, seat or party name */
  double value;  /* votes, seats, margin, turnout… or NAN */
  char *desc;    /* a sentence for tooltips and SVG <title> */
} PsephosMark;

typedef struct
{
  double width;
  double height;
  PsephosChartTheme theme;
  char *title;
  char *desc;    /* a sentence saying what the chart shows */
  GArray *marks; /* PsephosMark */
} PsephosDisplayList;

PsephosDisplayList *psephos_display_list_new (double width, double height, PsephosChartTheme theme);
void psephos_display_list_free (PsephosDisplayList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PsephosDisplayList, psephos_display_list_free)

static inline guint
psephos_display_list_get_n_marks (const PsephosDisplayList *list)
{
  return list->marks->len;
}

static inline const PsephosMark *
psephos_display_list_get_mark (const PsephosDisplayList *list, guint i)
{
  return &g_array_index (list->marks, PsephosMark, i);
}

/* Bounding box of a mark (text: from its anchor, width, ascent, descent). */
void psephos_mark_get_bounds (const PsephosMark *mark,
                              double *x0,
                              double *y0,
                              double *x1,
                              double *y1);

/* The topmost mark at (@x, @y) that stands for something (it has a @desc):
 * a bar, a seat, a legend swatch… for tooltips. NULL when none. */
const PsephosMark *psephos_display_list_hit (const PsephosDisplayList *list, double x, double y);

/* Counts marks of @role (and @party when not NULL). */
guint psephos_display_list_count (const PsephosDisplayList *list,
                                  PsephosRole role,
                                  const char *party);

G_END_DECLS
