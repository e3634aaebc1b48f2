/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-citation-button.c — citations: who says so, and do they agree. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-citation-button.h"

struct _PsephosCitationButton
{
  GtkWidget parent_instance;

  PsephosSession *session;
  GPtrArray *all;   /* owns the records */
  GPtrArray *facts; /* borrows from all */
  gboolean conflict;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkImage *icon;
  GtkLabel *count;
};

G_DEFINE_FINAL_TYPE (PsephosCitationButton, psephos_citation_button, GTK_TYPE_WIDGET)

static void
psephos_citation_button_dispose (GObject *object)
{
  PsephosCitationButton *self = PSEPHOS_CITATION_BUTTON (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (psephos_citation_button_parent_class)->dispose (object);
}

static void
psephos_citation_button_class_init (PsephosCitationButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_citation_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "citation");
}

static void
psephos_citation_button_init (PsephosCitationButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_has_frame (self->button, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "citation-button");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

    self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
    gtk_image_set_pixel_size (self->icon, 12);
    self->count = GTK_LABEL (gtk_label_new (NULL));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));
    gtk_menu_button_set_child (self->button, box);
  }
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
psephos_citation_button_new (void)
{
  return g_object_new (PSEPHOS_TYPE_CITATION_BUTTON, NULL);
}

static gboolean
facts_disagree (GPtrArray *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);

      if (f->status == PSEPHOS_FACT_CONFLICT || f->status == PSEPHOS_FACT_CONTRADICTED)
        return TRUE;
      for (guint j = i + 1; j < facts->len; j++)
        {
          PsephosFact *g = g_ptr_array_index (facts, j);

          /* Approximate statements ("over 9,000") do not contradict exact ones. */
          if (f->qualifier != PSEPHOS_QUALIFIER_EXACT || g->qualifier != PSEPHOS_QUALIFIER_EXACT)
            continue;
          if (f->has_number && g->has_number && f->number != g->number)
            return TRUE;
          if (!f->has_number && !g->has_number && g_strcmp0 (f->text, g->text) != 0)
            return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
make_fact_row (PsephosCitationButton *self, const PsephosFact *fact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *value = psephos_fact_value_text (fact);
  g_autofree char *source = psephos_session_describe_source (self->session, fact->source_id);
  const PsephosSource *src = psephos_session_lookup_source (self->session, fact->source_id);
  GtkWidget *label, *open;
  g_autofree char *where = NULL;
  g_autofree char *a11y = NULL;

  label = gtk_label_new (value);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), label);

  open = gtk_button_new_with_label (src != NULL && src->kind == PSEPHOS_SOURCE_OFFICIAL ? _ ("Show Row") : _ ("Show in Article"));
  gtk_widget_add_css_class (open, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-fact");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open), g_variant_new ("(xxx)", fact->source_id, fact->id, fact->row));
  /* TRANSLATORS: accessible name: "Show in article: Title — Publisher" */
  a11y = g_strdup_printf (_ ("Show the source: %s"), source);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_box_append (GTK_BOX (head), open);
  gtk_box_append (GTK_BOX (box), head);

  label = gtk_label_new (source);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);

  if (fact->quote != NULL)
    where = g_strdup_printf ("“%s” · %s", fact->quote, psephos_fact_status_label (fact->status));
  else if (fact->row > 0)
    /* TRANSLATORS: the line of an official results file */
    where = g_strdup_printf (_ ("Row %lld · %s"), (long long) fact->row, psephos_fact_status_label (fact->status));
  else
    where = g_strdup (psephos_fact_status_label (fact->status));
  label = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (fact->status == PSEPHOS_FACT_CONFLICT || fact->status == PSEPHOS_FACT_CONTRADICTED)
    gtk_widget_add_css_class (box, "conflict");
  return box;
}

