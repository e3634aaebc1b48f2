/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tree-row.h — how a results tree row (or a search result) looks. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-tree-item.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_TREE_ROW (psephos_tree_row_get_type ())
G_DECLARE_FINAL_TYPE (PsephosTreeRow, psephos_tree_row, PSEPHOS, TREE_ROW, GtkWidget)

GtkWidget *psephos_tree_row_new (void);
/* A tree row: @row's item is shown with an expander. */
void psephos_tree_row_set_list_row (PsephosTreeRow *self, GtkTreeListRow *row);
/* A search result: the item and where it sits, no expander. */
void psephos_tree_row_set_result (PsephosTreeRow *self, PsephosTreeItem *item);
/* A plain row: the item without expander or location (lists of seats). */
void psephos_tree_row_set_item (PsephosTreeRow *self, PsephosTreeItem *item);
PsephosTreeItem *psephos_tree_row_get_item (PsephosTreeRow *self);
/* Updates the accessible label of the list item that holds this row. */
void psephos_tree_row_label_list_item (PsephosTreeRow *self, GtkListItem *list_item);

G_END_DECLS
