/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-commands.c — the import, query and check commands. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

#include "psephos-cli-output.h"
#include "psephos-ingest.h"

/* ---- shared helpers ------------------------------------------------------- */

void
_psephos_cli_error (PsephosCliContext *ctx, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (ctx->err, "psephos-cli: %s\n", g_strdelimit (message, "\r\n", ' '));
}

static const char *
default_store_path (void)
{
  const char *env = g_getenv ("PSEPHOS_SAMPLE_STORE");

  if (env != NULL && *env != '\0')
    return env;
  if (g_file_test (SAMPLE_STORE, G_FILE_TEST_EXISTS))
    return SAMPLE_STORE;
  return SAMPLE_STORE_BUILD;
}

PsephosStore *
_psephos_cli_open_store (PsephosCliContext *ctx, gboolean create, gboolean read_only)
{
  g_autoptr (GError) error = NULL;
  PsephosStore *store;
  PsephosStoreOpenFlags flags = PSEPHOS_STORE_OPEN_DEFAULT;

  if (ctx->store_path == NULL)
    ctx->store_path = default_store_path ();
  if (create)
    flags |= PSEPHOS_STORE_OPEN_CREATE;
  /* A command reads one snapshot of the store, in one transaction. */
  if (read_only)
    flags |= PSEPHOS_STORE_OPEN_READ_ONLY | PSEPHOS_STORE_OPEN_SNAPSHOT;
  store = psephos_store_open (ctx->store_path, flags, &error);
  if (store == NULL)
    _psephos_cli_error (ctx, "%s", error->message);
  return store;
}

PsephosElection *
_psephos_cli_find_election (PsephosCliContext *ctx, PsephosStore *store, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  PsephosElection *e;

  if (name != NULL)
    {
      e = psephos_store_find_election (store, name, &error);
      if (e == NULL)
        _psephos_cli_error (ctx, "%s", error->message);
      return e;
    }
  all = psephos_store_list_elections (store, &error);
  if (all == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return NULL;
    }
  if (all->len == 1)
    return g_ptr_array_steal_index (all, 0);
  if (all->len == 0)
    _psephos_cli_error (ctx, "%s: the store holds no election", psephos_store_get_path (store));
  else
    _psephos_cli_error (ctx, "%s: the store holds %u elections; name one with --election", psephos_store_get_path (store), all->len);
  return NULL;
}

/* Parses a command's options; on failure prints the problem. */
static gboolean
parse_options (PsephosCliContext *ctx, const char *parameter, const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The start every read command shares: its options, no stray arguments,
 * the --format (when @format is not NULL), then the store opened read-only.
 * NULL with *@status set (usage or rejected) when any of that fails. */
static PsephosStore *
begin_read_command (PsephosCliContext *ctx,
                    const GOptionEntry *entries,
                    char *const *format_text,
                    gboolean allow_csv,
                    PsephosCliFormat *format,
                    int *argc,
                    char ***argv,
                    int *status)
{
  PsephosStore *store;

  *status = PSEPHOS_CLI_USAGE;
  if (!parse_options (ctx, NULL, entries, argc, argv)
      || (format != NULL && !_psephos_cli_parse_format (ctx, *format_text, allow_csv, format)))
    return NULL;
  if (*argc > 1)
    {
      _psephos_cli_error (ctx, "%s takes no arguments", (*argv)[0]);
      return NULL;
    }
  *status = PSEPHOS_CLI_REJECTED;
  store = _psephos_cli_open_store (ctx, FALSE, TRUE);
  if (store != NULL)
    *status = PSEPHOS_CLI_OK;
  return store;
}

static char *
display_or_null (const char *name)
{
  return name != NULL ? psephos_name_display (name) : NULL;
}

/* ---- import ----------------------------------------------------------------- */

int
_psephos_cli_cmd_import (PsephosCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PsephosStore) store = NULL;
  g_autofree char *election = NULL;
  const GOptionEntry entries[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election, "The election, where a file does not say it", "NAME" },
    { NULL }
  };
  PsephosIngestOptions options = { 0 };
  int status = PSEPHOS_CLI_OK;

  if (!parse_options (ctx, "FILE…", entries, &argc, &argv))
    return PSEPHOS_CLI_USAGE;
  if (argc < 2)
    {
      _psephos_cli_error (ctx, "import needs at least one FILE");
      return PSEPHOS_CLI_USAGE;
    }
  if (ctx->store_path == NULL)
    {
      _psephos_cli_error (ctx, "import needs --store FILE (the sample store is not changed)");
      return PSEPHOS_CLI_USAGE;
    }
  store = _psephos_cli_open_store (ctx, TRUE, FALSE);
  if (store == NULL)
    return PSEPHOS_CLI_REJECTED;

  options.election = election;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      PsephosIngestOutcome outcome;

      if (!psephos_ingest_file (store, argv[i], &options, NULL, &outcome, &error))
        {
          /* One line per problem, whatever a hostile file put in a name. */
          fprintf (ctx->err, "%s\n", g_strdelimit (error->message, "\r\n", ' '));
          status = PSEPHOS_CLI_REJECTED;
          continue;
        }
      switch (outcome.status)
        {
          case PSEPHOS_INGEST_IMPORTED:
            fprintf (ctx->out, "%s: imported as source %" G_GINT64_FORMAT ", %u facts\n", argv[i], outcome.source_id, outcome.n_facts);
            break;
          case PSEPHOS_INGEST_UNCHANGED:
            fprintf (ctx->out, "%s: already imported as source %" G_GINT64_FORMAT ", nothing changed\n", argv[i], outcome.source_id);
            break;
          case PSEPHOS_INGEST_DUPLICATE:
            fprintf (ctx->out, "%s: imported as source %" G_GINT64_FORMAT ", a duplicate of source %" G_GINT64_FORMAT "\n",
                     argv[i], outcome.source_id, outcome.duplicate_of);
            break;
          default:
            g_assert_not_reached ();
        }
    }
  return status;
}

