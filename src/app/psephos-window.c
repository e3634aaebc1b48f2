/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window.c — the main window: the tree of states → seats →
 * candidates (children read lazily), search, detail pages, and the reader.
 * Actions (open, import, export…) live in psephos-window-actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-article-view.h"
#include "psephos-candidate-page.h"
#include "psephos-election-page.h"
#include "psephos-lazy-model.h"
#include "psephos-search.h"
#include "psephos-seat-page.h"
#include "psephos-state-page.h"
#include "psephos-tree-row.h"
#include "psephos-window-private.h"

G_DEFINE_FINAL_TYPE (PsephosWindow, psephos_window, ADW_TYPE_APPLICATION_WINDOW)

static void election_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PsephosWindow *self);
static gboolean tree_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, PsephosWindow *self);
static gboolean drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PsephosWindow *self);

static void
psephos_window_dispose (GObject *object)
{
  PsephosWindow *self = PSEPHOS_WINDOW (object);

  g_clear_handle_id (&self->search_idle, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_WINDOW);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->tree_model);
  g_clear_pointer (&self->search_index, psephos_search_index_free);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (psephos_window_parent_class)->dispose (object);
}

static void
psephos_window_finalize (GObject *object)
{
  PsephosWindow *self = PSEPHOS_WINDOW (object);

  g_free (self->pending_search);
  g_free (self->last_message);
  G_OBJECT_CLASS (psephos_window_parent_class)->finalize (object);
}

static gboolean
psephos_window_close_request (GtkWindow *window)
{
  PsephosWindow *self = PSEPHOS_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (psephos_window_parent_class)->close_request (window);
}

static void
psephos_window_class_init (PsephosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = psephos_window_dispose;
  object_class->finalize = psephos_window_finalize;
  window_class->close_request = psephos_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, election_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, tree_view);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, election_page);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, state_page);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, seat_page);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, candidate_page);
  gtk_widget_class_bind_template_child (widget_class, PsephosWindow, article_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb", G_CALLBACK (_psephos_window_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_stop_cb", G_CALLBACK (_psephos_window_search_stop_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_activate_cb", G_CALLBACK (_psephos_window_search_activate_cb));
  gtk_widget_class_bind_template_callback (widget_class, election_selected_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "result_activated_cb", G_CALLBACK (_psephos_window_result_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, tree_key_pressed_cb);

  _psephos_window_install_actions (widget_class);

  g_type_ensure (PSEPHOS_TYPE_ELECTION_PAGE);
  g_type_ensure (PSEPHOS_TYPE_STATE_PAGE);
  g_type_ensure (PSEPHOS_TYPE_SEAT_PAGE);
  g_type_ensure (PSEPHOS_TYPE_CANDIDATE_PAGE);
  g_type_ensure (PSEPHOS_TYPE_ARTICLE_VIEW);
}

/* ---- tree rows ---------------------------------------------------------- */

static void
tree_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, psephos_tree_row_new ());
}

static void
tree_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PsephosTreeRow *row = PSEPHOS_TREE_ROW (gtk_list_item_get_child (list_item));
  GObject *item = gtk_list_item_get_item (list_item);

  if (GTK_IS_TREE_LIST_ROW (item))
    psephos_tree_row_set_list_row (row, GTK_TREE_LIST_ROW (item));
  else
    psephos_tree_row_set_result (row, PSEPHOS_TREE_ITEM (item));
  psephos_tree_row_label_list_item (row, list_item);
}

static void
tree_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  PsephosTreeRow *row = PSEPHOS_TREE_ROW (gtk_list_item_get_child (list_item));

  psephos_tree_row_set_list_row (row, NULL);
}

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  PsephosWindow *self = PSEPHOS_WINDOW (user_data);

  PsephosTreeItem *parent = PSEPHOS_TREE_ITEM (item);
  const PsephosStateRow *state = psephos_tree_item_get_state (parent);
  const PsephosSeatRow *seat = psephos_tree_item_get_seat (parent);
  guint n = state != NULL ? (guint) MAX (state->n_seats, 0) : seat != NULL ? (guint) MAX (seat->n_candidates, 0)
                                                                           : 0;

  if (self->session == NULL || n == 0)
    return NULL;
  return G_LIST_MODEL (psephos_lazy_model_new (parent, psephos_session_get_store (self->session), n));
}

/* ---- detail pages -------------------------------------------------------- */

