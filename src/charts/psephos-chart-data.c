/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-data.c — reads what a chart shows from the store, through
 * its read API only: the election, the seats or candidates, and the
 * sources the numbers came from (for the caption).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-private.h"

typedef struct
{
  PsephosStore *store;
  PsephosElection *election;
  gint64 state_id;
  char *state_name;
} Scope;

static void
scope_clear (Scope *scope)
{
  g_clear_pointer (&scope->election, psephos_election_free);
  g_clear_pointer (&scope->state_name, g_free);
}

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_FOUND);
}

/* An election with a contest for the seat, when the query names no election. */
static PsephosElection *
election_with_seat (PsephosStore *store, GPtrArray *elections, const PsephosChartQuery *q, GError **error)
{
  PsephosElection *found = NULL;
  guint n = 0;

  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);
      g_autoptr (PsephosSeatRow) seat = NULL;
      g_autoptr (GError) local = NULL;

      seat = psephos_store_find_seat (store, e->id, q->state, q->seat, &local);
      if (seat != NULL || g_error_matches (local, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID))
        {
          found = e;
          n++;
        }
    }
  if (n == 1)
    return psephos_store_find_election (store, found->name, error);
  if (n == 0)
    g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_SEAT,
                 _ ("Unknown seat ‘%s’: no election in the store has it"), q->seat);
  else
    g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
                 _ ("Seat ‘%s’ was contested in %u elections; name one with --election"), q->seat, n);
  return NULL;
}

static gboolean
resolve_scope (PsephosStore *store, PsephosChartKind kind, const PsephosChartQuery *q, Scope *scope, GError **error)
{
  GError *local = NULL;

  scope->store = store;
  if (q->election_id > 0 || q->election != NULL)
    {
      g_autoptr (GPtrArray) elections = psephos_store_list_elections (store, error);

      if (elections == NULL)
        return FALSE;
      for (guint i = 0; i < elections->len && scope->election == NULL; i++)
        {
          PsephosElection *e = g_ptr_array_index (elections, i);

          if ((q->election_id > 0 && e->id == q->election_id) || (q->election_id <= 0 && g_utf8_collate (e->name, q->election) == 0))
            scope->election = psephos_store_find_election (store, e->name, &local);
        }
      if (scope->election == NULL && local == NULL && q->election != NULL && q->election_id <= 0)
        scope->election = psephos_store_find_election (store, q->election, &local);
      if (scope->election == NULL)
        {
          if (local != NULL && !is_not_found (local))
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          g_clear_error (&local);
          g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_ELECTION,
                       _ ("Unknown election ‘%s’"), q->election ? q->election : "(by id)");
          return FALSE;
        }
    }
  else
    {
      g_autoptr (GPtrArray) elections = psephos_store_list_elections (store, error);

      if (elections == NULL)
        return FALSE;
      if (elections->len == 0)
        {
          g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA,
                       _ ("The store holds no election to chart"));
          return FALSE;
        }
      if (elections->len == 1)
        scope->election = psephos_store_find_election (store,
                                                       ((PsephosElection *) elections->pdata[0])->name,
                                                       error);
      else if (kind == PSEPHOS_CHART_SEAT && q->seat != NULL)
        scope->election = election_with_seat (store, elections, q, error);
      else
        {
          g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
                       _ ("The store holds %u elections; name one (--election)"), elections->len);
          return FALSE;
        }
      if (scope->election == NULL)
        return FALSE;
    }

  if (q->state != NULL && kind != PSEPHOS_CHART_SEAT)
    {
      g_autoptr (GPtrArray) states = psephos_store_list_states (store, scope->election->id, error);
      g_autofree char *key = psephos_name_key (q->state);

      if (states == NULL)
        return FALSE;
      for (guint i = 0; i < states->len; i++)
        {
          PsephosStateRow *s = g_ptr_array_index (states, i);
          g_autofree char *name_key = psephos_name_key (s->name);

          if (g_str_equal (key, name_key) || (s->abbr != NULL && g_ascii_strcasecmp (s->abbr, q->state) == 0) || (s->eci_code != NULL && g_ascii_strcasecmp (s->eci_code, q->state) == 0))
            {
              scope->state_id = s->id;
              scope->state_name = g_strdup (s->name);
              break;
            }
        }
      if (scope->state_id == 0)
        {
          g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_STATE,
                       _ ("Unknown state ‘%s’ in %s"), q->state, scope->election->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- caption: who says so -------------------------------------------- */

static char *
format_date (const char *ymd)
{
  int y, m, d;
  g_autoptr (GDateTime) dt = NULL;

  if (ymd == NULL || sscanf (ymd, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%-d %B %Y");
}

static char *
source_text (const PsephosSource *s)
{
  g_autofree char *date = format_date (s->published_on);

  if (s->kind == PSEPHOS_SOURCE_OFFICIAL)
    {
      if (s->publisher != NULL)
        return g_strdup_printf (_ ("%s, official results%s%s"), s->publisher,
                                s->file ? _ (" file ") : "", s->file ? s->file : "");
      return g_strdup_printf (_ ("official results file %s"), s->file ? s->file : "(unnamed)");
    }
  if (s->publisher != NULL && date != NULL)
    return g_strdup_printf ("%s, %s", s->publisher, date);
  if (s->publisher != NULL)
    return g_strdup (s->publisher);
  if (s->title != NULL)
    {
      /* A headline is long: its start says which article it is. */
      g_autofree char *head = g_utf8_substring (s->title, 0, 57);
      g_autofree char *title = g_utf8_strlen (s->title, -1) > 60
                                 ? g_strconcat (g_strchomp (head), "…", NULL)
                                 : g_strdup (s->title);

      return date != NULL ? g_strdup_printf ("“%s”, %s", title, date) : g_strdup_printf ("“%s”", title);
    }
  if (date != NULL)
    return g_strdup_printf (_ ("article %s, %s"), s->file ? s->file : "(unnamed)", date);
  return g_strdup_printf (_ ("article %s"), s->file ? s->file : "(unnamed)");
}

/* Adds the sources of the facts @fq finds to @ids; with @attributes, only
 * of facts about one of them. */
static gboolean
collect_sources (PsephosStore *store,
                 const PsephosFactQuery *fq,
                 const char *const *attributes,
                 GHashTable *ids,
                 GError **error)
{
  g_autoptr (GPtrArray) facts = psephos_store_list_facts (store, fq, error);

  if (facts == NULL)
    return FALSE;
  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);

      if (attributes == NULL || (f->attribute != NULL && g_strv_contains (attributes, f->attribute)))
        g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) f->source_id));
    }
  return TRUE;
}