/* ---- sources / source ------------------------------------------------------------ */

int
_psephos_cli_cmd_sources (PsephosCliContext *ctx, int argc, char **argv)
{
  int status;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "text or jsonl", "FORMAT" },
    { NULL }
  };
  PsephosCliFormat format;

  if ((store = begin_read_command (ctx, entries, &format_text, FALSE, &format, &argc, &argv, &status)) == NULL)
    return status;
  if ((sources = psephos_store_list_sources (store, &error)) == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  for (guint i = 0; i < sources->len; i++)
    {
      PsephosSource *s = g_ptr_array_index (sources, i);

      if (format == PSEPHOS_CLI_FORMAT_JSONL)
        {
          g_autoptr (PsephosJson) b = _psephos_json_new ();

          _psephos_json_int (b, "id", s->id);
          _psephos_json_string (b, "kind", psephos_source_kind_to_string (s->kind));
          _psephos_json_string (b, "file", s->file);
          _psephos_json_string (b, "title", s->title);
          _psephos_json_string (b, "publisher", s->publisher);
          _psephos_json_string (b, "address", s->address);
          _psephos_json_string (b, "published_on", s->published_on);
          _psephos_json_id (b, "duplicate_of", s->duplicate_of);
          _psephos_json_string (b, "content_hash", s->content_hash);
          _psephos_cli_emit (ctx, b);
        }
      else
        {
          fprintf (ctx->out, "%3" G_GINT64_FORMAT "  %-8s  %s", s->id, psephos_source_kind_to_string (s->kind),
                   s->title ? s->title : s->file ? s->file
                                                 : "(untitled)");
          if (s->publisher || s->published_on)
            fprintf (ctx->out, " — %s%s%s", s->publisher ? s->publisher : "", s->publisher && s->published_on ? ", " : "",
                     s->published_on ? s->published_on : "");
          if (s->duplicate_of > 0)
            fprintf (ctx->out, "  (duplicate of %" G_GINT64_FORMAT ")", s->duplicate_of);
          fputc ('\n', ctx->out);
        }
    }
  return PSEPHOS_CLI_OK;
}

