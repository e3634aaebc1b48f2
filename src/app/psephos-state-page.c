/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-state-page.c — a state's seats with winner, party and margin; a
 * row opens the seat in the tree. A list view, not a list box: a state can
 * have 400 seats and only the rows on screen are made. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "psephos-state-page.h"
#include "psephos-tree-item.h"
#include "psephos-tree-row.h"

struct _PsephosStatePage
{
  GtkWidget parent_instance;

  GListStore *seats_model;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkListView *seats;
};

G_DEFINE_FINAL_TYPE (PsephosStatePage, psephos_state_page, GTK_TYPE_WIDGET)

static void seat_activated_cb (GtkListView *view, guint position, PsephosStatePage *self);

static void
psephos_state_page_dispose (GObject *object)
{
  PsephosStatePage *self = PSEPHOS_STATE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_STATE_PAGE);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->seats_model);
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
  gtk_widget_class_bind_template_callback (widget_class, seat_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, psephos_tree_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PsephosTreeRow *row = PSEPHOS_TREE_ROW (gtk_list_item_get_child (list_item));

  psephos_tree_row_set_item (row, gtk_list_item_get_item (list_item));
  psephos_tree_row_label_list_item (row, list_item);
}

static void
psephos_state_page_init (PsephosStatePage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->seats_model = g_list_store_new (PSEPHOS_TYPE_TREE_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->seats, factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->seats_model)));
  gtk_list_view_set_model (self->seats, GTK_SELECTION_MODEL (selection));
}

static void
seat_activated_cb (GtkListView *view, guint position, PsephosStatePage *self)
{
  g_autoptr (PsephosTreeItem) item = g_list_model_get_item (G_LIST_MODEL (self->seats_model), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-subject", "(ix)",
                                (int) PSEPHOS_TREE_ITEM_SEAT, psephos_tree_item_get_id (item));
}

void
psephos_state_page_show (PsephosStatePage *self, PsephosSession *session, const PsephosStateRow *state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PSEPHOS_IS_STATE_PAGE (self));
  g_return_if_fail (PSEPHOS_IS_SESSION (session));
  g_return_if_fail (state != NULL);

  gtk_label_set_label (self->title, state->name);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d seat in %s", "%d seats in %s", state->n_seats),
                              state->n_seats, psephos_session_get_election (session)->name);
  gtk_label_set_label (self->subtitle, subtitle);

  seats = psephos_store_list_seats (psephos_session_get_store (session),
                                    psephos_session_get_election_id (session), state->id, &error);
  if (seats == NULL)
    {
      g_warning ("Could not list the seats of %s: %s", state->name, error->message);
      g_list_store_remove_all (self->seats_model);
      return;
    }
  /* The items own the records now. */
  g_ptr_array_set_free_func (seats, NULL);
  for (guint i = 0; i < seats->len; i++)
    g_ptr_array_add (items, psephos_tree_item_new_seat (g_ptr_array_index (seats, i)));
  g_list_store_splice (self->seats_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->seats_model)),
                       items->pdata, items->len);
}
