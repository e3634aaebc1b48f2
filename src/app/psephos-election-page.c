/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-election-page.c — the election overview page. */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "psephos-chart-view.h"
#include "psephos-citation-button.h"
#include "psephos-election-page.h"
#include "psephos-format.h"
#include "psephos-stat.h"
#include "psephos-swatch.h"

struct _PsephosElectionPage
{
  GtkWidget parent_instance;

  PsephosSession *session;
  GPtrArray *facts;
  GCancellable *cancellable;
  GHashTable *party_cites; /* party id → PsephosCitationButton (borrowed) */

  GtkLabel *title;
  GtkLabel *subtitle;
  PsephosStat *seats;
  PsephosStat *majority;
  PsephosStat *declared;
  PsephosStat *turnout;
  GtkListBox *parties;
  GtkWidget *alliance_group;
  GtkListBox *alliances;
  PsephosChartView *chart;
};

G_DEFINE_FINAL_TYPE (PsephosElectionPage, psephos_election_page, GTK_TYPE_WIDGET)

static void
psephos_election_page_dispose (GObject *object)
{
  GtkWidget *child;
  PsephosElectionPage *self = PSEPHOS_ELECTION_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->party_cites, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_ELECTION_PAGE);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (psephos_election_page_parent_class)->dispose (object);
}

static void
psephos_election_page_class_init (PsephosElectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_election_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-election-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, title);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, seats);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, majority);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, declared);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, turnout);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, parties);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, alliance_group);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, alliances);
  gtk_widget_class_bind_template_child (widget_class, PsephosElectionPage, chart);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (PSEPHOS_TYPE_STAT);
  g_type_ensure (PSEPHOS_TYPE_CHART_VIEW);
}

static void
psephos_election_page_init (PsephosElectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->party_cites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
tally_row (PsephosElectionPage *self, const PsephosTallyRow *t, int majority_mark)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = psephos_swatch_new ();
  GtkWidget *total = gtk_label_new (NULL);
  g_autofree char *won = psephos_format_count (t->won);
  g_autofree char *leading = psephos_format_count (t->leading);
  g_autofree char *sum = psephos_format_count (t->won + t->leading);
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  const char *name = t->name != NULL ? t->name : t->abbreviation;

  psephos_swatch_set_colour (PSEPHOS_SWATCH (swatch), t->colour);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (t->leading > 0)
    /* TRANSLATORS: "Won 3 · leading 1" */
    subtitle = g_strdup_printf (_ ("Won %s · leading %s"), won, leading);
  else
    subtitle = g_strdup_printf (_ ("Won %s"), won);
  if (t->kind == PSEPHOS_TALLY_ALLIANCE && majority_mark > 0)
    {
      int seats = t->won + t->leading;
      g_autofree char *more = NULL;

      if (seats >= majority_mark)
        /* TRANSLATORS: "Won 293 · past the majority mark by 21" */
        more = g_strdup_printf (_ ("%s · past the majority mark by %d"), subtitle, seats - majority_mark);
      else
        more = g_strdup_printf (_ ("%s · %d short of the majority mark"), subtitle, majority_mark - seats);
      g_free (subtitle);
      subtitle = g_steal_pointer (&more);
    }
  if (t->abbreviation != NULL && g_strcmp0 (t->abbreviation, name) != 0)
    {
      g_autofree char *with_abbr = g_strdup_printf ("%s · %s", t->abbreviation, subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_abbr);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_label_set_label (GTK_LABEL (total), sum);
  gtk_widget_add_css_class (total, "title-3");
  gtk_widget_add_css_class (total, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);

  if (t->kind == PSEPHOS_TALLY_PARTY)
    {
      /* Filled in when the party facts arrive (party_facts_cb). */
      GtkWidget *cite = psephos_citation_button_new ();

      g_object_set_data_full (G_OBJECT (cite), "name", g_strdup (name), g_free);
      g_hash_table_insert (self->party_cites, g_memdup2 (&t->id, sizeof t->id), cite);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cite);
    }

  /* TRANSLATORS: accessible row name: "BJP: 240 seats, won 3 · leading 1" */
  a11y = g_strdup_printf (_ ("%s: %s seats, %s"), name, sum, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

/* Turnout over the whole election, from the seats that report it. */
static double
overall_turnout (PsephosStore *store, gint64 election_id)
{
  g_autoptr (GPtrArray) seats = psephos_store_list_seats (store, election_id, 0, NULL);
  gint64 electors = 0, polled = 0;

  if (seats == NULL)
    return NAN;
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *s = g_ptr_array_index (seats, i);

      if (s->electors > 0 && s->votes_polled >= 0)
        {
          electors += s->electors;
          polled += s->votes_polled;
        }
    }
  return electors > 0 ? 100.0 * (double) polled / (double) electors : NAN;
}

/* Election facts (seats, majority, turnout) and party facts (seats won)
 * come from a worker: on a big store they take a while to find. */
static void
election_facts_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PsephosElectionPage) self = user_data;
  g_autoptr (GPtrArray) facts = psephos_session_list_facts_finish (PSEPHOS_SESSION (source), result, NULL);

  if (facts == NULL || PSEPHOS_SESSION (source) != self->session)
    return;
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  self->facts = g_ptr_array_ref (facts);
  psephos_citation_button_set_facts (psephos_stat_get_citation (self->seats), self->session, facts, "seats_total", _ ("Seats"));
  psephos_citation_button_set_facts (psephos_stat_get_citation (self->majority), self->session, facts, "majority_mark",
                                     _ ("Majority mark"));
  psephos_citation_button_set_facts (psephos_stat_get_citation (self->turnout), self->session, facts, "turnout_pct",
                                     _ ("Turnout"));
  /* No seat reports its turnout: show what the sources say instead. */
  if (g_strcmp0 (psephos_stat_get_value (self->turnout), "—") == 0)
    {
      for (guint i = 0; i < facts->len; i++)
        {
          const PsephosFact *f = g_ptr_array_index (facts, i);

          if (g_strcmp0 (f->attribute, "turnout_pct") == 0 && f->has_number)
            {
              g_autofree char *value = psephos_fact_value_text (f);

              psephos_stat_set (self->turnout, value, self->session, facts, "turnout_pct");
              break;
            }
        }
    }
}

