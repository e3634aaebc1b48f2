/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-layout.c — turns a chart model into a display list: the
 * frame every chart has (title, subtitle, caption), then bars for the seat,
 * tally, margins and turnout charts. Text is measured, never guessed, so
 * labels are placed where they fit and are shortened with "…" where not.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-layout.h"

/* ---- helpers ---------------------------------------------------------- */

PsephosMark *
_psephos_layout_add (PsephosLayout *l, PsephosShape shape, PsephosRole role)
{
  PsephosMark *mark;

  g_array_set_size (l->list->marks, l->list->marks->len + 1);
  mark = &g_array_index (l->list->marks, PsephosMark, l->list->marks->len - 1);
  mark->shape = shape;
  mark->role = role;
  mark->value = NAN;
  return mark;
}

PsephosMark *
_psephos_layout_rect (PsephosLayout *l, PsephosRole role, double x, double y, double w, double h, PsephosRgba fill)
{
  PsephosMark *mark = _psephos_layout_add (l, PSEPHOS_SHAPE_RECT, role);

  mark->x = x;
  mark->y = y;
  mark->w = MAX (w, 0);
  mark->h = MAX (h, 0);
  mark->fill = fill;
  return mark;
}

PsephosMark *
_psephos_layout_line (PsephosLayout *l, PsephosRole role, double x, double y, double x2, double y2, PsephosRgba stroke, double width)
{
  PsephosMark *mark = _psephos_layout_add (l, PSEPHOS_SHAPE_LINE, role);

  mark->x = x;
  mark->y = y;
  mark->x2 = x2;
  mark->y2 = y2;
  mark->stroke = stroke;
  mark->line_width = width;
  return mark;
}

PsephosMark *
_psephos_layout_text (PsephosLayout *l, PsephosRole role, const char *text, double x, double y, PsephosAnchor anchor, double size, gboolean bold, PsephosRgba colour)
{
  PsephosMark *mark = _psephos_layout_add (l, PSEPHOS_SHAPE_TEXT, role);

  mark->text = g_utf8_make_valid (text, -1);
  mark->x = x;
  mark->y = y;
  mark->anchor = anchor;
  mark->font_size = size;
  mark->bold = bold;
  mark->fill = colour;
  mark->text_width = _psephos_text_measure (l->tm, mark->text, size, bold,
                                            &mark->ascent, &mark->descent);
  return mark;
}

void
_psephos_layout_outline_dim (PsephosLayout *l, PsephosMark *mark)
{
  /* Navy on the dark theme, pale yellow on the light one: a thin outline
   * keeps a mark in a colour close to the background visible. */
  if (mark->fill.a > 0 && _psephos_rgba_contrast_ratio (mark->fill, l->pal->background) < 1.5)
    {
      mark->stroke = l->pal->axis;
      mark->line_width = 1;
    }
}

void
_psephos_mark_tag (PsephosMark *mark, const char *party, const char *subject, double value, char *desc)
{
  g_free (mark->party);
  mark->party = g_strdup (party);
  g_free (mark->subject);
  mark->subject = g_strdup (subject);
  mark->value = value;
  g_free (mark->desc);
  mark->desc = desc;
}

double
_psephos_layout_line_height (PsephosLayout *l, double size)
{
  double ascent, descent;

  _psephos_text_measure (l->tm, "Hg", size, FALSE, &ascent, &descent);
  return ascent + descent;
}

static double
text_ascent (PsephosLayout *l, double size)
{
  double ascent;

  _psephos_text_measure (l->tm, "Hg", size, FALSE, &ascent, NULL);
  return ascent;
}

char *
_psephos_layout_count (PsephosLayout *l, double v)
{
  return psephos_chart_format_count ((gint64) llround (v), l->locale);
}

double
_psephos_nice_step (double max, int n)
{
  double raw, magnitude, f;

  if (max <= 0 || n < 1)
    return 1;
  raw = max / n;
  magnitude = pow (10, floor (log10 (raw)));
  f = raw / magnitude;
  if (f <= 1)
    f = 1;
  else if (f <= 2)
    f = 2;
  else if (f <= 2.5)
    f = 2.5;
  else if (f <= 5)
    f = 5;
  else
    f = 10;
  return MAX (f * magnitude, 1);
}

PsephosRgba
_psephos_rgba_pale (PsephosRgba c, const PsephosChartPalette *pal)
{
  PsephosRgba bg = pal->background;

  c.r = c.r * 0.45 + bg.r * 0.55;
  c.g = c.g * 0.45 + bg.g * 0.55;
  c.b = c.b * 0.45 + bg.b * 0.55;
  return c;
}

void
_psephos_legend_entry_clear (gpointer data)
{
  PsephosLegendEntry *e = data;

  g_clear_pointer (&e->label, g_free);
}