int
_psephos_cli_cmd_source (PsephosCliContext *ctx, int argc, char **argv)
{
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosSource) source = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = { { NULL } };
  char *end = NULL;
  gint64 id;

  if (!parse_options (ctx, "ID", entries, &argc, &argv))
    return PSEPHOS_CLI_USAGE;
  if (argc != 2 || (id = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    {
      _psephos_cli_error (ctx, "source needs one source ID (a number; see psephos-cli sources)");
      return PSEPHOS_CLI_USAGE;
    }
  if ((store = _psephos_cli_open_store (ctx, FALSE, TRUE)) == NULL)
    return PSEPHOS_CLI_REJECTED;
  if ((source = psephos_store_get_source (store, id, &error)) == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  fputs (source->body, ctx->out);
  return PSEPHOS_CLI_OK;
}

/* ---- facts ---------------------------------------------------------------------- */

static void
fact_to_json (PsephosCliContext *ctx, const PsephosFact *f)
{
  g_autoptr (PsephosJson) b = _psephos_json_new ();
  g_autofree char *seat = display_or_null (f->seat);

  _psephos_json_int (b, "id", f->id);
  _psephos_json_int (b, "source", f->source_id);
  _psephos_json_string (b, "kind", psephos_subject_kind_to_string (f->subject_kind));
  _psephos_json_string (b, "subject", f->subject_kind == PSEPHOS_SUBJECT_SEAT ? seat : f->subject);
  _psephos_json_string (b, "party", f->party);
  _psephos_json_string (b, "seat", seat);
  _psephos_json_string (b, "state", f->state);
  _psephos_json_string (b, "election", f->election);
  _psephos_json_string (b, "attribute", f->attribute);
  if (f->has_number)
    _psephos_json_number (b, "value", f->number);
  else
    _psephos_json_string (b, "value", f->text);
  _psephos_json_string (b, "qualifier", psephos_qualifier_to_string (f->qualifier));
  _psephos_json_string (b, "as_of", f->as_of);
  _psephos_json_int (b, "start", f->start);
  _psephos_json_int (b, "end", f->end);
  _psephos_json_string (b, "quote", f->quote);
  _psephos_json_int (b, "row", f->row);
  _psephos_json_string (b, "status", psephos_fact_status_to_string (f->status));
  _psephos_json_int_array (b, "conflicts_with", f->conflicts_with);
  _psephos_json_id (b, "candidacy", f->candidacy_id);
  _psephos_json_id (b, "person", f->person_id);
  _psephos_cli_emit (ctx, b);
}

static void
fact_to_text (PsephosCliContext *ctx, const PsephosFact *f)
{
  g_autofree char *value = NULL;
  g_autofree char *seat = display_or_null (f->seat);

  if (f->has_number && f->number == floor (f->number))
    value = _psephos_cli_format_count ((gint64) f->number);
  else if (f->has_number)
    value = g_strdup_printf ("%.2f", f->number);
  else
    value = g_strdup (f->text ? f->text : "—");

  fprintf (ctx->out, "#%" G_GINT64_FORMAT "  %s", f->id, f->subject ? f->subject : "?");
  if (f->party && f->subject_kind == PSEPHOS_SUBJECT_CANDIDATE)
    fprintf (ctx->out, " (%s)", f->party);
  if (seat && f->subject_kind != PSEPHOS_SUBJECT_SEAT)
    fprintf (ctx->out, ", %s", seat);
  fprintf (ctx->out, ": %s = %s", f->attribute, value);
  if (f->qualifier != PSEPHOS_QUALIFIER_EXACT)
    fprintf (ctx->out, " (%s)", psephos_qualifier_to_string (f->qualifier));
  if (f->as_of)
    fprintf (ctx->out, " as of %s", f->as_of);
  fprintf (ctx->out, "  [%s]", psephos_fact_status_to_string (f->status));
  if (f->row > 0)
    fprintf (ctx->out, "  source %" G_GINT64_FORMAT " line %" G_GINT64_FORMAT "\n", f->source_id, f->row);
  else
    fprintf (ctx->out, "  source %" G_GINT64_FORMAT " “%s”\n", f->source_id, f->quote ? f->quote : "");
}

int
_psephos_cli_cmd_facts (PsephosCliContext *ctx, int argc, char **argv)
{
  int status;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *election_name = NULL;
  gint64 source_id = 0;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_INT64, &source_id, "Only the facts of this source", "ID" },
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_name, "Only the facts about this election", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "text or jsonl", "FORMAT" },
    { NULL }
  };
  PsephosFactQuery query = { 0 };
  PsephosCliFormat format;

  if ((store = begin_read_command (ctx, entries, &format_text, FALSE, &format, &argc, &argv, &status)) == NULL)
    return status;
  if (election_name != NULL)
    {
      if ((election = _psephos_cli_find_election (ctx, store, election_name)) == NULL)
        return PSEPHOS_CLI_REJECTED;
      query.election_id = election->id;
    }
  if (source_id > 0)
    {
      g_autoptr (PsephosSource) source = psephos_store_get_source (store, source_id, &error);
      if (source == NULL)
        {
          _psephos_cli_error (ctx, "%s", error->message);
          return PSEPHOS_CLI_REJECTED;
        }
      query.source_id = source_id;
    }
  if ((facts = psephos_store_list_facts (store, &query, &error)) == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  for (guint i = 0; i < facts->len; i++)
    {
      if (format == PSEPHOS_CLI_FORMAT_JSONL)
        fact_to_json (ctx, g_ptr_array_index (facts, i));
      else
        fact_to_text (ctx, g_ptr_array_index (facts, i));
    }
  return PSEPHOS_CLI_OK;
}