static char *
make_caption (PsephosStore *store, GHashTable *ids, GError **error)
{
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (g_hash_table_size (ids) == 0)
    return g_strdup (_ ("Source: not recorded in the store."));

  sources = psephos_store_list_sources (store, error);
  if (sources == NULL)
    return NULL;
  /* A near-duplicate stands for the article it repeats: cite that once. */
  for (guint i = 0; i < sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (sources, i);

      if (s->duplicate_of > 0 && g_hash_table_remove (ids, GSIZE_TO_POINTER ((gsize) s->id)))
        g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) s->duplicate_of));
    }
  for (guint i = 0; i < sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (sources, i);
      char *text;
      gboolean seen = FALSE;

      if (!g_hash_table_contains (ids, GSIZE_TO_POINTER ((gsize) s->id)))
        continue;
      text = source_text (s);
      for (guint j = 0; j < parts->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (parts, j), text);
      if (seen)
        g_free (text);
      else
        g_ptr_array_add (parts, text);
    }
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("; ", (char **) parts->pdata);
  return g_strdup_printf ("%s: %s.", parts->len > 2 ? _ ("Sources") : _ ("Source"), joined);
}

/* The caption for an election's chart: the sources of its facts about
 * @attributes (NULL: about anything). One read of the election's facts
 * either way; the store filters on the election only. */
static char *
election_caption (PsephosStore *store, gint64 election_id, const char *const *attributes, GError **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GPtrArray) sources = psephos_store_list_sources (store, error);
  PsephosFactQuery fq = { .election_id = election_id };
  gint64 only = 0;
  guint n_originals = 0;

  if (sources == NULL)
    return NULL;
  for (guint i = 0; i < sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (sources, i);

      if (s->duplicate_of <= 0)
        {
          only = s->id;
          n_originals++;
        }
    }
  /* A store made from one file (an official dataset, say) holds nothing
   * that file did not state: it is the source, with no need to read every
   * fact of the election to find that out. */
  if (n_originals == 1)
    g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) only));
  else if (attributes == NULL)
    {
      /* The store keeps which sources speak of which election. */
      g_autoptr (GPtrArray) cited = psephos_store_list_election_sources (store, election_id, error);

      if (cited == NULL)
        return NULL;
      for (guint i = 0; i < cited->len; i++)
        g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) ((PsephosSource *) g_ptr_array_index (cited, i))->id));
    }
  else if (!collect_sources (store, &fq, attributes, ids, error))
    return NULL;
  return make_caption (store, ids, error);
}

