/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-view.c — source list, reader with highlighted fact spans,
 * and the list of the article's facts.
 *
 * Offsets: facts index the stored body in code points, which is what
 * GtkTextBuffer offsets count, so spans map one to one. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "psephos-article-view.h"
#include "psephos-tree-item.h"

/* A source with more facts than this lists only the first ones at the side. */
#define MAX_LISTED_FACTS 400
/* Official results files can hold 200,000 rows: the reader shows the rows
 * around the cited one, not the whole file. */
#define EXCERPT_ROWS 25

struct _PsephosArticleView
{
  GtkWidget parent_instance;

  PsephosSession *session;
  gint64 source_id;
  gint64 selected_fact;
  GPtrArray *facts;    /* of the source shown, by start */
  char *official_body; /* the official file shown, in excerpts */

  GtkListBox *sources;
  GtkLabel *title;
  GtkLabel *meta;
  GtkLabel *address;
  GtkLabel *duplicate;
  GtkTextView *text_view;
  GtkListBox *fact_list;
  GtkLabel *fact_count;
  GtkTextTag *tag_fact;
  GtkTextTag *tag_selected;
  GtkTextTag *tag_conflict;
};

G_DEFINE_FINAL_TYPE (PsephosArticleView, psephos_article_view, GTK_TYPE_WIDGET)

static void
psephos_article_view_dispose (GObject *object)
{
  GtkWidget *child;
  PsephosArticleView *self = PSEPHOS_ARTICLE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PSEPHOS_TYPE_ARTICLE_VIEW);
  /* The template's outer container has no id: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->official_body, g_free);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (psephos_article_view_parent_class)->dispose (object);
}

static void source_activated_cb (GtkListBox *box, GtkListBoxRow *row, PsephosArticleView *self);
static void fact_activated_cb (GtkListBox *box, GtkListBoxRow *row, PsephosArticleView *self);
static void text_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, PsephosArticleView *self);
static gboolean text_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, PsephosArticleView *self);

static void
psephos_article_view_class_init (PsephosArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = psephos_article_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/psephos/Psephos/psephos-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, sources);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, title);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, meta);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, address);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, duplicate);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, fact_list);
  gtk_widget_class_bind_template_child (widget_class, PsephosArticleView, fact_count);
  gtk_widget_class_bind_template_callback (widget_class, source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fact_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_key_pressed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
update_tag_colours (PsephosArticleView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_object_set (self->tag_fact,
                "background", dark ? "rgba(245,194,17,0.25)" : "rgba(245,194,17,0.30)",
                "underline", PANGO_UNDERLINE_SINGLE,
                NULL);
  g_object_set (self->tag_selected,
                "background", dark ? "rgba(53,132,228,0.75)" : "rgba(53,132,228,0.45)",
                "weight", PANGO_WEIGHT_BOLD,
                NULL);
  g_object_set (self->tag_conflict,
                "underline", PANGO_UNDERLINE_ERROR,
                "underline-rgba", &(GdkRGBA){ 0.88f, 0.11f, 0.14f, 1.0f },
                NULL);
}

static void
dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, PsephosArticleView *self)
{
  update_tag_colours (self);
}

static void
psephos_article_view_init (PsephosArticleView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->tag_fact = gtk_text_buffer_create_tag (buffer, "fact", NULL);
  self->tag_conflict = gtk_text_buffer_create_tag (buffer, "fact-conflict", NULL);
  self->tag_selected = gtk_text_buffer_create_tag (buffer, "fact-selected", NULL);
  update_tag_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

/* ---- sources ------------------------------------------------------------ */

