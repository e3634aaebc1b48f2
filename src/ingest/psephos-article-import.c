/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-import.c — one news article into the store: read and
 * clean it, recognise a repeat (same bytes: nothing to do) or a
 * near-duplicate (stored, marked duplicate_of), extract its facts, and map
 * them onto elections, states, seats, contests, people, candidacies,
 * parties and alliances — reusing what official data or earlier articles
 * created, so that "Hemant Soren" in a report and "HEMANT SOREN" in the
 * official file are one candidate.
 *
 * All-or-nothing: everything happens in one PsephosImport, which rolls
 * back on any error.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-article-import.h"
#include "psephos-article.h"
#include "psephos-extract.h"
#include "psephos-tables.h"

typedef struct
{
  PsephosImport *imp;
  PsephosStore *store;
  const char *path;
  const PsephosIngestOptions *options;
  PsephosExtraction *x;
  gint64 source_id;
  GHashTable *elections; /* "kind|year|state" → gint64 id (0: none) */
  GHashTable *states;    /* name → gint64 id */
  GHashTable *contests;  /* "election|state|seat" → gint64 id (0: none) */
  GHashTable *parties;   /* abbreviation → gint64 id */
  GHashTable *alliances; /* abbreviation → gint64 id */
  GHashTable *people;    /* "person index|contest" → Candidate */
  guint n_facts;
} Import;

typedef struct
{
  gint64 person_id;
  gint64 candidacy_id;
} Candidate;

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* ---- names ---------------------------------------------------------------- */

static guint
edit_distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = NULL;

  if (n > 64 || m > 64)
    return G_MAXUINT;
  row = g_new (guint, m + 1);
  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[m];
}

static const char *
last_word (const char *key)
{
  const char *s = strrchr (key, ' ');

  return s ? s + 1 : key;
}

/* Are two spellings the same person's name? Equal keys, or close:
 * the same first letter and surname and at most two edits apart
 * (Hoshiyar / Hoshyar / Hoshyaar Singh). */
gboolean
_psephos_names_match (const char *a, const char *b)
{
  g_autofree char *ka = psephos_name_key (a);
  g_autofree char *kb = psephos_name_key (b);

  if (ka == NULL || kb == NULL || *ka == '\0' || *kb == '\0')
    return FALSE;
  if (strcmp (ka, kb) == 0)
    return TRUE;
  if (ka[0] != kb[0] || strcmp (last_word (ka), last_word (kb)) != 0)
    return FALSE;
  /* "Kalpana Soren" and "Kalpana Murmu Soren": same first and last names */
  if (strncmp (ka, kb, strcspn (ka, " ")) == 0 && strcspn (ka, " ") == strcspn (kb, " ")
      && strchr (ka, ' ') != NULL && strchr (kb, ' ') != NULL)
    return TRUE;
  return edit_distance (ka, kb) <= 2;
}

/* ---- elections, states, seats ---------------------------------------------- */

static gint64
state_id (Import *self, const char *name, GError **error)
{
  const PsephosStateInfo *info = psephos_tables_lookup_state (name);
  gint64 *cached = g_hash_table_lookup (self->states, name);
  gint64 id;

  if (cached != NULL)
    return *cached;
  id = psephos_import_ensure_state (self->imp, info ? info->name : name, info ? info->abbr : NULL,
                                    info ? info->eci_code : NULL, error);
  if (id <= 0)
    return -1;
  g_hash_table_insert (self->states, g_strdup (name), new_id (id));
  return id;
}

/* The election a fact is about; 0 when the article does not say enough to
 * name it (no year, or an assembly election with no state). */