double
_psephos_layout_legend (PsephosLayout *l, GArray *entries, double x0, double x1, double y, gboolean dry_run)
{
  double size = l->small_size;
  double line = _psephos_layout_line_height (l, size);
  double row_h = line + size * 0.35;
  double sw = size * 0.9;
  double x = x0, top = y;

  if (entries->len == 0)
    return 0;

  for (guint i = 0; i < entries->len; i++)
    {
      PsephosLegendEntry *e = &g_array_index (entries, PsephosLegendEntry, i);
      g_autofree char *label = _psephos_text_fit (l->tm, e->label, size, FALSE,
                                                  x1 - x0 - sw - 6);
      double w = sw + 5 + _psephos_text_measure (l->tm, label, size, FALSE, NULL, NULL);

      if (x > x0 && x + w > x1)
        {
          x = x0;
          y += row_h;
        }
      if (!dry_run)
        {
          PsephosMark *m;
          double baseline = y + text_ascent (l, size);
          double sy = y + (line - sw) / 2;

          if (e->ring)
            {
              m = _psephos_layout_rect (l, PSEPHOS_ROLE_LEGEND_SWATCH, x + 0.5, sy + 0.5,
                                        sw - 1, sw - 1, (PsephosRgba){ 0, 0, 0, 0 });
              m->stroke = e->colour;
              m->line_width = 1;
            }
          else
            m = _psephos_layout_rect (l, PSEPHOS_ROLE_LEGEND_SWATCH, x, sy, sw, sw,
                                      e->pale ? _psephos_rgba_pale (e->colour, l->pal) : e->colour);
          _psephos_layout_outline_dim (l, m);
          _psephos_mark_tag (m, e->party, NULL, NAN, NULL);
          m = _psephos_layout_text (l, PSEPHOS_ROLE_LEGEND_LABEL, label, x + sw + 5, baseline,
                                    PSEPHOS_ANCHOR_START, size, FALSE, l->pal->text);
          _psephos_mark_tag (m, e->party, NULL, NAN, NULL);
        }
      x += w + size * 1.2;
    }
  return y + row_h - top;
}

/* Splits @text into lines no wider than @width, at most @max_lines. */
static GPtrArray *
wrap_text (PsephosLayout *l, const char *text, double size, double width, guint max_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *attempt = NULL;

      if (*words[i] == '\0')
        continue;
      attempt = line->len ? g_strconcat (line->str, " ", words[i], NULL) : g_strdup (words[i]);
      if (line->len > 0 && _psephos_text_measure (l->tm, attempt, size, FALSE, NULL, NULL) > width)
        {
          if (lines->len + 1 == max_lines)
            {
              /* Last line: keep going and shorten it at the end. */
              g_string_assign (line, attempt);
              continue;
            }
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, attempt);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, _psephos_text_fit (l->tm, line->str, size, FALSE, width));
  return lines;
}

/* Title and subtitle at the top, the caption at the bottom; leaves the
 * rest as the plot area. */
static void
layout_frame (PsephosLayout *l)
{
  const PsephosChartModel *model = l->model;
  double w = l->width - 2 * l->pad;
  double y = l->pad;
  PsephosMark *m;

  m = _psephos_layout_rect (l, PSEPHOS_ROLE_BACKGROUND, 0, 0, l->width, l->height,
                            l->pal->background);

  if (model->title != NULL)
    {
      g_autofree char *title = _psephos_text_fit (l->tm, model->title, l->title_size, TRUE, w);

      m = _psephos_layout_text (l, PSEPHOS_ROLE_TITLE, title, l->pad, y, PSEPHOS_ANCHOR_START,
                                l->title_size, TRUE, l->pal->text);
      m->y += m->ascent;
      y += m->ascent + m->descent + l->title_size * 0.15;
    }
  if (model->subtitle != NULL)
    {
      g_autofree char *sub = _psephos_text_fit (l->tm, model->subtitle, l->sub_size, FALSE, w);

      m = _psephos_layout_text (l, PSEPHOS_ROLE_SUBTITLE, sub, l->pad, y, PSEPHOS_ANCHOR_START,
                                l->sub_size, FALSE, l->pal->muted);
      m->y += m->ascent;
      y += m->ascent + m->descent;
    }
  l->y0 = y + l->body_size * 0.8;
  l->y1 = l->height - l->pad;

  if (model->caption != NULL)
    {
      g_autoptr (GPtrArray) lines = wrap_text (l, model->caption, l->small_size, w, 3);
      double line = _psephos_layout_line_height (l, l->small_size);
      double ascent = text_ascent (l, l->small_size);
      double top = l->y1 - line * lines->len;

      for (guint i = 0; i < lines->len; i++)
        _psephos_layout_text (l, PSEPHOS_ROLE_CAPTION, g_ptr_array_index (lines, i),
                              l->pad, top + i * line + ascent, PSEPHOS_ANCHOR_START,
                              l->small_size, FALSE, l->pal->muted);
      l->y1 = top - l->body_size * 0.8;
    }
  l->x0 = l->pad;
  l->x1 = l->width - l->pad;
}

/* ---- horizontal bars: seat, tally, and margins or turnout of few seats -- */

typedef struct
{
  double value;
  PsephosRgba colour;
  const char *party;
  const char *subject;
  char *desc;
  const char *inner; /* a label drawn inside the segment when it fits */
} Segment;

typedef struct
{
  char *name;
  const char *party;
  const char *subject;
  GArray *segments; /* Segment */
  double total;
  char *value_text;
  char *flag_text; /* _("won"), _("leading"): after the value */
  gboolean gap_before;
  gboolean bold;
} Row;

static void
segment_clear (gpointer data)
{
  Segment *s = data;

  g_clear_pointer (&s->desc, g_free);
}

static void
row_clear (gpointer data)
{
  Row *r = data;

  g_clear_pointer (&r->name, g_free);
  g_clear_pointer (&r->segments, g_array_unref);
  g_clear_pointer (&r->value_text, g_free);
  g_clear_pointer (&r->flag_text, g_free);
}

static GArray *
rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

static Row *
rows_add (GArray *rows, const char *name, const char *party, const char *subject)
{
  Row *row;

  g_array_set_size (rows, rows->len + 1);
  row = &g_array_index (rows, Row, rows->len - 1);
  row->name = g_strdup (name);
  row->party = party;
  row->subject = subject;
  row->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_array_set_clear_func (row->segments, segment_clear);
  return row;
}

