/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-import-dialog.c — the import runs in a GTask thread on its own
 * writable connection; each file is one transaction in the ingest layer, so
 * a cancelled or rejected file leaves nothing behind. Results come back to
 * the main loop one file at a time. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "psephos-import-dialog.h"
#include "psephos-ingest.h"
#include "psephos-session.h"

typedef struct
{
  GFile *file;
  PsephosImportOutcome outcome;
  char *message;
  GtkWidget *row;
  GtkWidget *icon;
} FileEntry;

struct _PsephosImportDialog
{
  AdwWindow parent_instance;

  char *store_path;
  GArray *entries; /* FileEntry */
  GCancellable *cancellable;
  gboolean running;
  guint n_changed;
  GtkWindow *parent; /* weak */

  GtkProgressBar *progress;
  GtkLabel *summary;
  GtkListBox *file_list;
  GtkButton *cancel_button;
  GtkButton *close_button;
};

G_DEFINE_FINAL_TYPE (PsephosImportDialog, psephos_import_dialog, ADW_TYPE_WINDOW)

static void
file_entry_clear (gpointer data)
{
  FileEntry *e = data;

  g_clear_object (&e->file);
  g_clear_pointer (&e->message, g_free);
}

static void
psephos_import_dialog_dispose (GObject *object)
{
  PsephosImportDialog *self = PSEPHOS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (psephos_import_dialog_parent_class)->dispose (object);
}

static void
psephos_import_dialog_finalize (GObject *object)
{
  PsephosImportDialog *self = PSEPHOS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_free (self->store_path);
  G_OBJECT_CLASS (psephos_import_dialog_parent_class)->finalize (object);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  psephos_import_dialog_cancel (PSEPHOS_IMPORT_DIALOG (widget));
}

static void
psephos_import_dialog_class_init (PsephosImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_import_dialog_dispose;
  object_class->finalize = psephos_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, PsephosImportDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, PsephosImportDialog, file_list);
  gtk_widget_class_bind_template_child (widget_class, PsephosImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PsephosImportDialog, close_button);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
psephos_import_dialog_init (PsephosImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (FileEntry));
  g_array_set_clear_func (self->entries, file_entry_clear);
}

static const char *
outcome_icon (PsephosImportOutcome outcome)
{
  switch (outcome)
    {
      case PSEPHOS_IMPORT_IMPORTED:
        return "emblem-ok-symbolic";
      case PSEPHOS_IMPORT_UNCHANGED:
      case PSEPHOS_IMPORT_DUPLICATE:
        return "edit-copy-symbolic";
      case PSEPHOS_IMPORT_REJECTED:
        return "dialog-error-symbolic";
      case PSEPHOS_IMPORT_CANCELLED:
        return "process-stop-symbolic";
      case PSEPHOS_IMPORT_PENDING:
      default:
        return "content-loading-symbolic";
    }
}