static void
show_item (PsephosWindow *self, PsephosTreeItem *item)
{
  if (self->session == NULL)
    return;
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  switch (psephos_tree_item_get_kind (item))
    {
      case PSEPHOS_TREE_ITEM_ELECTION:
        psephos_election_page_show (self->election_page, self->session);
        gtk_stack_set_visible_child_name (self->detail_stack, "election");
        break;
      case PSEPHOS_TREE_ITEM_STATE:
        psephos_state_page_show (self->state_page, self->session, psephos_tree_item_get_state (item));
        gtk_stack_set_visible_child_name (self->detail_stack, "state");
        break;
      case PSEPHOS_TREE_ITEM_SEAT:
        psephos_seat_page_show (self->seat_page, self->session, psephos_tree_item_get_id (item));
        gtk_stack_set_visible_child_name (self->detail_stack, "seat");
        break;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        psephos_candidate_page_show (self->candidate_page, self->session, psephos_tree_item_get_id (item));
        gtk_stack_set_visible_child_name (self->detail_stack, "candidate");
        break;
      default:
        g_assert_not_reached ();
    }
}

static void
tree_selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, PsephosWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr (PsephosTreeItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  show_item (self, item);
}

static void
results_selection_changed_cb (GtkSingleSelection *selection, GParamSpec *pspec, PsephosWindow *self)
{
  show_item (self, gtk_single_selection_get_selected_item (selection));
}

/* ---- loading ------------------------------------------------------------ */

static gboolean
start_search_index_cb (gpointer user_data)
{
  PsephosWindow *self = user_data;
  const PsephosElection *e = self->session != NULL ? psephos_session_get_election (self->session) : NULL;

  self->search_idle = 0;
  /* A change of election since removed this idle and queued another. */
  if (self->search_cancellable != NULL && e != NULL)
    psephos_search_index_build_async (self->session, e->id, self->search_cancellable,
                                      _psephos_window_search_index_ready_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
rebuild_tree (PsephosWindow *self)
{
  const PsephosElection *e = psephos_session_get_election (self->session);
  g_autoptr (GError) error = NULL;
  GListModel *roots = NULL;

  g_clear_handle_id (&self->search_idle, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_index, psephos_search_index_free);

  if (e != NULL)
    roots = psephos_tree_item_list_roots (psephos_session_get_store (self->session), e, &error);
  if (roots == NULL)
    {
      if (error != NULL)
        g_warning ("Could not list the states: %s", error->message);
      roots = G_LIST_MODEL (g_list_store_new (PSEPHOS_TYPE_TREE_ITEM));
    }
  g_clear_object (&self->tree_model);
  self->tree_model = gtk_tree_list_model_new (roots, FALSE, FALSE, create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->tree_selection, G_LIST_MODEL (self->tree_model));
  gtk_single_selection_set_selected (self->tree_selection, g_list_model_get_n_items (roots) > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-nist", e != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data-csv", e != NULL);
  if (e == NULL)
    {
      adw_status_page_set_title (self->status_page, _ ("No elections"));
      adw_status_page_set_description (self->status_page, _ ("Import news articles or official results to begin (Ctrl+I), or drop files here."));
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
    }
  else
    {
      self->search_cancellable = g_cancellable_new ();
      /* After the window has painted what it has: on a 2-core machine the
       * index (every candidate's names) would otherwise compete with the
       * first frame. */
      self->search_idle = g_idle_add_full (G_PRIORITY_LOW, start_search_index_cb, self, NULL);
    }
}

static void
fill_election_dropdown (PsephosWindow *self, const char *preferred)
{
  GPtrArray *elections = psephos_session_get_elections (self->session);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = elections->len > 0 ? elections->len - 1 : GTK_INVALID_LIST_POSITION;
  gboolean found = FALSE;

  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);

      gtk_string_list_append (names, e->name);
      if (preferred != NULL && g_ascii_strcasecmp (preferred, e->name) == 0)
        {
          chosen = i;
          found = TRUE;
        }
    }
  /* Else the latest election with results: an article that only mentions
   * another election leaves that one without contests. */
  for (guint i = elections->len; !found && i > 0; i--)
    if (((PsephosElection *) g_ptr_array_index (elections, i - 1))->n_contests > 0)
      {
        chosen = i - 1;
        found = TRUE;
      }
  self->changing_election = TRUE;
  gtk_drop_down_set_model (self->election_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->election_dropdown, chosen);
  self->changing_election = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->election_dropdown), elections->len > 1);
  psephos_session_set_election_id (self->session,
                                   chosen != GTK_INVALID_LIST_POSITION ? ((PsephosElection *) g_ptr_array_index (elections, chosen))->id : 0);
}