static Segment *
row_add_segment (Row *row, double value, PsephosRgba colour, const char *party, const char *subject, char *desc)
{
  Segment *seg;

  g_array_set_size (row->segments, row->segments->len + 1);
  seg = &g_array_index (row->segments, Segment, row->segments->len - 1);
  seg->value = value;
  seg->colour = colour;
  seg->party = party;
  seg->subject = subject;
  seg->desc = desc;
  row->total += MAX (value, 0);
  return seg;
}

typedef struct
{
  double vmax; /* the scale's end */
  const char *axis_title;
  gboolean percent; /* tick labels as percentages */
  double ref;       /* a vertical reference line (majority), NAN: none */
  char *ref_label;
  int bracket_a, bracket_b; /* rows joined by the margin bracket, -1: none */
  char *bracket_label;
} BarsOptions;

static char *
tick_text (PsephosLayout *l, double v, gboolean percent, double step)
{
  if (percent)
    {
      g_autofree char *num = psephos_chart_format_decimal (v, step < 1 ? 1 : 0, l->locale);
      return g_strconcat (num, "%", NULL);
    }
  return _psephos_layout_count (l, v);
}

static void
layout_hbars (PsephosLayout *l, GArray *rows, const BarsOptions *o)
{
  double small_line = _psephos_layout_line_height (l, l->small_size);
  double top = l->y0, bottom, band, bar_h, label_size;
  double name_w = 0, right_w = 0, bx0, bx1, scale, step, y;
  double n_units = 0;
  double bracket_w = 0;
  double gap = 6;
  g_autofree char *max_tick = NULL;
  double tick_w;
  int n_ticks;

  g_assert (rows->len > 0);

  if (!isnan (o->ref))
    top += small_line + 6;
  bottom = l->y1 - small_line - 4;
  if (o->axis_title != NULL)
    bottom -= _psephos_layout_line_height (l, l->body_size) + 4;

  for (guint i = 0; i < rows->len; i++)
    n_units += 1 + (g_array_index (rows, Row, i).gap_before ? 0.6 : 0);
  band = MIN ((bottom - top) / n_units, l->body_size * 3.2);
  /* A few rows would leave the lower part of the canvas empty: set them a
   * little above the middle of the room instead. */
  if (bottom - top > n_units * band)
    top += (bottom - top - n_units * band) * 0.4;
  bar_h = band * 0.72;
  label_size = MIN (l->body_size, band * 0.72);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double w = _psephos_text_measure (l->tm, row->name, label_size, row->bold, NULL, NULL);

      name_w = MAX (name_w, w);
      w = row->value_text ? _psephos_text_measure (l->tm, row->value_text, label_size, FALSE, NULL, NULL) : 0;
      if (row->flag_text)
        w += gap + _psephos_text_measure (l->tm, row->flag_text, label_size, TRUE, NULL, NULL);
      right_w = MAX (right_w, w);
    }
  name_w = MIN (name_w, (l->x1 - l->x0) * 0.36);
  if (o->bracket_label != NULL)
    bracket_w = 16 + _psephos_text_measure (l->tm, o->bracket_label, l->small_size, FALSE, NULL, NULL);

  bx0 = l->x0 + name_w + gap;
  bx1 = l->x1 - right_w - 2 * gap - bracket_w;
  max_tick = tick_text (l, o->vmax, o->percent, 1);
  tick_w = _psephos_text_measure (l->tm, max_tick, l->small_size, FALSE, NULL, NULL);
  /* The last tick label is centred on its tick: keep it on the canvas. */
  bx1 = MIN (bx1, l->x1 - tick_w / 2);
  if (bx1 - bx0 < 40)
    bx1 = bx0 + 40;
  scale = (bx1 - bx0) / MAX (o->vmax, 1e-9);

  /* Grid and ticks. */
  /* As many ticks as fit with room between their labels. */
  n_ticks = (int) CLAMP ((bx1 - bx0) / (tick_w * 1.5), 2, 8);
  step = _psephos_nice_step (o->vmax, n_ticks);
  y = top;
  {
    double rows_bottom = top + n_units * band;
    double tick_y = rows_bottom + 4 + text_ascent (l, l->small_size);

    for (double v = 0; v <= o->vmax + step * 1e-6; v += step)
      {
        g_autofree char *t = tick_text (l, v, o->percent, step);
        double x = bx0 + v * scale;
        PsephosMark *m;

        _psephos_layout_line (l, PSEPHOS_ROLE_GRID, x, top, x, rows_bottom, l->pal->grid, 1);
        m = _psephos_layout_text (l, PSEPHOS_ROLE_TICK_LABEL, t, x, tick_y,
                                  PSEPHOS_ANCHOR_MIDDLE, l->small_size, FALSE, l->pal->muted);
        m->value = v;
      }
    _psephos_layout_line (l, PSEPHOS_ROLE_AXIS, bx0, top, bx0, rows_bottom, l->pal->axis, 1);
    if (o->axis_title != NULL)
      {
        g_autofree char *t = _psephos_text_fit (l->tm, o->axis_title, l->body_size, FALSE,
                                                l->x1 - l->x0);
        double w = _psephos_text_measure (l->tm, t, l->body_size, FALSE, NULL, NULL);
        double cx = CLAMP ((bx0 + bx1) / 2, l->x0 + w / 2, l->x1 - w / 2);

        _psephos_layout_text (l, PSEPHOS_ROLE_AXIS_LABEL, t, cx,
                              tick_y + l->small_size * 0.4 + 4 + text_ascent (l, l->body_size),
                              PSEPHOS_ANCHOR_MIDDLE, l->body_size, FALSE, l->pal->text);
      }
  }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double cy, x = bx0, ascent, descent, end;
      g_autofree char *name = NULL;
      PsephosMark *m;

      if (row->gap_before)
        y += band * 0.6;
      cy = y + band / 2;
      _psephos_text_measure (l->tm, "Hg", label_size, FALSE, &ascent, &descent);

      name = _psephos_text_fit (l->tm, row->name, label_size, row->bold, name_w);
      m = _psephos_layout_text (l, PSEPHOS_ROLE_NAME_LABEL, name, bx0 - gap,
                                cy + (ascent - descent) / 2, PSEPHOS_ANCHOR_END,
                                label_size, row->bold, l->pal->text);
      _psephos_mark_tag (m, row->party, row->subject, row->total, NULL);

      for (guint j = 0; j < row->segments->len; j++)
        {
          Segment *seg = &g_array_index (row->segments, Segment, j);
          double w = MAX (seg->value, 0) * scale;

          m = _psephos_layout_rect (l, PSEPHOS_ROLE_BAR, x, cy - bar_h / 2, w, bar_h, seg->colour);
          _psephos_layout_outline_dim (l, m);
          _psephos_mark_tag (m, seg->party, seg->subject, seg->value, g_steal_pointer (&seg->desc));
          if (seg->inner != NULL)
            {
              double tw = _psephos_text_measure (l->tm, seg->inner, l->small_size, TRUE, NULL, NULL);
              double a, d;

              _psephos_text_measure (l->tm, "Hg", l->small_size, TRUE, &a, &d);
              if (tw + 6 <= w && a + d <= bar_h)
                {
                  m = _psephos_layout_text (l, PSEPHOS_ROLE_ANNOTATION, seg->inner, x + w / 2,
                                            cy + (a - d) / 2, PSEPHOS_ANCHOR_MIDDLE,
                                            l->small_size, TRUE, _psephos_rgba_contrast (seg->colour));
                  _psephos_mark_tag (m, seg->party, seg->subject, seg->value, NULL);
                }
            }
          x += w;
        }

      end = x + gap;
      if (row->value_text != NULL)
        {
          m = _psephos_layout_text (l, PSEPHOS_ROLE_VALUE_LABEL, row->value_text, end,
                                    cy + (ascent - descent) / 2, PSEPHOS_ANCHOR_START,
                                    label_size, FALSE, l->pal->text);
          _psephos_mark_tag (m, row->party, row->subject, row->total, NULL);
          end += m->text_width + gap;
        }
      if (row->flag_text != NULL)
        {
          m = _psephos_layout_text (l, PSEPHOS_ROLE_WINNER, row->flag_text, end,
                                    cy + (ascent - descent) / 2, PSEPHOS_ANCHOR_START,
                                    label_size, TRUE, l->pal->accent);
          _psephos_mark_tag (m, row->party, row->subject, row->total, NULL);
        }
      y += band;
    }

  if (o->bracket_a >= 0 && o->bracket_b >= 0 && o->bracket_label != NULL)
    {
      /* A dimension line right of both rows' labels, from one bar to the other. */
      double ya = top, yb = top, bx = bx1 + right_w + 2 * gap + 6;
      PsephosMark *m;
      double a, d;

      for (int i = 0; i < (int) rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);
          double dy = (row->gap_before ? band * 0.6 : 0);

          if (i <= o->bracket_a)
            ya += dy + (i < o->bracket_a ? band : band / 2);
          if (i <= o->bracket_b)
            yb += dy + (i < o->bracket_b ? band : band / 2);
        }
      _psephos_layout_line (l, PSEPHOS_ROLE_MARGIN, bx, ya, bx, yb, l->pal->accent, 1.5);
      _psephos_layout_line (l, PSEPHOS_ROLE_MARGIN, bx - 4, ya, bx, ya, l->pal->accent, 1.5);
      _psephos_layout_line (l, PSEPHOS_ROLE_MARGIN, bx - 4, yb, bx, yb, l->pal->accent, 1.5);
      _psephos_text_measure (l->tm, "Hg", l->small_size, FALSE, &a, &d);
      m = _psephos_layout_text (l, PSEPHOS_ROLE_MARGIN, o->bracket_label, bx + 5,
                                (ya + yb) / 2 + (a - d) / 2, PSEPHOS_ANCHOR_START,
                                l->small_size, FALSE, l->pal->accent);
      m->value = (double) l->model->margin;
    }

  if (!isnan (o->ref) && o->ref <= o->vmax)
    {
      double x = bx0 + o->ref * scale;
      double w = _psephos_text_measure (l->tm, o->ref_label, l->small_size, TRUE, NULL, NULL);
      double cx = CLAMP (x, l->x0 + w / 2, l->x1 - w / 2);
      PsephosMark *m;

      m = _psephos_layout_line (l, PSEPHOS_ROLE_MAJORITY, x, top - 3, x, top + n_units * band,
                                l->pal->accent, 1.5);
      m->dashed = TRUE;
      m->value = o->ref;
      m = _psephos_layout_text (l, PSEPHOS_ROLE_MAJORITY, o->ref_label, cx,
                                top - 6 - l->small_size * 0.3, PSEPHOS_ANCHOR_MIDDLE,
                                l->small_size, TRUE, l->pal->accent);
      _psephos_mark_tag (m, NULL, NULL, o->ref, NULL);
    }
}

