/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart.c — PsephosChart: a chart model with its cached layout, and
 * the ways out of it: draw into a cairo_t, export to PNG, SVG or PDF.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-private.h"

G_DEFINE_QUARK (psephos - chart - error - quark, psephos_chart_error)

struct _PsephosChart
{
  GObject parent_instance;

  PsephosChartModel *model;
  char *locale;
  /* The last layout, reused while size and theme stay the same. */
  PsephosDisplayList *layout;
  GMutex lock;
};

G_DEFINE_FINAL_TYPE (PsephosChart, psephos_chart, G_TYPE_OBJECT)

static const char *const kind_names[] = { "seat", "tally", "hemicycle", "margins", "turnout" };
static const char *const format_names[] = { "png", "svg", "pdf" };

const char *
psephos_chart_kind_to_string (PsephosChartKind kind)
{
  g_return_val_if_fail (kind <= PSEPHOS_CHART_TURNOUT, NULL);
  return kind_names[kind];
}

gboolean
psephos_chart_kind_from_string (const char *s, PsephosChartKind *out, GError **error)
{
  for (guint i = 0; s != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (s, kind_names[i]) == 0)
      {
        *out = (PsephosChartKind) i;
        return TRUE;
      }
  g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_KIND,
               _ ("Unknown chart kind ‘%s’ (one of seat, tally, hemicycle, margins, turnout)"),
               s ? s : "");
  return FALSE;
}

const char *
psephos_chart_format_to_string (PsephosChartFormat format)
{
  g_return_val_if_fail (format <= PSEPHOS_CHART_FORMAT_PDF, NULL);
  return format_names[format];
}

gboolean
psephos_chart_format_from_string (const char *s, PsephosChartFormat *out, GError **error)
{
  for (guint i = 0; s != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (s, format_names[i]) == 0)
      {
        *out = (PsephosChartFormat) i;
        return TRUE;
      }
  g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
               _ ("Unknown chart format ‘%s’ (one of png, svg, pdf)"), s ? s : "");
  return FALSE;
}

gboolean
psephos_chart_format_from_path (const char *path, PsephosChartFormat *out)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  return dot != NULL && psephos_chart_format_from_string (dot + 1, out, NULL);
}

/* ---- model ------------------------------------------------------------ */

static void
item_clear (gpointer data)
{
  PsephosChartItem *it = data;

  g_clear_pointer (&it->label, g_free);
  g_clear_pointer (&it->party, g_free);
  g_clear_pointer (&it->group, g_free);
  g_clear_pointer (&it->colour, g_free);
}

PsephosChartModel *
_psephos_chart_model_new (PsephosChartKind kind)
{
  PsephosChartModel *model = g_new0 (PsephosChartModel, 1);

  model->kind = kind;
  model->items = g_array_new (FALSE, TRUE, sizeof (PsephosChartItem));
  g_array_set_clear_func (model->items, item_clear);
  model->seats_total = -1;
  model->majority = -1;
  model->margin = -1;
  return model;
}

void
_psephos_chart_model_free (PsephosChartModel *model)
{
  if (model == NULL)
    return;
  g_free (model->title);
  g_free (model->subtitle);
  g_free (model->caption);
  g_free (model->value_label);
  g_array_unref (model->items);
  g_free (model);
}

PsephosChartItem *
_psephos_chart_model_add (PsephosChartModel *model,
                          const char *label,
                          const char *party,
                          const char *colour,
                          double value)
{
  PsephosChartItem *it;

  g_array_set_size (model->items, model->items->len + 1);
  it = &g_array_index (model->items, PsephosChartItem, model->items->len - 1);
  /* Store files are untrusted: keep only valid UTF-8 for pango and XML. */
  it->label = label ? g_utf8_make_valid (label, -1) : NULL;
  it->party = party ? g_utf8_make_valid (party, -1) : NULL;
  it->colour = colour ? g_utf8_make_valid (colour, -1) : NULL;
  it->value = value;
  it->share = NAN;
  return it;
}

/* ---- object ----------------------------------------------------------- */

static void
psephos_chart_finalize (GObject *object)
{
  PsephosChart *self = PSEPHOS_CHART (object);

  g_clear_pointer (&self->model, _psephos_chart_model_free);
  g_clear_pointer (&self->layout, psephos_display_list_free);
  g_clear_pointer (&self->locale, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (psephos_chart_parent_class)->finalize (object);
}

static void
psephos_chart_class_init (PsephosChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = psephos_chart_finalize;
}

static void
psephos_chart_init (PsephosChart *self)
{
  g_mutex_init (&self->lock);
  self->locale = _psephos_chart_default_locale ();
}

PsephosChart *
_psephos_chart_new_for_model (PsephosChartModel *model)
{
  PsephosChart *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_CHART, NULL);
  self->model = model;
  return self;
}

const PsephosChartModel *
_psephos_chart_get_model (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  return self->model;
}

PsephosChart *
psephos_chart_new_for_store (PsephosStore *store,
                             PsephosChartKind kind,
                             const PsephosChartQuery *query,
                             GError **error)
{
  PsephosChartQuery empty = { 0 };
  PsephosChartModel *model;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind > PSEPHOS_CHART_TURNOUT)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_KIND,
                   _ ("Unknown chart kind %d"), (int) kind);
      return NULL;
    }
  model = _psephos_chart_model_from_store (store, kind, query ? query : &empty, error);
  if (model == NULL)
    return NULL;
  return _psephos_chart_new_for_model (model);
}

