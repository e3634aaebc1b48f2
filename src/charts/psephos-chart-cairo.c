/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-cairo.c — draws a display list with cairo and pango: the
 * one drawing path for the screen, PNG and PDF.
 */
#include <math.h>
#include <pango/pangocairo.h>

#include "psephos-chart-private.h"

static void
set_source (cairo_t *cr, PsephosRgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

static void
fill_and_stroke (cairo_t *cr, const PsephosMark *mark)
{
  if (mark->fill.a > 0)
    {
      set_source (cr, mark->fill);
      if (mark->line_width > 0 && mark->stroke.a > 0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (mark->line_width > 0 && mark->stroke.a > 0)
    {
      set_source (cr, mark->stroke);
      cairo_set_line_width (cr, mark->line_width);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
add_shape (cairo_t *cr, const PsephosMark *mark)
{
  if (mark->shape == PSEPHOS_SHAPE_RECT)
    cairo_rectangle (cr, mark->x, mark->y, mark->w, mark->h);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->x, mark->y, mark->r, 0, 2 * G_PI);
    }
}

static gboolean
is_plain (const PsephosMark *mark)
{
  return (mark->shape == PSEPHOS_SHAPE_RECT || mark->shape == PSEPHOS_SHAPE_CIRCLE) && mark->fill.a >= 1 && (mark->line_width <= 0 || mark->stroke.a <= 0) && !mark->dashed;
}

static gboolean
same_fill (const PsephosMark *a, const PsephosMark *b)
{
  return is_plain (b) && a->fill.r == b->fill.r && a->fill.g == b->fill.g && a->fill.b == b->fill.b;
}

/* Pango, for text that is not all in the chart font's file: made on first
 * need, since making it starts fontconfig. */
static PangoLayout *
text_layout (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  PangoFontDescription *desc = _psephos_chart_font (PSEPHOS_CHART_FONT_REFERENCE_SIZE, FALSE);
  PangoLayout *layout;

  _psephos_chart_pango_context_setup (context, cr);
  layout = pango_layout_new (context);
  g_object_unref (context);
  /* The font is set once, at the reference size, and scaled as each label
   * is drawn: unhinted glyphs are the same outlines at any scale, and
   * pango loads one font set per weight instead of one per size. */
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

static void
draw_text (cairo_t *cr, PangoLayout **layout, const PsephosMark *mark)
{
  double scale = mark->font_size / PSEPHOS_CHART_FONT_REFERENCE_SIZE;
  double x = mark->x;

  /* Anchor with the width the layout measured, so that what was checked
   * for overlaps is what is drawn. */
  if (mark->anchor == PSEPHOS_ANCHOR_MIDDLE)
    x -= mark->text_width / 2;
  else if (mark->anchor == PSEPHOS_ANCHOR_END)
    x -= mark->text_width;
  set_source (cr, mark->fill);
  /* Text all in the chart font is drawn from its file, as it was
   * measured; anything else through pango. */
  if (!_psephos_chart_draw_text_direct (cr, mark->text, mark->bold, x, mark->y, mark->font_size))
    {
      if (*layout == NULL)
        *layout = text_layout (cr);
      pango_layout_set_attributes (*layout, NULL);
      pango_layout_set_text (*layout, mark->text, -1);
      if (mark->bold)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (*layout, attrs);
          pango_attr_list_unref (attrs);
        }
      cairo_save (cr);
      cairo_translate (cr, x, mark->y);
      cairo_scale (cr, scale, scale);
      cairo_move_to (cr, 0, -(double) pango_layout_get_baseline (*layout) / PANGO_SCALE);
      pango_cairo_show_layout (cr, *layout);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
}

void
_psephos_display_list_draw_cairo (const PsephosDisplayList *list, cairo_t *cr)
{
  PangoLayout *layout = NULL;
  static const double dash[] = { 5, 3 };

  g_return_if_fail (list != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *mark = &g_array_index (list->marks, PsephosMark, i);

      cairo_set_dash (cr, mark->dashed ? dash : NULL, mark->dashed ? G_N_ELEMENTS (dash) : 0, 0);
      switch (mark->shape)
        {
          case PSEPHOS_SHAPE_RECT:
          case PSEPHOS_SHAPE_CIRCLE:
            add_shape (cr, mark);
            /* A run of plain shapes of one colour (a party's seats, its
             * bars) is one path, filled once: far quicker to rasterise,
             * and a smaller PDF. */
            while (is_plain (mark) && i + 1 < list->marks->len && same_fill (mark, &g_array_index (list->marks, PsephosMark, i + 1)))
              add_shape (cr, &g_array_index (list->marks, PsephosMark, ++i));
            fill_and_stroke (cr, mark);
            break;
          case PSEPHOS_SHAPE_LINE:
            cairo_move_to (cr, mark->x, mark->y);
            cairo_line_to (cr, mark->x2, mark->y2);
            set_source (cr, mark->stroke);
            cairo_set_line_width (cr, mark->line_width);
            cairo_stroke (cr);
            break;
          case PSEPHOS_SHAPE_TEXT:
            draw_text (cr, &layout, mark);
            break;
          default:
            g_assert_not_reached ();
        }
    }
  g_clear_object (&layout);
  cairo_restore (cr);
}
