/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-csv.c — a chart's model (the numbers it draws) as CSV; see
 * psephos-chart-csv.h for the columns.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-chart-csv.h"
#include "psephos-chart-private.h"

static void
field (GString *line, const char *value, gboolean first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") != NULL || value[0] == '#')
    {
      g_string_append_c (line, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, value);
}

static void
end_row (GString *out, GString *line)
{
  g_string_append (out, line->str);
  g_string_append (out, "\r\n");
  g_string_truncate (line, 0);
}

/* A comment line: one line, and no '"' a CSV reader could take for the
 * start of a quoted field if it does not skip comments. */
static void
comment (GString *out, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (out, "# ");
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\r' || *p == '\n') ? ' ' : *p == '"' ? '\''
                                                                         : *p);
  g_string_append (out, "\r\n");
}

static char *
number (double value, int digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return NULL;
  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) llround (value));
  return g_strdup (g_ascii_formatd (buf, sizeof buf, digits == 1 ? "%.1f" : "%.2f", value));
}

char *
psephos_chart_to_csv (PsephosChart *self)
{
  const PsephosChartModel *model;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) line = g_string_new (NULL);
  static const char *const headers[] = {
    [PSEPHOS_CHART_SEAT] = "candidate,party,alliance,votes,vote_share_pct,result",
    [PSEPHOS_CHART_TALLY] = "party,name,alliance,won,leading",
    [PSEPHOS_CHART_HEMICYCLE] = "party,name,alliance,won,leading",
    [PSEPHOS_CHART_MARGINS] = "seat,winner_party,margin",
    [PSEPHOS_CHART_TURNOUT] = "seat,winner_party,turnout_pct",
  };

  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);

  model = _psephos_chart_get_model (self);
  comment (out, model->title);
  comment (out, model->subtitle);
  comment (out, model->caption);
  g_string_append (out, headers[model->kind]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      switch (model->kind)
        {
          case PSEPHOS_CHART_SEAT:
            {
              g_autofree char *votes = number (it->value, 0);
              g_autofree char *share = number (it->share, 2);
              const char *result = (it->flags & PSEPHOS_ITEM_WINNER)    ? "won"
                                   : (it->flags & PSEPHOS_ITEM_LEADING) ? "leading"
                                                                        : NULL;

              /* Beside a winner the others lost; beside a leader they trail. */
              if (result == NULL && !(it->flags & (PSEPHOS_ITEM_NOTA | PSEPHOS_ITEM_OTHERS)))
                for (guint j = 0; j < model->items->len && result == NULL; j++)
                  {
                    guint other = g_array_index (model->items, PsephosChartItem, j).flags;

                    if (other & PSEPHOS_ITEM_WINNER)
                      result = "lost";
                    else if (other & PSEPHOS_ITEM_LEADING)
                      result = "trailing";
                  }

              field (line, it->label, TRUE);
              field (line, it->party, FALSE);
              field (line, it->group, FALSE);
              field (line, votes, FALSE);
              field (line, share, FALSE);
              field (line, result, FALSE);
            }
            break;
          case PSEPHOS_CHART_TALLY:
          case PSEPHOS_CHART_HEMICYCLE:
            {
              g_autofree char *won = number (it->value, 0);
              g_autofree char *leading = number (it->value2, 0);

              field (line, it->party, TRUE);
              field (line, it->label, FALSE);
              field (line, it->group, FALSE);
              field (line, won, FALSE);
              field (line, leading, FALSE);
            }
            break;
          case PSEPHOS_CHART_MARGINS:
          case PSEPHOS_CHART_TURNOUT:
            {
              g_autofree char *value = number (it->value, model->kind == PSEPHOS_CHART_MARGINS ? 0 : 2);

              field (line, it->label, TRUE);
              field (line, it->party, FALSE);
              field (line, value, FALSE);
            }
            break;
          default:
            g_assert_not_reached ();
        }
      end_row (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
psephos_chart_write_csv (PsephosChart *self,
                         const char *path,
                         GError **error)
{
  g_autofree char *csv = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PSEPHOS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = psephos_chart_to_csv (self);
  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE, "%s: cannot write: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
