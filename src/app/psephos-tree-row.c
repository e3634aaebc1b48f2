/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tree-row.c — a tree row: expander, party swatch, name, a short
 * line saying what matters, and the figure on the right.
 *
 * Expanding a big state makes up to 200 of these at once (a GTK 4.8 list
 * view makes that many rows around what is on screen, and measures them
 * all), so a row is one widget besides its expander and is cheap to
 * measure, the way GtkInscription is: its height comes from the font's
 * metrics and its width from the length of its texts, and the texts are laid
 * out only when the row is allocated, which the list view does for the rows
 * on screen. The row draws the swatch and its three lines of text itself.
 * (A row of labels in boxes was eleven widgets, and an ellipsizing GtkLabel
 * lays its text out four times: natural width, minimum width, height,
 * allocated width.) No line wraps, so the height does not depend on the
 * width: the row asks for a constant size. */
#include "config.h"

#include <pango/pangocairo.h>

#include "psephos-swatch.h"
#include "psephos-tree-row.h"

#define SWATCH_SIZE 12
#define SPACING 8
#define MARGIN_TOP 4
#define MARGIN_BOTTOM 4
#define MARGIN_END 6
/* Adwaita's .caption (9pt), .dim-label (opacity 0.55) and .numeric
 * (tabular figures): how the subtitle and the figure looked as labels. */
#define CAPTION_POINTS 9
#define DIM_OPACITY 0.55f

enum
{
  TITLE,
  SUBTITLE,
  TRAILING,
  N_LINES
};

struct _PsephosTreeRow
{
  GtkWidget parent_instance;

  PsephosTreeItem *item;

  GtkTreeExpander *expander;
  /* The name, the line under it and the figure: their texts, lengths in
   * characters (for the natural width), and layouts, made on the first
   * allocation. */
  char *text[N_LINES];
  int chars[N_LINES];
  PangoLayout *layout[N_LINES];
  gboolean show_trailing;
  gboolean show_swatch;
  gboolean has_colour;
  GdkRGBA colour;

  /* Unconstrained text widths, measured on allocation, valid for one
   * PangoContext serial. */
  gboolean widths_valid;
  guint widths_serial;
  int width[N_LINES];

  /* Set by size_allocate, in left-to-right coordinates. */
  int swatch_x;
  int text_x;
  int text_width;
  int trailing_x;
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
  for (guint i = 0; i < N_LINES; i++)
    {
      g_clear_object (&self->layout[i]);
      g_clear_pointer (&self->text[i], g_free);
    }
  G_OBJECT_CLASS (psephos_tree_row_parent_class)->dispose (object);
}

/* What a row's size comes from, for the font the rows have: the same for
 * every row of a list, so measured once per font (pango_context_get_metrics
 * lays out a sample sentence). A few fonts are kept: lists in different
 * places may have different fonts. */
typedef struct
{
  PangoFontDescription *font;
  PangoLanguage *language;
  double resolution;
  cairo_font_options_t *options;

  int title_height;
  int title_char_width;
  int caption_height;
  int caption_char_width;
  int caption_digit_width;
} RowMetrics;

static RowMetrics row_metrics[4];
static guint row_metrics_next;

static void
font_metrics (PangoContext *context,
              const PangoFontDescription *font,
              PangoLanguage *language,
              int *height,
              int *char_width,
              int *digit_width)
{
  PangoFontMetrics *m = pango_context_get_metrics (context, font, language);

  *height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (m) + pango_font_metrics_get_descent (m));
  *char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (m));
  if (digit_width != NULL)
    *digit_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (m));
  pango_font_metrics_unref (m);
}