static GtkWidget *
source_row (PsephosArticleView *self, const PsephosSource *s)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  const char *title = s->title != NULL ? s->title : s->file;

  if (s->kind == PSEPHOS_SOURCE_OFFICIAL)
    subtitle = g_strdup_printf (_ ("Official results · %s"), s->file != NULL ? s->file : "");
  else
    subtitle = g_strdup_printf ("%s · %s", s->publisher != NULL ? s->publisher : _ ("Unknown publisher"),
                                s->published_on != NULL ? s->published_on : _ ("undated"));
  if (s->duplicate_of != 0)
    {
      /* TRANSLATORS: a source that repeats another: "… · duplicate of source 1" */
      g_autofree char *dup = g_strdup_printf (_ ("%s · duplicate of source %lld"), subtitle, (long long) s->duplicate_of);

      g_free (subtitle);
      subtitle = g_steal_pointer (&dup);
      gtk_widget_add_css_class (row, "duplicate");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (s->kind == PSEPHOS_SOURCE_OFFICIAL ? "x-office-spreadsheet-symbolic"
                                                           : s->duplicate_of != 0             ? "edit-copy-symbolic"
                                                                                              : "text-x-generic-symbolic"));
  g_object_set_data (G_OBJECT (row), "source-id", GINT_TO_POINTER ((int) s->id));
  a11y = g_strdup_printf ("%s, %s", title != NULL ? title : "", subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
psephos_article_view_set_session (PsephosArticleView *self, PsephosSession *session)
{
  GPtrArray *sources;

  g_return_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self));
  g_return_if_fail (session == NULL || PSEPHOS_IS_SESSION (session));

  g_set_object (&self->session, session);
  clear_list (self->sources);
  self->source_id = 0;
  if (session == NULL)
    return;
  sources = psephos_session_get_sources (session);
  for (guint i = 0; i < sources->len; i++)
    gtk_list_box_append (self->sources, source_row (self, g_ptr_array_index (sources, i)));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    psephos_article_view_show_source (self, 0);
}

void
psephos_article_view_ensure_loaded (PsephosArticleView *self)
{
  g_return_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self));

  if (self->source_id == 0)
    psephos_article_view_show_source (self, 0);
}

/* Shows the header and the rows around @row (1-based line of the file) and
 * selects that row. */
static void
show_excerpt (PsephosArticleView *self, gint64 row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *body = self->official_body;
  const char *p = body, *header_end, *from = NULL, *to = NULL, *target = NULL, *target_end = NULL;
  gint64 line = 1, first = MAX (2, row - EXCERPT_ROWS), last = MAX (row, 2) + EXCERPT_ROWS;
  GString *text;
  GtkTextIter start, end;
  int target_offset = -1, target_len = 0;

  header_end = strchr (body, '\n');
  if (header_end == NULL)
    header_end = body + strlen (body);
  for (p = body; *p != '\0' && line <= last; line++)
    {
      const char *eol = strchr (p, '\n');

      if (eol == NULL)
        eol = p + strlen (p);
      if (line == first)
        from = p;
      if (line == row)
        {
          target = p;
          target_end = eol;
        }
      to = eol;
      p = *eol != '\0' ? eol + 1 : eol;
    }
  text = g_string_new_len (body, header_end - body);
  g_string_append_c (text, '\n');
  if (from != NULL && first > 2)
    g_string_append (text, "…\n");
  if (from != NULL)
    {
      if (target != NULL)
        {
          target_offset = (int) (g_utf8_strlen (text->str, -1) + g_utf8_strlen (from, target - from));
          target_len = (int) g_utf8_strlen (target, target_end - target);
        }
      g_string_append_len (text, from, to - from);
      if (*to != '\0')
        g_string_append (text, "\n…");
    }
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  g_string_free (text, TRUE);
  if (target_offset >= 0)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, target_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, target_offset + target_len);
      gtk_text_buffer_apply_tag (buffer, self->tag_selected, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_selection_bound (buffer), 0.1, TRUE, 0.0, 0.3);
    }
}

static void
source_activated_cb (GtkListBox *box, GtkListBoxRow *row, PsephosArticleView *self)
{
  psephos_article_view_show_source (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "source-id")));
}

/* ---- facts -------------------------------------------------------------- */

static int
compare_start (gconstpointer a, gconstpointer b)
{
  const PsephosFact *fa = *(PsephosFact *const *) a;
  const PsephosFact *fb = *(PsephosFact *const *) b;

  return fa->start < fb->start ? -1 : fa->start > fb->start ? 1
                                                            : 0;
}

static const PsephosFact *
fact_by_id (PsephosArticleView *self, gint64 fact_id)
{
  for (guint i = 0; self->facts != NULL && i < self->facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (self->facts, i);

      if (f->id == fact_id)
        return f;
    }
  return NULL;
}

static const PsephosFact *
fact_at (PsephosArticleView *self, int offset)
{
  const PsephosFact *best = NULL;

  for (guint i = 0; self->facts != NULL && i < self->facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (self->facts, i);

      if (f->start < 0 || f->start > offset)
        continue;
      /* The innermost span wins where spans nest. */
      if (offset < f->end && (best == NULL || f->end - f->start < best->end - best->start))
        best = f;
    }
  return best;
}

