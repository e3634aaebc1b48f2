/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-candidate-page.c — a candidate and everything said about them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "psephos-candidate-page.h"
#include "psephos-format.h"
#include "psephos-stat.h"
#include "psephos-swatch.h"

struct _PsephosCandidatePage
{
  GtkWidget parent_instance;

  gint64 candidacy_id;
  GPtrArray *facts;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *aliases;
  PsephosSwatch *swatch;
  PsephosStat *votes;
  PsephosStat *share;
  PsephosStat *margin;
  PsephosStat *result;
  PsephosStat *evm;
  PsephosStat *postal;
  GtkListBox *fact_list;
};

G_DEFINE_FINAL_TYPE (PsephosCandidatePage, psephos_candidate_page, GTK_TYPE_WIDGET)

static void
psephos_candidate_page_dispose (GObject *object)
{
  GtkWidget *child;
  PsephosCandidatePage *self = PSEPHOS_CANDIDATE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_CANDIDATE_PAGE);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  G_OBJECT_CLASS (psephos_candidate_page_parent_class)->dispose (object);
}

static void
psephos_candidate_page_class_init (PsephosCandidatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_candidate_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-candidate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, title);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, aliases);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, swatch);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, votes);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, share);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, margin);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, result);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, evm);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, postal);
  gtk_widget_class_bind_template_child (widget_class, PsephosCandidatePage, fact_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (PSEPHOS_TYPE_STAT);
  g_type_ensure (PSEPHOS_TYPE_SWATCH);
}

static void
psephos_candidate_page_init (PsephosCandidatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
fact_row (PsephosSession *session, const PsephosFact *f)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *value = psephos_fact_value_text (f);
  g_autofree char *source = psephos_session_describe_source (session, f->source_id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *where = f->seat != NULL ? f->seat : "";

  /* TRANSLATORS: "Votes: 32,737 (Dehra)" */
  title = g_strdup_printf (_ ("%s: %s%s%s%s"), psephos_attribute_label (f->attribute), value,
                           *where ? " (" : "", where, *where ? ")" : "");
  if (f->quote != NULL)
    subtitle = g_strdup_printf ("“%s” — %s · %s", f->quote, source, psephos_fact_status_label (f->status));
  else if (f->row > 0)
    subtitle = g_strdup_printf (_ ("%s, row %lld · %s"), source, (long long) f->row, psephos_fact_status_label (f->status));
  else
    subtitle = g_strdup_printf ("%s · %s", source, psephos_fact_status_label (f->status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (f->status == PSEPHOS_FACT_CONFLICT || f->status == PSEPHOS_FACT_CONTRADICTED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      psephos_fact_status_label (f->status), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "conflict");
    }
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _ ("Show the source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Show the source"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-fact");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(xxx)", f->source_id, f->id, f->row));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

void
psephos_candidate_page_show (PsephosCandidatePage *self, PsephosSession *session, gint64 candidacy_id)
{
  PsephosStore *store;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosCandidacy) c = NULL;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_auto (GStrv) aliases = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *v1 = NULL, *v2 = NULL, *v3 = NULL, *v4 = NULL, *v5 = NULL;
  PsephosFactQuery q = { 0 };
  GtkWidget *child;

  g_return_if_fail (PSEPHOS_IS_CANDIDATE_PAGE (self));
  g_return_if_fail (PSEPHOS_IS_SESSION (session));

  self->candidacy_id = candidacy_id;
  store = psephos_session_get_store (session);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fact_list))) != NULL)
    gtk_list_box_remove (self->fact_list, child);

  c = psephos_store_get_candidacy (store, candidacy_id, &error);
  if (c == NULL)
    {
      gtk_label_set_label (self->title, _ ("Candidate not found"));
      gtk_label_set_label (self->subtitle, error->message);
      return;
    }
  seat = psephos_store_get_seat (store, c->contest_id, NULL);

  gtk_label_set_label (self->title, c->display_name != NULL ? c->display_name : c->name);
  /* TRANSLATORS: "Indian National Congress (INC) · Dehra, Himachal Pradesh" */
  subtitle = g_strdup_printf (_ ("%s (%s) · %s, %s"), c->party_name != NULL ? c->party_name : "—",
                              c->party != NULL ? c->party : "—",
                              seat != NULL ? seat->display_name : "—", seat != NULL ? seat->state_name : "—");
  gtk_label_set_label (self->subtitle, subtitle);
  psephos_swatch_set_colour (self->swatch, c->party_colour);

  aliases = psephos_store_person_aliases (store, c->person_id, NULL);
  if (aliases != NULL && g_strv_length (aliases) > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", aliases + 1);
      g_autofree char *text = g_strdup_printf (_ ("Also written as %s"), joined);

      gtk_label_set_label (self->aliases, text);
      gtk_widget_set_visible (GTK_WIDGET (self->aliases), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->aliases), FALSE);

  g_clear_pointer (&self->facts, g_ptr_array_unref);
  q.candidacy_id = candidacy_id;
  self->facts = psephos_session_list_facts (session, &q);
  psephos_stat_set (self->votes, v1 = c->votes >= 0 ? psephos_format_count (c->votes) : NULL, session, self->facts, "votes");
  psephos_stat_set (self->share, v2 = psephos_format_percent (c->vote_share_pct), session, self->facts, "vote_share_pct");
  psephos_stat_set (self->margin, v3 = c->margin >= 0 ? psephos_format_count (c->margin) : NULL, session, self->facts, "margin");
  psephos_stat_set (self->result, psephos_result_label (c->result), session, self->facts, "result");
  psephos_stat_set (self->evm, v4 = c->evm_votes >= 0 ? psephos_format_count (c->evm_votes) : NULL, session, self->facts, "evm_votes");
  psephos_stat_set (self->postal, v5 = c->postal_votes >= 0 ? psephos_format_count (c->postal_votes) : NULL, session, self->facts, "postal_votes");

  /* Every fact about the person, in any contest and from any source. */
  {
    PsephosFactQuery pq = { 0 };
    g_autoptr (GPtrArray) all = NULL;

    pq.person_id = c->person_id;
    all = psephos_session_list_facts (session, &pq);
    if (all->len == 0)
      all = g_ptr_array_ref (self->facts);
    for (guint i = 0; i < all->len; i++)
      gtk_list_box_append (self->fact_list, fact_row (session, g_ptr_array_index (all, i)));
    if (all->len == 0)
      {
        GtkWidget *row = adw_action_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No source states anything about this candidate"));
        gtk_list_box_append (self->fact_list, row);
      }
  }
}

gint64
psephos_candidate_page_get_candidacy_id (PsephosCandidatePage *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CANDIDATE_PAGE (self), 0);
  return self->candidacy_id;
}