static const RowMetrics *
get_row_metrics (PsephosTreeRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  double resolution = pango_cairo_context_get_resolution (context);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  RowMetrics *m;
  g_autoptr (PangoFontDescription) caption = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (row_metrics); i++)
    {
      m = &row_metrics[i];
      if (m->font != NULL && pango_font_description_equal (m->font, font) && m->language == language && m->resolution == resolution && (options == NULL ? m->options == NULL : m->options != NULL && cairo_font_options_equal (options, m->options)))
        return m;
    }

  m = &row_metrics[row_metrics_next];
  row_metrics_next = (row_metrics_next + 1) % G_N_ELEMENTS (row_metrics);
  g_clear_pointer (&m->font, pango_font_description_free);
  g_clear_pointer (&m->options, cairo_font_options_destroy);
  m->font = pango_font_description_copy (font);
  m->language = language;
  m->resolution = resolution;
  m->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  font_metrics (context, font, language, &m->title_height, &m->title_char_width, NULL);
  caption = pango_font_description_copy (font);
  pango_font_description_set_size (caption, CAPTION_POINTS * PANGO_SCALE);
  font_metrics (context, caption, language, &m->caption_height, &m->caption_char_width, &m->caption_digit_width);
  return m;
}

static PangoLayout *
new_layout (PsephosTreeRow *self, guint line)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (line == TITLE || line == SUBTITLE)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (line == SUBTITLE || line == TRAILING)
    pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_POINTS * PANGO_SCALE));
  if (line == TRAILING)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Lays the three texts out at their natural width, once per text and per
 * font: the layouts follow the widget's PangoContext, whose serial changes
 * with the font, the scale or the direction. */
static void
ensure_widths (PsephosTreeRow *self)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (self->widths_valid && self->widths_serial == serial)
    return;
  for (guint i = 0; i < N_LINES; i++)
    {
      if (self->layout[i] == NULL)
        self->layout[i] = new_layout (self, i);
      pango_layout_set_text (self->layout[i], self->text[i] != NULL ? self->text[i] : "", -1);
      pango_layout_set_width (self->layout[i], -1);
      pango_layout_get_pixel_size (self->layout[i], &self->width[i], NULL);
    }
  self->widths_valid = TRUE;
  self->widths_serial = serial;
}

static GtkSizeRequestMode
psephos_tree_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
psephos_tree_row_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  PsephosTreeRow *self = PSEPHOS_TREE_ROW (widget);
  const RowMetrics *m = get_row_metrics (self);
  int expander_min, expander_nat;

  gtk_widget_measure (GTK_WIDGET (self->expander), orientation, -1, &expander_min, &expander_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int fixed = MARGIN_END;

      if (self->show_swatch)
        fixed += SWATCH_SIZE + SPACING;
      if (self->show_trailing)
        fixed += SPACING + self->chars[TRAILING] * m->caption_digit_width;
      /* The name and the line under it ellipsize: they need no width. */
      *minimum = expander_min + fixed;
      *natural = expander_nat + fixed + MAX (self->chars[TITLE] * m->title_char_width, self->chars[SUBTITLE] * m->caption_char_width);
    }
  else
    {
      int content = m->title_height + m->caption_height;

      if (self->show_swatch)
        content = MAX (content, SWATCH_SIZE);
      *minimum = MAX (expander_min, MARGIN_TOP + content + MARGIN_BOTTOM);
      *natural = MAX (expander_nat, MARGIN_TOP + content + MARGIN_BOTTOM);
    }
}

static void
fit_text (PangoLayout *layout, int natural_width, int width)
{
  /* Laid out again (with an ellipsis) only when it does not fit. */
  pango_layout_set_width (layout, natural_width > width ? width * PANGO_SCALE : -1);
}

static void
psephos_tree_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PsephosTreeRow *self = PSEPHOS_TREE_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int expander_width, x, end;

  ensure_widths (self);
  gtk_widget_measure (GTK_WIDGET (self->expander), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &expander_width, NULL, NULL);
  expander_width = MIN (expander_width, width);
  gtk_widget_size_allocate (GTK_WIDGET (self->expander),
                            &(GtkAllocation){ rtl ? width - expander_width : 0, 0, expander_width, height }, -1);

  x = expander_width;
  self->swatch_x = x;
  if (self->show_swatch)
    x += SWATCH_SIZE + SPACING;
  end = width - MARGIN_END;
  if (self->show_trailing)
    {
      self->trailing_x = end - self->width[TRAILING];
      end = self->trailing_x - SPACING;
    }
  self->text_x = x;
  self->text_width = MAX (0, end - x);
  fit_text (self->layout[TITLE], self->width[TITLE], self->text_width);
  fit_text (self->layout[SUBTITLE], self->width[SUBTITLE], self->text_width);
}