static gint64
election_id (Import *self, const PsephosExtractedFact *f, PsephosElectionKind *kind_out, GError **error)
{
  PsephosExtractElection which = f->election;
  PsephosElectionKind kind;
  const char *state = f->state ? f->state : self->x->state;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  gint64 *cached;
  gint64 id = 0;
  int year = f->year ? f->year : self->x->year;

  if (which == PSEPHOS_EXTRACT_ELECTION_UNKNOWN)
    which = state != NULL ? PSEPHOS_EXTRACT_ELECTION_ASSEMBLY : PSEPHOS_EXTRACT_ELECTION_GENERAL;
  kind = which == PSEPHOS_EXTRACT_ELECTION_BYPOLL     ? PSEPHOS_ELECTION_BYPOLL
         : which == PSEPHOS_EXTRACT_ELECTION_ASSEMBLY ? PSEPHOS_ELECTION_ASSEMBLY
                                                      : PSEPHOS_ELECTION_GENERAL;
  *kind_out = kind;
  if (kind != PSEPHOS_ELECTION_ASSEMBLY)
    state = NULL;
  key = g_strdup_printf ("%d|%d|%s", kind, year, state ? state : "");
  cached = g_hash_table_lookup (self->elections, key);
  if (cached != NULL)
    return *cached;

  if (self->options->election != NULL && (year == 0 || f->election == PSEPHOS_EXTRACT_ELECTION_UNKNOWN))
    {
      g_autoptr (PsephosElection) e = psephos_store_find_election (self->store, self->options->election, NULL);

      if (e != NULL)
        {
          id = e->id;
          *kind_out = e->kind;
        }
      else
        id = psephos_import_ensure_election (self->imp, self->options->election, kind, year, error);
    }
  else if (year > 0 && (kind != PSEPHOS_ELECTION_ASSEMBLY || state != NULL))
    {
      const PsephosStateInfo *info = state ? psephos_tables_lookup_state (state) : NULL;

      name = psephos_election_canonical_name (kind, year,
                                              kind == PSEPHOS_ELECTION_BYPOLL ? self->x->month : 0,
                                              info ? info->name : state);
      id = psephos_import_ensure_election (self->imp, name, kind, year, error);
    }
  if (id < 0 || (id == 0 && error != NULL && *error != NULL))
    return -1;
  g_hash_table_insert (self->elections, g_steal_pointer (&key), new_id (id));
  return id;
}

/* The contest of a fact's seat; 0 when the fact names none or its state is
 * unknown and no contest of that name exists. */
static gint64
contest_id (Import *self, const PsephosExtractedFact *f, gint64 election, PsephosElectionKind kind, GError **error)
{
  g_autofree char *key = NULL;
  gint64 *cached;
  gint64 id = 0;

  if (f->seat == NULL || election <= 0)
    return 0;
  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s", election, f->state ? f->state : "", f->seat);
  cached = g_hash_table_lookup (self->contests, key);
  if (cached != NULL)
    return *cached;
  {
    g_autoptr (PsephosSeatRow) row = psephos_store_find_seat (self->store, election, f->state, f->seat, NULL);

    if (row != NULL)
      id = row->contest_id;
  }
  if (id == 0 && f->state != NULL)
    {
      gint64 state = state_id (self, f->state, error);
      gint64 seat;

      if (state < 0)
        return -1;
      seat = psephos_import_ensure_seat (self->imp, state,
                                         kind == PSEPHOS_ELECTION_GENERAL ? PSEPHOS_HOUSE_LOK_SABHA : PSEPHOS_HOUSE_ASSEMBLY,
                                         0, f->seat, NULL, error);
      if (seat <= 0)
        return -1;
      id = psephos_import_ensure_contest (self->imp, election, seat, error);
      if (id <= 0)
        return -1;
    }
  g_hash_table_insert (self->contests, g_steal_pointer (&key), new_id (id));
  return id;
}

static gint64
party_id (Import *self, const char *abbr, GError **error)
{
  const PsephosPartyInfo *info;
  gint64 *cached;
  gint64 id;

  if (abbr == NULL)
    return 0;
  cached = g_hash_table_lookup (self->parties, abbr);
  if (cached != NULL)
    return *cached;
  info = psephos_tables_lookup_party (abbr);
  id = psephos_import_ensure_party (self->imp, info ? info->name : abbr, info ? info->abbreviation : abbr,
                                    info ? info->colour : NULL, error);
  if (id <= 0)
    return -1;
  g_hash_table_insert (self->parties, g_strdup (abbr), new_id (id));
  return id;
}

static gint64
alliance_id (Import *self, const char *abbr, GError **error)
{
  const PsephosAllianceInfo *info;
  gint64 *cached;
  gint64 id;

  cached = g_hash_table_lookup (self->alliances, abbr);
  if (cached != NULL)
    return *cached;
  info = psephos_tables_lookup_alliance (abbr);
  id = psephos_import_ensure_alliance (self->imp, info ? info->name : abbr, abbr,
                                       info ? info->colour : NULL, error);
  if (id <= 0)
    return -1;
  g_hash_table_insert (self->alliances, g_strdup (abbr), new_id (id));
  return id;
}

/* ---- candidates ---------------------------------------------------------- */

/* What the article says of a person in a contest, for the candidacy row:
 * the exact final votes and the result. */