static char *
status_text (const PsephosElection *e)
{
  if (e->n_contests > 0 && e->n_declared < e->n_contests)
    return g_strdup_printf (_ ("counting: %d of %d seats declared"), e->n_declared, e->n_contests);
  if (e->counted_on != NULL)
    {
      g_autofree char *date = format_date (e->counted_on);

      return g_strdup_printf (_ ("final, counted %s"), date ? date : e->counted_on);
    }
  return g_strdup (_ ("final result"));
}

/* ---- the kinds ------------------------------------------------------- */

static PsephosChartModel *
seat_model (Scope *scope, const PsephosChartQuery *q, GError **error)
{
  g_autoptr (PsephosChartModel) model = _psephos_chart_model_new (PSEPHOS_CHART_SEAT);
  g_autoptr (PsephosSeatRow) seat = NULL;
  g_autoptr (GPtrArray) cands = NULL;
  GError *local = NULL;
  PsephosFactQuery fq = { 0 };
  gboolean any_votes = FALSE;

  if (q->contest_id > 0)
    seat = psephos_store_get_seat (scope->store, q->contest_id, &local);
  else if (q->seat != NULL)
    seat = psephos_store_find_seat (scope->store, scope->election->id, q->state, q->seat, &local);
  else
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_INVALID,
                   _ ("A seat chart needs a seat (--seat NAME)"));
      return NULL;
    }
  if (seat == NULL)
    {
      if (local->domain == PSEPHOS_STORE_ERROR && (local->code == PSEPHOS_STORE_ERROR_NOT_FOUND || local->code == PSEPHOS_STORE_ERROR_INVALID))
        {
          g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_UNKNOWN_SEAT,
                       local->code == PSEPHOS_STORE_ERROR_INVALID
                         ? _ ("Seat ‘%s’ is ambiguous in %s (name the state with --state)")
                         : _ ("Unknown seat ‘%s’ in %s"),
                       q->seat ? q->seat : "(by id)", scope->election->name);
          g_error_free (local);
        }
      else
        g_propagate_error (error, local);
      return NULL;
    }

  cands = psephos_store_list_candidacies (scope->store, seat->contest_id, error);
  if (cands == NULL)
    return NULL;
  for (guint i = 0; i < cands->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (cands, i);
      PsephosChartItem *it = _psephos_chart_model_add (model,
                                                       c->display_name ? c->display_name : c->name,
                                                       c->party, c->party_colour,
                                                       (double) c->votes);

      it->share = c->vote_share_pct;
      if (c->result == PSEPHOS_RESULT_WON)
        it->flags |= PSEPHOS_ITEM_WINNER;
      else if (c->result == PSEPHOS_RESULT_LEADING)
        it->flags |= PSEPHOS_ITEM_LEADING;
      any_votes |= c->votes > 0;
    }
  if (seat->nota_votes >= 0)
    {
      PsephosChartItem *it = _psephos_chart_model_add (model, "NOTA", "NOTA", NULL,
                                                       (double) seat->nota_votes);
      it->flags |= PSEPHOS_ITEM_NOTA;
    }
  if (!any_votes)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA,
                   _ ("No votes are known for %s in %s"), seat->display_name ? seat->display_name : seat->name,
                   scope->election->name);
      return NULL;
    }
  model->margin = seat->margin;
  model->title = g_strdup_printf ("%s (%s)", seat->display_name ? seat->display_name : seat->name,
                                  seat->state_name ? seat->state_name : "?");
  {
    g_autofree char *turnout = NULL;
    const char *status = seat->status == PSEPHOS_CONTEST_COUNTING   ? _ ("counting, latest figures")
                         : seat->status == PSEPHOS_CONTEST_DECLARED ? _ ("declared")
                                                                    : _ ("status unknown");

    if (!isnan (seat->turnout_pct))
      {
        g_autofree char *pct = psephos_chart_format_decimal (seat->turnout_pct, 2, NULL);

        turnout = g_strdup_printf (_ (" · turnout %s%%"), pct);
      }
    model->subtitle = g_strdup_printf (_ ("%s · votes by candidate · %s%s"), scope->election->name,
                                       status, turnout ? turnout : "");
  }
  model->value_label = g_strdup (_ ("Votes"));
  {
    g_autoptr (GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);

    fq.contest_id = seat->contest_id;
    if (!collect_sources (scope->store, &fq, NULL, ids, error))
      return NULL;
    fq.contest_id = 0;
    for (guint i = 0; i < cands->len; i++)
      {
        fq.candidacy_id = ((PsephosCandidacy *) g_ptr_array_index (cands, i))->id;
        if (!collect_sources (scope->store, &fq, NULL, ids, error))
          return NULL;
      }
    model->caption = make_caption (scope->store, ids, error);
    if (model->caption == NULL)
      return NULL;
  }
  return g_steal_pointer (&model);
}

