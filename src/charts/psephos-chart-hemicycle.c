/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-hemicycle.c — the house as a parliament arc: one dot per
 * seat in concentric rows, filled from the left by alliance, then party.
 *
 * Rows get seats in proportion to their length, so dots are evenly spaced
 * from a 13-seat bypoll (two rows) to the 543-seat Lok Sabha (thirteen).
 * Dots are then taken in order of angle, which gives each party a wedge.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-layout.h"

#define MIN_INNER 0.38

typedef struct
{
  double angle;
  double radius; /* 0..1 of the outer radius */
} Spot;

static int
spot_compare (gconstpointer a, gconstpointer b)
{
  const Spot *sa = a, *sb = b;

  if (fabs (sa->angle - sb->angle) > 1e-9)
    return sa->angle < sb->angle ? 1 : -1;
  return sa->radius < sb->radius ? -1 : sa->radius > sb->radius;
}

/* Row spacing (a fraction of the outer radius) for @n seats in @rows rows
 * spaced as far apart as the seats in a row: π Σ r_i / s = n with
 * r_i = 1 - i s. */
static double
row_spacing (guint n, guint rows)
{
  return G_PI * rows / (n + G_PI * rows * (rows - 1) / 2.0);
}

/* Where @n seats go: @n spots, left to right. */
static GArray *
hemicycle_spots (guint n, double *spacing)
{
  GArray *spots = g_array_sized_new (FALSE, FALSE, sizeof (Spot), n);
  guint rows = 1;
  g_autofree double *radii = NULL;
  g_autofree guint *count = NULL;
  double sum = 0, s, min_gap = G_MAXDOUBLE;
  guint given = 0;

  /* As many rows as keep the hollow at least MIN_INNER of the radius. */
  while (1 - rows * row_spacing (n, rows + 1) >= MIN_INNER)
    rows++;
  s = row_spacing (n, rows);
  radii = g_new (double, rows);
  count = g_new0 (guint, rows);
  for (guint i = 0; i < rows; i++)
    {
      radii[i] = 1 - (rows - 1 - i) * s;
      sum += radii[i];
    }
  /* Shares in proportion to length; the remainder to the outer rows. */
  for (guint i = 0; i < rows; i++)
    {
      count[i] = (guint) floor (n * radii[i] / sum);
      given += count[i];
    }
  for (guint i = rows; given < n; i = i == 0 ? rows : i)
    {
      i--;
      count[i]++;
      given++;
    }

  for (guint i = 0; i < rows; i++)
    {
      for (guint j = 0; j < count[i]; j++)
        {
          Spot spot = { count[i] > 1 ? G_PI * (1 - (double) j / (count[i] - 1)) : G_PI / 2, radii[i] };

          g_array_append_val (spots, spot);
        }
      if (count[i] > 1)
        min_gap = MIN (min_gap, G_PI * radii[i] / (count[i] - 1));
    }
  g_array_sort (spots, spot_compare);
  *spacing = MIN (rows > 1 ? s : 1, min_gap == G_MAXDOUBLE ? 1 : min_gap);
  return spots;
}

typedef struct
{
  const PsephosChartItem *item;
  double group_total;
  guint group_first;
} Ordered;

static int
ordered_compare (gconstpointer a, gconstpointer b)
{
  const Ordered *oa = a, *ob = b;
  gboolean a_ind = oa->item->group == NULL && g_strcmp0 (oa->item->party, "IND") == 0;
  gboolean b_ind = ob->item->group == NULL && g_strcmp0 (ob->item->party, "IND") == 0;
  double ta = oa->item->value + oa->item->value2, tb = ob->item->value + ob->item->value2;

  /* Independents sit at the far end, then alliances by size, then parties. */
  if (a_ind != b_ind)
    return a_ind ? 1 : -1;
  if (oa->group_total != ob->group_total)
    return oa->group_total < ob->group_total ? 1 : -1;
  if (oa->group_first != ob->group_first)
    return (int) oa->group_first - (int) ob->group_first;
  if (ta != tb)
    return ta < tb ? 1 : -1;
  return g_strcmp0 (oa->item->party, ob->item->party);
}

static GArray *
order_items (const PsephosChartModel *model)
{
  GArray *ordered = g_array_new (FALSE, FALSE, sizeof (Ordered));

  for (guint i = 0; i < model->items->len; i++)
    {
      const PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);
      Ordered o = { it, 0, i };

      if (it->value + it->value2 <= 0)
        continue;
      for (guint j = 0; j < model->items->len; j++)
        {
          const PsephosChartItem *other = &g_array_index (model->items, PsephosChartItem, j);
          gboolean same = it->group != NULL ? g_strcmp0 (other->group, it->group) == 0 : j == i;

          if (same)
            {
              o.group_total += other->value + other->value2;
              o.group_first = MIN (o.group_first, j);
            }
        }
      g_array_append_val (ordered, o);
    }
  g_array_sort (ordered, ordered_compare);
  return ordered;
}

