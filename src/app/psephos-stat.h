/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-stat.h — one labelled figure on a detail page ("Turnout 65.42%")
 * with its citation. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-citation-button.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_STAT (psephos_stat_get_type ())
G_DECLARE_FINAL_TYPE (PsephosStat, psephos_stat, PSEPHOS, STAT, GtkWidget)

/* Shows @value (NULL: "—"), citing the facts of @facts stating @attribute. */
void psephos_stat_set (PsephosStat *self,
                       const char *value,
                       PsephosSession *session,
                       GPtrArray *facts,
                       const char *attribute);
const char *psephos_stat_get_value (PsephosStat *self);
PsephosCitationButton *psephos_stat_get_citation (PsephosStat *self);

G_END_DECLS
