/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tree-item.c — results tree rows and their lazily read children. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "psephos-format.h"
#include "psephos-session.h"
#include "psephos-tree-item.h"

struct _PsephosTreeItem
{
  GObject parent_instance;

  PsephosTreeItemKind kind;
  gint64 election_id;
  union
  {
    PsephosElection *election;
    PsephosStateRow *state;
    PsephosSeatRow *seat;
    PsephosCandidacy *candidacy;
  } rec;
  char *subtitle;
  char *trailing;
  char *location;
};

G_DEFINE_FINAL_TYPE (PsephosTreeItem, psephos_tree_item, G_TYPE_OBJECT)

static void
psephos_tree_item_finalize (GObject *object)
{
  PsephosTreeItem *self = PSEPHOS_TREE_ITEM (object);

  switch (self->kind)
    {
      case PSEPHOS_TREE_ITEM_ELECTION:
        g_clear_pointer (&self->rec.election, psephos_election_free);
        break;
      case PSEPHOS_TREE_ITEM_STATE:
        g_clear_pointer (&self->rec.state, psephos_state_row_free);
        break;
      case PSEPHOS_TREE_ITEM_SEAT:
        g_clear_pointer (&self->rec.seat, psephos_seat_row_free);
        break;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        g_clear_pointer (&self->rec.candidacy, psephos_candidacy_free);
        break;
      default:
        g_assert_not_reached ();
    }
  g_free (self->subtitle);
  g_free (self->trailing);
  g_free (self->location);
  G_OBJECT_CLASS (psephos_tree_item_parent_class)->finalize (object);
}

static void
psephos_tree_item_class_init (PsephosTreeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = psephos_tree_item_finalize;
}

static void
psephos_tree_item_init (PsephosTreeItem *self)
{
}

PsephosTreeItem *
psephos_tree_item_new_election (PsephosElection *election)
{
  PsephosTreeItem *self;

  g_return_val_if_fail (election != NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_TREE_ITEM, NULL);
  self->kind = PSEPHOS_TREE_ITEM_ELECTION;
  self->election_id = election->id;
  self->rec.election = election;
  self->subtitle = g_strdup_printf (_ ("%d of %d seats declared"), election->n_declared, election->n_contests);
  self->location = g_strdup (_ ("Election"));
  return self;
}

PsephosTreeItem *
psephos_tree_item_new_state (gint64 election_id, PsephosStateRow *state)
{
  PsephosTreeItem *self;

  g_return_val_if_fail (state != NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_TREE_ITEM, NULL);
  self->kind = PSEPHOS_TREE_ITEM_STATE;
  self->election_id = election_id;
  self->rec.state = state;
  self->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d seat", "%d seats", state->n_seats), state->n_seats);
  self->location = g_strdup (_ ("State"));
  return self;
}

PsephosTreeItem *
psephos_tree_item_new_seat (PsephosSeatRow *seat)
{
  PsephosTreeItem *self;

  g_return_val_if_fail (seat != NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_TREE_ITEM, NULL);
  self->kind = PSEPHOS_TREE_ITEM_SEAT;
  self->election_id = seat->election_id;
  self->rec.seat = seat;
  if (seat->winner_name != NULL)
    {
      const char *verb = seat->winner_result == PSEPHOS_RESULT_LEADING ? _ ("leading") : _ ("won");

      /* TRANSLATORS: "Kamlesh Thakur (INC) won" */
      self->subtitle = g_strdup_printf (_ ("%s (%s) %s"), seat->winner_name,
                                        seat->winner_party != NULL ? seat->winner_party : "?", verb);
    }
  else
    self->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d candidate", "%d candidates", seat->n_candidates),
                                      seat->n_candidates);
  if (seat->margin >= 0)
    {
      g_autofree char *m = psephos_format_count (seat->margin);

      /* TRANSLATORS: a winning margin, e.g. "+9,399" */
      self->trailing = g_strdup_printf (_ ("+%s"), m);
    }
  /* TRANSLATORS: where a search result sits: "Seat · Himachal Pradesh" */
  self->location = g_strdup_printf (_ ("Seat · %s"), seat->state_name != NULL ? seat->state_name : "");
  return self;
}

