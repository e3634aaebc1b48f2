/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window-private.h — what psephos-window.c shares with
 * psephos-window-actions.c. */
#pragma once

#include "psephos-article-view.h"
#include "psephos-seat-page.h"
#include "psephos-window.h"

G_BEGIN_DECLS

void _psephos_window_install_actions (GtkWidgetClass *widget_class);
void _psephos_window_set_last_message (PsephosWindow *self, const char *message);
PsephosArticleView *_psephos_window_get_article_view (PsephosWindow *self);
PsephosSeatPage *_psephos_window_get_seat_page (PsephosWindow *self);
AdwViewStack *_psephos_window_get_view_stack (PsephosWindow *self);
GtkSearchBar *_psephos_window_get_search_bar (PsephosWindow *self);
GtkSearchEntry *_psephos_window_get_search_entry (PsephosWindow *self);

G_END_DECLS