static void
article_says (Import *self, int person, const char *seat, gint64 *votes, PsephosResult *result)
{
  *votes = -1;
  *result = PSEPHOS_RESULT_UNKNOWN;
  for (guint i = 0; i < self->x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (self->x->facts, i);

      if (f->person != person || g_strcmp0 (f->seat, seat) != 0)
        continue;
      if (g_str_equal (f->attribute, "votes") && f->qualifier == PSEPHOS_EXTRACT_EXACT && f->as_of == NULL
          && f->has_number && *votes < 0)
        *votes = (gint64) f->number;
      else if (g_str_equal (f->attribute, "result") && f->text != NULL)
        {
          PsephosResult r = psephos_result_from_string (f->text);

          /* a final result outranks a lead */
          if (*result == PSEPHOS_RESULT_UNKNOWN
              || ((r == PSEPHOS_RESULT_WON || r == PSEPHOS_RESULT_LOST)
                  && (*result == PSEPHOS_RESULT_LEADING || *result == PSEPHOS_RESULT_TRAILING)))
            *result = r;
        }
    }
}

/* The person and candidacy for a candidate fact: an existing candidacy of
 * the contest whose name matches one of the article's spellings is reused
 * (adding the spelling as an alias); else a new person. */
static Candidate *
candidate_for (Import *self, const PsephosExtractedFact *f, gint64 contest, GError **error)
{
  PsephosExtractedPerson *p = g_ptr_array_index (self->x->people, f->person);
  g_autofree char *key = g_strdup_printf ("%d|%" G_GINT64_FORMAT, f->person, contest);
  Candidate *c = g_hash_table_lookup (self->people, key);
  gint64 votes;
  PsephosResult result;
  gint64 party;

  if (c != NULL)
    return c;
  c = g_new0 (Candidate, 1);
  g_hash_table_insert (self->people, g_steal_pointer (&key), c);

  if (contest > 0)
    {
      g_autoptr (GPtrArray) earlier = psephos_import_list_candidacies (self->imp, contest, error);

      if (earlier == NULL)
        return NULL;
      for (guint i = 0; i < earlier->len && c->person_id == 0; i++)
        {
          PsephosCandidacy *e = g_ptr_array_index (earlier, i);

          for (guint s = 0; s < p->spellings->len && c->person_id == 0; s++)
            if (_psephos_names_match (e->name, g_ptr_array_index (p->spellings, s))
                || (e->display_name && _psephos_names_match (e->display_name, g_ptr_array_index (p->spellings, s))))
              c->person_id = e->person_id;
        }
    }
  if (c->person_id == 0)
    {
      c->person_id = psephos_import_add_person (self->imp, p->name, error);
      if (c->person_id <= 0 || !psephos_import_add_alias (self->imp, c->person_id, p->name, error))
        return NULL;
    }
  for (guint s = 0; s < p->spellings->len; s++)
    if (!psephos_import_add_alias (self->imp, c->person_id, g_ptr_array_index (p->spellings, s), error))
      return NULL;
  if (contest <= 0)
    return c;

  article_says (self, f->person, f->seat, &votes, &result);
  party = party_id (self, p->party, error);
  if (party < 0)
    return NULL;
  c->candidacy_id = psephos_import_add_candidacy (self->imp, contest, c->person_id, party, p->name, votes, -1, -1,
                                                  result, error);
  if (c->candidacy_id <= 0)
    return NULL;
  return c;
}

/* ---- facts ------------------------------------------------------------------ */

static PsephosSubjectKind
subject_kind (PsephosExtractSubject kind)
{
  switch (kind)
    {
      case PSEPHOS_EXTRACT_CANDIDATE:
        return PSEPHOS_SUBJECT_CANDIDATE;
      case PSEPHOS_EXTRACT_SEAT:
        return PSEPHOS_SUBJECT_SEAT;
      case PSEPHOS_EXTRACT_PARTY:
        return PSEPHOS_SUBJECT_PARTY;
      case PSEPHOS_EXTRACT_ALLIANCE:
        return PSEPHOS_SUBJECT_ALLIANCE;
      case PSEPHOS_EXTRACT_ELECTION:
      default:
        return PSEPHOS_SUBJECT_ELECTION;
    }
}

static PsephosQualifier
qualifier (PsephosExtractQualifier q)
{
  switch (q)
    {
      case PSEPHOS_EXTRACT_AT_LEAST:
        return PSEPHOS_QUALIFIER_AT_LEAST;
      case PSEPHOS_EXTRACT_AT_MOST:
        return PSEPHOS_QUALIFIER_AT_MOST;
      case PSEPHOS_EXTRACT_ABOUT:
        return PSEPHOS_QUALIFIER_ABOUT;
      case PSEPHOS_EXTRACT_EXACT:
      default:
        return PSEPHOS_QUALIFIER_EXACT;
    }
}

