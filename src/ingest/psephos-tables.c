/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tables.c — parties, states and alliances, read once from the
 * GResource TSV files (see the data/ folder for their columns).
 *
 * The files are simple on purpose, so that anyone can add a spelling: one
 * row per party/state, tab-separated, a header line, '#' comments, aliases
 * separated by '|'. When two rows claim the same spelling the first wins.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "psephos-ingest-resources.h"
#include "psephos-tables.h"

#define RESOURCE_DIR "/io/github/psephos/Psephos/ingest/"

typedef struct
{
  char *alliance; /* abbreviation, owned by the alliance info */
  int year;
  char *state_abbr;    /* NULL: national */
  GHashTable *members; /* party key → NULL (a set) */
} AllianceRow;

typedef struct
{
  GHashTable *parties;   /* key → PsephosPartyInfo* */
  GHashTable *states;    /* key → PsephosStateInfo* */
  GHashTable *alliances; /* key → PsephosAllianceInfo* */
  GPtrArray *alliance_rows;
} Tables;

char *
psephos_tables_key (const char *s)
{
  GString *key;

  g_return_val_if_fail (s != NULL, NULL);

  key = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (key, g_ascii_tolower (c));
          else if (c == '&')
            g_string_append (key, "and");
        }
      else if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (key, g_unichar_tolower (c));
        }
    }

  return g_string_free (key, FALSE);
}

/* Splits @text into lines of tab-separated columns, skipping the header,
 * blank lines and comments; calls @row for each. */
static void
read_tsv (const char *resource,
          guint min_columns,
          void (*row) (Tables *tables, char **columns, guint n_columns),
          Tables *tables)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data;

  bytes = g_resource_lookup_data (psephos_ingest_get_resource (),
                                  resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in table %s is missing: %s", resource, error->message);

  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 1; lines[i] != NULL; i++) /* lines[0] is the header */
    {
      g_auto (GStrv) columns = NULL;
      guint n;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (columns);
      if (n < min_columns)
        {
          g_critical ("%s:%u: %u columns, expected at least %u", resource, i + 1, n, min_columns);
          continue;
        }
      for (guint c = 0; c < n; c++)
        g_strstrip (columns[c]);
      row (tables, columns, n);
    }
}

