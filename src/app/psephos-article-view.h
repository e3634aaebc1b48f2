/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-view.h — the sources and the reader: an article's text
 * with every extracted fact highlighted, linked both ways with the tree. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_ARTICLE_VIEW (psephos_article_view_get_type ())
G_DECLARE_FINAL_TYPE (PsephosArticleView, psephos_article_view, PSEPHOS, ARTICLE_VIEW, GtkWidget)

void psephos_article_view_set_session (PsephosArticleView *self, PsephosSession *session);
/* Shows a source (0: the first one). */
void psephos_article_view_show_source (PsephosArticleView *self, gint64 source_id);
/* Shows the first source unless one is shown already: the reader loads
 * nothing until it is first looked at. */
void psephos_article_view_ensure_loaded (PsephosArticleView *self);
/* Shows the fact's source, scrolled to the fact's span with it selected;
 * for official results, the file's @row (1-based line) among its neighbours. */
gboolean psephos_article_view_show_fact (PsephosArticleView *self,
                                         gint64 source_id,
                                         gint64 fact_id,
                                         gint64 row);
gint64 psephos_article_view_get_source_id (PsephosArticleView *self);
gint64 psephos_article_view_get_selected_fact (PsephosArticleView *self);
GtkTextView *psephos_article_view_get_text_view (PsephosArticleView *self);
/* Activates the fact whose span holds @offset (code points into the body):
 * the window selects its subject. FALSE when no span is there. */
gboolean psephos_article_view_activate_at (PsephosArticleView *self, int offset);

G_END_DECLS
