/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window-actions.c — the window's actions: open a store, import,
 * export a chart, search, follow citations both ways. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-export-dialog.h"
#include "psephos-import-dialog.h"
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
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-fact", "(xxx)", show_fact_action);
  gtk_widget_class_install_action (widget_class, "win.select-subject", "(ix)", select_subject_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-store", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
