/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-display.c — the display list: storage and geometry helpers. */
#include "psephos-chart-display.h"

static void
mark_clear (gpointer data)
{
  PsephosMark *mark = data;

  g_clear_pointer (&mark->text, g_free);
  g_clear_pointer (&mark->party, g_free);
  g_clear_pointer (&mark->subject, g_free);
  g_clear_pointer (&mark->desc, g_free);
}

PsephosDisplayList *
psephos_display_list_new (double width, double height, PsephosChartTheme theme)
{
  PsephosDisplayList *list = g_new0 (PsephosDisplayList, 1);

  list->width = width;
  list->height = height;
  list->theme = theme;
  list->marks = g_array_new (FALSE, TRUE, sizeof (PsephosMark));
  g_array_set_clear_func (list->marks, mark_clear);
  return list;
}

void
psephos_display_list_free (PsephosDisplayList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->marks);
  g_free (list->title);
  g_free (list->desc);
  g_free (list);
}

void
psephos_mark_get_bounds (const PsephosMark *mark,
                         double *x0,
                         double *y0,
                         double *x1,
                         double *y1)
{
  double a = 0, b = 0, c = 0, d = 0;
  double half = mark->line_width / 2;

  switch (mark->shape)
    {
      case PSEPHOS_SHAPE_RECT:
        a = mark->x;
        b = mark->y;
        c = mark->x + mark->w;
        d = mark->y + mark->h;
        break;
      case PSEPHOS_SHAPE_CIRCLE:
        a = mark->x - mark->r;
        b = mark->y - mark->r;
        c = mark->x + mark->r;
        d = mark->y + mark->r;
        break;
      case PSEPHOS_SHAPE_LINE:
        a = MIN (mark->x, mark->x2) - half;
        b = MIN (mark->y, mark->y2) - half;
        c = MAX (mark->x, mark->x2) + half;
        d = MAX (mark->y, mark->y2) + half;
        break;
      case PSEPHOS_SHAPE_TEXT:
        switch (mark->anchor)
          {
            case PSEPHOS_ANCHOR_START:
              a = mark->x;
              break;
            case PSEPHOS_ANCHOR_MIDDLE:
              a = mark->x - mark->text_width / 2;
              break;
            case PSEPHOS_ANCHOR_END:
              a = mark->x - mark->text_width;
              break;
            default:
              g_assert_not_reached ();
          }
        c = a + mark->text_width;
        b = mark->y - mark->ascent;
        d = mark->y + mark->descent;
        break;
      default:
        g_assert_not_reached ();
    }
  if (x0)
    *x0 = a;
  if (y0)
    *y0 = b;
  if (x1)
    *x1 = c;
  if (y1)
    *y1 = d;
}

const PsephosMark *
psephos_display_list_hit (const PsephosDisplayList *list, double x, double y)
{
  g_return_val_if_fail (list != NULL, NULL);

  for (guint i = list->marks->len; i > 0; i--)
    {
      const PsephosMark *mark = &g_array_index (list->marks, PsephosMark, i - 1);
      double x0, y0, x1, y1;

      if (mark->desc == NULL)
        continue;
      if (mark->shape == PSEPHOS_SHAPE_CIRCLE)
        {
          double dx = x - mark->x, dy = y - mark->y;

          if (dx * dx + dy * dy <= mark->r * mark->r)
            return mark;
          continue;
        }
      psephos_mark_get_bounds (mark, &x0, &y0, &x1, &y1);
      /* Thin bars (a column per seat) are hard to point at: give them a pixel. */
      if (x1 - x0 < 2)
        {
          x0 -= 1;
          x1 += 1;
        }
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1)
        return mark;
    }
  return NULL;
}

guint
psephos_display_list_count (const PsephosDisplayList *list,
                            PsephosRole role,
                            const char *party)
{
  guint n = 0;

  g_return_val_if_fail (list != NULL, 0);

  for (guint i = 0; i < list->marks->len; i++)
    {
      const PsephosMark *mark = &g_array_index (list->marks, PsephosMark, i);

      if (mark->role != role)
        continue;
      if (party != NULL && g_strcmp0 (mark->party, party) != 0)
        continue;
      n++;
    }
  return n;
}
