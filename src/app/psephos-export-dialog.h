/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-export-dialog.h — Export Chart…: kind, format, size, light or
 * dark; the file is written off the main loop. */
#pragma once

#include <adwaita.h>

#include "psephos-chart.h"
#include "psephos-window.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_EXPORT_DIALOG (psephos_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PsephosExportDialog, psephos_export_dialog, PSEPHOS, EXPORT_DIALOG, AdwWindow)

/* @contest_id: the seat shown, for the seat chart (0: none). */
PsephosExportDialog *psephos_export_dialog_new (PsephosWindow *parent,
                                                PsephosSession *session,
                                                gint64 contest_id);
/* Writes the chart as chosen in the dialog to @path; when done the window
 * shows a toast with an "Open Folder" button and the dialog closes. */
void psephos_export_dialog_export_to (PsephosExportDialog *self, const char *path);

G_END_DECLS