static int
seats_compare (gconstpointer a, gconstpointer b)
{
  const PsephosChartItem *ia = *(const PsephosChartItem *const *) a;
  const PsephosChartItem *ib = *(const PsephosChartItem *const *) b;
  double ta = ia->value + ia->value2, tb = ib->value + ib->value2;

  return ta < tb ? 1 : ta > tb ? -1
                               : 0;
}

/* Entries for the @keep largest parties, in the order of @ordered, then
 * one for the rest and one for seats not yet declared. */
static void
build_legend (PsephosLayout *l, GArray *ordered, guint keep, guint undeclared, GArray *legend)
{
  g_autoptr (GPtrArray) by_size = g_ptr_array_new ();
  double cut = 0, rest = 0;
  guint n_rest = 0;

  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (by_size, (gpointer) g_array_index (ordered, Ordered, i).item);
  g_ptr_array_sort (by_size, seats_compare);
  if (keep < by_size->len)
    {
      const PsephosChartItem *last = g_ptr_array_index (by_size, keep - 1);

      cut = last->value + last->value2;
    }

  for (guint i = 0, kept = 0; i < ordered->len; i++)
    {
      const PsephosChartItem *it = g_array_index (ordered, Ordered, i).item;
      PsephosLegendEntry e = { _psephos_chart_party_rgba (it->party, it->colour), FALSE, FALSE,
                               it->party, NULL };
      double seats = it->value + it->value2;

      if (keep < ordered->len && (seats < cut || kept >= keep))
        {
          rest += seats;
          n_rest++;
          continue;
        }
      kept++;
      if (it->value2 > 0)
        e.label = g_strdup_printf (_ ("%s %d (%d leading)"), it->party ? it->party : it->label,
                                   (int) seats, (int) it->value2);
      else
        e.label = g_strdup_printf ("%s %d", it->party ? it->party : it->label, (int) it->value);
      g_array_append_val (legend, e);
    }
  if (n_rest > 0)
    {
      PsephosLegendEntry e = { l->pal->others, FALSE, FALSE, NULL, NULL };

      e.label = g_strdup_printf (_ ("%u more parties %d"), n_rest, (int) rest);
      g_array_append_val (legend, e);
    }
  if (undeclared > 0)
    {
      PsephosLegendEntry e = { l->pal->others, FALSE, TRUE, NULL, NULL };

      e.label = g_strdup_printf (_ ("not declared %u"), undeclared);
      g_array_append_val (legend, e);
    }
}

