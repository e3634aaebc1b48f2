/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-results.c — imports official results CSV files.
 *
 * Three formats, told apart by their header:
 *  - india-votes-data assembly files (results/<YEAR>Assembly-<ST>.csv):
 *    one row per candidate with EVM and postal votes; NOTA is a row;
 *  - the Lok Sabha 2024 file of the same project (';'-separated, quoted):
 *    total votes only, and no year: the election must be named by the user;
 *  - the ElectionLens flat table: many elections (house × state × year) in
 *    one file, with electors, turnout, valid votes and NOTA per contest.
 *
 * Each file becomes one official source whose body is the file's text, and
 * every number read becomes a fact pointing at its row and characters
 * (psephos-results-rows.c). The whole file is one store transaction.
 */
#include "config.h"

#include <string.h>

#include "psephos-results-private.h"

#define PROGRESS_EVERY 4096

static const ColumnSpec assembly_columns[] = {
  { COL_YEAR, "election_year", TRUE },
  { COL_TYPE, "election_type", TRUE },
  { COL_STATE, "election_state", TRUE },
  { COL_SEAT, "constituency", TRUE },
  { COL_SEAT_NUMBER, "constituency_no", TRUE },
  { -1, "serial_no", FALSE },
  { COL_CANDIDATE, "candidate", TRUE },
  { COL_PARTY, "party", TRUE },
  { COL_EVM, "evm_votes", TRUE },
  { COL_POSTAL, "postal_votes", TRUE },
  { -1, NULL, FALSE },
};

static const ColumnSpec lok_sabha_columns[] = {
  { COL_STATE, "State", TRUE },
  { COL_SEAT, "Constituency", TRUE },
  { COL_PARTY, "Party", TRUE },
  { COL_CANDIDATE, "Candidate", TRUE },
  { COL_VOTES, "Votes", TRUE },
  { COL_STATE_CODE, "State ID", FALSE },
  /* Not the seat's number: the file cuts it to its first digit (Eluru,
   * seat 10 of Andhra Pradesh, is "1"), so it is not read. */
  { -1, "Constituency ID", FALSE },
  { -1, NULL, FALSE },
};

static const ColumnSpec electionlens_columns[] = {
  { COL_HOUSE, "house", TRUE },
  { COL_STATE, "state_code", TRUE },
  { COL_YEAR, "year", TRUE },
  { -1, "seat_key", FALSE },
  { COL_SEAT_NUMBER, "constituency_no", FALSE },
  { COL_SEAT, "constituency_name", TRUE },
  { COL_RESERVATION, "constituency_type", FALSE },
  { COL_VALID_VOTES, "valid_votes", FALSE },
  { COL_NOTA, "nota_votes", FALSE },
  { COL_ELECTORS, "electors", FALSE },
  { COL_TURNOUT, "turnout", FALSE },
  { -1, "position", FALSE },
  { COL_CANDIDATE, "candidate", TRUE },
  { COL_PARTY, "party", TRUE },
  { COL_VOTES, "votes", TRUE },
  { -1, "vote_share", FALSE },
  { -1, "margin", FALSE },
  { COL_SEX, "sex", FALSE },
  { -1, "deposit_lost", FALSE },
  { -1, NULL, FALSE },
};

static const FormatSpec formats[] = {
  { FORMAT_ASSEMBLY, ',', assembly_columns },
  { FORMAT_LOK_SABHA_2024, ';', lok_sabha_columns },
  { FORMAT_ELECTIONLENS, ',', electionlens_columns },
};

/* ---- recognising the header ---------------------------------------------- */

static gboolean
column_name_equal (const char *a,
                   const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a));

  return g_ascii_strcasecmp (x, b) == 0;
}

/* How many of the format's columns the header has. */
static guint
format_score (const FormatSpec *spec,
              PsephosCsv *header)
{
  guint n = psephos_csv_get_n_fields (header);
  guint score = 0;

  for (const ColumnSpec *c = spec->columns; c->name != NULL; c++)
    for (guint i = 0; i < n; i++)
      if (column_name_equal (psephos_csv_get_field (header, i), c->name))
        {
          score++;
          break;
        }

  return score;
}

static guint
spec_n_columns (const FormatSpec *spec)
{
  guint n = 0;

  for (const ColumnSpec *c = spec->columns; c->name != NULL; c++)
    n++;
  return n;
}

/* A header is recognised when it has more than half of a format's columns,
 * so that a file with a column missing is still recognised, and then
 * refused naming the column. */
static const FormatSpec *
detect_format (const char *data,
               gsize len)
{
  const char *end;
  gsize line_len;
  const FormatSpec *best = NULL;
  guint best_score = 0;

  if (data == NULL || len == 0)
    return NULL;
  end = memchr (data, '\n', len);
  line_len = end ? (gsize) (end - data) + 1 : len;

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (PsephosCsv) header = psephos_csv_new ("header", data, line_len, formats[f].separator);
      guint score;

      if (!psephos_csv_next (header, NULL))
        continue;
      score = format_score (&formats[f], header);
      if (score * 2 > spec_n_columns (&formats[f]) && score > best_score)
        {
          best = &formats[f];
          best_score = score;
        }
    }

  return best;
}

