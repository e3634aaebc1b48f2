/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-swatch.h — a small rounded square in a party's colour. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PSEPHOS_TYPE_SWATCH (psephos_swatch_get_type ())
G_DECLARE_FINAL_TYPE (PsephosSwatch, psephos_swatch, PSEPHOS, SWATCH, GtkWidget)

GtkWidget *psephos_swatch_new (void);
/* "#rrggbb", or NULL for none (drawn as an outline). */
void psephos_swatch_set_colour (PsephosSwatch *self, const char *colour);
const char *psephos_swatch_get_colour (PsephosSwatch *self);
/* Draws a swatch into @bounds (a square): filled with @colour, or, when
 * @colour is NULL, outlined in @fg at 40 % — how a swatch widget looks, for
 * rows that draw their own. */
void psephos_swatch_append (GtkSnapshot *snapshot,
                            const graphene_rect_t *bounds,
                            const GdkRGBA *colour,
                            const GdkRGBA *fg);

G_END_DECLS
