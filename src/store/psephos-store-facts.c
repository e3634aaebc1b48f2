/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store-facts.c — reading facts, and when two stated values agree. */
#include "config.h"

#include <math.h>

#include "psephos-store-private.h"

/* The range a stated value stands for. A round figure ("17,000 votes") is
 * read as rounded to its last non-zero digit; a qualifier widens the range
 * ("over 9,000" is anything from 9,000 up). */
static void
value_range (double v, PsephosQualifier q, double *lo, double *hi)
{
  double slack;

  if (v != floor (v))
    {
      /* Percentages: 65.42 stands for 65.415…65.425. */
      double scaled = v * 10.0;
      slack = fabs (scaled - round (scaled)) < 1e-9 ? 0.05 : 0.005;
    }
  else if (v >= 1000 && fmod (v, 1000) == 0)
    slack = 500;
  else if (v >= 1000 && fmod (v, 100) == 0)
    slack = 50;
  else
    slack = 0;

  switch (q)
    {
      case PSEPHOS_QUALIFIER_AT_LEAST:
        *lo = v;
        *hi = INFINITY;
        break;
      case PSEPHOS_QUALIFIER_AT_MOST:
        *lo = -INFINITY;
        *hi = v;
        break;
      case PSEPHOS_QUALIFIER_ABOUT:
        slack = MAX (slack, fabs (v) * 0.05);
        *lo = v - slack;
        *hi = v + slack;
        break;
      case PSEPHOS_QUALIFIER_EXACT:
      default:
        *lo = v - slack;
        *hi = v + slack;
        break;
    }
}

gboolean
_psephos_values_compatible (double a, PsephosQualifier qa, double b, PsephosQualifier qb)
{
  double alo, ahi, blo, bhi;

  value_range (a, qa, &alo, &ahi);
  value_range (b, qb, &blo, &bhi);
  return alo <= bhi + 1e-9 && blo <= ahi + 1e-9;
}

#define FACT_QUERY                                                                                          \
  "SELECT f.id, f.source_id, f.subject_kind, f.election_id, coalesce (f.contest_id, y.contest_id),"         \
  " f.candidacy_id, coalesce (f.person_id, y.person_id), coalesce (f.party_id, y.party_id), f.alliance_id," \
  " CASE f.subject_kind WHEN 'candidate' THEN p.name WHEN 'seat' THEN t.name"                               \
  "   WHEN 'party' THEN coalesce (pa.abbreviation, pa.name) WHEN 'alliance' THEN al.name"                   \
  "   ELSE e.name END,"                                                                                     \
  " coalesce (pa.abbreviation, pa.name), t.name, st.name, e.name,"                                          \
  " f.attribute, f.number, f.text, f.qualifier, f.as_of, f.start, f.\"end\", f.quote, f.row, f.status,"     \
  " coalesce (f.election_id, c.election_id), f.subject_key"                                                 \
  " FROM fact f"                                                                                            \
  " LEFT JOIN candidacy y ON y.id = f.candidacy_id"                                                         \
  " LEFT JOIN person p ON p.id = coalesce (f.person_id, y.person_id)"                                       \
  " LEFT JOIN contest c ON c.id = coalesce (f.contest_id, y.contest_id)"                                    \
  " LEFT JOIN seat t ON t.id = c.seat_id"                                                                   \
  " LEFT JOIN state st ON st.id = t.state_id"                                                               \
  " LEFT JOIN election e ON e.id = coalesce (f.election_id, c.election_id)"                                 \
  " LEFT JOIN party pa ON pa.id = coalesce (f.party_id, y.party_id)"                                        \
  " LEFT JOIN alliance al ON al.id = f.alliance_id"

static PsephosFact *
fact_from_row (sqlite3_stmt *stmt)
{
  PsephosFact *f = psephos_fact_new ();
  PsephosSubjectKind kind = PSEPHOS_SUBJECT_CANDIDATE;

  f->id = sqlite3_column_int64 (stmt, 0);
  f->source_id = sqlite3_column_int64 (stmt, 1);
  psephos_subject_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  f->subject_kind = kind;
  f->contest_id = MAX (0, _psephos_col_int (stmt, 4));
  f->candidacy_id = MAX (0, _psephos_col_int (stmt, 5));
  f->person_id = MAX (0, _psephos_col_int (stmt, 6));
  f->party_id = MAX (0, _psephos_col_int (stmt, 7));
  f->alliance_id = MAX (0, _psephos_col_int (stmt, 8));
  f->subject = _psephos_col_str (stmt, 9);
  f->party = _psephos_col_str (stmt, 10);
  f->seat = _psephos_col_str (stmt, 11);
  f->state = _psephos_col_str (stmt, 12);
  f->election = _psephos_col_str (stmt, 13);
  f->attribute = _psephos_col_str (stmt, 14);
  f->has_number = sqlite3_column_type (stmt, 15) != SQLITE_NULL;
  f->number = f->has_number ? sqlite3_column_double (stmt, 15) : NAN;
  f->text = _psephos_col_str (stmt, 16);
  f->qualifier = psephos_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 17));
  f->as_of = _psephos_col_str (stmt, 18);
  f->start = _psephos_col_int (stmt, 19);
  f->end = _psephos_col_int (stmt, 20);
  f->quote = _psephos_col_str (stmt, 21);
  f->row = _psephos_col_int (stmt, 22);
  f->status = psephos_fact_status_from_string ((const char *) sqlite3_column_text (stmt, 23));
  f->election_id = MAX (0, _psephos_col_int (stmt, 24));
  return f;
}