void
_psephos_layout_hemicycle (PsephosLayout *l)
{
  const PsephosChartModel *model = l->model;
  g_autoptr (GArray) ordered = order_items (model);
  g_autoptr (GArray) legend = g_array_new (FALSE, TRUE, sizeof (PsephosLegendEntry));
  g_autoptr (GArray) spots = NULL;
  g_autofree char *majority_text = NULL;
  g_autofree char *total_text = NULL;
  double spacing, inner, legend_h = 0, small_line;
  double cx, cy, radius, dot;
  guint filled = 0, n_seats, majority;
  PsephosMark *m;

  g_array_set_clear_func (legend, _psephos_legend_entry_clear);

  for (guint i = 0; i < ordered->len; i++)
    {
      const Ordered *o = &g_array_index (ordered, Ordered, i);

      filled += (guint) (o->item->value + o->item->value2);
    }
  n_seats = MAX ((guint) MAX (model->seats_total, 0), filled);
  majority = model->majority > 0 ? (guint) model->majority : n_seats / 2 + 1;

  /* Legend under the arc, in the arc's order; when it would take more than
   * a third of the room, the smallest parties fold into one entry. */
  for (guint keep = ordered->len; keep >= 1; keep--)
    {
      g_array_set_size (legend, 0);
      build_legend (l, ordered, keep, n_seats > filled ? n_seats - filled : 0, legend);
      legend_h = _psephos_layout_legend (l, legend, l->x0, l->x1, 0, TRUE);
      if (legend_h <= (l->y1 - l->y0) / 3)
        break;
    }

  small_line = _psephos_layout_line_height (l, l->small_size);

  /* The arc: as large as the room left allows, with the majority label
   * above it and the seat count in its hollow. Dots reach @dot beyond the
   * outer radius. */
  spots = hemicycle_spots (n_seats, &spacing);
  inner = spots->len > 0 ? g_array_index (spots, Spot, spots->len - 1).radius : 1;
  for (guint i = 0; i < spots->len; i++)
    inner = MIN (inner, g_array_index (spots, Spot, i).radius);
  {
    double top = l->y0 + small_line + 8;
    double bottom = l->y1 - legend_h - l->small_size * 0.8;
    double dot_frac = 0.45 * spacing;

    radius = MIN ((l->x1 - l->x0) / 2 / (1 + dot_frac), (bottom - top) / (1 + 2 * dot_frac));
    radius = MAX (radius, 10);
    dot = dot_frac * radius;
    cx = (l->x0 + l->x1) / 2;
    cy = top + dot + radius;
  }

  {
    guint k = 0;

    for (guint i = 0; i < ordered->len; i++)
      {
        const PsephosChartItem *it = g_array_index (ordered, Ordered, i).item;
        PsephosRgba c = _psephos_chart_party_rgba (it->party, it->colour);
        guint won = (guint) it->value, leading = (guint) it->value2;

        for (guint j = 0; j < won + leading && k < spots->len; j++, k++)
          {
            const Spot *s = &g_array_index (spots, Spot, k);

            m = _psephos_layout_add (l, PSEPHOS_SHAPE_CIRCLE, PSEPHOS_ROLE_SEAT);
            m->x = cx + cos (s->angle) * s->radius * radius;
            m->y = cy - sin (s->angle) * s->radius * radius;
            m->r = dot;
            if (j < won)
              {
                m->fill = c;
                _psephos_layout_outline_dim (l, m);
              }
            else
              {
                m->fill = _psephos_rgba_pale (c, l->pal);
                m->stroke = c;
                m->line_width = MAX (1, dot * 0.25);
              }
            _psephos_mark_tag (m, it->party, it->label, k + 1,
                               g_strdup_printf (_ ("Seat %u: %s%s"), k + 1, it->label,
                                                j < won ? "" : _ (" (leading)")));
          }
      }
    for (; k < spots->len; k++)
      {
        const Spot *s = &g_array_index (spots, Spot, k);

        m = _psephos_layout_add (l, PSEPHOS_SHAPE_CIRCLE, PSEPHOS_ROLE_SEAT);
        m->x = cx + cos (s->angle) * s->radius * radius;
        m->y = cy - sin (s->angle) * s->radius * radius;
        m->r = dot * 0.85;
        m->stroke = l->pal->others;
        m->line_width = MAX (0.75, dot * 0.2);
        _psephos_mark_tag (m, NULL, NULL, k + 1, g_strdup_printf (_ ("Seat %u: not declared"), k + 1));
      }
  }

  /* Majority: a line between the seat that makes it and the one before,
   * so whoever holds every seat left of it lacks one for a majority. */
  if (majority >= 1 && majority <= spots->len)
    {
      const Spot *s = &g_array_index (spots, Spot, majority - 1);
      const Spot *p = majority >= 2 ? &g_array_index (spots, Spot, majority - 2) : s;
      double angle = (s->angle + p->angle) / 2;
      double r0 = inner * radius - dot * 1.2, r1 = radius + dot;
      double w, tx;

      m = _psephos_layout_line (l, PSEPHOS_ROLE_MAJORITY,
                                cx + cos (angle) * r0, cy - sin (angle) * r0,
                                cx + cos (angle) * r1, cy - sin (angle) * r1,
                                l->pal->accent, CLAMP (dot * 0.3, 1.5, 3));
      m->dashed = TRUE;
      m->value = majority;
      majority_text = g_strdup_printf (_ ("majority %u of %u"), majority, n_seats);
      w = _psephos_text_measure (l->tm, majority_text, l->small_size, TRUE, NULL, NULL);
      tx = CLAMP (cx + cos (angle) * r1, l->x0 + w / 2, l->x1 - w / 2);
      m = _psephos_layout_text (l, PSEPHOS_ROLE_MAJORITY, majority_text, tx,
                                cy - radius - dot - 6 - small_line * 0.25,
                                PSEPHOS_ANCHOR_MIDDLE, l->small_size, TRUE, l->pal->accent);
      _psephos_mark_tag (m, NULL, NULL, majority,
                         g_strdup_printf (_ ("Majority: %u of %u seats"), majority, n_seats));
    }

  /* The house's size in the hollow of the arc, when its box fits inside
   * the circle the inner row's dots leave free. */
  total_text = g_strdup_printf (_ ("%u seats"), n_seats);
  {
    double a, d, w = _psephos_text_measure (l->tm, total_text, l->body_size * 1.2, TRUE, &a, &d);
    double hollow = inner * radius - dot - 2;

    if (hollow > 0 && (w / 2) * (w / 2) + (a + d + 2) * (a + d + 2) < hollow * hollow)
      {
        m = _psephos_layout_text (l, PSEPHOS_ROLE_ANNOTATION, total_text, cx, cy - 2 - d,
                                  PSEPHOS_ANCHOR_MIDDLE, l->body_size * 1.2, TRUE, l->pal->text);
        m->value = n_seats;
      }
  }

  _psephos_layout_legend (l, legend, l->x0, l->x1, cy + dot + l->small_size * 0.8, FALSE);
}
