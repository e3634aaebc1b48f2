/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-state-page.c — a state's seats; a row opens the seat in the tree. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "psephos-format.h"
#include "psephos-state-page.h"
#include "psephos-swatch.h"
#include "psephos-tree-item.h"

struct _PsephosStatePage
{
  GtkWidget parent_instance;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkListBox *seats;
};

G_DEFINE_FINAL_TYPE (PsephosStatePage, psephos_state_page, GTK_TYPE_WIDGET)

static void
psephos_state_page_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), PSEPHOS_TYPE_STATE_PAGE);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (psephos_state_page_parent_class)->dispose (object);
}

static void
psephos_state_page_class_init (PsephosStatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_state_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-state-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosStatePage, title);
  gtk_widget_class_bind_template_child (widget_class, PsephosStatePage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PsephosStatePage, seats);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
psephos_state_page_init (PsephosStatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
seat_row (const PsephosSeatRow *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *swatch = psephos_swatch_new ();
  GtkWidget *margin = gtk_label_new (NULL);
  const char *name = s->display_name != NULL ? s->display_name : s->name;
  g_autofree char *subtitle = NULL;
  g_autofree char *m = NULL;
  g_autofree char *a11y = NULL;

  psephos_swatch_set_colour (PSEPHOS_SWATCH (swatch), s->winner_party_colour);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (s->winner_name != NULL)
    subtitle = g_strdup_printf ("%s · %s · %s", s->winner_name, s->winner_party != NULL ? s->winner_party : "?",
                                s->winner_result == PSEPHOS_RESULT_LEADING ? _("leading") : _("won"));
  else
    subtitle = g_strdup (_("No result yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (s->margin >= 0)
    {
      g_autofree char *n = psephos_format_count (s->margin);

      /* TRANSLATORS: a winning margin */
      m = g_strdup_printf (_("by %s"), n);
    }
  gtk_label_set_label (GTK_LABEL (margin), m != NULL ? m : "");
  gtk_widget_add_css_class (margin, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), margin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-subject");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new ("(ix)", PSEPHOS_TREE_ITEM_SEAT, s->contest_id));
  a11y = g_strdup_printf ("%s: %s%s%s", name, subtitle, m != NULL ? ", " : "", m != NULL ? m : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

void
psephos_state_page_show (PsephosStatePage *self, PsephosSession *session, const PsephosStateRow *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  g_return_if_fail (PSEPHOS_IS_STATE_PAGE (self));
  g_return_if_fail (PSEPHOS_IS_SESSION (session));
  g_return_if_fail (state != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->seats))) != NULL)
    gtk_list_box_remove (self->seats, child);

  gtk_label_set_label (self->title, state->name);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d seat in %s", "%d seats in %s", state->n_seats),
                              state->n_seats, psephos_session_get_election (session)->name);
  gtk_label_set_label (self->subtitle, subtitle);

  seats = psephos_store_list_seats (psephos_session_get_store (session),
                                    psephos_session_get_election_id (session), state->id, &error);
  if (seats == NULL)
    {
      g_warning ("Could not list the seats of %s: %s", state->name, error->message);
      return;
    }
  for (guint i = 0; i < seats->len; i++)
    gtk_list_box_append (self->seats, seat_row (g_ptr_array_index (seats, i)));
}