/* What a contest's facts say of it: declared when someone won or lost,
 * counting when only leads are reported; the turnout. */
static gboolean
update_contest (Import *self, gint64 contest, const PsephosExtractedFact *f, GError **error)
{
  PsephosContestStatus status = PSEPHOS_CONTEST_UNKNOWN;
  double turnout = NAN;
  gint64 electors = -1, polled = -1, nota = -1;

  if (g_str_equal (f->attribute, "result") && f->text != NULL)
    status = g_str_equal (f->text, "won") || g_str_equal (f->text, "lost") ? PSEPHOS_CONTEST_DECLARED
                                                                           : PSEPHOS_CONTEST_COUNTING;
  else if (f->kind == PSEPHOS_EXTRACT_SEAT && f->qualifier == PSEPHOS_EXTRACT_EXACT && f->as_of == NULL && f->has_number)
    {
      if (g_str_equal (f->attribute, "turnout_pct"))
        turnout = f->number;
      else if (g_str_equal (f->attribute, "electors"))
        electors = (gint64) f->number;
      else if (g_str_equal (f->attribute, "votes_polled"))
        polled = (gint64) f->number;
      else if (g_str_equal (f->attribute, "nota_votes"))
        nota = (gint64) f->number;
    }
  if (status == PSEPHOS_CONTEST_UNKNOWN && isnan (turnout) && electors < 0 && polled < 0 && nota < 0)
    return TRUE;
  return psephos_import_update_contest (self->imp, contest, electors, polled, turnout, nota, status, error);
}

static gboolean
add_fact (Import *self, const PsephosExtractedFact *f, GError **error)
{
  PsephosFact fact = { 0 };
  PsephosElectionKind kind = PSEPHOS_ELECTION_GENERAL;
  gint64 election, contest;

  election = election_id (self, f, &kind, error);
  if (election < 0)
    return FALSE;
  contest = contest_id (self, f, election, kind, error);
  if (contest < 0)
    return FALSE;

  fact.source_id = self->source_id;
  fact.subject_kind = subject_kind (f->kind);
  fact.election_id = election;
  fact.contest_id = contest;
  fact.attribute = (char *) f->attribute;
  fact.has_number = f->has_number;
  fact.number = f->number;
  fact.text = f->text;
  fact.qualifier = qualifier (f->qualifier);
  fact.as_of = f->as_of;
  fact.start = f->start;
  fact.end = f->end;
  fact.quote = f->quote;
  fact.row = -1;

  switch (f->kind)
    {
      case PSEPHOS_EXTRACT_CANDIDATE:
        {
          Candidate *c = candidate_for (self, f, contest, error);

          if (c == NULL)
            return FALSE;
          fact.person_id = c->person_id;
          fact.candidacy_id = c->candidacy_id;
          if ((fact.party_id = party_id (self, f->party, error)) < 0)
            return FALSE;
          if (g_str_equal (f->attribute, "alliance"))
            {
              gint64 a = alliance_id (self, f->text, error);

              if (a < 0)
                return FALSE;
              fact.alliance_id = a;
            }
        }
        break;
      case PSEPHOS_EXTRACT_PARTY:
        if ((fact.party_id = party_id (self, f->subject, error)) < 0)
          return FALSE;
        break;
      case PSEPHOS_EXTRACT_ALLIANCE:
        if ((fact.alliance_id = alliance_id (self, f->subject, error)) < 0)
          return FALSE;
        break;
      case PSEPHOS_EXTRACT_SEAT:
        if (contest == 0)
          return TRUE; /* a seat we cannot place: nothing to attach it to */
        break;
      case PSEPHOS_EXTRACT_ELECTION:
      default:
        if (election > 0 && f->has_number && f->qualifier == PSEPHOS_EXTRACT_EXACT && f->as_of == NULL
            && (g_str_equal (f->attribute, "seats_total") || g_str_equal (f->attribute, "majority_mark")))
          {
            gboolean total = g_str_equal (f->attribute, "seats_total");

            if (!psephos_import_update_election (self->imp, election, total ? (int) f->number : -1,
                                                 total ? -1 : (int) f->number, NULL, NULL, error))
              return FALSE;
          }
        break;
    }
  if (election == 0 && f->kind != PSEPHOS_EXTRACT_CANDIDATE)
    return TRUE; /* an election the article does not name */
  if (contest > 0 && !update_contest (self, contest, f, error))
    return FALSE;
  if (psephos_import_add_fact (self->imp, &fact, error) <= 0)
    return FALSE;
  self->n_facts++;
  return TRUE;
}