/* The facts of the same group that disagree with @f (for conflicts). */
static gboolean
fill_conflicts (PsephosStore *self, PsephosFact *f, const char *subject_key, GError **error)
{
  sqlite3_stmt *stmt = _psephos_store_prepare (self,
                                               "SELECT o.id, o.number, o.text, o.qualifier FROM fact o"
                                               " JOIN source os ON os.id = o.source_id"
                                               " JOIN source fs ON fs.id = ?4"
                                               " WHERE o.subject_key = ?1 AND o.attribute = ?2 AND o.as_of IS ?3 AND o.id != ?5"
                                               " AND coalesce (os.duplicate_of, os.id) != coalesce (fs.duplicate_of, fs.id)",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _psephos_bind_str (stmt, 1, subject_key);
  _psephos_bind_str (stmt, 2, f->attribute);
  _psephos_bind_str (stmt, 3, f->as_of);
  sqlite3_bind_int64 (stmt, 4, f->source_id);
  sqlite3_bind_int64 (stmt, 5, f->id);
  f->conflicts_with = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean agree;

      if (f->has_number && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        agree = _psephos_values_compatible (f->number, f->qualifier,
                                            sqlite3_column_double (stmt, 1),
                                            psephos_qualifier_from_string ((const char *) sqlite3_column_text (stmt, 3)));
      else if (f->text != NULL && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        agree = g_ascii_strcasecmp (f->text, (const char *) sqlite3_column_text (stmt, 2)) == 0;
      else
        agree = TRUE;
      if (!agree)
        g_array_append_val (f->conflicts_with, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (self, error, "cannot read the store");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
psephos_store_list_facts (PsephosStore *self, const PsephosFactQuery *query, GError **error)
{
  static const PsephosFactQuery all = { 0 };
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) psephos_fact_free);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  if (query == NULL)
    query = &all;

  /* One fixed statement per way of asking, so each can use its index; the
   * values are always bound, never written into the SQL. */
  if (query->source_id > 0)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.source_id = ?1 ORDER BY f.start IS NULL, f.start, f.id", error);
  else if (query->candidacy_id > 0)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.subject_key = 'candidacy:' || ?1 ORDER BY f.attribute, f.id", error);
  else if (query->person_id > 0)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.subject_key IN (SELECT 'candidacy:' || id FROM candidacy WHERE person_id = ?1)"
                                                    " OR (f.person_id = ?1 AND f.candidacy_id IS NULL)"
                                                    " ORDER BY f.attribute, f.id",
                                   error);
  else if (query->contest_id > 0)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.subject_key = 'contest:' || ?1 ORDER BY f.attribute, f.id", error);
  else if (query->party_id > 0)
    /* Party keys are "party:ID@ELECTION/CONTEST": a range of the index. */
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.subject_key >= 'party:' || ?1 || '@' AND f.subject_key < 'party:' || ?1 || 'A'"
                                                    " ORDER BY f.attribute, f.id",
                                   error);
  else if (query->election_id > 0 && query->has_subject_kind && query->subject_kind == PSEPHOS_SUBJECT_PARTY)
    /* The parties' facts about one election: for each party, the range
     * "party:ID@ELECTION/" of the index (one seek per party), instead of
     * reading every fact of the store. */
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.rowid IN"
                                                    " (SELECT g.rowid FROM party pp JOIN fact g"
                                                    "  ON g.subject_key >= 'party:' || pp.id || '@' || ?1 || '/'"
                                                    "  AND g.subject_key < 'party:' || pp.id || '@' || ?1 || '0')"
                                                    " ORDER BY f.id",
                                   error);
  else if (query->election_id > 0 && query->has_subject_kind && query->subject_kind == PSEPHOS_SUBJECT_ELECTION)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE f.subject_key = 'election:' || ?1 ORDER BY f.attribute, f.id", error);
  else if (query->election_id > 0)
    stmt = _psephos_store_prepare (self, FACT_QUERY " WHERE coalesce (f.election_id, c.election_id) = ?1 ORDER BY f.id", error);
  else
    stmt = _psephos_store_prepare (self, FACT_QUERY " ORDER BY f.id", error);
  if (stmt == NULL)
    return NULL;

  if (query->source_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->source_id);
  else if (query->candidacy_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->candidacy_id);
  else if (query->person_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->person_id);
  else if (query->contest_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->contest_id);
  else if (query->party_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->party_id);
  else if (query->election_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->election_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PsephosFact *f = fact_from_row (stmt);

      /* The remaining filters are checked here. */
      if ((query->source_id > 0 && f->source_id != query->source_id)
          || (query->election_id > 0 && f->election_id != query->election_id)
          || (query->party_id > 0 && f->party_id != query->party_id)
          || (query->candidacy_id > 0 && f->candidacy_id != query->candidacy_id)
          || (query->contest_id > 0 && f->contest_id != query->contest_id)
          || (query->person_id > 0 && f->person_id != query->person_id)
          || (query->has_subject_kind && f->subject_kind != query->subject_kind)
          || (query->attribute != NULL && g_strcmp0 (f->attribute, query->attribute) != 0))
        {
          psephos_fact_free (f);
          continue;
        }
      g_ptr_array_add (facts, f);
      g_ptr_array_add (keys, _psephos_col_str (stmt, 25));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (self, error, "cannot read the store");
      return NULL;
    }

  for (guint i = 0; i < facts->len; i++)
    {
      PsephosFact *f = g_ptr_array_index (facts, i);

      if ((f->status == PSEPHOS_FACT_CONFLICT || f->status == PSEPHOS_FACT_CONTRADICTED)
          && !fill_conflicts (self, f, g_ptr_array_index (keys, i), error))
        return NULL;
    }
  return g_steal_pointer (&facts);
}
