/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tree-row.c — a tree row: expander, party swatch, name, a short
 * line saying what matters, and the figure on the right. */
#include "config.h"

#include "psephos-swatch.h"
#include "psephos-tree-row.h"

struct _PsephosTreeRow
{
  GtkWidget parent_instance;

  PsephosTreeItem *item;

  GtkTreeExpander *expander;
  PsephosSwatch *swatch;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *trailing;
};

G_DEFINE_FINAL_TYPE (PsephosTreeRow, psephos_tree_row, GTK_TYPE_WIDGET)

static void
psephos_tree_row_dispose (GObject *object)
{
  PsephosTreeRow *self = PSEPHOS_TREE_ROW (object);

  g_clear_object (&self->item);
  if (self->expander != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->expander));
      self->expander = NULL;
    }
  G_OBJECT_CLASS (psephos_tree_row_parent_class)->dispose (object);
}

static void
psephos_tree_row_class_init (PsephosTreeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_tree_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "treerow");

  g_type_ensure (PSEPHOS_TYPE_SWATCH);
}

/* Built in code, not from a template: a GTK 4.8 list view makes up to 200
 * rows at once (expanding a big state, each search keystroke), and a row
 * built by hand costs a fraction of one read from GtkBuilder XML. */
static void
psephos_tree_row_init (PsephosTreeRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 6);

  self->swatch = PSEPHOS_SWATCH (psephos_swatch_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->swatch));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title));
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->subtitle));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  self->trailing = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->trailing, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->trailing), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->trailing), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->trailing));

  gtk_tree_expander_set_child (self->expander, box);
  gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));
}

GtkWidget *
psephos_tree_row_new (void)
{
  return g_object_new (PSEPHOS_TYPE_TREE_ROW, NULL);
}

static void
show_item (PsephosTreeRow *self, PsephosTreeItem *item, gboolean as_result)
{
  const char *trailing;

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  gtk_label_set_label (self->title, psephos_tree_item_get_title (item));
  if (as_result)
    {
      g_autofree char *line = g_strdup_printf ("%s — %s", psephos_tree_item_get_location (item),
                                               psephos_tree_item_get_subtitle (item));
      gtk_label_set_label (self->subtitle, line);
    }
  else
    gtk_label_set_label (self->subtitle, psephos_tree_item_get_subtitle (item));
  trailing = psephos_tree_item_get_trailing (item);
  gtk_label_set_label (self->trailing, trailing != NULL ? trailing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->trailing), trailing != NULL);
  psephos_swatch_set_colour (self->swatch, psephos_tree_item_get_colour (item));
  gtk_widget_set_visible (GTK_WIDGET (self->swatch),
                          psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_SEAT || psephos_tree_item_get_kind (item) == PSEPHOS_TREE_ITEM_CANDIDATE);
}

void
psephos_tree_row_set_list_row (PsephosTreeRow *self, GtkTreeListRow *row)
{
  g_return_if_fail (PSEPHOS_IS_TREE_ROW (self));

  gtk_tree_expander_set_list_row (self->expander, row);
  if (row != NULL)
    {
      g_autoptr (PsephosTreeItem) item = gtk_tree_list_row_get_item (row);

      show_item (self, item, FALSE);
    }
  else
    g_clear_object (&self->item);
}

void
psephos_tree_row_set_result (PsephosTreeRow *self, PsephosTreeItem *item)
{
  g_return_if_fail (PSEPHOS_IS_TREE_ROW (self));

  gtk_tree_expander_set_list_row (self->expander, NULL);
  show_item (self, item, TRUE);
}

void
psephos_tree_row_set_item (PsephosTreeRow *self, PsephosTreeItem *item)
{
  g_return_if_fail (PSEPHOS_IS_TREE_ROW (self));

  gtk_tree_expander_set_list_row (self->expander, NULL);
  gtk_tree_expander_set_indent_for_icon (self->expander, FALSE);
  show_item (self, item, FALSE);
}

PsephosTreeItem *
psephos_tree_row_get_item (PsephosTreeRow *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ROW (self), NULL);
  return self->item;
}

void
psephos_tree_row_label_list_item (PsephosTreeRow *self, GtkListItem *list_item)
{
  g_autofree char *label = NULL;
  GtkWidget *holder;

  g_return_if_fail (PSEPHOS_IS_TREE_ROW (self));

  if (self->item == NULL)
    return;
  label = psephos_tree_item_dup_accessible_label (self->item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The list item widget is the row's parent: it is what the screen reader
   * focuses, so it carries the name too. */
  holder = gtk_widget_get_parent (GTK_WIDGET (self));
  if (holder != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (holder), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  (void) list_item;
}