/* ---- the article ---------------------------------------------------------- */

/* An earlier article this one repeats (near-duplicate), or 0. */
static gint64
find_duplicate (Import *self, const char *fingerprint, char **published_on, GError **error)
{
  g_autoptr (GPtrArray) sources = psephos_store_list_sources (self->store, error);
  double best = 0;
  gint64 best_id = 0;

  if (sources == NULL)
    return -1;
  for (guint i = 0; i < sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (sources, i);
      double sim;

      if (s->kind != PSEPHOS_SOURCE_ARTICLE || s->fingerprint == NULL)
        continue;
      sim = psephos_article_fingerprint_similarity (fingerprint, s->fingerprint);
      if (sim >= PSEPHOS_ARTICLE_DUPLICATE_SIMILARITY && sim > best)
        {
          best = sim;
          best_id = s->duplicate_of > 0 ? s->duplicate_of : s->id;
          g_free (*published_on);
          *published_on = g_strdup (s->published_on);
        }
    }
  return best_id;
}

gboolean
psephos_article_import (PsephosStore *store,
                        const char *path,
                        GBytes *contents,
                        gboolean is_html,
                        const PsephosIngestOptions *options,
                        GCancellable *cancellable,
                        PsephosIngestOutcome *outcome,
                        GError **error)
{
  static const PsephosIngestOptions no_options = { 0 };
  g_autoptr (PsephosImport) imp = NULL;
  g_autoptr (PsephosArticle) article = NULL;
  g_autoptr (PsephosExtraction) x = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *file = NULL;
  g_autofree char *original_date = NULL;
  PsephosExtractOptions xopts = { 0 };
  PsephosSource source = { 0 };
  PsephosIngestOutcome unused;
  Import self = { 0 };
  const char *data;
  gsize len;
  gint64 duplicate_of;
  gboolean ok = TRUE;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && contents != NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  if (outcome == NULL)
    outcome = &unused;
  memset (outcome, 0, sizeof *outcome);
  data = g_bytes_get_data (contents, &len);

  imp = _psephos_ingest_begin_source (store, contents, &hash, outcome, error);
  if (imp == NULL)
    return outcome->status == PSEPHOS_INGEST_UNCHANGED;

  article = psephos_article_read (path, data, len, is_html, error);
  if (article == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (options->progress)
    options->progress (0.2, options->progress_data);

  self.imp = imp;
  self.store = store;
  self.path = path;
  self.options = options;
  fingerprint = psephos_article_fingerprint (article->body, article->body_len);
  duplicate_of = find_duplicate (&self, fingerprint, &original_date, error);
  if (duplicate_of < 0)
    return FALSE;

  file = g_path_get_basename (path);
  source.kind = PSEPHOS_SOURCE_ARTICLE;
  source.file = file;
  source.title = article->title;
  source.publisher = article->publisher;
  source.address = article->address;
  source.published_on = article->published_on;
  source.body = article->body;
  source.content_hash = hash;
  source.fingerprint = fingerprint;
  self.source_id = psephos_import_add_source (imp, &source, error);
  if (self.source_id <= 0)
    return FALSE;
  if (duplicate_of > 0 && !psephos_import_set_duplicate_of (imp, self.source_id, duplicate_of, error))
    return FALSE;

  /* a copy without its date line is dated by the report it copies */
  xopts.published_on = article->published_on ? article->published_on : original_date;
  x = psephos_extract (article->body, article->body_len, &xopts);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (options->progress)
    options->progress (0.6, options->progress_data);

  self.x = x;
  self.elections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.contests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.alliances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; ok && i < x->facts->len; i++)
    {
      PsephosExtractedFact *f = g_ptr_array_index (x->facts, i);

      ok = add_fact (&self, f, error);
    }
  g_hash_table_unref (self.elections);
  g_hash_table_unref (self.states);
  g_hash_table_unref (self.contests);
  g_hash_table_unref (self.parties);
  g_hash_table_unref (self.alliances);
  g_hash_table_unref (self.people);
  if (!ok)
    return FALSE;

  if (!psephos_import_commit (g_steal_pointer (&imp), error))
    return FALSE;
  if (options->progress)
    options->progress (1.0, options->progress_data);
  outcome->status = duplicate_of > 0 ? PSEPHOS_INGEST_DUPLICATE : PSEPHOS_INGEST_IMPORTED;
  outcome->source_id = self.source_id;
  outcome->duplicate_of = duplicate_of;
  outcome->n_facts = self.n_facts;
  return TRUE;
}