/* Draws @layout with its left edge at @x (mirrored for right-to-left). */
static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             gboolean rtl,
             int row_width,
             int x,
             int y,
             const GdkRGBA *colour)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (rtl)
    x = row_width - x - logical.width;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
psephos_tree_row_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PsephosTreeRow *self = PSEPHOS_TREE_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const RowMetrics *m = get_row_metrics (self);
  int y;
  GdkRGBA fg, dim;

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->expander), snapshot);
  if (self->layout[TITLE] == NULL) /* never allocated */
    return;
  /* The row's colour from the style: selected, backdrop and dark follow. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= DIM_OPACITY;

  if (self->show_swatch)
    {
      int x = rtl ? width - self->swatch_x - SWATCH_SIZE : self->swatch_x;

      psephos_swatch_append (snapshot, &GRAPHENE_RECT_INIT (x, (height - SWATCH_SIZE) / 2, SWATCH_SIZE, SWATCH_SIZE),
                             self->has_colour ? &self->colour : NULL, &fg);
    }
  if (self->text_width > 0)
    {
      y = (height - m->title_height - m->caption_height) / 2;
      append_text (snapshot, self->layout[TITLE], rtl, width, self->text_x, y, &fg);
      append_text (snapshot, self->layout[SUBTITLE], rtl, width, self->text_x, y + m->title_height, &dim);
    }
  if (self->show_trailing)
    append_text (snapshot, self->layout[TRAILING], rtl, width, self->trailing_x, (height - m->caption_height) / 2, &fg);
}

static void
psephos_tree_row_class_init (PsephosTreeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_tree_row_dispose;
  widget_class->get_request_mode = psephos_tree_row_get_request_mode;
  widget_class->measure = psephos_tree_row_measure;
  widget_class->size_allocate = psephos_tree_row_size_allocate;
  widget_class->snapshot = psephos_tree_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "treerow");
}

static void
psephos_tree_row_init (PsephosTreeRow *self)
{
  self->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));
}

GtkWidget *
psephos_tree_row_new (void)
{
  return g_object_new (PSEPHOS_TYPE_TREE_ROW, NULL);
}

static void
set_text (PsephosTreeRow *self, guint line, const char *text)
{
  if (g_strcmp0 (self->text[line], text) == 0)
    return;
  g_free (self->text[line]);
  self->text[line] = g_strdup (text);
  self->chars[line] = text != NULL ? g_utf8_strlen (text, -1) : 0;
  self->widths_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
show_item (PsephosTreeRow *self, PsephosTreeItem *item, gboolean as_result)
{
  const char *trailing;
  const char *colour;
  PsephosTreeItemKind kind;
  gboolean show_swatch;

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  set_text (self, TITLE, psephos_tree_item_get_title (item));
  if (as_result)
    {
      g_autofree char *line = g_strdup_printf ("%s — %s", psephos_tree_item_get_location (item),
                                               psephos_tree_item_get_subtitle (item));
      set_text (self, SUBTITLE, line);
    }
  else
    set_text (self, SUBTITLE, psephos_tree_item_get_subtitle (item));
  trailing = psephos_tree_item_get_trailing (item);
  set_text (self, TRAILING, trailing);
  kind = psephos_tree_item_get_kind (item);
  show_swatch = kind == PSEPHOS_TREE_ITEM_SEAT || kind == PSEPHOS_TREE_ITEM_CANDIDATE;
  if ((trailing != NULL) != self->show_trailing || show_swatch != self->show_swatch)
    {
      self->show_trailing = trailing != NULL;
      self->show_swatch = show_swatch;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  colour = psephos_tree_item_get_colour (item);
  self->has_colour = colour != NULL && gdk_rgba_parse (&self->colour, colour);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