gboolean
psephos_results_sniff (const char *head,
                       gsize len)
{
  g_return_val_if_fail (head != NULL || len == 0, FALSE);

  return detect_format (head, len) != NULL;
}

/* ---- the import ------------------------------------------------------------ */

static gboolean
map_columns (PsephosResultsImport *self,
             GError **error)
{
  guint n = psephos_csv_get_n_fields (self->csv);

  for (guint i = 0; i < N_COLS; i++)
    self->col[i] = -1;

  for (const ColumnSpec *c = self->spec->columns; c->name != NULL; c++)
    {
      int found = -1;

      for (guint i = 0; i < n && found < 0; i++)
        if (column_name_equal (psephos_csv_get_field (self->csv, i), c->name))
          found = (int) i;

      if (found < 0 && c->required)
        {
          _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path,
                                     psephos_csv_get_line (self->csv),
                                     "the header has no ‘%s’ column", c->name);
          return FALSE;
        }
      if (c->col >= 0)
        self->col[c->col] = found;
    }

  return TRUE;
}

gboolean
psephos_results_import (PsephosStore *store,
                        const char *path,
                        GBytes *contents,
                        const PsephosIngestOptions *options,
                        GCancellable *cancellable,
                        PsephosIngestOutcome *outcome,
                        GError **error)
{
  static const PsephosIngestOptions no_options = { 0 };
  g_autoptr (PsephosImport) imp = NULL;
  g_autoptr (PsephosCsv) csv = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base = NULL;
  g_autofree char *body = NULL;
  PsephosIngestOutcome unused;
  PsephosSource source = { 0 };
  PsephosResultsImport self = { 0 };
  const FormatSpec *spec;
  const char *data;
  gsize len;
  guint n_rows = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &no_options;
  if (outcome == NULL)
    outcome = &unused;
  memset (outcome, 0, sizeof *outcome);

  data = g_bytes_get_data (contents, &len);
  if (len == 0 || data == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
      return FALSE;
    }

  spec = detect_format (data, len);
  if (spec == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, path, 1,
                                 "not an official results format Psephos knows (unrecognised header)");
      return FALSE;
    }

  /* Reading the header checks the whole file is UTF-8. */
  csv = psephos_csv_new (path, data, len, spec->separator);
  if (!psephos_csv_next (csv, error))
    {
      if (error != NULL && *error == NULL)
        _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
      return FALSE;
    }

  self.path = path;
  self.data = data;
  self.len = len;
  self.csv = csv;
  self.spec = spec;
  self.options = options;
  if (!map_columns (&self, error))
    return FALSE;

  if (spec->format == FORMAT_LOK_SABHA_2024 && (options->election == NULL || options->election[0] == '\0'))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_NO_ELECTION, path, 0,
                                 "the file does not say which election it is; name it with --election");
      return FALSE;
    }

  imp = _psephos_ingest_begin_source (store, contents, &hash, outcome, error);
  if (imp == NULL)
    return outcome->status == PSEPHOS_INGEST_UNCHANGED;

  base = g_path_get_basename (path);
  body = g_strndup (data, len);
  source.kind = PSEPHOS_SOURCE_OFFICIAL;
  source.file = base;
  source.body = body;
  source.content_hash = hash;
  outcome->source_id = psephos_import_add_source (imp, &source, error);
  if (outcome->source_id <= 0)
    return FALSE;
  g_clear_pointer (&body, g_free);

  self.imp = imp;
  _psephos_results_import_init (&self);

  for (;;)
    {
      g_autoptr (GError) row_error = NULL;

      if (!psephos_csv_next (csv, &row_error))
        {
          if (row_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&row_error));
              goto out;
            }
          break;
        }
      self.line = psephos_csv_get_line (csv);
      if (!_psephos_results_import_row (&self, error))
        goto out;
      n_rows++;

      if (n_rows % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (options->progress != NULL)
            options->progress (0.9 * psephos_csv_get_fraction (csv), options->progress_data);
        }
    }

  if (n_rows == 0)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0,
                                 "a header but no results rows");
      goto out;
    }

  if (!_psephos_results_import_finish (&self, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (options->progress != NULL)
    options->progress (0.9, options->progress_data);
  if (!psephos_import_commit (g_steal_pointer (&imp), error))
    goto out;
  if (options->progress != NULL)
    options->progress (1.0, options->progress_data);

  outcome->status = PSEPHOS_INGEST_IMPORTED;
  outcome->n_facts = self.n_facts;
  outcome->n_rows = n_rows;
  ok = TRUE;

out:
  _psephos_results_import_clear (&self);
  if (!ok)
    {
      outcome->source_id = 0;
      /* Store errors do not name the file and line: add them. */
      if (error != NULL && *error != NULL && (*error)->domain != PSEPHOS_INGEST_ERROR && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self.line > 0)
        g_prefix_error (error, "%s:%u: ", path, self.line);
    }
  return ok;
}
