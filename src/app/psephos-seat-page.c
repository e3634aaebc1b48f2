/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-seat-page.c — a seat's candidates, sortable, with citations. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "psephos-chart-view.h"
#include "psephos-format.h"
#include "psephos-seat-page.h"
#include "psephos-stat.h"
#include "psephos-swatch.h"
#include "psephos-tree-item.h"

typedef enum
{
  COL_NAME,
  COL_PARTY,
  COL_VOTES,
  COL_EVM,
  COL_POSTAL,
  COL_SHARE,
  COL_MARGIN,
  COL_RESULT,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  const char *attribute; /* cited fact attribute, or NULL */
  gboolean numeric;
} columns[N_COLUMNS] = {
  [COL_NAME] = { N_ ("Candidate"), NULL, FALSE },
  [COL_PARTY] = { N_ ("Party"), "party", FALSE },
  [COL_VOTES] = { N_ ("Votes"), "votes", TRUE },
  [COL_EVM] = { N_ ("EVM"), "evm_votes", TRUE },
  [COL_POSTAL] = { N_ ("Postal"), "postal_votes", TRUE },
  [COL_SHARE] = { N_ ("Share"), "vote_share_pct", TRUE },
  [COL_MARGIN] = { N_ ("Margin"), "margin", TRUE },
  [COL_RESULT] = { N_ ("Result"), "result", FALSE },
};

struct _PsephosSeatPage
{
  GtkWidget parent_instance;

  PsephosSession *session;
  gint64 contest_id;
  GListStore *candidates;
  GtkSortListModel *sorted;
  GHashTable *facts; /* candidacy id → GPtrArray of PsephosFact */
  GPtrArray *seat_facts;
  GtkColumnViewColumn *cols[N_COLUMNS];

  GtkLabel *title;
  GtkLabel *subtitle;
  PsephosStat *electors;
  PsephosStat *votes_polled;
  PsephosStat *turnout;
  PsephosStat *margin;
  PsephosStat *nota;
  GtkColumnView *column_view;
  PsephosChartView *chart;
};

G_DEFINE_FINAL_TYPE (PsephosSeatPage, psephos_seat_page, GTK_TYPE_WIDGET)

static void
psephos_seat_page_dispose (GObject *object)
{
  GtkWidget *child;
  PsephosSeatPage *self = PSEPHOS_SEAT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_SEAT_PAGE);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->candidates);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->seat_facts, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (psephos_seat_page_parent_class)->dispose (object);
}

static void
psephos_seat_page_class_init (PsephosSeatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_seat_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-seat-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, title);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, electors);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, votes_polled);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, turnout);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, margin);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, nota);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PsephosSeatPage, chart);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (PSEPHOS_TYPE_STAT);
  g_type_ensure (PSEPHOS_TYPE_CHART_VIEW);
}

/* ---- cells ------------------------------------------------------------- */