PsephosTreeItem *
psephos_tree_item_new_candidate (PsephosCandidacy *candidacy,
                                 const char *seat_name,
                                 const char *state_name)
{
  PsephosTreeItem *self;
  const char *result;

  g_return_val_if_fail (candidacy != NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_TREE_ITEM, NULL);
  self->kind = PSEPHOS_TREE_ITEM_CANDIDATE;
  self->rec.candidacy = candidacy;
  result = psephos_result_label (candidacy->result);
  if (*result != '\0')
    self->subtitle = g_strdup_printf ("%s · %s", candidacy->party != NULL ? candidacy->party : "?", result);
  else
    self->subtitle = g_strdup (candidacy->party != NULL ? candidacy->party : "");
  self->trailing = psephos_format_count (candidacy->votes);
  /* TRANSLATORS: where a search result sits: "Candidate · Dehra, Himachal Pradesh" */
  self->location = g_strdup_printf (_ ("Candidate · %s, %s"), seat_name != NULL ? seat_name : "",
                                    state_name != NULL ? state_name : "");
  return self;
}

PsephosTreeItemKind
psephos_tree_item_get_kind (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), 0);
  return self->kind;
}

gint64
psephos_tree_item_get_id (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), 0);
  switch (self->kind)
    {
      case PSEPHOS_TREE_ITEM_ELECTION:
        return self->rec.election->id;
      case PSEPHOS_TREE_ITEM_STATE:
        return self->rec.state->id;
      case PSEPHOS_TREE_ITEM_SEAT:
        return self->rec.seat->contest_id;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        return self->rec.candidacy->id;
      default:
        g_assert_not_reached ();
    }
}

gint64
psephos_tree_item_get_election_id (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), 0);
  return self->election_id;
}

const char *
psephos_tree_item_get_title (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  switch (self->kind)
    {
      case PSEPHOS_TREE_ITEM_ELECTION:
        return _ ("Overview");
      case PSEPHOS_TREE_ITEM_STATE:
        return self->rec.state->name;
      case PSEPHOS_TREE_ITEM_SEAT:
        return self->rec.seat->display_name != NULL ? self->rec.seat->display_name : self->rec.seat->name;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        return self->rec.candidacy->display_name != NULL ? self->rec.candidacy->display_name : self->rec.candidacy->name;
      default:
        g_assert_not_reached ();
    }
}

const char *
psephos_tree_item_get_subtitle (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->subtitle;
}

const char *
psephos_tree_item_get_trailing (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->trailing;
}

const char *
psephos_tree_item_get_location (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->location;
}

const char *
psephos_tree_item_get_colour (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  switch (self->kind)
    {
      case PSEPHOS_TREE_ITEM_SEAT:
        return self->rec.seat->winner_party_colour;
      case PSEPHOS_TREE_ITEM_CANDIDATE:
        return self->rec.candidacy->party_colour;
      case PSEPHOS_TREE_ITEM_ELECTION:
      case PSEPHOS_TREE_ITEM_STATE:
      default:
        return NULL;
    }
}

char *
psephos_tree_item_dup_accessible_label (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  if (self->trailing != NULL && self->kind == PSEPHOS_TREE_ITEM_CANDIDATE)
    /* TRANSLATORS: "Kamlesh Thakur, INC · Won, 32,737 votes" */
    return g_strdup_printf (_ ("%s, %s, %s votes"), psephos_tree_item_get_title (self), self->subtitle, self->trailing);
  if (self->trailing != NULL && self->kind == PSEPHOS_TREE_ITEM_SEAT)
    /* TRANSLATORS: "Dehra, Kamlesh Thakur (INC) won, margin +9,399" */
    return g_strdup_printf (_ ("%s, %s, margin %s"), psephos_tree_item_get_title (self), self->subtitle, self->trailing);
  return g_strdup_printf ("%s, %s", psephos_tree_item_get_title (self), self->subtitle != NULL ? self->subtitle : "");
}

gboolean
psephos_tree_item_has_children (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), FALSE);
  return self->kind == PSEPHOS_TREE_ITEM_STATE || self->kind == PSEPHOS_TREE_ITEM_SEAT;
}