static GtkWidget *
fact_side_row (const PsephosFact *f)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = psephos_fact_value_text (f);
  g_autofree char *title = g_strdup_printf ("%s · %s", f->subject != NULL ? f->subject : "?",
                                            psephos_attribute_label (f->attribute));
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;

  if (f->quote != NULL)
    subtitle = g_strdup_printf ("%s — “%s”", value, f->quote);
  else
    subtitle = g_strdup_printf (_ ("%s — row %lld"), value, (long long) f->row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (f->status == PSEPHOS_FACT_CONFLICT || f->status == PSEPHOS_FACT_CONTRADICTED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, psephos_fact_status_label (f->status));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  else if (f->status == PSEPHOS_FACT_CONFIRMED || f->status == PSEPHOS_FACT_CORROBORATED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      gtk_widget_set_tooltip_text (icon, psephos_fact_status_label (f->status));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "fact", (gpointer) f);
  a11y = g_strdup_printf ("%s: %s, %s", title, subtitle, psephos_fact_status_label (f->status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

/* Keeps the source list's selection in step. */
static void
select_source_row (PsephosArticleView *self, gint64 source_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sources, i)) != NULL; i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "source-id")) == source_id)
      {
        gtk_list_box_select_row (self->sources, row);
        break;
      }
}

static void
select_fact (PsephosArticleView *self, const PsephosFact *f, gboolean scroll)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tag_selected, &start, &end);
  self->selected_fact = f != NULL ? f->id : 0;
  if (f == NULL)
    return;

  if (f->start >= 0 && f->end > f->start)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) f->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) f->end);
    }
  else if (f->row > 0)
    {
      /* Official rows: the file's line (1-based, the header is line 1). */
      gtk_text_buffer_get_iter_at_line (buffer, &start, (int) f->row - 1);
      end = start;
      gtk_text_iter_forward_to_line_end (&end);
    }
  else
    return;

  gtk_text_buffer_apply_tag (buffer, self->tag_selected, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  /* And in the side list. */
  {
    GtkListBoxRow *row;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (self->fact_list, i)) != NULL; i++)
      if (g_object_get_data (G_OBJECT (row), "fact") == (gpointer) f)
        {
          gtk_list_box_select_row (self->fact_list, row);
          break;
        }
  }
  if (scroll)
    {
      GtkTextMark *mark = gtk_text_buffer_get_selection_bound (buffer);

      gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.3);
    }
}

void
psephos_article_view_show_source (PsephosArticleView *self, gint64 source_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosSource) source = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  PsephosFactQuery q = { 0 };
  g_autofree char *meta = NULL;
  g_autofree char *count = NULL;
  guint listed = 0;

  g_return_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self));

  if (self->session == NULL)
    return;
  if (source_id == 0)
    {
      GPtrArray *sources = psephos_session_get_sources (self->session);

      if (sources->len == 0)
        {
          gtk_label_set_label (self->title, _ ("No sources yet"));
          gtk_label_set_label (self->meta, _ ("Import articles or official results to read them here."));
          return;
        }
      source_id = ((PsephosSource *) g_ptr_array_index (sources, 0))->id;
    }
  if (source_id == self->source_id)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  clear_list (self->fact_list);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  self->selected_fact = 0;
  self->source_id = 0;

  source = psephos_store_get_source (psephos_session_get_store (self->session), source_id, &error);
  if (source == NULL)
    {
      gtk_label_set_label (self->title, _ ("Source not found"));
      gtk_label_set_label (self->meta, error->message);
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }
  self->source_id = source_id;

  gtk_label_set_label (self->title, source->title != NULL ? source->title : source->file);
  if (source->kind == PSEPHOS_SOURCE_OFFICIAL)
    meta = g_strdup_printf (_ ("Official results · %s"), source->file != NULL ? source->file : "");
  else
    meta = g_strdup_printf ("%s · %s", source->publisher != NULL ? source->publisher : _ ("Unknown publisher"),
                            source->published_on != NULL ? source->published_on : _ ("undated"));
  gtk_label_set_label (self->meta, meta);
  gtk_label_set_label (self->address, source->address != NULL ? source->address : "");
  gtk_widget_set_visible (GTK_WIDGET (self->address), source->address != NULL);
  if (source->duplicate_of != 0)
    {
      g_autofree char *dup = NULL;
      g_autofree char *of = psephos_session_describe_source (self->session, source->duplicate_of);

      dup = g_strdup_printf (_ ("This is a duplicate of “%s”: its facts are not counted twice."), of);
      gtk_label_set_label (self->duplicate, dup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate), source->duplicate_of != 0);
  g_clear_pointer (&self->official_body, g_free);
  if (source->kind == PSEPHOS_SOURCE_OFFICIAL)
    {
      /* Its facts are one per cell: they are cited one at a time. */
      self->official_body = g_steal_pointer (&source->body);
      if (self->official_body == NULL)
        self->official_body = g_strdup ("");
      show_excerpt (self, 1);
      self->facts = g_ptr_array_new_with_free_func (_psephos_fact_free_cb);
      gtk_label_set_label (self->fact_count, _ ("Official results: every figure in the app cites its row here"));
      gtk_label_set_wrap (self->fact_count, TRUE);
      select_source_row (self, source_id);
      return;
    }
  gtk_text_buffer_set_text (buffer, source->body != NULL ? source->body : "", -1);

  q.source_id = source_id;
  self->facts = psephos_session_list_facts (self->session, &q);
  g_ptr_array_sort (self->facts, compare_start);
  for (guint i = 0; i < self->facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (self->facts, i);

      if (f->start >= 0 && f->end > f->start)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) f->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) f->end);
          gtk_text_buffer_apply_tag (buffer, self->tag_fact, &start, &end);
          if (f->status == PSEPHOS_FACT_CONFLICT || f->status == PSEPHOS_FACT_CONTRADICTED)
            gtk_text_buffer_apply_tag (buffer, self->tag_conflict, &start, &end);
        }
      if (listed < MAX_LISTED_FACTS)
        {
          gtk_list_box_append (self->fact_list, fact_side_row (f));
          listed++;
        }
    }
  if (self->facts->len > listed)
    count = g_strdup_printf (_ ("Facts (first %u of %u)"), listed, self->facts->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fact", "%u facts", self->facts->len), self->facts->len);
  gtk_label_set_label (self->fact_count, count);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  select_source_row (self, source_id);
}

