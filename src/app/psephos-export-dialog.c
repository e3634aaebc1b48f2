/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-export-dialog.c — chooses a chart and a file, then exports with
 * psephos_chart_export_async() so the window never waits on the disk. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-export-dialog.h"

static const struct
{
  PsephosChartKind kind;
  const char *label;
} kinds[] = {
  { PSEPHOS_CHART_TALLY, N_ ("Seats by party") },
  { PSEPHOS_CHART_HEMICYCLE, N_ ("House (hemicycle)") },
  { PSEPHOS_CHART_MARGINS, N_ ("Winning margins") },
  { PSEPHOS_CHART_TURNOUT, N_ ("Turnout by seat") },
  { PSEPHOS_CHART_SEAT, N_ ("This seat’s candidates") },
};

struct _PsephosExportDialog
{
  AdwWindow parent_instance;

  PsephosWindow *window; /* weak */
  PsephosSession *session;
  gint64 contest_id;
  GCancellable *cancellable;
  char *path;

  AdwComboRow *kind_row;
  AdwComboRow *format_row;
  AdwComboRow *theme_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkButton *export_button;
};

G_DEFINE_FINAL_TYPE (PsephosExportDialog, psephos_export_dialog, ADW_TYPE_WINDOW)

static void
psephos_export_dialog_dispose (GObject *object)
{
  PsephosExportDialog *self = PSEPHOS_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (psephos_export_dialog_parent_class)->dispose (object);
}

static void
psephos_export_dialog_finalize (GObject *object)
{
  g_free (PSEPHOS_EXPORT_DIALOG (object)->path);
  G_OBJECT_CLASS (psephos_export_dialog_parent_class)->finalize (object);
}

static PsephosChartFormat
chosen_format (PsephosExportDialog *self)
{
  return (PsephosChartFormat) adw_combo_row_get_selected (self->format_row);
}

static void
save_response_cb (GtkNativeDialog *native, int response, PsephosExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        psephos_export_dialog_export_to (self, path);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PsephosExportDialog *self = PSEPHOS_EXPORT_DIALOG (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  guint k = adw_combo_row_get_selected (self->kind_row);

  native = gtk_file_chooser_native_new (_ ("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _ ("_Export"), _ ("_Cancel"));
  name = g_strdup_printf ("%s.%s", psephos_chart_kind_to_string (kinds[MIN (k, G_N_ELEMENTS (kinds) - 1)].kind),
                          psephos_chart_format_to_string (chosen_format (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
psephos_export_dialog_class_init (PsephosExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_export_dialog_dispose;
  object_class->finalize = psephos_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, PsephosExportDialog, export_button);
  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
psephos_export_dialog_init (PsephosExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PsephosExportDialog *
psephos_export_dialog_new (PsephosWindow *parent, PsephosSession *session, gint64 contest_id)
{
  PsephosExportDialog *self;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (PSEPHOS_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PSEPHOS_IS_SESSION (session), NULL);

  self = g_object_new (PSEPHOS_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_set_weak_pointer (&self->window, parent);
  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind != PSEPHOS_CHART_SEAT || contest_id != 0)
      gtk_string_list_append (labels, _ (kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  /* The seat chart first when a seat is shown. */
  adw_combo_row_set_selected (self->kind_row, contest_id != 0 ? G_N_ELEMENTS (kinds) - 1 : 0);
  adw_combo_row_set_selected (self->theme_row,
                              adw_style_manager_get_dark (adw_style_manager_get_default ()) ? 1 : 0);
  return self;
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PsephosExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  if (!psephos_chart_export_finish (PSEPHOS_CHART (source), result, &error))
    {
      if (self->window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        psephos_window_report_error (self->window, _ ("Could not export the chart"), error->message);
      return;
    }
  if (self->window != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->path);
      g_autofree char *title = g_strdup_printf (_ ("Chart exported to “%s”"), base);

      psephos_window_show_file_toast (self->window, title, self->path);
    }
  gtk_window_close (GTK_WINDOW (self));
}

void
psephos_export_dialog_export_to (PsephosExportDialog *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosChart) chart = NULL;
  PsephosChartQuery query = { 0 };
  PsephosChartKind kind = PSEPHOS_CHART_TALLY;
  guint selected = adw_combo_row_get_selected (self->kind_row);
  guint seen = 0;

  g_return_if_fail (PSEPHOS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i].kind == PSEPHOS_CHART_SEAT && self->contest_id == 0)
        continue;
      if (seen++ == selected)
        kind = kinds[i].kind;
    }
  query.election_id = psephos_session_get_election_id (self->session);
  query.contest_id = kind == PSEPHOS_CHART_SEAT ? self->contest_id : 0;
  chart = psephos_chart_new_for_store (psephos_session_get_store (self->session), kind, &query, &error);
  if (chart == NULL)
    {
      if (self->window != NULL)
        psephos_window_report_error (self->window, _ ("Could not make the chart"), error->message);
      return;
    }
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  psephos_chart_export_async (chart, path, chosen_format (self),
                              gtk_spin_button_get_value_as_int (self->width_spin),
                              gtk_spin_button_get_value_as_int (self->height_spin),
                              adw_combo_row_get_selected (self->theme_row) == 1 ? PSEPHOS_CHART_THEME_DARK
                                                                                : PSEPHOS_CHART_THEME_LIGHT,
                              self->cancellable, export_done_cb, g_object_ref (self));
}