/* ---- tree ---------------------------------------------------------------------- */

static const char *const tree_csv_columns[] = {
  "kind", "election", "state", "seat", "name", "number", "party", "votes", "evm_votes", "postal_votes",
  "vote_share_pct", "result", "margin", "electors", "turnout_pct", "status", "winner", "winner_party",
  "reservation", "votes_polled", "nota_votes", NULL
};

/* "# source: …" lines naming every source that speaks of the elections. */
static gboolean
emit_csv_sources (PsephosCliContext *ctx, PsephosStore *store, GPtrArray *elections, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < elections->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (elections, i);
      GPtrArray *sources = psephos_store_list_election_sources (store, e->id, error);

      if (sources == NULL)
        return FALSE;
      g_ptr_array_add (keep, sources);
      for (guint j = 0; j < sources->len; j++)
        {
          PsephosSource *src = g_ptr_array_index (sources, j);

          if (!g_hash_table_add (seen, &src->id))
            continue;
          fprintf (ctx->out, "# source %" G_GINT64_FORMAT ": %s %s%s%s%s%s%s%s\r\n", src->id,
                   psephos_source_kind_to_string (src->kind), src->file ? src->file : "",
                   src->title ? " — " : "", src->title ? src->title : "",
                   src->publisher ? ", " : "", src->publisher ? src->publisher : "",
                   src->published_on ? ", " : "", src->published_on ? src->published_on : "");
        }
    }
  fputs ("# each number's sources, to the words: psephos-cli facts --format jsonl\r\n", ctx->out);
  return TRUE;
}

static char *
int_or_null (gint64 v)
{
  return v < 0 ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, v);
}

static char *
pct_or_null (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return isnan (v) ? NULL : g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

static void
emit_csv_row (PsephosCliContext *ctx, const char *const *values)
{
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; tree_csv_columns[i] != NULL; i++)
    _psephos_csv_field (line, values[i], i == 0);
  fprintf (ctx->out, "%s\r\n", line->str);
}

static void
emit_state (PsephosCliContext *ctx, PsephosCliFormat format, const PsephosElection *e, const PsephosStateRow *st)
{
  if (format == PSEPHOS_CLI_FORMAT_JSONL)
    {
      g_autoptr (PsephosJson) b = _psephos_json_new ();

      _psephos_json_string (b, "kind", "state");
      _psephos_json_string (b, "election", e->name);
      _psephos_json_string (b, "state", st->name);
      _psephos_json_string (b, "seat", NULL);
      _psephos_json_string (b, "name", st->name);
      _psephos_json_string (b, "code", st->eci_code);
      _psephos_json_int (b, "seats", st->n_seats);
      _psephos_cli_emit (ctx, b);
    }
  else if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      const char *v[G_N_ELEMENTS (tree_csv_columns)] = { "state", e->name, st->name, NULL, st->name };
      emit_csv_row (ctx, v);
    }
  else
    fprintf (ctx->out, "%s (%d %s)\n", st->name, st->n_seats, st->n_seats == 1 ? "seat" : "seats");
}