PsephosChartKind
psephos_chart_get_kind (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), PSEPHOS_CHART_SEAT);
  return self->model->kind;
}

const char *
psephos_chart_get_title (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  return self->model->title;
}

const char *
psephos_chart_get_subtitle (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  return self->model->subtitle;
}

const char *
psephos_chart_get_caption (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  return self->model->caption;
}

char *
psephos_chart_dup_summary (PsephosChart *self)
{
  g_autofree char *locale = NULL;

  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);

  g_mutex_lock (&self->lock);
  locale = g_strdup (self->locale);
  g_mutex_unlock (&self->lock);
  return _psephos_chart_model_summary (self->model, locale);
}

void
psephos_chart_set_locale (PsephosChart *self, const char *locale)
{
  g_return_if_fail (PSEPHOS_IS_CHART (self));

  g_mutex_lock (&self->lock);
  g_free (self->locale);
  self->locale = locale ? g_strdup (locale) : _psephos_chart_default_locale ();
  g_clear_pointer (&self->layout, psephos_display_list_free);
  g_mutex_unlock (&self->lock);
}

const char *
psephos_chart_get_locale (PsephosChart *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  return self->locale;
}

/* A new display list; callers in other threads use this, not the cache. */
static PsephosDisplayList *
layout_new (PsephosChart *self, double width, double height, PsephosChartTheme theme)
{
  g_autoptr (PsephosTextMeasure) tm = _psephos_text_measure_new ();
  g_autofree char *locale = NULL;

  g_mutex_lock (&self->lock);
  locale = g_strdup (self->locale);
  g_mutex_unlock (&self->lock);
  return _psephos_chart_layout_model (self->model, locale, tm, width, height, theme);
}

PsephosDisplayList *
psephos_chart_layout (PsephosChart *self,
                      double width,
                      double height,
                      PsephosChartTheme theme)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (self->layout == NULL || self->layout->width != width || self->layout->height != height || self->layout->theme != theme)
    {
      g_clear_pointer (&self->layout, psephos_display_list_free);
      self->layout = layout_new (self, width, height, theme);
    }
  return self->layout;
}

void
psephos_chart_draw (PsephosChart *self,
                    cairo_t *cr,
                    double width,
                    double height,
                    PsephosChartTheme theme)
{
  g_return_if_fail (PSEPHOS_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  _psephos_display_list_draw_cairo (psephos_chart_layout (self, width, height, theme), cr);
}

/* ---- export ----------------------------------------------------------- */

static gboolean
surface_check (cairo_surface_t *surface, const char *path, GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
               _ ("Cannot write ‘%s’: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_file (const PsephosDisplayList *list,
            const char *path,
            PsephosChartFormat format,
            GCancellable *cancellable,
            GError **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  switch (format)
    {
      case PSEPHOS_CHART_FORMAT_SVG:
        return _psephos_display_list_write_svg (list, path, cancellable, error);
      case PSEPHOS_CHART_FORMAT_PNG:
        /* Opaque: the background is always painted, and RGB PNGs are
       * smaller and quicker to write than RGBA ones. */
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                              (int) list->width, (int) list->height);
        break;
      case PSEPHOS_CHART_FORMAT_PDF:
        /* One canvas pixel to one PDF point. */
        surface = cairo_pdf_surface_create (path, list->width, list->height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                        list->title ? list->title : "Chart");
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Psephos");
        break;
      default:
        g_assert_not_reached ();
    }
  if (!surface_check (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  _psephos_display_list_draw_cairo (list, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
                   _ ("Cannot draw ‘%s’: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  if (format == PSEPHOS_CHART_FORMAT_PNG)
    ok = _psephos_chart_write_png (surface, path, list->title, error);
  else
    {
      cairo_surface_finish (surface);
      ok = surface_check (surface, path, error);
    }
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
psephos_chart_export (PsephosChart *self,
                      const char *path,
                      PsephosChartFormat format,
                      int width,
                      int height,
                      PsephosChartTheme theme,
                      GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (PsephosDisplayList) list = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (PSEPHOS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format > PSEPHOS_CHART_FORMAT_PDF)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
                   _ ("Unknown chart format %d"), (int) format);
      return FALSE;
    }
  if (width < 64 || height < 64 || width > 16384 || height > 16384)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
                   _ ("Chart size %d × %d is out of range (64 to 16384 pixels a side)"),
                   width, height);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The temporary file sits beside the target so that the rename is atomic. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
                   _ ("Cannot write ‘%s’: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  list = layout_new (self, width, height, theme);
  if (!write_file (list, tmp, format, cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
                   _ ("Cannot write ‘%s’: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *path;
  PsephosChartFormat format;
  int width;
  int height;
  PsephosChartTheme theme;
} ExportData;

static void
export_data_free (gpointer p)
{
  ExportData *data = p;

  g_free (data->path);
  g_free (data);
}

static void
export_thread_cb (GTask *task,
                  gpointer source_object,
                  gpointer task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (psephos_chart_export (PSEPHOS_CHART (source_object), data->path, data->format,
                            data->width, data->height, data->theme, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
psephos_chart_export_async (PsephosChart *self,
                            const char *path,
                            PsephosChartFormat format,
                            int width,
                            int height,
                            PsephosChartTheme theme,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PSEPHOS_IS_CHART (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->path = g_strdup (path);
  data->format = format;
  data->width = width;
  data->height = height;
  data->theme = theme;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, psephos_chart_export_async);
  g_task_set_task_data (task, data, export_data_free);
  g_task_run_in_thread (task, export_thread_cb);
}

gboolean
psephos_chart_export_finish (PsephosChart *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