static void
election_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, PsephosWindow *self)
{
  GPtrArray *elections;
  guint selected = gtk_drop_down_get_selected (dropdown);
  PsephosElection *e;

  if (self->changing_election || self->session == NULL)
    return;
  elections = psephos_session_get_elections (self->session);
  if (selected >= elections->len)
    return;
  e = g_ptr_array_index (elections, selected);
  if (e->id == psephos_session_get_election_id (self->session))
    return;
  psephos_session_set_election_id (self->session, e->id);
  g_settings_set_string (self->settings, "last-election", e->name);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild_tree (self);
}

static void
view_changed_cb (AdwViewStack *stack, GParamSpec *pspec, PsephosWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "sources") == 0)
    psephos_article_view_ensure_loaded (self->article_view);
}

static void
use_session (PsephosWindow *self, PsephosSession *session, const char *election)
{
  PsephosStore *store = psephos_session_get_store (session);
  g_autofree char *base = g_path_get_basename (psephos_store_get_path (store));

  g_set_object (&self->session, session);
  adw_view_switcher_title_set_subtitle (self->switcher_title, base);
  fill_election_dropdown (self, election);
  rebuild_tree (self);
  psephos_article_view_set_session (self->article_view, session);
}

static void
use_store (PsephosWindow *self, PsephosStore *store)
{
  g_autoptr (PsephosSession) session = psephos_session_new (store);
  g_autofree char *last = g_settings_get_string (self->settings, "last-election");

  use_session (self, session, last);
  g_settings_set_string (self->settings, "last-store", psephos_store_get_path (store));
}

static void
report_open_error (PsephosWindow *self, const char *path, const GError *error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_ ("Could not open “%s”"), base);
  g_autofree char *message = NULL;

  if (self->session != NULL)
    message = g_strdup_printf (_ ("%s\n\nThe store that was open stays open."), error->message);
  else
    message = g_strdup (error->message);
  psephos_window_report_error (self, heading, message);
}

gboolean
psephos_window_open_store (PsephosWindow *self, const char *path, GError **error)
{
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &local_error);
  if (store == NULL)
    {
      report_open_error (self, path, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  use_store (self, store);
  return TRUE;
}

/* Opening checks the whole file (seconds on a big store): it runs in a
 * thread while the window is already up, saying it is opening. */
static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  PsephosStore *store = psephos_store_open (task_data, PSEPHOS_STORE_OPEN_READ_ONLY, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void open_store_async (PsephosWindow *self, const char *path, const char *fallback);

static void
open_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PsephosWindow *self = PSEPHOS_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  const char *path = g_task_get_task_data (G_TASK (result));
  const char *fallback = user_data;

  self->loading = FALSE;
  if (store != NULL)
    use_store (self, store);
  else
    {
      report_open_error (self, path, error);
      if (fallback != NULL && g_strcmp0 (fallback, path) != 0)
        {
          open_store_async (self, fallback, NULL);
          return;
        }
      adw_status_page_set_title (self->status_page, _ ("No Store Open"));
      adw_status_page_set_description (self->status_page, _ ("Open a results store (Ctrl+O) or import files (Ctrl+I)."));
    }
}

static void
open_store_async (PsephosWindow *self, const char *path, const char *fallback)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, open_done_cb, (gpointer) fallback);

  self->loading = TRUE;
  adw_status_page_set_title (self->status_page, _ ("Opening the Store…"));
  adw_status_page_set_description (self->status_page, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  g_task_set_source_tag (task, open_store_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

gboolean
psephos_window_is_loading (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), FALSE);
  return self->loading;
}

void
psephos_window_reload (PsephosWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosSession) session = NULL;
  const PsephosElection *e;
  g_autofree char *election = NULL;

  g_return_if_fail (PSEPHOS_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  e = psephos_session_get_election (self->session);
  election = e != NULL ? g_strdup (e->name) : NULL;
  store = psephos_store_open (psephos_store_get_path (psephos_session_get_store (self->session)),
                              PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      psephos_window_report_error (self, _ ("Could not read the store again"), error->message);
      return;
    }
  session = psephos_session_new (store);
  use_session (self, session, election);
}