static void
update_row (PsephosImportDialog *self, FileEntry *e)
{
  g_autofree char *base = g_file_get_basename (e->file);
  g_autofree char *a11y = NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (e->row), e->message != NULL ? e->message : _ ("Waiting"));
  gtk_image_set_from_icon_name (GTK_IMAGE (e->icon), outcome_icon (e->outcome));
  gtk_widget_remove_css_class (e->icon, "error");
  gtk_widget_remove_css_class (e->icon, "success");
  if (e->outcome == PSEPHOS_IMPORT_REJECTED)
    gtk_widget_add_css_class (e->icon, "error");
  else if (e->outcome == PSEPHOS_IMPORT_IMPORTED)
    gtk_widget_add_css_class (e->icon, "success");
  a11y = g_strdup_printf ("%s: %s", base, e->message != NULL ? e->message : _ ("Waiting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

PsephosImportDialog *
psephos_import_dialog_new (GtkWindow *parent, const char *store_path, GListModel *files)
{
  PsephosImportDialog *self;
  guint n;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (PSEPHOS_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->store_path = g_strdup (store_path);
  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      FileEntry e = { 0 };
      g_autofree char *base = NULL;

      e.file = g_list_model_get_item (files, i);
      e.outcome = PSEPHOS_IMPORT_PENDING;
      e.row = adw_action_row_new ();
      e.icon = gtk_image_new_from_icon_name (outcome_icon (PSEPHOS_IMPORT_PENDING));
      base = g_file_get_basename (e.file);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e.row), base);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (e.row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (e.row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (e.row), e.icon);
      gtk_list_box_append (self->file_list, e.row);
      g_array_append_val (self->entries, e);
      update_row (self, &g_array_index (self->entries, FileEntry, i));
    }
  return self;
}

/* ---- the worker --------------------------------------------------------- */

typedef struct
{
  PsephosImportDialog *self; /* a reference */
  guint index;
  PsephosImportOutcome outcome;
  char *message;
  double fraction;
} Report;

static void
report_free (gpointer data)
{
  Report *r = data;

  g_object_unref (r->self);
  g_free (r->message);
  g_free (r);
}

static gboolean
report_cb (gpointer data)
{
  Report *r = data;
  PsephosImportDialog *self = r->self;

  gtk_progress_bar_set_fraction (self->progress, r->fraction);
  if (r->message != NULL && r->index < self->entries->len)
    {
      FileEntry *e = &g_array_index (self->entries, FileEntry, r->index);

      e->outcome = r->outcome;
      g_free (e->message);
      e->message = g_strdup (r->message);
      if (r->outcome == PSEPHOS_IMPORT_IMPORTED || r->outcome == PSEPHOS_IMPORT_DUPLICATE)
        self->n_changed++;
      update_row (self, e);
    }
  return G_SOURCE_REMOVE;
}

static void
post (PsephosImportDialog *self, guint index, PsephosImportOutcome outcome, char *message, double fraction)
{
  Report *r = g_new0 (Report, 1);

  r->self = g_object_ref (self);
  r->index = index;
  r->outcome = outcome;
  r->message = message;
  r->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, report_cb, r, report_free);
}

typedef struct
{
  PsephosImportDialog *self;
  guint index;
  guint n;
  gint64 last_post;
} Progress;

static void
progress_cb (double fraction, gpointer user_data)
{
  Progress *p = user_data;
  gint64 now = g_get_monotonic_time ();

  /* A few updates a second are plenty. */
  if (now - p->last_post < 100 * 1000)
    return;
  p->last_post = now;
  post (p->self, p->index, PSEPHOS_IMPORT_PENDING, NULL, (p->index + CLAMP (fraction, 0, 1)) / p->n);
}

