/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-lazy-model.h — a tree row's children, read from the store only
 * when a child is first asked for. GtkTreeListModel (GTK 4.8) builds a
 * row's child model just to learn whether the row can expand; with this the
 * answer costs no query, since the row already knows how many it has. */
#pragma once

#include "psephos-tree-item.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_LAZY_MODEL (psephos_lazy_model_get_type ())
G_DECLARE_FINAL_TYPE (PsephosLazyModel, psephos_lazy_model, PSEPHOS, LAZY_MODEL, GObject)

/* @n_hint: how many children the parent says it has. */
PsephosLazyModel *psephos_lazy_model_new (PsephosTreeItem *parent, PsephosStore *store, guint n_hint);
gboolean psephos_lazy_model_is_loaded (PsephosLazyModel *self);

G_END_DECLS
