/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-citation-button.h — the small marker next to a sourced value: it
 * says whether sources agree and opens a popover listing who says what. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-session.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_CITATION_BUTTON (psephos_citation_button_get_type ())
G_DECLARE_FINAL_TYPE (PsephosCitationButton, psephos_citation_button, PSEPHOS, CITATION_BUTTON, GtkWidget)

GtkWidget *psephos_citation_button_new (void);
/* Cites the facts of @all (PsephosFact records about one subject; the button
 * keeps a reference) that state @attribute. @what names the value for
 * screen readers. Hidden when no fact states it. */
void psephos_citation_button_set_facts (PsephosCitationButton *self,
                                        PsephosSession *session,
                                        GPtrArray *all,
                                        const char *attribute,
                                        const char *what);
GPtrArray *psephos_citation_button_get_facts (PsephosCitationButton *self);
/* Whether the sources disagree among themselves or with official data. */
gboolean psephos_citation_button_get_conflict (PsephosCitationButton *self);
void psephos_citation_button_popup (PsephosCitationButton *self);
void psephos_citation_button_popdown (PsephosCitationButton *self);

/* Facts of @all with @attribute; the new array borrows them from @all. */
GPtrArray *psephos_facts_filter (GPtrArray *all, const char *attribute);

G_END_DECLS
