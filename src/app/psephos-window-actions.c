/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window-actions.c — the window's actions: open a store, import,
 * export a chart, the election (NIST XML) or a table's data (CSV), search,
 * follow citations both ways. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-chart-csv.h"
#include "psephos-export-dialog.h"
#include "psephos-import-dialog.h"
#include "psephos-nist.h"
#include "psephos-window-private.h"

void
psephos_window_report_error (PsephosWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog;
  g_autofree char *full = g_strdup_printf ("%s: %s", heading, message);

  _psephos_window_set_last_message (self, full);
  /* Tests drive the app without anyone to close a dialog. */
  if (g_getenv ("PSEPHOS_NO_DIALOGS") != NULL)
    {
      g_message ("%s", full);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- open ------------------------------------------------------------ */

static void
open_response_cb (GtkNativeDialog *native, int response, PsephosWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        psephos_window_open_store (self, path, NULL);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_store_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Open Results Store"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("Psephos stores"));
  gtk_file_filter_add_pattern (filter, "*.psephos");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- import ---------------------------------------------------------- */

void
psephos_window_import_files (PsephosWindow *self, GListModel *files)
{
  PsephosSession *session;
  PsephosImportDialog *dialog;

  g_return_if_fail (PSEPHOS_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  session = psephos_window_get_session (self);
  if (session == NULL)
    {
      psephos_window_report_error (self, _ ("Nothing to import into"), _ ("Open a results store first."));
      return;
    }
  dialog = psephos_import_dialog_new (GTK_WINDOW (self),
                                      psephos_store_get_path (psephos_session_get_store (session)), files);
  gtk_window_present (GTK_WINDOW (dialog));
  psephos_import_dialog_start (dialog);
}

static void
import_response_cb (GtkNativeDialog *native, int response, PsephosWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      psephos_window_import_files (self, files);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Import Articles and Results"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_filter_set_name (filter, _ ("Articles and results (.txt, .html, .csv)"));
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.html");
  gtk_file_filter_add_pattern (filter, "*.htm");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  psephos_window_reload (PSEPHOS_WINDOW (widget));
}

/* ---- export ---------------------------------------------------------- */

static void
export_chart_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  PsephosSession *session = psephos_window_get_session (self);
  PsephosTreeItem *item = psephos_window_get_selected_item (self);
  gint64 contest_id = 0;
  PsephosExportDialog *dialog;

  if (session == NULL || psephos_session_get_election (session) == NULL)
    {
      psephos_window_report_error (self, _ ("Nothing to chart"), _ ("This store holds no election yet."));
      return;
    }
  if (item != NULL && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_SEAT)
    contest_id = psephos_tree_item_get_id (item);
  else if (item != NULL && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_CANDIDATE)
    contest_id = psephos_tree_item_get_candidacy (item)->contest_id;
  dialog = psephos_export_dialog_new (self, session, contest_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
psephos_window_show_file_toast (PsephosWindow *self, const char *title, const char *path)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_if_fail (PSEPHOS_IS_WINDOW (self));
  g_return_if_fail (title != NULL && path != NULL);

  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  toast = adw_toast_new (title);
  if (folder != NULL)
    {
      uri = g_file_get_uri (folder);
      adw_toast_set_button_label (toast, _ ("Open Folder"));
      adw_toast_set_action_name (toast, "app.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  psephos_window_show_toast (self, toast);
}

/* A file name from words: "Jharkhand Assembly 2024" → "Jharkhand-Assembly-2024". */
static char *
file_name_for (const char *words, const char *extension)
{
  GString *s = g_string_new (NULL);

  for (const char *p = words != NULL ? words : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Marks too: Devanagari vowel signs are part of a word. */
      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (s, c);
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "psephos");
  g_string_append_printf (s, ".%s", extension);
  return g_string_free (s, FALSE);
}

typedef enum
{
  SAVE_NIST,
  SAVE_DATA_CSV,
} SaveWhat;

static void
save_response_cb (GtkNativeDialog *native, int response, PsephosWindow *self)
{
  SaveWhat what = (SaveWhat) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "save-what"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && what == SAVE_NIST)
        psephos_window_export_nist_to (self, path);
      else if (path != NULL)
        psephos_window_export_data_csv_to (self, path);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* Asks where to save (GTK 4.8 has no GtkFileDialog), then exports. */
static void
choose_save_file (PsephosWindow *self,
                  const char *title,
                  const char *suggested,
                  const char *filter_name,
                  const char *pattern,
                  SaveWhat what)
{
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"),
                                        _ ("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "save-what", GINT_TO_POINTER (what));
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  PsephosWindow *window;
  char *path;
} ExportData;

static ExportData *
export_data_new (PsephosWindow *self, const char *path)
{
  ExportData *d = g_new0 (ExportData, 1);

  d->window = g_object_ref (self);
  d->path = g_strdup (path);
  return d;
}

static void
export_data_free (ExportData *d)
{
  g_object_unref (d->window);
  g_free (d->path);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_failed (PsephosWindow *self, const char *what, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  psephos_window_show_toast (self, adw_toast_new (message));
}

/* ---- export as NIST SP 1500-100 XML ------------------------------------ */

static void
nist_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ExportData) d = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (d->path);
  g_autofree char *title = NULL;

  if (!psephos_nist_export_file_finish (PSEPHOS_STORE (source), result, &error))
    {
      export_failed (d->window, _ ("Could not export the election"), error);
      return;
    }
  /* TRANSLATORS: "Election exported to “Jharkhand-Assembly-2024.xml”" */
  title = g_strdup_printf (_ ("Election exported to “%s”"), base);
  psephos_window_show_file_toast (d->window, title, d->path);
}

void
psephos_window_export_nist_to (PsephosWindow *self, const char *path)
{
  PsephosSession *session;

  g_return_if_fail (PSEPHOS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  session = psephos_window_get_session (self);
  if (session == NULL || psephos_session_get_election (session) == NULL)
    return;
  psephos_nist_export_file_async (psephos_session_get_store (session), psephos_session_get_election_id (session), path,
                                  NULL, nist_done_cb, export_data_new (self, path));
}

static void
export_nist_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  PsephosSession *session = psephos_window_get_session (self);
  const PsephosElection *e = session != NULL ? psephos_session_get_election (session) : NULL;
  g_autofree char *name = NULL;

  if (e == NULL)
    return;
  name = file_name_for (e->name, "xml");
  choose_save_file (self, _ ("Export Election as NIST XML"), name, _ ("NIST election results reports (.xml)"), "*.xml",
                    SAVE_NIST);
}

/* ---- the data behind a table as CSV -------------------------------------- */

/* The chart whose numbers the shown page's table holds: the tally for the
 * election, the margins (each seat with its winner) for a state, the
 * candidates for a seat. Returns the words naming the file. */
static char *
csv_query_for_page (PsephosWindow *self, PsephosChartKind *kind, PsephosChartQuery *query, char **state)
{
  PsephosSession *session = psephos_window_get_session (self);
  const PsephosElection *e = session != NULL ? psephos_session_get_election (session) : NULL;
  PsephosTreeItem *item = psephos_window_get_selected_item (self);
  const char *page = psephos_window_get_visible_page (self);

  if (e == NULL)
    return NULL;
  query->election_id = e->id;
  if (item != NULL && g_strcmp0 (page, "state") == 0 && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_STATE)
    {
      *kind = PSEPHOS_CHART_MARGINS;
      *state = g_strdup (psephos_tree_item_get_state (item)->name);
      query->state = *state;
      return g_strdup_printf ("%s %s", e->name, *state);
    }
  if (item != NULL && g_strcmp0 (page, "seat") == 0 && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_SEAT)
    {
      *kind = PSEPHOS_CHART_SEAT;
      query->contest_id = psephos_tree_item_get_id (item);
      return g_strdup_printf ("%s %s", e->name, psephos_tree_item_get_title (item));
    }
  if (item != NULL && g_strcmp0 (page, "candidate") == 0 && psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_CANDIDATE)
    {
      *kind = PSEPHOS_CHART_SEAT;
      query->contest_id = psephos_tree_item_get_candidacy (item)->contest_id;
      return g_strdup_printf ("%s %s", e->name, psephos_tree_item_get_location (item));
    }
  *kind = PSEPHOS_CHART_TALLY;
  return g_strdup (e->name);
}

static void
csv_chart_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ExportData) d = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosChart) chart = psephos_session_new_chart_finish (PSEPHOS_SESSION (source), result, &error);
  g_autofree char *base = g_path_get_basename (d->path);
  g_autofree char *title = NULL;

  /* Writing a few hundred rows is quick: no second trip to a thread. */
  if (chart == NULL || !psephos_chart_write_csv (chart, d->path, &error))
    {
      export_failed (d->window, _ ("Could not export the data"), error);
      return;
    }
  /* TRANSLATORS: "Data exported to “Dehra.csv”" */
  title = g_strdup_printf (_ ("Data exported to “%s”"), base);
  psephos_window_show_file_toast (d->window, title, d->path);
}

void
psephos_window_export_data_csv_to (PsephosWindow *self, const char *path)
{
  PsephosChartKind kind = PSEPHOS_CHART_TALLY;
  PsephosChartQuery query = { 0 };
  g_autofree char *state = NULL;
  g_autofree char *words = NULL;

  g_return_if_fail (PSEPHOS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  words = csv_query_for_page (self, &kind, &query, &state);
  if (words == NULL)
    return;
  psephos_session_new_chart_async (psephos_window_get_session (self), kind, &query, NULL, csv_chart_ready_cb,
                                   export_data_new (self, path));
}

static void
export_data_csv_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  PsephosChartKind kind = PSEPHOS_CHART_TALLY;
  PsephosChartQuery query = { 0 };
  g_autofree char *state = NULL;
  g_autofree char *words = csv_query_for_page (self, &kind, &query, &state);
  g_autofree char *name = NULL;

  if (words == NULL)
    return;
  name = file_name_for (words, "csv");
  choose_save_file (self, _ ("Export Data as CSV"), name, _ ("CSV files (.csv)"), "*.csv",
                    SAVE_DATA_CSV);
}

/* ---- search and citations ---------------------------------------------- */

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  GtkSearchBar *bar = _psephos_window_get_search_bar (self);

  adw_view_stack_set_visible_child_name (_psephos_window_get_view_stack (self), "results");
  gtk_search_bar_set_search_mode (bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (_psephos_window_get_search_entry (self)));
}

static void
show_fact_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  gint64 source_id, fact_id, row;
  PsephosArticleView *view = _psephos_window_get_article_view (self);

  g_variant_get (param, "(xxx)", &source_id, &fact_id, &row);
  adw_view_stack_set_visible_child_name (_psephos_window_get_view_stack (self), "sources");
  if (!psephos_article_view_show_fact (view, source_id, fact_id, row))
    psephos_window_show_toast (self, adw_toast_new (_ ("That passage is no longer in the store")));
  gtk_widget_grab_focus (GTK_WIDGET (psephos_article_view_get_text_view (view)));
}

static void
select_subject_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosWindow *self = PSEPHOS_WINDOW (widget);
  int kind;
  gint64 id;

  g_variant_get (param, "(ix)", &kind, &id);
  if (!psephos_window_select_subject (self, (PsephosTreeItemKind) kind, id))
    psephos_window_show_toast (self, adw_toast_new (_ ("Not found in this election’s results")));
}

static void
show_sources_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  adw_view_stack_set_visible_child_name (_psephos_window_get_view_stack (PSEPHOS_WINDOW (widget)), "sources");
}

void
_psephos_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-store", NULL, open_store_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-nist", NULL, export_nist_action);
  gtk_widget_class_install_action (widget_class, "win.export-data-csv", NULL, export_data_csv_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-fact", "(xxx)", show_fact_action);
  gtk_widget_class_install_action (widget_class, "win.select-subject", "(ix)", select_subject_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-store", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