static void
party_facts_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PsephosElectionPage) self = user_data;
  g_autoptr (GPtrArray) facts = psephos_session_list_facts_finish (PSEPHOS_SESSION (source), result, NULL);
  g_autoptr (GHashTable) by_party = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (facts == NULL || PSEPHOS_SESSION (source) != self->session)
    return;
  by_party = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, _psephos_ptr_array_unref_cb);
  g_ptr_array_set_free_func (facts, NULL);
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);
      GPtrArray *list = g_hash_table_lookup (by_party, &f->party_id);

      if (!g_hash_table_contains (self->party_cites, &f->party_id))
        {
          psephos_fact_free (f);
          continue;
        }
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (_psephos_fact_free_cb);
          g_hash_table_insert (by_party, &f->party_id, list);
        }
      g_ptr_array_add (list, f);
    }
  g_hash_table_iter_init (&iter, self->party_cites);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = g_hash_table_lookup (by_party, key);
      const char *name = g_object_get_data (G_OBJECT (value), "name");

      if (list == NULL)
        continue;
      psephos_citation_button_set_facts (PSEPHOS_CITATION_BUTTON (value), self->session, list, "seats_won", name);
      if (!gtk_widget_get_visible (GTK_WIDGET (value)))
        psephos_citation_button_set_facts (PSEPHOS_CITATION_BUTTON (value), self->session, list, "seats_leading", name);
    }
}

static void
chart_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PsephosElectionPage) self = user_data;
  g_autoptr (PsephosChart) chart = psephos_session_new_chart_finish (PSEPHOS_SESSION (source), result, NULL);

  if (chart != NULL && PSEPHOS_SESSION (source) == self->session)
    psephos_chart_view_set_chart (self->chart, chart);
}

