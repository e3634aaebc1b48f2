/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-candidate-page.h — one candidate: the record, every spelling of
 * the name, and every fact any source states about the person. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_CANDIDATE_PAGE (psephos_candidate_page_get_type ())
G_DECLARE_FINAL_TYPE (PsephosCandidatePage, psephos_candidate_page, PSEPHOS, CANDIDATE_PAGE, GtkWidget)

void psephos_candidate_page_show (PsephosCandidatePage *self,
                                  PsephosSession *session,
                                  gint64 candidacy_id);
gint64 psephos_candidate_page_get_candidacy_id (PsephosCandidatePage *self);

G_END_DECLS