static void
emit_seat (PsephosCliContext *ctx, PsephosCliFormat format, const PsephosElection *e, const PsephosSeatRow *s)
{
  if (format == PSEPHOS_CLI_FORMAT_JSONL)
    {
      g_autoptr (PsephosJson) b = _psephos_json_new ();

      _psephos_json_string (b, "kind", "seat");
      _psephos_json_string (b, "election", e->name);
      _psephos_json_string (b, "state", s->state_name);
      _psephos_json_string (b, "seat", s->display_name);
      _psephos_json_string (b, "name", s->display_name);
      _psephos_json_string (b, "name_as_written", s->name);
      _psephos_json_int (b, "number", s->number > 0 ? s->number : -1);
      _psephos_json_string (b, "reservation", s->reservation);
      _psephos_json_int (b, "electors", s->electors);
      _psephos_json_int (b, "votes_polled", s->votes_polled);
      _psephos_json_number (b, "turnout_pct", s->turnout_pct);
      _psephos_json_int (b, "nota_votes", s->nota_votes);
      _psephos_json_string (b, "status", psephos_contest_status_to_string (s->status));
      _psephos_json_string (b, "winner", s->winner_name);
      _psephos_json_string (b, "winner_party", s->winner_party);
      _psephos_json_string (b, "winner_result", psephos_result_to_string (s->winner_result));
      _psephos_json_int (b, "margin", s->margin);
      _psephos_cli_emit (ctx, b);
    }
  else if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      g_autofree char *number = int_or_null (s->number > 0 ? s->number : -1);
      g_autofree char *margin = int_or_null (s->margin);
      g_autofree char *electors = int_or_null (s->electors);
      g_autofree char *turnout = pct_or_null (s->turnout_pct);
      g_autofree char *votes_polled = int_or_null (s->votes_polled);
      g_autofree char *nota = int_or_null (s->nota_votes);
      const char *v[G_N_ELEMENTS (tree_csv_columns)] = {
        "seat",
        e->name,
        s->state_name,
        s->display_name,
        s->display_name,
        number,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        NULL,
        margin,
        electors,
        turnout,
        psephos_contest_status_to_string (s->status),
        s->winner_name,
        s->winner_party,
        s->reservation,
        votes_polled,
        nota,
      };
      emit_csv_row (ctx, v);
    }
  else
    {
      g_autofree char *margin = _psephos_cli_format_count (s->margin);

      if (s->number > 0)
        fprintf (ctx->out, "  %3d  %s", s->number, s->display_name);
      else
        fprintf (ctx->out, "       %s", s->display_name);
      if (s->winner_name)
        fprintf (ctx->out, " — %s %s (%s)%s%s", psephos_result_to_string (s->winner_result) ? psephos_result_to_string (s->winner_result) : "",
                 s->winner_name, s->winner_party ? s->winner_party : "?",
                 s->margin >= 0 ? ", margin " : "", s->margin >= 0 ? margin : "");
      fputc ('\n', ctx->out);
    }
}

