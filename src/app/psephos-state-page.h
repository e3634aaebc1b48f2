/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-state-page.h — a state's seats: winner, party and margin. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_STATE_PAGE (psephos_state_page_get_type ())
G_DECLARE_FINAL_TYPE (PsephosStatePage, psephos_state_page, PSEPHOS, STATE_PAGE, GtkWidget)

void psephos_state_page_show (PsephosStatePage *self,
                              PsephosSession *session,
                              const PsephosStateRow *state);

G_END_DECLS