gboolean
psephos_article_view_show_fact (PsephosArticleView *self, gint64 source_id, gint64 fact_id, gint64 row)
{
  const PsephosFact *f;

  g_return_val_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self), FALSE);

  psephos_article_view_show_source (self, source_id);
  if (self->official_body != NULL && self->source_id == source_id)
    {
      show_excerpt (self, row > 0 ? row : 1);
      self->selected_fact = fact_id;
      return row > 0;
    }
  f = fact_by_id (self, fact_id);
  if (f == NULL)
    return FALSE;
  select_fact (self, f, TRUE);
  return TRUE;
}

static void
fact_activated_cb (GtkListBox *box, GtkListBoxRow *row, PsephosArticleView *self)
{
  const PsephosFact *f = g_object_get_data (G_OBJECT (row), "fact");

  if (f != NULL)
    select_fact (self, f, TRUE);
}

/* Takes the person to what the fact is about, in the tree. */
static void
activate_fact (PsephosArticleView *self, const PsephosFact *f)
{
  PsephosTreeItemKind kind;
  gint64 id;

  if (f->candidacy_id != 0)
    {
      kind = PSEPHOS_TREE_ITEM_CANDIDATE;
      id = f->candidacy_id;
    }
  else if (f->contest_id != 0)
    {
      kind = PSEPHOS_TREE_ITEM_SEAT;
      id = f->contest_id;
    }
  else if (f->election_id != 0)
    {
      kind = PSEPHOS_TREE_ITEM_ELECTION;
      id = f->election_id;
    }
  else
    return;

  select_fact (self, f, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-subject", "(ix)", (int) kind, id);
}

gboolean
psephos_article_view_activate_at (PsephosArticleView *self, int offset)
{
  const PsephosFact *f;

  g_return_val_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self), FALSE);

  f = fact_at (self, offset);
  if (f == NULL)
    return FALSE;
  activate_fact (self, f);
  return TRUE;
}

static void
text_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, PsephosArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int bx, by;

  /* A drag selects text; only a plain click follows the link. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  psephos_article_view_activate_at (self, gtk_text_iter_get_offset (&iter));
}

static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, PsephosArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return psephos_article_view_activate_at (self, gtk_text_iter_get_offset (&iter));
}

gint64
psephos_article_view_get_source_id (PsephosArticleView *self)
{
  g_return_val_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self), 0);
  return self->source_id;
}

gint64
psephos_article_view_get_selected_fact (PsephosArticleView *self)
{
  g_return_val_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self), 0);
  return self->selected_fact;
}

GtkTextView *
psephos_article_view_get_text_view (PsephosArticleView *self)
{
  g_return_val_if_fail (PSEPHOS_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}