static void
emit_candidate (PsephosCliContext *ctx, PsephosCliFormat format, const PsephosElection *e, const PsephosSeatRow *s, const PsephosCandidacy *c)
{
  if (format == PSEPHOS_CLI_FORMAT_JSONL)
    {
      g_autoptr (PsephosJson) b = _psephos_json_new ();

      _psephos_json_string (b, "kind", "candidate");
      _psephos_json_string (b, "election", e->name);
      _psephos_json_string (b, "state", s->state_name);
      _psephos_json_string (b, "seat", s->display_name);
      _psephos_json_string (b, "name", c->display_name);
      _psephos_json_string (b, "name_as_written", c->name);
      _psephos_json_string (b, "party", c->party);
      _psephos_json_string (b, "party_name", c->party_name);
      _psephos_json_int (b, "votes", c->votes);
      _psephos_json_int (b, "evm_votes", c->evm_votes);
      _psephos_json_int (b, "postal_votes", c->postal_votes);
      _psephos_json_number (b, "vote_share_pct", isnan (c->vote_share_pct) ? NAN : round (c->vote_share_pct * 100) / 100);
      _psephos_json_string (b, "result", psephos_result_to_string (c->result));
      _psephos_json_int (b, "margin", c->margin);
      _psephos_json_int (b, "rank", c->rank > 0 ? c->rank : -1);
      _psephos_cli_emit (ctx, b);
    }
  else if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      g_autofree char *votes = int_or_null (c->votes);
      g_autofree char *evm = int_or_null (c->evm_votes);
      g_autofree char *postal = int_or_null (c->postal_votes);
      g_autofree char *share = pct_or_null (c->vote_share_pct);
      g_autofree char *margin = int_or_null (c->margin);
      const char *v[G_N_ELEMENTS (tree_csv_columns)] = {
        "candidate",
        e->name,
        s->state_name,
        s->display_name,
        c->display_name,
        NULL,
        c->party,
        votes,
        evm,
        postal,
        share,
        psephos_result_to_string (c->result),
        margin,
      };
      emit_csv_row (ctx, v);
    }
  else
    {
      g_autofree char *votes = _psephos_cli_format_count (c->votes);

      fprintf (ctx->out, "         %-32s %-10s %12s  %s\n", c->display_name, c->party ? c->party : "—", votes,
               psephos_result_to_string (c->result) ? psephos_result_to_string (c->result) : "");
    }
}

static gboolean
tree_election (PsephosCliContext *ctx, PsephosStore *store, PsephosCliFormat format, const PsephosElection *e, GError **error)
{
  g_autoptr (GPtrArray) states = psephos_store_list_states (store, e->id, error);

  if (states == NULL)
    return FALSE;
  if (format == PSEPHOS_CLI_FORMAT_TEXT)
    fprintf (ctx->out, "%s\n", e->name);
  for (guint i = 0; i < states->len; i++)
    {
      PsephosStateRow *st = g_ptr_array_index (states, i);
      g_autoptr (GPtrArray) seats = psephos_store_list_seats (store, e->id, st->id, error);

      if (seats == NULL)
        return FALSE;
      emit_state (ctx, format, e, st);
      for (guint j = 0; j < seats->len; j++)
        {
          PsephosSeatRow *s = g_ptr_array_index (seats, j);
          g_autoptr (GPtrArray) candidates = psephos_store_list_candidacies (store, s->contest_id, error);

          if (candidates == NULL)
            return FALSE;
          emit_seat (ctx, format, e, s);
          for (guint k = 0; k < candidates->len; k++)
            emit_candidate (ctx, format, e, s, g_ptr_array_index (candidates, k));
        }
    }
  return TRUE;
}

int
_psephos_cli_cmd_tree (PsephosCliContext *ctx, int argc, char **argv)
{
  int status;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *election_name = NULL;
  const GOptionEntry entries[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_name, "Only this election", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "text, jsonl or csv", "FORMAT" },
    { NULL }
  };
  PsephosCliFormat format;

  if ((store = begin_read_command (ctx, entries, &format_text, TRUE, &format, &argc, &argv, &status)) == NULL)
    return status;

  if (election_name != NULL)
    {
      PsephosElection *e = _psephos_cli_find_election (ctx, store, election_name);
      if (e == NULL)
        return PSEPHOS_CLI_REJECTED;
      elections = g_ptr_array_new_with_free_func ((GDestroyNotify) psephos_election_free);
      g_ptr_array_add (elections, e);
    }
  else if ((elections = psephos_store_list_elections (store, &error)) == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }

  if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      if (!emit_csv_sources (ctx, store, elections, &error))
        {
          _psephos_cli_error (ctx, "%s", error->message);
          return PSEPHOS_CLI_REJECTED;
        }
      emit_csv_row (ctx, tree_csv_columns);
    }
  for (guint i = 0; i < elections->len; i++)
    if (!tree_election (ctx, store, format, g_ptr_array_index (elections, i), &error))
      {
        _psephos_cli_error (ctx, "%s", error->message);
        return PSEPHOS_CLI_REJECTED;
      }
  return PSEPHOS_CLI_OK;
}

/* ---- tally ------------------------------------------------------------------- */