/* ---- the seat chart --------------------------------------------------- */

static char *
votes_desc (PsephosLayout *l, const PsephosChartItem *it)
{
  g_autofree char *votes = _psephos_layout_count (l, it->value);

  if (!isnan (it->share))
    {
      g_autofree char *share = psephos_chart_format_decimal (it->share, 2, l->locale);
      return g_strdup_printf (_ ("%s (%s): %s votes, %s%%"), it->label, it->party ? it->party : "",
                              votes, share);
    }
  return g_strdup_printf (_ ("%s (%s): %s votes"), it->label, it->party ? it->party : "", votes);
}

static void
layout_seat (PsephosLayout *l)
{
  const PsephosChartModel *model = l->model;
  g_autoptr (GArray) rows = rows_new ();
  double row_h = _psephos_layout_line_height (l, l->small_size) * 1.3;
  guint max_rows = (guint) MAX (3, (l->y1 - l->y0) / row_h - 3);
  guint n_cand = 0, shown;
  double vmax = 0, others = 0;
  guint n_others = 0;
  BarsOptions o = { .axis_title = model->value_label, .ref = NAN, .bracket_a = -1, .bracket_b = -1 };
  int winner_row = -1, runner_row = -1;

  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      if (!(it->flags & PSEPHOS_ITEM_NOTA))
        n_cand++;
      vmax = MAX (vmax, it->value);
    }
  shown = n_cand <= max_rows ? n_cand : max_rows - 1;

  for (guint i = 0, c = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);
      g_autofree char *name = NULL;
      Row *row;

      if (it->flags & PSEPHOS_ITEM_NOTA)
        continue;
      if (c++ >= shown)
        {
          others += MAX (it->value, 0);
          n_others++;
          continue;
        }
      name = it->party ? g_strdup_printf ("%s · %s", it->label, it->party) : g_strdup (it->label);
      row = rows_add (rows, name, it->party, it->label);
      row_add_segment (row, it->value, _psephos_chart_party_rgba (it->party, it->colour),
                       it->party, it->label, votes_desc (l, it));
      row->value_text = it->value >= 0 ? _psephos_layout_count (l, it->value) : g_strdup ("–");
      if (it->flags & (PSEPHOS_ITEM_WINNER | PSEPHOS_ITEM_LEADING))
        {
          row->flag_text = g_strdup (it->flags & PSEPHOS_ITEM_WINNER ? _ ("✓ won") : _ ("leading"));
          row->bold = TRUE;
          winner_row = (int) rows->len - 1;
        }
      else if (winner_row >= 0 && runner_row < 0)
        runner_row = (int) rows->len - 1;
    }
  if (n_others > 0)
    {
      g_autofree char *name = g_strdup_printf (_ ("%u others"), n_others);
      Row *row = rows_add (rows, name, NULL, NULL);

      row_add_segment (row, others, l->pal->others, NULL, NULL,
                       g_strdup_printf (_ ("%u other candidates"), n_others));
      row->value_text = _psephos_layout_count (l, others);
      vmax = MAX (vmax, others);
    }
  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);
      Row *row;

      if (!(it->flags & PSEPHOS_ITEM_NOTA))
        continue;
      row = rows_add (rows, _ ("None of the above (NOTA)"), "NOTA", "NOTA");
      row_add_segment (row, it->value, l->pal->others, "NOTA", "NOTA",
                       g_strdup_printf (_ ("NOTA: %s votes"), row->value_text = _psephos_layout_count (l, it->value)));
      row->gap_before = TRUE;
    }

  if (model->margin >= 0 && winner_row >= 0 && runner_row >= 0)
    {
      g_autofree char *m = _psephos_layout_count (l, (double) model->margin);

      o.bracket_a = winner_row;
      o.bracket_b = runner_row;
      o.bracket_label = g_strdup_printf (_ ("margin %s"), m);
    }
  o.vmax = vmax > 0 ? vmax : 1;
  layout_hbars (l, rows, &o);
  g_free (o.bracket_label);
}

