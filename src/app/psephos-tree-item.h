/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tree-item.h — one row of the results tree (the election overview, a
 * state, a seat or a candidate), owning the store record it shows. */
#pragma once

#include <gio/gio.h>

#include "psephos-store.h"

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_TREE_ITEM_ELECTION,
  PSEPHOS_TREE_ITEM_STATE,
  PSEPHOS_TREE_ITEM_SEAT,
  PSEPHOS_TREE_ITEM_CANDIDATE,
} PsephosTreeItemKind;

#define PSEPHOS_TYPE_TREE_ITEM (psephos_tree_item_get_type ())
G_DECLARE_FINAL_TYPE (PsephosTreeItem, psephos_tree_item, PSEPHOS, TREE_ITEM, GObject)

/* Each constructor takes ownership of the record. */
PsephosTreeItem *psephos_tree_item_new_election (PsephosElection *election);
PsephosTreeItem *psephos_tree_item_new_state (gint64 election_id, PsephosStateRow *state);
PsephosTreeItem *psephos_tree_item_new_seat (PsephosSeatRow *seat);
PsephosTreeItem *psephos_tree_item_new_candidate (PsephosCandidacy *candidacy,
                                                  const char *seat_name,
                                                  const char *state_name);

PsephosTreeItemKind psephos_tree_item_get_kind (PsephosTreeItem *self);
gint64 psephos_tree_item_get_id (PsephosTreeItem *self); /* election, state, contest or candidacy id */
gint64 psephos_tree_item_get_election_id (PsephosTreeItem *self);
const char *psephos_tree_item_get_title (PsephosTreeItem *self);
/* A short line under the title: "Won · INC" / "Kamlesh Thakur (INC) by 9,399". */
const char *psephos_tree_item_get_subtitle (PsephosTreeItem *self);
/* Right-hand figure: seat count, margin or votes. */
const char *psephos_tree_item_get_trailing (PsephosTreeItem *self);
/* Where the row sits, for search results: "Seat · Himachal Pradesh". */
const char *psephos_tree_item_get_location (PsephosTreeItem *self);
/* #rrggbb party colour or NULL. */
const char *psephos_tree_item_get_colour (PsephosTreeItem *self);
/* Sentence for screen readers. */
char *psephos_tree_item_dup_accessible_label (PsephosTreeItem *self);
gboolean psephos_tree_item_has_children (PsephosTreeItem *self);
/* Children read lazily from the store (NULL for leaves). */
GListModel *psephos_tree_item_create_children (PsephosTreeItem *self, PsephosStore *store);

const PsephosElection *psephos_tree_item_get_election (PsephosTreeItem *self);
const PsephosStateRow *psephos_tree_item_get_state (PsephosTreeItem *self);
const PsephosSeatRow *psephos_tree_item_get_seat (PsephosTreeItem *self);
const PsephosCandidacy *psephos_tree_item_get_candidacy (PsephosTreeItem *self);

/* Deep copies of store records, freed with the store's *_free functions.
 * (The store API has no copy functions yet.) */
PsephosElection *_psephos_election_copy (const PsephosElection *e);
PsephosStateRow *_psephos_state_row_copy (const PsephosStateRow *s);
PsephosSeatRow *_psephos_seat_row_copy (const PsephosSeatRow *s);
PsephosCandidacy *_psephos_candidacy_copy (const PsephosCandidacy *c);

/* Root rows for an election: the overview, then its states. */
GListModel *psephos_tree_item_list_roots (PsephosStore *store,
                                          const PsephosElection *election,
                                          GError **error);

G_END_DECLS