static void
emit_tally (PsephosCliContext *ctx, PsephosCliFormat format, const PsephosElection *e, const PsephosTallyRow *t)
{
  const char *kind = t->kind == PSEPHOS_TALLY_ALLIANCE ? "alliance" : "party";
  const char *name = t->abbreviation ? t->abbreviation : t->name;

  if (format == PSEPHOS_CLI_FORMAT_JSONL)
    {
      g_autoptr (PsephosJson) b = _psephos_json_new ();

      _psephos_json_string (b, "election", e->name);
      _psephos_json_string (b, "kind", kind);
      _psephos_json_string (b, "name", name);
      _psephos_json_string (b, "full_name", t->name);
      _psephos_json_int (b, "won", t->won);
      _psephos_json_int (b, "leading", t->leading);
      _psephos_json_int (b, "total", t->won + t->leading);
      _psephos_json_string (b, "as_of", t->as_of);
      _psephos_cli_emit (ctx, b);
    }
  else if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      g_autofree char *won = g_strdup_printf ("%d", t->won);
      g_autofree char *leading = g_strdup_printf ("%d", t->leading);

      _psephos_csv_field (line, e->name, TRUE);
      _psephos_csv_field (line, kind, FALSE);
      _psephos_csv_field (line, name, FALSE);
      _psephos_csv_field (line, t->name, FALSE);
      _psephos_csv_field (line, won, FALSE);
      _psephos_csv_field (line, leading, FALSE);
      fprintf (ctx->out, "%s\r\n", line->str);
    }
  else
    fprintf (ctx->out, "  %-9s %-12s won %4d  leading %4d  total %4d\n", kind, name, t->won, t->leading, t->won + t->leading);
}

int
_psephos_cli_cmd_tally (PsephosCliContext *ctx, int argc, char **argv)
{
  int status;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (GPtrArray) parties = NULL;
  g_autoptr (GPtrArray) alliances = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *election_name = NULL;
  const GOptionEntry entries[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_name, "The election", "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "text, jsonl or csv", "FORMAT" },
    { NULL }
  };
  PsephosCliFormat format;

  if ((store = begin_read_command (ctx, entries, &format_text, TRUE, &format, &argc, &argv, &status)) == NULL)
    return status;
  if ((election = _psephos_cli_find_election (ctx, store, election_name)) == NULL)
    return PSEPHOS_CLI_REJECTED;
  if ((parties = psephos_store_party_tally (store, election->id, &error)) == NULL
      || (alliances = psephos_store_alliance_tally (store, election->id, &error)) == NULL)
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  if (format == PSEPHOS_CLI_FORMAT_TEXT)
    {
      fprintf (ctx->out, "%s: %d of %d seats declared", election->name, election->n_declared, election->n_contests);
      if (election->majority_mark > 0)
        fprintf (ctx->out, ", majority %d", election->majority_mark);
      fputc ('\n', ctx->out);
    }
  else if (format == PSEPHOS_CLI_FORMAT_CSV)
    {
      g_autoptr (GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, election);
      fputs ("# source: seats won and leading per party, counted from the contests' results of\r\n", ctx->out);
      if (!emit_csv_sources (ctx, store, one, &error))
        {
          _psephos_cli_error (ctx, "%s", error->message);
          return PSEPHOS_CLI_REJECTED;
        }
      fputs ("election,kind,name,full_name,won,leading\r\n", ctx->out);
    }
  for (guint i = 0; i < parties->len; i++)
    emit_tally (ctx, format, election, g_ptr_array_index (parties, i));
  for (guint i = 0; i < alliances->len; i++)
    emit_tally (ctx, format, election, g_ptr_array_index (alliances, i));
  return PSEPHOS_CLI_OK;
}

/* ---- check ------------------------------------------------------------------- */

int
_psephos_cli_cmd_check (PsephosCliContext *ctx, int argc, char **argv)
{
  int status;
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = { { NULL } };

  if ((store = begin_read_command (ctx, entries, NULL, FALSE, NULL, &argc, &argv, &status)) == NULL)
    return status;
  if (!psephos_store_check (store, &error))
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  fprintf (ctx->out, "%s: ok\n", psephos_store_get_path (store));
  return PSEPHOS_CLI_OK;
}