/* Seats won and leading by party: the store's tally for a whole election,
 * counted from the seats for one state. */
static gboolean
add_party_seats (PsephosChartModel *model, Scope *scope, char **as_of, GError **error)
{
  if (scope->state_id == 0)
    {
      g_autoptr (GPtrArray) tally = psephos_store_party_tally (scope->store, scope->election->id, error);

      if (tally == NULL)
        return FALSE;
      for (guint i = 0; i < tally->len; i++)
        {
          PsephosTallyRow *t = g_ptr_array_index (tally, i);
          PsephosChartItem *it = _psephos_chart_model_add (model, t->name,
                                                           t->abbreviation ? t->abbreviation : t->name,
                                                           t->colour, t->won);

          it->value2 = t->leading;
          /* The latest time any count is stated for. */
          if (t->as_of != NULL && (*as_of == NULL || strcmp (t->as_of, *as_of) > 0))
            {
              g_free (*as_of);
              *as_of = g_strdup (t->as_of);
            }
        }
    }
  else
    {
      g_autoptr (GPtrArray) seats = psephos_store_list_seat_results (scope->store, scope->election->id,
                                                                     scope->state_id, error);

      if (seats == NULL)
        return FALSE;
      for (guint i = 0; i < seats->len; i++)
        {
          PsephosSeatRow *s = g_ptr_array_index (seats, i);
          PsephosChartItem *it = NULL;

          if (s->winner_party == NULL)
            continue;
          for (guint j = 0; j < model->items->len && it == NULL; j++)
            {
              PsephosChartItem *other = &g_array_index (model->items, PsephosChartItem, j);

              if (g_str_equal (other->party, s->winner_party))
                it = other;
            }
          if (it == NULL)
            it = _psephos_chart_model_add (model, s->winner_party, s->winner_party,
                                           s->winner_party_colour, 0);
          if (s->winner_result == PSEPHOS_RESULT_LEADING)
            it->value2++;
          else
            it->value++;
        }
      model->seats_total = (int) seats->len;
    }
  return TRUE;
}

/* Groups each party under its alliance in this election, where it has one. */
static gboolean
assign_alliances (PsephosChartModel *model, Scope *scope, GError **error)
{
  g_autoptr (GPtrArray) members = psephos_store_list_alliance_members (scope->store, scope->election->id, error);

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < model->items->len; i++)
    {
      PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      for (guint j = 0; j < members->len && it->group == NULL; j++)
        {
          PsephosAllianceMember *m = g_ptr_array_index (members, j);
          const char *party = m->party_abbreviation ? m->party_abbreviation : m->party_name;

          if (it->party != NULL && g_strcmp0 (it->party, party) == 0)
            it->group = g_strdup (m->alliance_abbreviation ? m->alliance_abbreviation : m->alliance_name);
        }
    }
  return TRUE;
}

static PsephosChartModel *
house_model (Scope *scope, PsephosChartKind kind, GError **error)
{
  g_autoptr (PsephosChartModel) model = _psephos_chart_model_new (kind);
  g_autofree char *status = status_text (scope->election);
  g_autofree char *as_of = NULL;
  double filled = 0;

  if (!add_party_seats (model, scope, &as_of, error) || !assign_alliances (model, scope, error))
    return NULL;
  for (guint i = 0; i < model->items->len; i++)
    {
      PsephosChartItem *it = &g_array_index (model->items, PsephosChartItem, i);

      filled += it->value + it->value2;
    }
  if (filled <= 0)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA,
                   _ ("No seat of %s%s%s has a winner or a leader yet"), scope->election->name,
                   scope->state_name ? " in " : "", scope->state_name ? scope->state_name : "");
      return NULL;
    }
  if (scope->state_id == 0)
    {
      model->seats_total = scope->election->seats_total > 0 ? scope->election->seats_total
                                                            : scope->election->n_contests;
      model->majority = scope->election->majority_mark;
    }
  if (model->seats_total < (int) filled)
    model->seats_total = (int) filled;
  if (model->majority <= 0)
    model->majority = model->seats_total / 2 + 1;

  model->title = g_strdup_printf ("%s%s%s: %s", scope->election->name,
                                  scope->state_name ? " · " : "",
                                  scope->state_name ? scope->state_name : "",
                                  kind == PSEPHOS_CHART_TALLY ? _ ("seats by party") : _ ("the house by party"));
  model->subtitle = g_strdup_printf (_ ("%d seats · majority %d · %s%s%s"), model->seats_total,
                                     model->majority, status, as_of ? _ (" · as of ") : "",
                                     as_of ? as_of : "");
  model->value_label = g_strdup (_ ("Seats"));
  /* Seats come from results, votes, tallies: every fact about the election. */
  model->caption = election_caption (scope->store, scope->election->id, NULL, error);
  if (model->caption == NULL)
    return NULL;
  return g_steal_pointer (&model);
}