gboolean
psephos_window_set_election (PsephosWindow *self, const char *name)
{
  GPtrArray *elections;

  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  elections = psephos_session_get_elections (self->session);
  for (guint i = 0; i < elections->len; i++)
    if (g_ascii_strcasecmp (((PsephosElection *) g_ptr_array_index (elections, i))->name, name) == 0)
      {
        gtk_drop_down_set_selected (self->election_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* ---- selecting a subject -------------------------------------------------- */

/* Position of the child of the row at @parent (or of a root when @parent is
 * GTK_INVALID_LIST_POSITION) showing @kind/@id; expands @parent first. */
static guint
find_row (PsephosWindow *self, guint parent, PsephosTreeItemKind kind, gint64 id)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);
  guint n, depth = 0, start = 0;

  if (parent != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, parent);

      gtk_tree_list_row_set_expanded (row, TRUE);
      depth = gtk_tree_list_row_get_depth (row) + 1;
      start = parent + 1;
    }
  n = g_list_model_get_n_items (model);
  for (guint i = start; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr (PsephosTreeItem) item = NULL;
      guint d = gtk_tree_list_row_get_depth (row);

      if (d < depth)
        break;
      if (d != depth)
        continue;
      item = gtk_tree_list_row_get_item (row);
      if (psephos_tree_item_get_kind (item) == kind && psephos_tree_item_get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
switch_election (PsephosWindow *self, gint64 election_id)
{
  GPtrArray *elections = psephos_session_get_elections (self->session);

  if (election_id == 0 || election_id == psephos_session_get_election_id (self->session))
    return TRUE;
  for (guint i = 0; i < elections->len; i++)
    if (((PsephosElection *) g_ptr_array_index (elections, i))->id == election_id)
      {
        gtk_drop_down_set_selected (self->election_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
psephos_window_select_subject (PsephosWindow *self, PsephosTreeItemKind kind, gint64 id)
{
  PsephosStore *store;
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (PsephosCandidacy) candidacy = NULL;
  guint pos = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  store = psephos_session_get_store (self->session);
  /* Leave the search: the tree shows where the subject sits. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_view_stack_set_visible_child_name (self->view_stack, "results");

  switch (kind)
    {
      case PSEPHOS_TREE_ITEM_ELECTION:
        switch_election (self, id);
        pos = 0;
        break;
      case PSEPHOS_TREE_ITEM_STATE:
        pos = find_row (self, GTK_INVALID_LIST_POSITION, kind, id);
        break;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        candidacy = psephos_store_get_candidacy (store, id, NULL);
        if (candidacy == NULL)
          return FALSE;
        G_GNUC_FALLTHROUGH;
      case PSEPHOS_TREE_ITEM_SEAT:
        seat = psephos_store_get_seat (store, candidacy != NULL ? candidacy->contest_id : id, NULL);
        if (seat == NULL || !switch_election (self, seat->election_id))
          return FALSE;
        pos = find_row (self, GTK_INVALID_LIST_POSITION, PSEPHOS_TREE_ITEM_STATE, seat->state_id);
        if (pos != GTK_INVALID_LIST_POSITION)
          pos = find_row (self, pos, PSEPHOS_TREE_ITEM_SEAT, seat->contest_id);
        if (pos != GTK_INVALID_LIST_POSITION && candidacy != NULL)
          pos = find_row (self, pos, PSEPHOS_TREE_ITEM_CANDIDATE, candidacy->id);
        break;
      default:
        return FALSE;
    }
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->tree_selection, pos);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", pos);
  return TRUE;
}

GtkListView *
psephos_window_get_tree_view (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);
  return self->tree_view;
}

PsephosTreeItem *
psephos_window_get_selected_item (PsephosWindow *self)
{
  GtkTreeListRow *row;
  g_autoptr (PsephosTreeItem) item = NULL;

  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "results") == 0)
    return gtk_single_selection_get_selected_item (self->results_selection);
  row = gtk_single_selection_get_selected_item (self->tree_selection);
  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return item; /* the row keeps it alive */
}

const char *
psephos_window_get_visible_page (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sources") == 0)
    return "sources";
  return gtk_stack_get_visible_child_name (self->detail_stack);
}

GtkWidget *
psephos_window_get_page (PsephosWindow *self, const char *name)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "sources") == 0)
    return GTK_WIDGET (self->article_view);
  return gtk_stack_get_child_by_name (self->detail_stack, name);
}

/* ---- keyboard in the tree ------------------------------------------------- */

static gboolean
tree_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, PsephosWindow *self)
{
  guint pos = gtk_single_selection_get_selected (self->tree_selection);
  g_autoptr (GtkTreeListRow) row = NULL;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean expand, collapse;

  if (pos == GTK_INVALID_LIST_POSITION || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  expand = keyval == (rtl ? GDK_KEY_Left : GDK_KEY_Right) || keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add;
  collapse = keyval == (rtl ? GDK_KEY_Right : GDK_KEY_Left) || keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract;
  if (!expand && !collapse)
    return GDK_EVENT_PROPAGATE;

  row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), pos);
  if (expand && gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, TRUE);
  else if (collapse && gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, FALSE);
  else if (collapse)
    {
      g_autoptr (GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent == NULL)
        return GDK_EVENT_STOP;
      pos = gtk_tree_list_row_get_position (parent);
      gtk_single_selection_set_selected (self->tree_selection, pos);
      gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", pos);
    }
  return GDK_EVENT_STOP;
}

/* ---- drag and drop --------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, PsephosWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr (GListStore) list = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = files; l != NULL; l = l->next)
    g_list_store_append (list, l->data);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return FALSE;
  psephos_window_import_files (self, G_LIST_MODEL (list));
  return TRUE;
}

/* ---- construction -------------------------------------------------------- */

static void
psephos_window_init (PsephosWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) results_factory = NULL;
  GtkDropTarget *drop;
  GtkEventController *keys;
  int width = 0, height = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until an election is shown. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-nist", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-data-csv", FALSE);

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (tree_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (tree_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (tree_unbind_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  results_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (results_factory, "setup", G_CALLBACK (tree_setup_cb), self);
  g_signal_connect (results_factory, "bind", G_CALLBACK (tree_bind_cb), self);
  gtk_list_view_set_factory (self->results_view, results_factory);

  self->tree_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  g_signal_connect (self->tree_selection, "notify::selected-item", G_CALLBACK (tree_selection_changed_cb), self);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));
  self->results_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  g_signal_connect (self->results_selection, "notify::selected-item", G_CALLBACK (results_selection_changed_cb), self);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (tree_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->tree_view));
  /* A store can hold a hundred elections: let people type to find one. */
  gtk_drop_down_set_expression (self->election_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (self->election_dropdown, TRUE);
  g_signal_connect (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

PsephosWindow *
psephos_window_new (PsephosApplication *app, const char *store_path)
{
  PsephosWindow *self = g_object_new (PSEPHOS_TYPE_WINDOW, "application", app, NULL);
  g_autofree char *last = NULL;
  static char *sample = NULL;

  if (sample == NULL)
    {
      const char *env = g_getenv ("PSEPHOS_SAMPLE_STORE");

      sample = g_strdup (env != NULL && *env != '\0' ? env : SAMPLE_STORE);
    }
  if (store_path == NULL)
    {
      last = g_settings_get_string (self->settings, "last-store");
      if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        store_path = last;
      else
        store_path = sample;
    }
  /* The store it had last, else the sample store. */
  open_store_async (self, store_path, sample);
  return self;
}

PsephosSession *
psephos_window_get_session (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);
  return self->session;
}

void
psephos_window_show_toast (PsephosWindow *self, AdwToast *toast)
{
  g_return_if_fail (PSEPHOS_IS_WINDOW (self));

  g_free (self->last_message);
  self->last_message = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
psephos_window_get_last_message (PsephosWindow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_WINDOW (self), NULL);
  return self->last_message;
}

void
_psephos_window_set_last_message (PsephosWindow *self, const char *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

PsephosSeatPage *
_psephos_window_get_seat_page (PsephosWindow *self)
{
  return self->seat_page;
}

PsephosArticleView *
_psephos_window_get_article_view (PsephosWindow *self)
{
  return self->article_view;
}

AdwViewStack *
_psephos_window_get_view_stack (PsephosWindow *self)
{
  return self->view_stack;
}

GtkSearchBar *
_psephos_window_get_search_bar (PsephosWindow *self)
{
  return self->search_bar;
}

GtkSearchEntry *
_psephos_window_get_search_entry (PsephosWindow *self)
{
  return self->search_entry;
}
