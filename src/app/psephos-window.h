/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window.h — the main window: election selector, results tree,
 * detail pages and the sources reader. */
#pragma once

#include <adwaita.h>

#include "psephos-application.h"
#include "psephos-session.h"
#include "psephos-tree-item.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_WINDOW (psephos_window_get_type ())
G_DECLARE_FINAL_TYPE (PsephosWindow, psephos_window, PSEPHOS, WINDOW, AdwApplicationWindow)

PsephosWindow *psephos_window_new (PsephosApplication *app, const char *store_path);

/* Opens a store; on failure the window keeps the store it had, says why in a
 * dialog and returns FALSE with @error set. */
gboolean psephos_window_open_store (PsephosWindow *self, const char *path, GError **error);
PsephosSession *psephos_window_get_session (PsephosWindow *self);
/* TRUE while the store given to psephos_window_new() is being opened. */
gboolean psephos_window_is_loading (PsephosWindow *self);
/* Re-reads the open store (after an import). */
void psephos_window_reload (PsephosWindow *self);
gboolean psephos_window_set_election (PsephosWindow *self, const char *name);

/* Selects a row of the tree (expanding its parents) and shows its page. */
gboolean psephos_window_select_subject (PsephosWindow *self, PsephosTreeItemKind kind, gint64 id);
GtkListView *psephos_window_get_tree_view (PsephosWindow *self);
/* The item selected in the tree (or in search results), or NULL. */
PsephosTreeItem *psephos_window_get_selected_item (PsephosWindow *self);
/* "election", "state", "seat", "candidate", "sources" or "empty". */
const char *psephos_window_get_visible_page (PsephosWindow *self);
GtkWidget *psephos_window_get_page (PsephosWindow *self, const char *name);
/* Runs a search as if typed; results appear when the index is ready. */
void psephos_window_search (PsephosWindow *self, const char *text);
GListModel *psephos_window_get_search_results (PsephosWindow *self);
gboolean psephos_window_is_search_ready (PsephosWindow *self);
void psephos_window_show_toast (PsephosWindow *self, AdwToast *toast);
/* Says what went wrong in a dialog (a message only, under
 * PSEPHOS_NO_DIALOGS); the window keeps working. */
void psephos_window_report_error (PsephosWindow *self, const char *heading, const char *message);
/* The message of the last error dialog or toast, for tests. */
const char *psephos_window_get_last_message (PsephosWindow *self);

/* A toast saying @title, with an Open Folder button for @path's folder. */
void psephos_window_show_file_toast (PsephosWindow *self, const char *title, const char *path);

/* What win.export-nist and win.export-data-csv do once a file is chosen (tests
 * call them directly): the shown election as a NIST SP 1500-100 report, and
 * the numbers behind the shown page's table as CSV with their sources. Both
 * work off the main loop and end in a toast. */
void psephos_window_export_nist_to (PsephosWindow *self, const char *path);
void psephos_window_export_data_csv_to (PsephosWindow *self, const char *path);

/* Imports @files (GFile) off the main loop, showing progress and outcomes. */
void psephos_window_import_files (PsephosWindow *self, GListModel *files);

G_END_DECLS