/* ---- the tally chart -------------------------------------------------- */

typedef struct
{
  const char *group;
  double total;
  guint first; /* order of first appearance, for ties */
} Group;

static int
group_compare (gconstpointer a, gconstpointer b)
{
  const Group *ga = a, *gb = b;

  if (ga->total != gb->total)
    return ga->total < gb->total ? 1 : -1;
  return (int) ga->first - (int) gb->first;
}

static void
layout_tally (PsephosLayout *l)
{
  const PsephosChartModel *model = l->model;
  g_autoptr (GArray) rows = rows_new ();
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autoptr (GArray) legend = g_array_new (FALSE, TRUE, sizeof (PsephosLegendEntry));
  g_autofree char *majority = NULL;
  g_autofree char *axis = NULL;
  double row_h = _psephos_layout_line_height (l, l->small_size) * 1.4;
  guint max_rows = (guint) MAX (3, (l->y1 - l->y0) / row_h - 3);
  BarsOptions o = { .ref = NAN, .bracket_a = -1, .bracket_b = -1 };
  gboolean any_leading = FALSE;
  double others_won = 0, others_leading = 0, vmax = 0;
  guint n_others = 0;
  int seats_total = model->seats_total;

  g_array_set_clear_func (legend, _psephos_legend_entry_clear);

  /* Rows are alliances (stacked by member party) and parties outside any. */
  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);
      const char *key = it->group ? it->group : it->party;
      gboolean found = FALSE;

      any_leading |= it->value2 > 0;
      for (guint j = 0; j < groups->len && !found; j++)
        {
          Group *g = &g_array_index (groups, Group, j);

          if (g_strcmp0 (g->group, key) == 0)
            {
              g->total += it->value + it->value2;
              found = TRUE;
            }
        }
      if (!found)
        {
          Group g = { key, it->value + it->value2, groups->len };
          g_array_append_val (groups, g);
        }
    }
  g_array_sort (groups, group_compare);

  for (guint j = 0; j < groups->len; j++)
    {
      Group *g = &g_array_index (groups, Group, j);
      gboolean fold = j + 1 >= max_rows && groups->len > max_rows;
      Row *row = NULL;
      double won = 0, leading = 0;

      for (guint i = 0; i < model->items->len; i++)
        {
          const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);
          PsephosRgba c = _psephos_chart_party_rgba (it->party, it->colour);
          const char *key = it->group ? it->group : it->party;
          Segment *seg;

          if (g_strcmp0 (key, g->group) != 0)
            continue;
          won += it->value;
          leading += it->value2;
          if (fold)
            continue;
          if (row == NULL)
            row = rows_add (rows, g->group, it->group ? NULL : it->party, g->group);
          if (it->value > 0)
            {
              seg = row_add_segment (row, it->value, c, it->party, it->label,
                                     g_strdup_printf (_ ("%s: %d won"), it->label, (int) it->value));
              seg->inner = it->group ? it->party : NULL;
            }
          if (it->value2 > 0)
            row_add_segment (row, it->value2, _psephos_rgba_pale (c, l->pal), it->party, it->label,
                             g_strdup_printf (_ ("%s: %d leading"), it->label, (int) it->value2));
          if (it->group != NULL)
            {
              PsephosLegendEntry e = { c, FALSE, FALSE, it->party, NULL };

              e.label = g_strdup_printf ("%s %d", it->party, (int) (it->value + it->value2));
              g_array_append_val (legend, e);
            }
        }
      if (fold)
        {
          others_won += won;
          others_leading += leading;
          n_others++;
          continue;
        }
      row->value_text = leading > 0 ? g_strdup_printf (_ ("%d + %d leading"), (int) won, (int) leading)
                                    : g_strdup_printf ("%d", (int) won);
      vmax = MAX (vmax, won + leading);
    }
  if (n_others > 0)
    {
      g_autofree char *name = g_strdup_printf (_ ("%u others"), n_others);
      Row *row = rows_add (rows, name, NULL, NULL);

      row_add_segment (row, others_won, l->pal->others, NULL, NULL,
                       g_strdup_printf (_ ("%u other parties: %d won"), n_others, (int) others_won));
      if (others_leading > 0)
        row_add_segment (row, others_leading, _psephos_rgba_pale (l->pal->others, l->pal), NULL, NULL,
                         g_strdup_printf (_ ("%u other parties: %d leading"), n_others, (int) others_leading));
      row->value_text = others_leading > 0
                          ? g_strdup_printf (_ ("%d + %d leading"), (int) others_won, (int) others_leading)
                          : g_strdup_printf ("%d", (int) others_won);
      vmax = MAX (vmax, others_won + others_leading);
    }

  if (any_leading)
    {
      PsephosLegendEntry won = { l->pal->axis, FALSE, FALSE, NULL, g_strdup ("won") };
      PsephosLegendEntry lead = { l->pal->axis, TRUE, FALSE, NULL, g_strdup ("leading") };

      g_array_append_val (legend, won);
      g_array_append_val (legend, lead);
    }
  if (legend->len > 0)
    l->y0 += _psephos_layout_legend (l, legend, l->x0, l->x1, l->y0, FALSE) + l->small_size * 0.5;

  if (seats_total <= 0)
    seats_total = (int) vmax;
  if (model->majority > 0 || model->seats_total > 0)
    {
      int mark = model->majority > 0 ? model->majority : model->seats_total / 2 + 1;

      majority = g_strdup_printf (_ ("majority %d"), mark);
      o.ref = mark;
      o.ref_label = majority;
    }
  axis = g_strdup_printf (_ ("Seats (house of %d)"), seats_total);
  o.axis_title = axis;
  o.vmax = MAX (seats_total, vmax);
  /* A house far larger than any party's tally squeezes every bar: end the
   * scale past the majority line instead. */
  if (vmax < o.vmax * 0.6)
    o.vmax = MAX (vmax, isnan (o.ref) ? vmax : o.ref) * 1.1;
  layout_hbars (l, rows, &o);
}

