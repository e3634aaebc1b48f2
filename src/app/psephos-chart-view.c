/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-view.c — a chart on screen: gtk_snapshot_append_cairo() and
 * psephos_chart_draw(), following the light or dark style. */
#include "config.h"

#include <adwaita.h>

#include "psephos-chart-view.h"

struct _PsephosChartView
{
  GtkWidget parent_instance;

  PsephosChart *chart;
};

G_DEFINE_FINAL_TYPE (PsephosChartView, psephos_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
psephos_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 640;
    }
  else
    {
      /* Pages ask for the height their chart needs (size request). */
      *minimum = 200;
      *natural = 200;
    }
}

static void
psephos_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PsephosChartView *self = PSEPHOS_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->chart == NULL || w <= 0 || h <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  psephos_chart_draw (self->chart, cr, w, h, dark ? PSEPHOS_CHART_THEME_DARK : PSEPHOS_CHART_THEME_LIGHT);
  cairo_destroy (cr);
}

static void
dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, PsephosChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
psephos_chart_view_dispose (GObject *object)
{
  PsephosChartView *self = PSEPHOS_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_object (&self->chart);
  G_OBJECT_CLASS (psephos_chart_view_parent_class)->dispose (object);
}

static void
psephos_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PsephosChartView *self = PSEPHOS_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_CHART:
        g_value_set_object (value, self->chart);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PsephosChartView *self = PSEPHOS_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_CHART:
        psephos_chart_view_set_chart (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_chart_view_class_init (PsephosChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_chart_view_dispose;
  object_class->get_property = psephos_chart_view_get_property;
  object_class->set_property = psephos_chart_view_set_property;
  widget_class->measure = psephos_chart_view_measure;
  widget_class->snapshot = psephos_chart_view_snapshot;

  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, PSEPHOS_TYPE_CHART,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
psephos_chart_view_init (PsephosChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
psephos_chart_view_set_chart (PsephosChartView *self, PsephosChart *chart)
{
  g_return_if_fail (PSEPHOS_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || PSEPHOS_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  if (chart != NULL)
    {
      const char *title = psephos_chart_get_title (chart);
      const char *caption = psephos_chart_get_caption (chart);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption != NULL ? caption : "",
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), chart != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

PsephosChart *
psephos_chart_view_get_chart (PsephosChartView *self)
{
  g_return_val_if_fail (PSEPHOS_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