static char *
describe_outcome (const PsephosIngestOutcome *o)
{
  switch (o->status)
    {
      case PSEPHOS_INGEST_IMPORTED:
        if (o->n_rows > 0)
          return g_strdup_printf (_ ("Imported: %u rows, %u facts"), o->n_rows, o->n_facts);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported: %u fact", "Imported: %u facts", o->n_facts), o->n_facts);
      case PSEPHOS_INGEST_UNCHANGED:
        return g_strdup (_ ("Already imported: nothing to do"));
      case PSEPHOS_INGEST_DUPLICATE:
        return g_strdup_printf (_ ("Duplicate of source %lld: kept, facts not counted twice"), (long long) o->duplicate_of);
      default:
        return g_strdup ("");
    }
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PsephosImportDialog *self = PSEPHOS_IMPORT_DIALOG (source);
  GPtrArray *paths = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;

  store = psephos_store_open (self->store_path, PSEPHOS_STORE_OPEN_DEFAULT, &error);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      PsephosIngestOutcome outcome = { 0 };
      PsephosIngestOptions options = { 0 };
      Progress progress = { self, i, paths->len, 0 };
      g_autoptr (GError) file_error = NULL;

      if (store == NULL)
        {
          post (self, i, PSEPHOS_IMPORT_REJECTED, g_strdup_printf (_ ("The store cannot be written: %s"), error->message),
                (double) (i + 1) / paths->len);
          continue;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          post (self, i, PSEPHOS_IMPORT_CANCELLED, g_strdup (_ ("Cancelled: not imported")), (double) (i + 1) / paths->len);
          continue;
        }
      options.progress = progress_cb;
      options.progress_data = &progress;
      if (psephos_ingest_file (store, path, &options, cancellable, &outcome, &file_error))
        post (self, i,
              outcome.status == PSEPHOS_INGEST_IMPORTED    ? PSEPHOS_IMPORT_IMPORTED
              : outcome.status == PSEPHOS_INGEST_DUPLICATE ? PSEPHOS_IMPORT_DUPLICATE
                                                           : PSEPHOS_IMPORT_UNCHANGED,
              describe_outcome (&outcome), (double) (i + 1) / paths->len);
      else if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        post (self, i, PSEPHOS_IMPORT_CANCELLED, g_strdup (_ ("Cancelled: not imported")), (double) (i + 1) / paths->len);
      else
        {
          /* Messages start with the file's path; the row already names it. */
          const char *message = file_error->message;
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *shown = NULL;

          if (g_str_has_prefix (message, path))
            message = shown = g_strconcat (base, message + strlen (path), NULL);
          post (self, i, PSEPHOS_IMPORT_REJECTED, g_strdup_printf (_ ("Rejected: %s"), message),
                (double) (i + 1) / paths->len);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PsephosImportDialog *self = PSEPHOS_IMPORT_DIALOG (source);
  guint rejected = 0, cancelled = 0;
  g_autofree char *summary = NULL;

  g_task_propagate_boolean (G_TASK (result), NULL);
  self->running = FALSE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      FileEntry *e = &g_array_index (self->entries, FileEntry, i);

      rejected += e->outcome == PSEPHOS_IMPORT_REJECTED;
      cancelled += e->outcome == PSEPHOS_IMPORT_CANCELLED;
    }
  if (cancelled > 0)
    summary = g_strdup (_ ("Import cancelled. Files already imported stay imported; the rest were not touched."));
  else if (rejected > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file was rejected; nothing of it was stored.",
                                            "%u files were rejected; nothing of them was stored.", rejected),
                               rejected);
  else
    summary = g_strdup (_ ("Done."));
  gtk_label_set_label (self->summary, summary);
  gtk_progress_bar_set_fraction (self->progress, 1.0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
  if (self->n_changed > 0 && self->parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->parent), "win.reload", NULL);
}

void
psephos_import_dialog_start (PsephosImportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  GPtrArray *paths;

  g_return_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!self->running);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      FileEntry *e = &g_array_index (self->entries, FileEntry, i);
      char *path = g_file_get_path (e->file);

      g_ptr_array_add (paths, path != NULL ? path : g_file_get_uri (e->file));
    }
  self->running = TRUE;
  self->n_changed = 0;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->summary, _ ("Importing…"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), FALSE);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, psephos_import_dialog_start);
  g_task_set_task_data (task, paths, _psephos_ptr_array_unref_cb);
  g_task_run_in_thread (task, import_thread);
}

void
psephos_import_dialog_cancel (PsephosImportDialog *self)
{
  g_return_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->summary, _ ("Cancelling…"));
}

gboolean
psephos_import_dialog_is_running (PsephosImportDialog *self)
{
  g_return_val_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self), FALSE);
  return self->running;
}

guint
psephos_import_dialog_get_n_files (PsephosImportDialog *self)
{
  g_return_val_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self), 0);
  return self->entries->len;
}

PsephosImportOutcome
psephos_import_dialog_get_outcome (PsephosImportDialog *self, guint i)
{
  g_return_val_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self), PSEPHOS_IMPORT_PENDING);
  g_return_val_if_fail (i < self->entries->len, PSEPHOS_IMPORT_PENDING);
  return g_array_index (self->entries, FileEntry, i).outcome;
}

const char *
psephos_import_dialog_get_message (PsephosImportDialog *self, guint i)
{
  g_return_val_if_fail (PSEPHOS_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (i < self->entries->len, NULL);
  return g_array_index (self->entries, FileEntry, i).message;
}
