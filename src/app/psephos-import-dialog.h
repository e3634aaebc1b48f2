/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-import-dialog.h — imports files off the main loop, with progress,
 * cancel, and what became of each file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_IMPORT_PENDING,
  PSEPHOS_IMPORT_IMPORTED,
  PSEPHOS_IMPORT_UNCHANGED,
  PSEPHOS_IMPORT_DUPLICATE,
  PSEPHOS_IMPORT_REJECTED,
  PSEPHOS_IMPORT_CANCELLED,
} PsephosImportOutcome;

#define PSEPHOS_TYPE_IMPORT_DIALOG (psephos_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PsephosImportDialog, psephos_import_dialog, PSEPHOS, IMPORT_DIALOG, AdwWindow)

/* @files: GFile items. When done and something was imported, the dialog
 * activates "win.reload" on @parent. */
PsephosImportDialog *psephos_import_dialog_new (GtkWindow *parent,
                                                const char *store_path,
                                                GListModel *files);
void psephos_import_dialog_start (PsephosImportDialog *self);
void psephos_import_dialog_cancel (PsephosImportDialog *self);
gboolean psephos_import_dialog_is_running (PsephosImportDialog *self);
guint psephos_import_dialog_get_n_files (PsephosImportDialog *self);
PsephosImportOutcome psephos_import_dialog_get_outcome (PsephosImportDialog *self, guint i);
/* The reason a file was rejected, or a note on what happened. */
const char *psephos_import_dialog_get_message (PsephosImportDialog *self, guint i);

G_END_DECLS
