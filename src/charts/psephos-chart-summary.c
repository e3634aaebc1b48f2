/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-summary.c — a chart in one or two sentences, for people
 * who do not see it: the app's accessible description and the SVG <desc>.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-private.h"

#define MAX_NAMED 8

static int
value_desc (gconstpointer a, gconstpointer b)
{
  const PsephosChartItem *ia = *(const PsephosChartItem *const *) a;
  const PsephosChartItem *ib = *(const PsephosChartItem *const *) b;
  double va = ia->value + ia->value2, vb = ib->value + ib->value2;

  return va < vb ? 1 : va > vb ? -1
                               : 0;
}

static GPtrArray *
sorted_items (const PsephosChartModel *model, gboolean skip_nota)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < model->items->len; i++)
    {
      PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      if ((skip_nota && (it->flags & PSEPHOS_ITEM_NOTA)) || isnan (it->value) || it->value < 0)
        continue;
      g_ptr_array_add (items, it);
    }
  g_ptr_array_sort (items, value_desc);
  return items;
}

static void
summarise_seat (GString *out, const PsephosChartModel *model, const char *locale)
{
  g_autoptr (GPtrArray) items = sorted_items (model, TRUE);

  for (guint i = 0; i < items->len && i < MAX_NAMED; i++)
    {
      const PsephosChartItem *it = g_ptr_array_index (items, i);
      g_autofree char *votes = psephos_chart_format_count ((gint64) it->value, locale);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, _ ("%s (%s) %s votes"), it->label, it->party ? it->party : "?", votes);
      if (it->flags & PSEPHOS_ITEM_WINNER)
        g_string_append_printf (out, ", %s", _ ("won"));
      else if (it->flags & PSEPHOS_ITEM_LEADING)
        g_string_append_printf (out, ", %s", _ ("leading"));
    }
  if (items->len > MAX_NAMED)
    g_string_append_printf (out, _ ("; %u more candidates"), items->len - MAX_NAMED);
  g_string_append (out, ".");
  if (model->margin >= 0)
    {
      g_autofree char *margin = psephos_chart_format_count (model->margin, locale);

      g_string_append_printf (out, _ (" Margin %s."), margin);
    }
  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      if (it->flags & PSEPHOS_ITEM_NOTA)
        {
          g_autofree char *nota = psephos_chart_format_count ((gint64) it->value, locale);

          g_string_append_printf (out, _ (" NOTA %s."), nota);
        }
    }
}

static void
summarise_house (GString *out, const PsephosChartModel *model)
{
  g_autoptr (GPtrArray) items = sorted_items (model, FALSE);
  double rest = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const PsephosChartItem *it = g_ptr_array_index (items, i);

      if (i >= MAX_NAMED)
        {
          rest += it->value + it->value2;
          continue;
        }
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s %d", it->party ? it->party : it->label, (int) (it->value + it->value2));
      if (it->value2 > 0)
        g_string_append_printf (out, _ (" (%d leading)"), (int) it->value2);
    }
  if (rest > 0)
    g_string_append_printf (out, _ (", others %d"), (int) rest);
  if (model->seats_total > 0)
    g_string_append_printf (out, _ (" of %d seats"), model->seats_total);
  if (model->majority > 0)
    g_string_append_printf (out, _ ("; majority %d"), model->majority);
  g_string_append (out, ".");
}

static void
summarise_ranked (GString *out, const PsephosChartModel *model, const char *locale)
{
  g_autoptr (GPtrArray) items = sorted_items (model, FALSE);
  gboolean percent = model->kind == PSEPHOS_CHART_TURNOUT;
  const PsephosChartItem *first, *last;
  g_autofree char *hi = NULL;
  g_autofree char *lo = NULL;

  if (items->len == 0)
    return;
  first = g_ptr_array_index (items, 0);
  last = g_ptr_array_index (items, items->len - 1);
  if (percent)
    {
      g_autofree char *a = psephos_chart_format_decimal (first->value, 1, locale);
      g_autofree char *b = psephos_chart_format_decimal (last->value, 1, locale);

      hi = g_strconcat (a, "%", NULL);
      lo = g_strconcat (b, "%", NULL);
    }
  else
    {
      hi = psephos_chart_format_count ((gint64) first->value, locale);
      lo = psephos_chart_format_count ((gint64) last->value, locale);
    }
  g_string_append_printf (out, _ ("%u seats; highest %s (%s) %s, lowest %s (%s) %s."), items->len,
                          first->label, first->party ? first->party : "?", hi,
                          last->label, last->party ? last->party : "?", lo);
}

char *
_psephos_chart_model_summary (const PsephosChartModel *model, const char *locale)
{
  GString *out = g_string_new (NULL);

  switch (model->kind)
    {
      case PSEPHOS_CHART_SEAT:
        summarise_seat (out, model, locale);
        break;
      case PSEPHOS_CHART_TALLY:
      case PSEPHOS_CHART_HEMICYCLE:
        summarise_house (out, model);
        break;
      case PSEPHOS_CHART_MARGINS:
      case PSEPHOS_CHART_TURNOUT:
        summarise_ranked (out, model, locale);
        break;
      default:
        g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}