/* ---- margins and turnout ---------------------------------------------- */

static int
item_value_compare (gconstpointer a, gconstpointer b)
{
  const PsephosChartItem *ia = *(const PsephosChartItem *const *) a;
  const PsephosChartItem *ib = *(const PsephosChartItem *const *) b;

  if (ia->value != ib->value)
    return ia->value < ib->value ? 1 : -1;
  return g_strcmp0 (ia->label, ib->label);
}

static char *
value_text (PsephosLayout *l, double v, gboolean percent)
{
  if (percent)
    {
      g_autofree char *num = psephos_chart_format_decimal (v, 1, l->locale);
      return g_strconcat (num, "%", NULL);
    }
  return _psephos_layout_count (l, v);
}

typedef struct
{
  const char *party;
  const char *colour;
  guint n;
} PartyCount;

static int
party_count_compare (gconstpointer a, gconstpointer b)
{
  const PartyCount *pa = a, *pb = b;

  if (pa->n != pb->n)
    return pa->n < pb->n ? 1 : -1;
  return g_strcmp0 (pa->party, pb->party);
}

/* The winners' parties, most seats first, as a legend. */
static void
party_legend (PsephosLayout *l, GPtrArray *sorted)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, TRUE, sizeof (PartyCount));
  g_autoptr (GArray) legend = g_array_new (FALSE, TRUE, sizeof (PsephosLegendEntry));
  guint others = 0, max_entries;

  g_array_set_clear_func (legend, _psephos_legend_entry_clear);
  for (guint i = 0; i < sorted->len; i++)
    {
      const PsephosChartItem *it = g_ptr_array_index (sorted, i);
      gboolean found = FALSE;

      for (guint j = 0; j < counts->len && !found; j++)
        {
          PartyCount *pc = &g_array_index (counts, PartyCount, j);

          if (g_strcmp0 (pc->party, it->party) == 0)
            {
              pc->n++;
              found = TRUE;
            }
        }
      if (!found)
        {
          PartyCount pc = { it->party, it->colour, 1 };
          g_array_append_val (counts, pc);
        }
    }
  g_array_sort (counts, party_count_compare);
  max_entries = l->width < 600 ? 6 : 12;
  for (guint j = 0; j < counts->len; j++)
    {
      PartyCount *pc = &g_array_index (counts, PartyCount, j);
      PsephosLegendEntry e = { _psephos_chart_party_rgba (pc->party, pc->colour), FALSE, FALSE,
                               pc->party, NULL };

      if (j >= max_entries && counts->len > max_entries + 1)
        {
          others += pc->n;
          continue;
        }
      e.label = g_strdup_printf ("%s %u", pc->party ? pc->party : _ ("no winner yet"), pc->n);
      g_array_append_val (legend, e);
    }
  if (others > 0)
    {
      PsephosLegendEntry e = { l->pal->others, FALSE, FALSE, NULL, NULL };

      e.label = g_strdup_printf (_ ("%u more parties %u"), counts->len - max_entries, others);
      g_array_append_val (legend, e);
    }
  l->y0 += _psephos_layout_legend (l, legend, l->x0, l->x1, l->y0, FALSE) + l->small_size * 0.5;
}

