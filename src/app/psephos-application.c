/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-application.c — the AdwApplication: app-wide actions (about,
 * quit, open a folder), keyboard accelerators, the --store option. */
#include "config.h"

#include <glib/gi18n.h>

#include "psephos-application.h"
#include "psephos-window.h"

struct _PsephosApplication
{
  AdwApplication parent_instance;

  char *store_path;
};

G_DEFINE_FINAL_TYPE (PsephosApplication, psephos_application, ADW_TYPE_APPLICATION)

static void
psephos_application_activate (GApplication *app)
{
  PsephosApplication *self = PSEPHOS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (psephos_window_new (self, self->store_path));
  gtk_window_present (window);
}

static int
psephos_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  PsephosApplication *self = PSEPHOS_APPLICATION (app);
  const char *store = NULL;

  if (g_variant_dict_lookup (options, "store", "^&ay", &store))
    self->store_path = g_strdup (store);
  return -1;
}

static void
about_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Psephos authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _ ("Psephos"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _ ("Explore Indian election results and check every number against the report it came from"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "issue-url", "https://github.com/psephos/psephos/issues",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows (saving their size) rather than exit outright. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
launch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the folder: %s", error->message);
}

static void
open_folder_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), NULL, NULL, launch_done_cb, NULL);
}

static void
psephos_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action_cb, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action_cb, NULL, NULL, NULL, { 0 } },
    { "open-folder", open_folder_action_cb, "s", NULL, NULL, { 0 } },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (psephos_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
}

static void
psephos_application_finalize (GObject *object)
{
  PsephosApplication *self = PSEPHOS_APPLICATION (object);

  g_free (self->store_path);
  G_OBJECT_CLASS (psephos_application_parent_class)->finalize (object);
}

static void
psephos_application_class_init (PsephosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = psephos_application_finalize;
  app_class->startup = psephos_application_startup;
  app_class->activate = psephos_application_activate;
  app_class->handle_local_options = psephos_application_handle_local_options;
}

static void
psephos_application_init (PsephosApplication *self)
{
  static const GOptionEntry entries[] = {
    { "store", 's', 0, G_OPTION_ARG_FILENAME, NULL, N_ ("Open this results store"), N_ ("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

PsephosApplication *
psephos_application_new (void)
{
  return g_object_new (PSEPHOS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/psephos/Psephos",
                       NULL);
}