static void
add_key (GHashTable *table,
         const char *spelling,
         gpointer info)
{
  char *key;

  if (spelling == NULL || spelling[0] == '\0')
    return;
  key = psephos_tables_key (spelling);
  if (key[0] == '\0' || g_hash_table_contains (table, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (table, key, info);
}

static void
add_aliases (GHashTable *table,
             char **columns,
             guint n_columns,
             guint alias_column,
             gpointer info)
{
  g_auto (GStrv) aliases = NULL;

  if (n_columns <= alias_column)
    return;
  aliases = g_strsplit (columns[alias_column], "|", -1);
  for (guint i = 0; aliases[i] != NULL; i++)
    add_key (table, g_strstrip (aliases[i]), info);
}

/* abbreviation, name, colour, aliases */
static void
party_row (Tables *tables,
           char **columns,
           guint n_columns)
{
  PsephosPartyInfo *info = g_new0 (PsephosPartyInfo, 1);

  info->abbreviation = g_intern_string (columns[0]);
  info->name = g_intern_string (columns[1]);
  info->colour = columns[2][0] ? g_intern_string (columns[2]) : NULL;

  add_key (tables->parties, info->abbreviation, info);
  add_key (tables->parties, info->name, info);
  add_aliases (tables->parties, columns, n_columns, 3, info);
}

/* name, abbr, eci_code, aliases */
static void
state_row (Tables *tables,
           char **columns,
           guint n_columns)
{
  PsephosStateInfo *info = g_new0 (PsephosStateInfo, 1);

  info->name = g_intern_string (columns[0]);
  info->abbr = g_intern_string (columns[1]);
  info->eci_code = g_intern_string (columns[2]);

  add_key (tables->states, info->name, info);
  add_key (tables->states, info->abbr, info);
  add_key (tables->states, info->eci_code, info);
  add_aliases (tables->states, columns, n_columns, 3, info);
}

/* alliance, name, colour, year, state (empty: national), members */
static void
alliance_row (Tables *tables,
              char **columns,
              guint n_columns)
{
  g_autofree char *key = psephos_tables_key (columns[0]);
  g_auto (GStrv) members = NULL;
  PsephosAllianceInfo *info;
  AllianceRow *row;

  info = g_hash_table_lookup (tables->alliances, key);
  if (info == NULL)
    {
      info = g_new0 (PsephosAllianceInfo, 1);
      info->abbreviation = g_intern_string (columns[0]);
      info->name = g_intern_string (columns[1]);
      info->colour = columns[2][0] ? g_intern_string (columns[2]) : NULL;
      g_hash_table_insert (tables->alliances, g_steal_pointer (&key), info);
    }

  row = g_new0 (AllianceRow, 1);
  row->alliance = (char *) info->abbreviation;
  row->year = (int) g_ascii_strtoll (columns[3], NULL, 10);
  if (columns[4][0] != '\0')
    {
      g_autofree char *state_key = psephos_tables_key (columns[4]);
      const PsephosStateInfo *state = g_hash_table_lookup (tables->states, state_key);

      row->state_abbr = (char *) g_intern_string (state ? state->abbr : columns[4]);
    }
  row->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  members = g_strsplit (columns[5], "|", -1);
  for (guint i = 0; members[i] != NULL; i++)
    {
      char *member = psephos_tables_key (members[i]);

      if (member[0] == '\0')
        g_free (member);
      else
        g_hash_table_add (row->members, member);
    }
  g_ptr_array_add (tables->alliance_rows, row);
}

static Tables *
tables_get (void)
{
  static gsize once = 0;
  static Tables *tables = NULL;

  if (g_once_init_enter (&once))
    {
      Tables *t = g_new0 (Tables, 1);

      t->parties = g_hash_table_new (g_str_hash, g_str_equal);
      t->states = g_hash_table_new (g_str_hash, g_str_equal);
      t->alliances = g_hash_table_new (g_str_hash, g_str_equal);
      t->alliance_rows = g_ptr_array_new ();

      read_tsv (RESOURCE_DIR "parties.tsv", 3, party_row, t);
      read_tsv (RESOURCE_DIR "states.tsv", 3, state_row, t);
      read_tsv (RESOURCE_DIR "alliances.tsv", 6, alliance_row, t);

      tables = t;
      g_once_init_leave (&once, 1);
    }

  return tables;
}

const PsephosPartyInfo *
psephos_tables_lookup_party (const char *name_abbr_or_alias)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (name_abbr_or_alias != NULL, NULL);

  key = psephos_tables_key (name_abbr_or_alias);
  return g_hash_table_lookup (tables_get ()->parties, key);
}

const PsephosStateInfo *
psephos_tables_lookup_state (const char *name_abbr_or_code)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (name_abbr_or_code != NULL, NULL);

  key = psephos_tables_key (name_abbr_or_code);
  return g_hash_table_lookup (tables_get ()->states, key);
}

const PsephosAllianceInfo *
psephos_tables_lookup_alliance (const char *abbreviation)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (abbreviation != NULL, NULL);

  key = psephos_tables_key (abbreviation);
  return g_hash_table_lookup (tables_get ()->alliances, key);
}

const char *
psephos_tables_alliance_of (const char *party_abbr,
                            int year,
                            const char *state_abbr_or_null)
{
  Tables *t = tables_get ();
  const char *state_abbr = NULL;
  g_autofree char *party_key = NULL;
  gboolean state_has_rows = FALSE;

  g_return_val_if_fail (party_abbr != NULL, NULL);

  {
    const PsephosPartyInfo *party = psephos_tables_lookup_party (party_abbr);

    party_key = psephos_tables_key (party ? party->abbreviation : party_abbr);
  }

  if (state_abbr_or_null != NULL)
    {
      const PsephosStateInfo *state = psephos_tables_lookup_state (state_abbr_or_null);

      state_abbr = state ? state->abbr : state_abbr_or_null;
      for (guint i = 0; i < t->alliance_rows->len; i++)
        {
          AllianceRow *row = g_ptr_array_index (t->alliance_rows, i);

          if (row->year != year || row->state_abbr == NULL || g_ascii_strcasecmp (row->state_abbr, state_abbr) != 0)
            continue;
          state_has_rows = TRUE;
          if (g_hash_table_contains (row->members, party_key))
            return row->alliance;
        }
      if (state_has_rows)
        return NULL;
    }

  for (guint i = 0; i < t->alliance_rows->len; i++)
    {
      AllianceRow *row = g_ptr_array_index (t->alliance_rows, i);

      if (row->year == year && row->state_abbr == NULL && g_hash_table_contains (row->members, party_key))
        return row->alliance;
    }

  return NULL;
}
