/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-stat.c — a caption over a figure, and who says so. */
#include "config.h"

#include "psephos-stat.h"

struct _PsephosStat
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkLabel *caption;
  GtkLabel *value;
  PsephosCitationButton *citation;
};

G_DEFINE_FINAL_TYPE (PsephosStat, psephos_stat, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
psephos_stat_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PSEPHOS_TYPE_STAT);
  G_OBJECT_CLASS (psephos_stat_parent_class)->dispose (object);
}

static void
psephos_stat_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PsephosStat *self = PSEPHOS_STAT (object);

  switch (prop_id)
    {
      case PROP_CAPTION:
        g_value_set_string (value, gtk_label_get_label (self->caption));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_stat_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PsephosStat *self = PSEPHOS_STAT (object);

  switch (prop_id)
    {
      case PROP_CAPTION:
        if (g_strcmp0 (gtk_label_get_label (self->caption), g_value_get_string (value)) != 0)
          {
            gtk_label_set_label (self->caption, g_value_get_string (value));
            g_object_notify_by_pspec (object, pspec);
          }
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
psephos_stat_class_init (PsephosStatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_stat_dispose;
  object_class->get_property = psephos_stat_get_property;
  object_class->set_property = psephos_stat_set_property;

  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-stat.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosStat, box);
  gtk_widget_class_bind_template_child (widget_class, PsephosStat, caption);
  gtk_widget_class_bind_template_child (widget_class, PsephosStat, value);
  gtk_widget_class_bind_template_child (widget_class, PsephosStat, citation);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stat");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (PSEPHOS_TYPE_CITATION_BUTTON);
}

static void
psephos_stat_init (PsephosStat *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
psephos_stat_set (PsephosStat *self,
                  const char *value,
                  PsephosSession *session,
                  GPtrArray *facts,
                  const char *attribute)
{
  g_autofree char *a11y = NULL;

  g_return_if_fail (PSEPHOS_IS_STAT (self));

  gtk_label_set_label (self->value, value != NULL ? value : "—");
  a11y = g_strdup_printf ("%s: %s", gtk_label_get_label (self->caption), gtk_label_get_label (self->value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  psephos_citation_button_set_facts (self->citation, session, facts, attribute,
                                     gtk_label_get_label (self->caption));
}

const char *
psephos_stat_get_value (PsephosStat *self)
{
  g_return_val_if_fail (PSEPHOS_IS_STAT (self), NULL);
  return gtk_label_get_label (self->value);
}

PsephosCitationButton *
psephos_stat_get_citation (PsephosStat *self)
{
  g_return_val_if_fail (PSEPHOS_IS_STAT (self), NULL);
  return self->citation;
}