/* Many seats: one thin column each, no names; the extremes are named in a
 * note under the axis. */
static void
layout_columns (PsephosLayout *l, GPtrArray *sorted, gboolean percent, const char *axis_title, const char *x_title)
{
  const PsephosChartItem *first = g_ptr_array_index (sorted, 0);
  const PsephosChartItem *last = g_ptr_array_index (sorted, sorted->len - 1);
  double vmax = MAX (first->value, 1e-9);
  double small_line = _psephos_layout_line_height (l, l->small_size);
  double small_ascent = text_ascent (l, l->small_size);
  double step, tick_w = 0, px0, px1, py0, py1, colw, gap, sum = 0;
  g_autofree char *note = NULL;
  g_autofree char *first_v = value_text (l, first->value, percent);
  g_autofree char *last_v = value_text (l, last->value, percent);
  PsephosMark *m;
  int n_ticks;

  party_legend (l, sorted);

  /* Axis title above the value axis, x title and note under the plot. */
  m = _psephos_layout_text (l, PSEPHOS_ROLE_AXIS_LABEL, axis_title, l->x0,
                            l->y0 + text_ascent (l, l->body_size), PSEPHOS_ANCHOR_START,
                            l->body_size, FALSE, l->pal->text);
  py0 = l->y0 + m->ascent + m->descent + small_line / 2 + 4;
  note = g_strdup_printf (_ ("Largest: %s (%s) %s · smallest: %s (%s) %s"),
                          first->label, first->party ? first->party : "?", first_v,
                          last->label, last->party ? last->party : "?", last_v);
  {
    g_autofree char *fitted = _psephos_text_fit (l->tm, note, l->small_size, FALSE, l->x1 - l->x0);

    _psephos_layout_text (l, PSEPHOS_ROLE_ANNOTATION, fitted, l->x0, l->y1 - small_line + small_ascent,
                          PSEPHOS_ANCHOR_START, l->small_size, FALSE, l->pal->muted);
  }
  {
    g_autofree char *fitted = _psephos_text_fit (l->tm, x_title, l->body_size, FALSE, l->x1 - l->x0);

    m = _psephos_layout_text (l, PSEPHOS_ROLE_AXIS_LABEL, fitted, (l->x0 + l->x1) / 2,
                              l->y1 - small_line - 4 - _psephos_layout_line_height (l, l->body_size)
                                + text_ascent (l, l->body_size),
                              PSEPHOS_ANCHOR_MIDDLE, l->body_size, FALSE, l->pal->text);
    if (m->x - m->text_width / 2 < l->x0)
      m->x = l->x0 + m->text_width / 2;
  }
  py1 = l->y1 - small_line - 8 - _psephos_layout_line_height (l, l->body_size);

  n_ticks = (int) CLAMP ((py1 - py0) / (small_line * 2.5), 1, 8);
  step = _psephos_nice_step (vmax, n_ticks);
  vmax = ceil (vmax / step - 1e-9) * step;
  if (percent && vmax > 100)
    vmax = 100;
  for (double v = 0; v <= vmax + step * 1e-6; v += step)
    {
      g_autofree char *t = tick_text (l, v, percent, step);

      tick_w = MAX (tick_w, _psephos_text_measure (l->tm, t, l->small_size, FALSE, NULL, NULL));
    }
  px0 = l->x0 + tick_w + 6;
  px1 = l->x1;
  for (double v = 0; v <= vmax + step * 1e-6; v += step)
    {
      g_autofree char *t = tick_text (l, v, percent, step);
      double y = py1 - (py1 - py0) * v / vmax;

      _psephos_layout_line (l, PSEPHOS_ROLE_GRID, px0, y, px1, y, l->pal->grid, 1);
      m = _psephos_layout_text (l, PSEPHOS_ROLE_TICK_LABEL, t, px0 - 6, y + small_ascent / 2 - 1,
                                PSEPHOS_ANCHOR_END, l->small_size, FALSE, l->pal->muted);
      m->value = v;
    }

  colw = (px1 - px0) / sorted->len;
  gap = colw > 3 ? colw * 0.15 : 0;
  for (guint i = 0; i < sorted->len; i++)
    {
      const PsephosChartItem *it = g_ptr_array_index (sorted, i);
      double h = (py1 - py0) * MAX (it->value, 0) / vmax;
      g_autofree char *v = value_text (l, it->value, percent);

      m = _psephos_layout_rect (l, PSEPHOS_ROLE_BAR, px0 + i * colw + gap / 2, py1 - h,
                                colw - gap, h, _psephos_chart_party_rgba (it->party, it->colour));
      if (colw - gap >= 3)
        _psephos_layout_outline_dim (l, m);
      _psephos_mark_tag (m, it->party, it->label, it->value,
                         g_strdup_printf ("%s (%s): %s", it->label, it->party ? it->party : "?", v));
      sum += it->value;
    }
  _psephos_layout_line (l, PSEPHOS_ROLE_AXIS, px0, py1, px1, py1, l->pal->axis, 1);

  if (percent)
    {
      double mean = sum / sorted->len;
      double y = py1 - (py1 - py0) * mean / vmax;
      g_autofree char *mv = value_text (l, mean, TRUE);
      g_autofree char *label = g_strdup_printf (_ ("mean %s"), mv);

      m = _psephos_layout_line (l, PSEPHOS_ROLE_ANNOTATION, px0, y, px1, y, l->pal->accent, 1.5);
      m->dashed = TRUE;
      m->value = mean;
      {
        /* The label sits over the bars: a veil of background keeps it legible. */
        double a, d, w = _psephos_text_measure (l->tm, label, l->small_size, TRUE, &a, &d);
        PsephosRgba veil = l->pal->background;

        veil.a = 0.8;
        _psephos_layout_rect (l, PSEPHOS_ROLE_ANNOTATION, px1 - w - 3, y - 4 - a - 1, w + 3, a + d + 2, veil);
      }
      m = _psephos_layout_text (l, PSEPHOS_ROLE_ANNOTATION, label, px1, y - 4,
                                PSEPHOS_ANCHOR_END, l->small_size, TRUE, l->pal->accent);
      m->value = mean;
    }
}