static char *
cell_text (const PsephosCandidacy *c, Column col)
{
  switch (col)
    {
      case COL_NAME:
        return g_strdup (c->display_name != NULL ? c->display_name : c->name);
      case COL_PARTY:
        return g_strdup (c->party != NULL ? c->party : "—");
      case COL_VOTES:
        return psephos_format_count (c->votes);
      case COL_EVM:
        return psephos_format_count (c->evm_votes);
      case COL_POSTAL:
        return psephos_format_count (c->postal_votes);
      case COL_SHARE:
        return psephos_format_percent (c->vote_share_pct);
      case COL_MARGIN:
        return c->margin >= 0 ? psephos_format_count (c->margin) : g_strdup ("");
      case COL_RESULT:
        return g_strdup (psephos_result_label (c->result));
      case N_COLUMNS:
      default:
        g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  if (col == COL_PARTY)
    gtk_box_append (GTK_BOX (box), psephos_swatch_new ());
  gtk_label_set_xalign (GTK_LABEL (label), columns[col].numeric ? 1 : 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (columns[col].numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (col == COL_NAME)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (columns[col].attribute != NULL)
    gtk_box_append (GTK_BOX (box), psephos_citation_button_new ());
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PsephosSeatPage *self = PSEPHOS_SEAT_PAGE (user_data);
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  PsephosTreeItem *item = gtk_list_item_get_item (list_item);
  const PsephosCandidacy *c = psephos_tree_item_get_candidacy (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *child = gtk_widget_get_first_child (box);
  g_autofree char *text = cell_text (c, col);

  if (col == COL_PARTY)
    {
      psephos_swatch_set_colour (PSEPHOS_SWATCH (child), c->party_colour);
      child = gtk_widget_get_next_sibling (child);
    }
  gtk_label_set_label (GTK_LABEL (child), text);
  if (col == COL_PARTY && c->party_name != NULL)
    gtk_widget_set_tooltip_text (child, c->party_name);
  if (col == COL_RESULT)
    {
      gtk_widget_remove_css_class (child, "success");
      if (c->result == PSEPHOS_RESULT_WON || c->result == PSEPHOS_RESULT_LEADING)
        gtk_widget_add_css_class (child, "success");
    }
  child = gtk_widget_get_next_sibling (child);
  if (child != NULL)
    {
      g_autofree char *what = g_strdup_printf ("%s, %s", _ (columns[col].title),
                                               c->display_name != NULL ? c->display_name : c->name);

      psephos_citation_button_set_facts (PSEPHOS_CITATION_BUTTON (child), self->session,
                                         g_hash_table_lookup (self->facts, &c->id),
                                         columns[col].attribute, what);
    }
}

static gint64
sort_key (const PsephosCandidacy *c, Column col)
{
  switch (col)
    {
      case COL_VOTES:
        return c->votes;
      case COL_EVM:
        return c->evm_votes;
      case COL_POSTAL:
        return c->postal_votes;
      case COL_SHARE:
        return isnan (c->vote_share_pct) ? -1 : (gint64) llround (c->vote_share_pct * 100);
      case COL_MARGIN:
        return c->margin;
      case COL_RESULT:
        return -c->rank;
      case COL_NAME:
      case COL_PARTY:
      case N_COLUMNS:
      default:
        return 0;
    }
}

static int
compare_cb (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Column col = GPOINTER_TO_INT (user_data);
  const PsephosCandidacy *ca = psephos_tree_item_get_candidacy ((PsephosTreeItem *) a);
  const PsephosCandidacy *cb = psephos_tree_item_get_candidacy ((PsephosTreeItem *) b);
  gint64 ka, kb;

  if (col == COL_NAME)
    return g_utf8_collate (ca->display_name != NULL ? ca->display_name : "", cb->display_name != NULL ? cb->display_name : "");
  if (col == COL_PARTY)
    return g_strcmp0 (ca->party, cb->party);
  ka = sort_key (ca, col);
  kb = sort_key (cb, col);
  return ka < kb ? -1 : ka > kb ? 1
                                : 0;
}

static void
psephos_seat_page_init (PsephosSeatPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, _psephos_ptr_array_unref_cb);
  self->candidates = g_list_store_new (PSEPHOS_TYPE_TREE_ITEM);
  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (i), NULL);

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      self->cols[i] = gtk_column_view_column_new (_ (columns[i].title), factory);
      gtk_column_view_column_set_sorter (self->cols[i], GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (self->cols[i], TRUE);
      if (i == COL_NAME)
        gtk_column_view_column_set_expand (self->cols[i], TRUE);
      gtk_column_view_append_column (self->column_view, self->cols[i]);
      g_object_unref (self->cols[i]); /* the view holds it */
    }
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->candidates)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  {
    g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
  gtk_column_view_sort_by_column (self->column_view, self->cols[COL_VOTES], GTK_SORT_DESCENDING);
}

static GPtrArray *
facts_for (PsephosSession *session, gint64 contest_id, gint64 candidacy_id)
{
  PsephosFactQuery q = { 0 };

  q.candidacy_id = candidacy_id;
  if (candidacy_id == 0)
    {
      q.contest_id = contest_id;
      q.has_subject_kind = TRUE;
      q.subject_kind = PSEPHOS_SUBJECT_SEAT;
    }
  return psephos_session_list_facts (session, &q);
}

static char *
count_or_null (gint64 v)
{
  return v >= 0 ? psephos_format_count (v) : NULL;
}

void
psephos_seat_page_show (PsephosSeatPage *self, PsephosSession *session, gint64 contest_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PsephosChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL;
  PsephosStore *store;
  PsephosChartQuery query = { 0 };

  g_return_if_fail (PSEPHOS_IS_SEAT_PAGE (self));
  g_return_if_fail (PSEPHOS_IS_SESSION (session));

  g_set_object (&self->session, session);
  self->contest_id = contest_id;
  store = psephos_session_get_store (session);
  g_list_store_remove_all (self->candidates);
  g_hash_table_remove_all (self->facts);

  seat = psephos_store_get_seat (store, contest_id, &error);
  if (seat == NULL)
    {
      gtk_label_set_label (self->title, _ ("Seat not found"));
      gtk_label_set_label (self->subtitle, error->message);
      return;
    }

  gtk_label_set_label (self->title, seat->display_name != NULL ? seat->display_name : seat->name);
  {
    GString *s = g_string_new (seat->state_name);

    if (seat->number > 0)
      /* TRANSLATORS: the seat (constituency) number */
      g_string_append_printf (s, _ (" · No. %d"), seat->number);
    if (seat->reservation != NULL && g_strcmp0 (seat->reservation, "GEN") != 0)
      g_string_append_printf (s, " · %s", seat->reservation);
    if (seat->status == PSEPHOS_CONTEST_DECLARED)
      g_string_append_printf (s, " · %s", _ ("Declared"));
    else if (seat->status == PSEPHOS_CONTEST_COUNTING)
      g_string_append_printf (s, " · %s", _ ("Counting"));
    subtitle = g_string_free (s, FALSE);
  }
  gtk_label_set_label (self->subtitle, subtitle);

  g_clear_pointer (&self->seat_facts, g_ptr_array_unref);
  self->seat_facts = facts_for (session, contest_id, 0);
  psephos_stat_set (self->electors, s1 = count_or_null (seat->electors), session, self->seat_facts, "electors");
  psephos_stat_set (self->votes_polled, s2 = count_or_null (seat->votes_polled), session, self->seat_facts, "votes_polled");
  psephos_stat_set (self->turnout, s3 = isnan (seat->turnout_pct) ? NULL : psephos_format_percent (seat->turnout_pct),
                    session, self->seat_facts, "turnout_pct");
  psephos_stat_set (self->margin, s4 = count_or_null (seat->margin), session, self->seat_facts, "margin");
  psephos_stat_set (self->nota, s5 = count_or_null (seat->nota_votes), session, self->seat_facts, "nota_votes");

  rows = psephos_store_list_candidacies (store, contest_id, &error);
  if (rows == NULL)
    {
      g_warning ("Could not list the candidates of %s: %s", seat->name, error->message);
      return;
    }
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (rows, i);
      g_autoptr (PsephosTreeItem) item = NULL;
      gint64 *key = g_new (gint64, 1);

      *key = c->id;
      g_hash_table_insert (self->facts, key, facts_for (session, contest_id, c->id));
      item = psephos_tree_item_new_candidate (c, seat->display_name, seat->state_name);
      g_list_store_append (self->candidates, item);
    }

  query.election_id = seat->election_id;
  query.contest_id = contest_id;
  chart = psephos_chart_new_for_store (store, PSEPHOS_CHART_SEAT, &query, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, CLAMP (150 + 32 * (int) rows->len, 220, 720));
  psephos_chart_view_set_chart (self->chart, chart);
}

gint64
psephos_seat_page_get_contest_id (PsephosSeatPage *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SEAT_PAGE (self), 0);
  return self->contest_id;
}

GListModel *
psephos_seat_page_get_model (PsephosSeatPage *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SEAT_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GPtrArray *
psephos_seat_page_get_facts (PsephosSeatPage *self, gint64 candidacy_id)
{
  g_return_val_if_fail (PSEPHOS_IS_SEAT_PAGE (self), NULL);
  return g_hash_table_lookup (self->facts, &candidacy_id);
}