static void
rebuild_popover (PsephosCitationButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;
  const char *summary;
  gboolean official = FALSE;

  for (guint i = 0; i < self->facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (self->facts, i);
      const PsephosSource *s = psephos_session_lookup_source (self->session, f->source_id);

      official |= s != NULL && s->kind == PSEPHOS_SOURCE_OFFICIAL;
    }

  if (self->conflict)
    summary = _ ("Sources disagree");
  else if (official)
    summary = _ ("Confirmed by official data");
  else if (self->facts->len > 1)
    summary = _ ("Sources agree");
  else
    summary = _ ("One source");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  heading = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < self->facts->len; i++)
    gtk_box_append (GTK_BOX (box), make_fact_row (self, g_ptr_array_index (self->facts, i)));
  gtk_popover_set_child (self->popover, box);
}

void
psephos_citation_button_set_facts (PsephosCitationButton *self,
                                   PsephosSession *session,
                                   GPtrArray *all,
                                   const char *attribute,
                                   const char *what)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;

  g_return_if_fail (PSEPHOS_IS_CITATION_BUTTON (self));
  g_return_if_fail (session == NULL || PSEPHOS_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  if (all == NULL || session == NULL)
    {
      gtk_widget_set_visible (widget, FALSE);
      return;
    }
  self->all = g_ptr_array_ref (all);
  self->facts = psephos_facts_filter (all, attribute);
  if (self->facts->len == 0)
    {
      gtk_widget_set_visible (widget, FALSE);
      return;
    }
  self->conflict = facts_disagree (self->facts);

  gtk_widget_remove_css_class (widget, "conflict");
  gtk_widget_remove_css_class (widget, "confirmed");
  if (self->conflict)
    {
      gtk_widget_add_css_class (widget, "conflict");
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
    }
  else
    {
      gboolean official = FALSE;

      for (guint i = 0; i < self->facts->len; i++)
        {
          const PsephosFact *f = g_ptr_array_index (self->facts, i);
          const PsephosSource *s = psephos_session_lookup_source (session, f->source_id);

          official |= f->status == PSEPHOS_FACT_CONFIRMED || (s != NULL && s->kind == PSEPHOS_SOURCE_OFFICIAL);
        }
      if (official)
        gtk_widget_add_css_class (widget, "confirmed");
      gtk_image_set_from_icon_name (self->icon, official ? "emblem-ok-symbolic" : "text-x-generic-symbolic");
    }
  text = g_strdup_printf ("%u", self->facts->len);
  gtk_label_set_label (self->count, text);

  if (self->conflict)
    /* TRANSLATORS: accessible name of a citation: "Votes: 2 sources, they disagree" */
    a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u source, disagreement", "%s: %u sources, they disagree", self->facts->len),
                            what != NULL ? what : "", self->facts->len);
  else
    a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u source", "%s: %u sources", self->facts->len),
                            what != NULL ? what : "", self->facts->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), a11y);
  rebuild_popover (self);
  gtk_widget_set_visible (widget, TRUE);
}

GPtrArray *
psephos_citation_button_get_facts (PsephosCitationButton *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CITATION_BUTTON (self), NULL);
  return self->facts;
}

gboolean
psephos_citation_button_get_conflict (PsephosCitationButton *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CITATION_BUTTON (self), FALSE);
  return self->facts != NULL && self->conflict;
}

void
psephos_citation_button_popup (PsephosCitationButton *self)
{
  g_return_if_fail (PSEPHOS_IS_CITATION_BUTTON (self));
  gtk_menu_button_popup (self->button);
}

GPtrArray *
psephos_facts_filter (GPtrArray *all, const char *attribute)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (all != NULL, out);

  for (guint i = 0; i < all->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (all, i);

      if (g_strcmp0 (f->attribute, attribute) == 0)
        g_ptr_array_add (out, f);
    }
  return out;
}

void
psephos_citation_button_popdown (PsephosCitationButton *self)
{
  g_return_if_fail (PSEPHOS_IS_CITATION_BUTTON (self));
  gtk_menu_button_popdown (self->button);
}