void
psephos_election_page_show (PsephosElectionPage *self, PsephosSession *session)
{
  const PsephosElection *e;
  PsephosStore *store;
  PsephosFactQuery q = { 0 };
  g_autoptr (GPtrArray) parties = NULL;
  g_autoptr (GPtrArray) alliances = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *seats = NULL, *mark = NULL, *declared = NULL, *turnout = NULL;
  PsephosChartQuery cq = { 0 };
  double pct;
  int n_seats, majority_mark;

  g_return_if_fail (PSEPHOS_IS_ELECTION_PAGE (self));
  g_return_if_fail (PSEPHOS_IS_SESSION (session));

  g_set_object (&self->session, session);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->party_cites);
  clear_list (self->parties);
  clear_list (self->alliances);
  e = psephos_session_get_election (session);
  if (e == NULL)
    {
      gtk_label_set_label (self->title, _ ("No election"));
      gtk_label_set_label (self->subtitle, _ ("This store holds no election yet. Import articles or results."));
      psephos_chart_view_set_chart (self->chart, NULL);
      return;
    }
  store = psephos_session_get_store (session);

  gtk_label_set_label (self->title, e->name);
  if (e->counted_on != NULL)
    /* TRANSLATORS: "Counted on 2024-07-13" */
    subtitle = g_strdup_printf (_ ("Counted on %s"), e->counted_on);
  else if (e->held_on != NULL)
    subtitle = g_strdup_printf (_ ("Held on %s"), e->held_on);
  else
    subtitle = g_strdup_printf ("%d", e->year);
  gtk_label_set_label (self->subtitle, subtitle);

  q.election_id = e->id;
  q.has_subject_kind = TRUE;
  q.subject_kind = PSEPHOS_SUBJECT_ELECTION;
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  psephos_session_list_facts_async (session, &q, self->cancellable, election_facts_cb, g_object_ref (self));

  /* Unknown totals fall back to what the store holds: its contests, and a
   * simple majority of them. */
  n_seats = e->seats_total >= 0 ? e->seats_total : e->n_contests;
  majority_mark = e->majority_mark >= 0 ? e->majority_mark : n_seats / 2 + 1;
  psephos_stat_set (self->seats, seats = psephos_format_count (n_seats), session, self->facts, "seats_total");
  psephos_stat_set (self->majority, mark = n_seats > 0 ? psephos_format_count (majority_mark) : NULL,
                    session, self->facts, "majority_mark");
  declared = g_strdup_printf (_ ("%d of %d"), e->n_declared, e->n_contests);
  psephos_stat_set (self->declared, declared, session, NULL, NULL);
  pct = overall_turnout (store, e->id);
  psephos_stat_set (self->turnout, turnout = isnan (pct) ? NULL : psephos_format_percent (pct),
                    session, self->facts, "turnout_pct");

  parties = psephos_store_party_tally (store, e->id, NULL);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    gtk_list_box_append (self->parties, tally_row (self, g_ptr_array_index (parties, i), majority_mark));
  if (parties == NULL || parties->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No seat has a winner or leader yet"));
      gtk_list_box_append (self->parties, row);
    }

  alliances = psephos_store_alliance_tally (store, e->id, NULL);
  for (guint i = 0; alliances != NULL && i < alliances->len; i++)
    gtk_list_box_append (self->alliances, tally_row (self, g_ptr_array_index (alliances, i), majority_mark));
  gtk_widget_set_visible (self->alliance_group, alliances != NULL && alliances->len > 0);

  q.subject_kind = PSEPHOS_SUBJECT_PARTY;
  psephos_session_list_facts_async (session, &q, self->cancellable, party_facts_cb, g_object_ref (self));

  cq.election_id = e->id;
  /* Room for a bar per party (the chart groups the smallest). */
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1,
                               CLAMP (150 + 24 * (int) MIN (parties != NULL ? parties->len : 0, 12), 220, 480));
  psephos_chart_view_set_chart (self->chart, NULL);
  psephos_session_new_chart_async (session, PSEPHOS_CHART_TALLY, &cq, self->cancellable, chart_ready_cb, g_object_ref (self));
}

PsephosChart *
psephos_election_page_get_chart (PsephosElectionPage *self)
{
  g_return_val_if_fail (PSEPHOS_IS_ELECTION_PAGE (self), NULL);
  return psephos_chart_view_get_chart (self->chart);
}
