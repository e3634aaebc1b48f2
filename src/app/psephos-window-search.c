/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window-search.c — the window's search: the index is built in a
 * thread for the election shown; each keystroke filters it in memory and
 * shows where each match sits; Enter reveals a match in the tree. */
#include "config.h"

#include "psephos-search.h"
#include "psephos-window-private.h"

/* GTK 4.8 list views make a row widget for up to 200 items at once: keep
 * the results short enough to stay fast on every keystroke. */
#define MAX_SEARCH_RESULTS 60

void
_psephos_window_run_search (PsephosWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr (GListModel) results = NULL;

  if (*text == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "tree");
      return;
    }
  if (self->search_index == NULL || self->session == NULL)
    return; /* runs again when the index is ready */
  results = psephos_search_index_query (self->search_index, text, MAX_SEARCH_RESULTS);
  gtk_single_selection_set_model (self->results_selection, results);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (results) > 0 ? "results" : "no-results");
}

void
_psephos_window_search_index_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PsephosWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  PsephosSearchIndex *index = psephos_search_index_build_finish (result, &error);

  if (index == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not build the search index: %s", error->message);
      return;
    }
  if (self->session == NULL || psephos_search_index_get_election_id (index) != psephos_session_get_election_id (self->session))
    {
      psephos_search_index_free (index);
      return;
    }
  g_clear_pointer (&self->search_index, psephos_search_index_free);
  self->search_index = index;
  _psephos_window_run_search (self);
}

void
_psephos_window_search_changed_cb (GtkSearchEntry *entry, PsephosWindow *self)
{
  _psephos_window_run_search (self);
}

void
_psephos_window_search_stop_cb (GtkSearchEntry *entry, PsephosWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
reveal_result (PsephosWindow *self, PsephosTreeItem *item)
{
  if (item != NULL)
    psephos_window_select_subject (self, psephos_tree_item_get_kind (item), psephos_tree_item_get_id (item));
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

void
_psephos_window_search_activate_cb (GtkSearchEntry *entry, PsephosWindow *self)
{
  g_autoptr (PsephosTreeItem) item = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "results") != 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->results_selection), 0);
  reveal_result (self, item);
}

void
_psephos_window_result_activated_cb (GtkListView *view, guint position, PsephosWindow *self)
{
  g_autoptr (PsephosTreeItem) item = g_list_model_get_item (G_LIST_MODEL (self->results_selection), position);

  reveal_result (self, item);
}

void
psephos_window_search (PsephosWindow *self, const char *text)
{
  g_return_if_fail (PSEPHOS_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  _psephos_window_run_search (self);
}

GListModel *
psephos_window_get_search_results (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->results_selection);
}

gboolean
psephos_window_is_search_ready (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), FALSE);
  return self->search_index != NULL;
}
