/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-election-page.h — an election at a glance: the party tally,
 * alliances against the majority mark, turnout and the tally chart. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-chart.h"
#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_ELECTION_PAGE (psephos_election_page_get_type ())
G_DECLARE_FINAL_TYPE (PsephosElectionPage, psephos_election_page, PSEPHOS, ELECTION_PAGE, GtkWidget)

void psephos_election_page_show (PsephosElectionPage *self, PsephosSession *session);
/* The chart on the page, for export (NULL when there is none). */
PsephosChart *psephos_election_page_get_chart (PsephosElectionPage *self);

G_END_DECLS
