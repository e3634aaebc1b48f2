/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-seat-page.h — one contest: its candidates in a sortable column
 * view, turnout and electors, each value with its citation. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_SEAT_PAGE (psephos_seat_page_get_type ())
G_DECLARE_FINAL_TYPE (PsephosSeatPage, psephos_seat_page, PSEPHOS, SEAT_PAGE, GtkWidget)

void psephos_seat_page_show (PsephosSeatPage *self, PsephosSession *session, gint64 contest_id);
gint64 psephos_seat_page_get_contest_id (PsephosSeatPage *self);
/* The candidates shown, as PsephosTreeItem, in their current order. */
GListModel *psephos_seat_page_get_model (PsephosSeatPage *self);
/* Facts about a candidacy of this seat (NULL when none). */
GPtrArray *psephos_seat_page_get_facts (PsephosSeatPage *self, gint64 candidacy_id);

G_END_DECLS
