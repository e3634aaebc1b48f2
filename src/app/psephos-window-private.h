/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-window-private.h — what psephos-window.c shares with
 * psephos-window-actions.c. */
#pragma once

#include "psephos-article-view.h"
#include "psephos-candidate-page.h"
#include "psephos-election-page.h"
#include "psephos-search.h"
#include "psephos-seat-page.h"
#include "psephos-state-page.h"
#include "psephos-window.h"

G_BEGIN_DECLS

struct _PsephosWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PsephosSession *session;
  GtkTreeListModel *tree_model;
  GtkSingleSelection *tree_selection;
  GtkSingleSelection *results_selection;
  PsephosSearchIndex *search_index;
  GCancellable *search_cancellable;
  guint search_idle; /* starts the index once the window has painted */
  char *pending_search;
  char *last_message;
  gboolean changing_election;
  gboolean loading;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown *election_dropdown;
  AdwViewStack *view_stack;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListView *tree_view;
  GtkListView *results_view;
  GtkStack *detail_stack;
  AdwStatusPage *status_page;
  PsephosElectionPage *election_page;
  PsephosStatePage *state_page;
  PsephosSeatPage *seat_page;
  PsephosCandidatePage *candidate_page;
  PsephosArticleView *article_view;
};

void _psephos_window_install_actions (GtkWidgetClass *widget_class);
void _psephos_window_set_last_message (PsephosWindow *self, const char *message);
PsephosArticleView *_psephos_window_get_article_view (PsephosWindow *self);
PsephosSeatPage *_psephos_window_get_seat_page (PsephosWindow *self);
AdwViewStack *_psephos_window_get_view_stack (PsephosWindow *self);
GtkSearchBar *_psephos_window_get_search_bar (PsephosWindow *self);
GtkSearchEntry *_psephos_window_get_search_entry (PsephosWindow *self);

/* psephos-window-search.c */
void _psephos_window_run_search (PsephosWindow *self);
void _psephos_window_search_index_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data);
void _psephos_window_search_changed_cb (GtkSearchEntry *entry, PsephosWindow *self);
void _psephos_window_search_stop_cb (GtkSearchEntry *entry, PsephosWindow *self);
void _psephos_window_search_activate_cb (GtkSearchEntry *entry, PsephosWindow *self);
void _psephos_window_result_activated_cb (GtkListView *view, guint position, PsephosWindow *self);

G_END_DECLS