GListModel *
psephos_tree_item_create_children (PsephosTreeItem *self, PsephosStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GListStore *children;

  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);

  if (self->kind == PSEPHOS_TREE_ITEM_STATE)
    rows = psephos_store_list_seats (store, self->election_id, self->rec.state->id, &error);
  else if (self->kind == PSEPHOS_TREE_ITEM_SEAT)
    rows = psephos_store_list_candidacies (store, self->rec.seat->contest_id, &error);
  else
    return NULL;

  if (rows == NULL)
    {
      g_warning ("Could not read the rows under %s: %s", psephos_tree_item_get_title (self), error->message);
      return NULL;
    }

  /* Take the records out of the array: the items own them now. */
  g_ptr_array_set_free_func (rows, NULL);
  children = g_list_store_new (PSEPHOS_TYPE_TREE_ITEM);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (PsephosTreeItem) child = NULL;

      if (self->kind == PSEPHOS_TREE_ITEM_STATE)
        child = psephos_tree_item_new_seat (g_ptr_array_index (rows, i));
      else
        {
          child = psephos_tree_item_new_candidate (g_ptr_array_index (rows, i),
                                                   psephos_tree_item_get_title (self),
                                                   self->rec.seat->state_name);
          child->election_id = self->election_id;
        }
      g_list_store_append (children, child);
    }
  return G_LIST_MODEL (children);
}

const PsephosElection *
psephos_tree_item_get_election (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->kind == PSEPHOS_TREE_ITEM_ELECTION ? self->rec.election : NULL;
}

const PsephosStateRow *
psephos_tree_item_get_state (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->kind == PSEPHOS_TREE_ITEM_STATE ? self->rec.state : NULL;
}

const PsephosSeatRow *
psephos_tree_item_get_seat (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->kind == PSEPHOS_TREE_ITEM_SEAT ? self->rec.seat : NULL;
}

const PsephosCandidacy *
psephos_tree_item_get_candidacy (PsephosTreeItem *self)
{
  g_return_val_if_fail (PSEPHOS_IS_TREE_ITEM (self), NULL);
  return self->kind == PSEPHOS_TREE_ITEM_CANDIDATE ? self->rec.candidacy : NULL;
}

GListModel *
psephos_tree_item_list_roots (PsephosStore *store, const PsephosElection *election, GError **error)
{
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (GListStore) roots = NULL;
  g_autoptr (PsephosTreeItem) overview = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);
  g_return_val_if_fail (election != NULL, NULL);

  states = psephos_store_list_states (store, election->id, error);
  if (states == NULL)
    return NULL;

  roots = g_list_store_new (PSEPHOS_TYPE_TREE_ITEM);
  /* The overview row owns its own record: a copy, not the store asked
   * again (which counts every election's contests). */
  overview = psephos_tree_item_new_election (_psephos_election_copy (election));
  g_list_store_append (roots, overview);

  g_ptr_array_set_free_func (states, NULL);
  for (guint i = 0; i < states->len; i++)
    {
      g_autoptr (PsephosTreeItem) item = psephos_tree_item_new_state (election->id, g_ptr_array_index (states, i));

      g_list_store_append (roots, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&roots));
}

PsephosElection *
_psephos_election_copy (const PsephosElection *e)
{
  PsephosElection *c = g_new (PsephosElection, 1);

  *c = *e;
  c->name = g_strdup (e->name);
  c->held_on = g_strdup (e->held_on);
  c->counted_on = g_strdup (e->counted_on);
  return c;
}

PsephosStateRow *
_psephos_state_row_copy (const PsephosStateRow *s)
{
  PsephosStateRow *c = g_new (PsephosStateRow, 1);

  *c = *s;
  c->name = g_strdup (s->name);
  c->abbr = g_strdup (s->abbr);
  c->eci_code = g_strdup (s->eci_code);
  return c;
}

PsephosSeatRow *
_psephos_seat_row_copy (const PsephosSeatRow *s)
{
  PsephosSeatRow *c = g_new (PsephosSeatRow, 1);

  *c = *s;
  c->state_name = g_strdup (s->state_name);
  c->name = g_strdup (s->name);
  c->display_name = g_strdup (s->display_name);
  c->reservation = g_strdup (s->reservation);
  c->winner_name = g_strdup (s->winner_name);
  c->winner_party = g_strdup (s->winner_party);
  c->winner_party_colour = g_strdup (s->winner_party_colour);
  return c;
}

PsephosCandidacy *
_psephos_candidacy_copy (const PsephosCandidacy *c)
{
  PsephosCandidacy *d = g_new (PsephosCandidacy, 1);

  *d = *c;
  d->name = g_strdup (c->name);
  d->display_name = g_strdup (c->display_name);
  d->party = g_strdup (c->party);
  d->party_name = g_strdup (c->party_name);
  d->party_colour = g_strdup (c->party_colour);
  return d;
}