static PsephosChartModel *
seats_model (Scope *scope, PsephosChartKind kind, GError **error)
{
  g_autoptr (PsephosChartModel) model = _psephos_chart_model_new (kind);
  g_autoptr (GPtrArray) seats = psephos_store_list_seat_results (scope->store, scope->election->id,
                                                                 scope->state_id, error);
  g_autofree char *status = status_text (scope->election);
  gboolean margins = kind == PSEPHOS_CHART_MARGINS;

  if (seats == NULL)
    return NULL;
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *s = g_ptr_array_index (seats, i);
      double v = margins ? (s->margin >= 0 ? (double) s->margin : NAN) : s->turnout_pct;

      if (isnan (v))
        continue;
      _psephos_chart_model_add (model, s->display_name ? s->display_name : s->name,
                                s->winner_party, s->winner_party_colour, v);
    }
  if (model->items->len == 0)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_NO_DATA,
                   _ ("No seat of %s%s%s has a known %s"), scope->election->name,
                   scope->state_name ? " in " : "", scope->state_name ? scope->state_name : "",
                   margins ? _ ("winning margin") : _ ("turnout"));
      return NULL;
    }
  model->title = g_strdup_printf ("%s%s%s: %s", scope->election->name,
                                  scope->state_name ? " · " : "",
                                  scope->state_name ? scope->state_name : "",
                                  margins ? _ ("winning margins") : _ ("turnout by seat"));
  model->subtitle = g_strdup_printf (_ ("%u of %u seats%s · bars in the winner's party colour · %s"),
                                     model->items->len, seats->len,
                                     margins ? _ (", votes between winner and runner-up") : "",
                                     status);
  if (margins)
    model->value_label = g_strdup (_ ("Winning margin (votes)"));
  else
    /* xgettext:no-c-format */
    model->value_label = g_strdup (_ ("Turnout (% of electors)"));
  {
    static const char *const margin_facts[] = { "votes", "margin", NULL };
    static const char *const turnout_facts[] = { "turnout_pct", "electors", "votes_polled", NULL };

    model->caption = election_caption (scope->store, scope->election->id,
                                       margins ? margin_facts : turnout_facts, error);
  }
  if (model->caption == NULL)
    return NULL;
  return g_steal_pointer (&model);
}

PsephosChartModel *
_psephos_chart_model_from_store (PsephosStore *store,
                                 PsephosChartKind kind,
                                 const PsephosChartQuery *query,
                                 GError **error)
{
  Scope scope = { 0 };
  PsephosChartModel *model = NULL;

  if (!resolve_scope (store, kind, query, &scope, error))
    {
      scope_clear (&scope);
      return NULL;
    }
  switch (kind)
    {
      case PSEPHOS_CHART_SEAT:
        model = seat_model (&scope, query, error);
        break;
      case PSEPHOS_CHART_TALLY:
      case PSEPHOS_CHART_HEMICYCLE:
        model = house_model (&scope, kind, error);
        break;
      case PSEPHOS_CHART_MARGINS:
      case PSEPHOS_CHART_TURNOUT:
        model = seats_model (&scope, kind, error);
        break;
      default:
        g_assert_not_reached ();
    }
  scope_clear (&scope);
  if (model != NULL)
    {
      char **texts[] = { &model->title, &model->subtitle, &model->caption, &model->value_label };

      /* Names in them come from the store, which is untrusted input. */
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (*texts[i] != NULL && !g_utf8_validate (*texts[i], -1, NULL))
          {
            char *valid = g_utf8_make_valid (*texts[i], -1);

            g_free (*texts[i]);
            *texts[i] = valid;
          }
    }
  return model;
}
