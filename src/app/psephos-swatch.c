/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-swatch.c — party colour swatch. */
#include "config.h"

#include "psephos-swatch.h"

#define SWATCH_SIZE 12

struct _PsephosSwatch
{
  GtkWidget parent_instance;

  char *colour;
  GdkRGBA rgba;
  gboolean has_rgba;
};

G_DEFINE_FINAL_TYPE (PsephosSwatch, psephos_swatch, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
psephos_swatch_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

void
psephos_swatch_append (GtkSnapshot *snapshot,
                       const graphene_rect_t *bounds,
                       const GdkRGBA *colour,
                       const GdkRGBA *fg)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, bounds, 3);
  if (colour != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, colour, &rect.bounds);
      gtk_snapshot_pop (snapshot);
    }
  else
    {
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colours[4];
      GdkRGBA faint = *fg;

      faint.alpha *= 0.4f;
      for (int i = 0; i < 4; i++)
        colours[i] = faint;
      gtk_snapshot_append_border (snapshot, &rect, widths, colours);
    }
}

static void
psephos_swatch_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PsephosSwatch *self = PSEPHOS_SWATCH (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  float size = MIN (w, h);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  psephos_swatch_append (snapshot, &GRAPHENE_RECT_INIT ((w - size) / 2, (h - size) / 2, size, size),
                         self->has_rgba ? &self->rgba : NULL, &fg);
}

static void
psephos_swatch_finalize (GObject *object)
{
  PsephosSwatch *self = PSEPHOS_SWATCH (object);

  g_free (self->colour);
  G_OBJECT_CLASS (psephos_swatch_parent_class)->finalize (object);
}

static void
psephos_swatch_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PsephosSwatch *self = PSEPHOS_SWATCH (object);

  switch (prop_id)
    {
      case PROP_COLOUR:
        g_value_set_string (value, self->colour);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_swatch_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PsephosSwatch *self = PSEPHOS_SWATCH (object);

  switch (prop_id)
    {
      case PROP_COLOUR:
        psephos_swatch_set_colour (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_swatch_class_init (PsephosSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = psephos_swatch_finalize;
  object_class->get_property = psephos_swatch_get_property;
  object_class->set_property = psephos_swatch_set_property;
  widget_class->measure = psephos_swatch_measure;
  widget_class->snapshot = psephos_swatch_snapshot;

  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
psephos_swatch_init (PsephosSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
psephos_swatch_new (void)
{
  return g_object_new (PSEPHOS_TYPE_SWATCH, NULL);
}

void
psephos_swatch_set_colour (PsephosSwatch *self, const char *colour)
{
  g_return_if_fail (PSEPHOS_IS_SWATCH (self));

  if (g_strcmp0 (self->colour, colour) == 0)
    return;
  g_free (self->colour);
  self->colour = g_strdup (colour);
  self->has_rgba = colour != NULL && gdk_rgba_parse (&self->rgba, colour);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

const char *
psephos_swatch_get_colour (PsephosSwatch *self)
{
  g_return_val_if_fail (PSEPHOS_IS_SWATCH (self), NULL);
  return self->colour;
}