static void
layout_ranked (PsephosLayout *l, gboolean percent)
{
  const PsephosChartModel *model = l->model;
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  /* Room for rows of names at about the small text size, under a legend
   * of a line or two and above the axis. */
  double row_h = _psephos_layout_line_height (l, l->small_size) * 1.05;
  guint max_rows = (guint) MAX (3, (l->y1 - l->y0) / row_h - 5);
  g_autofree char *x_title = NULL;

  for (guint i = 0; i < model->items->len; i++)
    {
      PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      if (it->value >= 0 && !isnan (it->value))
        g_ptr_array_add (sorted, it);
    }
  g_ptr_array_sort (sorted, item_value_compare);
  if (sorted->len == 0)
    return;

  if (sorted->len > max_rows || sorted->len > 40)
    {
      x_title = g_strdup_printf (_ ("%u seats, sorted by %s"), sorted->len,
                                 percent ? _ ("turnout") : _ ("winning margin"));
      layout_columns (l, sorted, percent, model->value_label, x_title);
    }
  else
    {
      g_autoptr (GArray) rows = rows_new ();
      BarsOptions o = { .axis_title = model->value_label, .ref = NAN, .bracket_a = -1, .bracket_b = -1, .percent = percent };

      for (guint i = 0; i < sorted->len; i++)
        {
          const PsephosChartItem *it = g_ptr_array_index (sorted, i);
          g_autofree char *name = it->party ? g_strdup_printf ("%s · %s", it->label, it->party) : g_strdup (it->label);
          Row *row = rows_add (rows, name, it->party, it->label);
          g_autofree char *v = value_text (l, it->value, percent);

          row_add_segment (row, it->value, _psephos_chart_party_rgba (it->party, it->colour),
                           it->party, it->label,
                           g_strdup_printf ("%s (%s): %s", it->label, it->party ? it->party : "?", v));
          row->value_text = g_steal_pointer (&v);
        }
      party_legend (l, sorted);
      o.vmax = percent ? MIN (100, ceil (((const PsephosChartItem *) g_ptr_array_index (sorted, 0))->value / 10) * 10)
                       : ((const PsephosChartItem *) g_ptr_array_index (sorted, 0))->value;
      layout_hbars (l, rows, &o);
    }
}

/* ---- entry point ------------------------------------------------------ */

PsephosDisplayList *
_psephos_chart_layout_model (const PsephosChartModel *model,
                             const char *locale,
                             PsephosTextMeasure *tm,
                             double width,
                             double height,
                             PsephosChartTheme theme)
{
  PsephosLayout l = { 0 };

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  l.model = model;
  l.locale = locale;
  l.tm = tm;
  l.pal = _psephos_chart_palette (theme);
  l.list = psephos_display_list_new (width, height, theme);
  l.list->title = g_strdup (model->title);
  {
    g_autofree char *summary = _psephos_chart_model_summary (model, locale);

    l.list->desc = g_strdup_printf ("%s%s%s %s", model->subtitle ? model->subtitle : "",
                                    model->subtitle ? ". " : "", summary,
                                    model->caption ? model->caption : "");
    g_strstrip (l.list->desc);
  }
  l.width = width;
  l.height = height;
  l.pad = CLAMP (MIN (width, height) * 0.035, 6, 32);
  l.title_size = CLAMP (MIN (width / 34, height / 18), 11, 30);
  l.sub_size = MAX (9, l.title_size * 0.62);
  l.body_size = CLAMP (l.title_size * 0.6, 8, 18);
  l.small_size = MAX (7.5, l.body_size * 0.86);

  layout_frame (&l);

  switch (model->kind)
    {
      case PSEPHOS_CHART_SEAT:
        layout_seat (&l);
        break;
      case PSEPHOS_CHART_TALLY:
        layout_tally (&l);
        break;
      case PSEPHOS_CHART_HEMICYCLE:
        _psephos_layout_hemicycle (&l);
        break;
      case PSEPHOS_CHART_MARGINS:
        layout_ranked (&l, FALSE);
        break;
      case PSEPHOS_CHART_TURNOUT:
        layout_ranked (&l, TRUE);
        break;
      default:
        g_assert_not_reached ();
    }
  return l.list;
}
