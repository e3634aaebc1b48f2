/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-extract-entities.c — what a capitalised word or two can name:
 * parties (through psephos-tables, cached per article), states (full names
 * and the shorter ones news uses: "Himachal", "Bengal"), alliances (NDA,
 * INDIA bloc, Mahayuti …) and Hindi state names.
 */
#include "config.h"

#include <string.h>

#include "psephos-extract-private.h"
#include "psephos-ingest-resources.h"
#include "psephos-tables.h"

/* States news writes by a shorter name. */
static const struct
{
  const char *written;
  const char *state;
} state_aliases[] = {
  { "himachal", "Himachal Pradesh" },
  { "bengal", "West Bengal" },
  { "j&k", "Jammu and Kashmir" },
  { "झारखंड", "Jharkhand" },
  { "हिमाचल", "Himachal Pradesh" },
  { "बिहार", "Bihar" },
  { "पंजाब", "Punjab" },
  { "उत्तराखंड", "Uttarakhand" },
  { "महाराष्ट्र", "Maharashtra" },
  { "हरियाणा", "Haryana" },
  { "दिल्ली", "Delhi" },
  { "राजस्थान", "Rajasthan" },
  { "गुजरात", "Gujarat" },
  { "बंगाल", "West Bengal" },
};

/* ---- parties -------------------------------------------------------------- */

const char *
_psephos_extract_resolve_party (Ctx *ctx, const char *written)
{
  const char *cached = g_hash_table_lookup (ctx->party_cache, written);
  const char *abbr = NULL;

  if (cached != NULL)
    return *cached ? cached : NULL;
  if (ctx->options->resolve_party != NULL)
    abbr = ctx->options->resolve_party (written, ctx->options->resolve_data);
  else
    {
      const PsephosPartyInfo *info = psephos_tables_lookup_party (written);

      abbr = info ? info->abbreviation : NULL;
    }
  g_hash_table_insert (ctx->party_cache, (char *) _psephos_extract_intern (ctx, written, -1),
                       (char *) _psephos_extract_intern (ctx, abbr ? abbr : "", -1));
  return abbr;
}

static const char *resolve_state_uncached (const char *written);

/* States are looked up as often as parties: cached the same way. */
const char *
_psephos_extract_resolve_state (Ctx *ctx, const char *written)
{
  char key[260];
  const char *cached;
  const char *name;

  key[0] = '\x01';
  g_strlcpy (key + 1, written, sizeof key - 1);
  cached = g_hash_table_lookup (ctx->party_cache, key);
  if (cached != NULL)
    return *cached ? cached : NULL;
  name = resolve_state_uncached (written);
  g_hash_table_insert (ctx->party_cache, (char *) _psephos_extract_intern (ctx, key, -1),
                       (char *) _psephos_extract_intern (ctx, name ? name : "", -1));
  return name;
}

static const char *
resolve_state_uncached (const char *written)
{
  const PsephosStateInfo *info;
  g_autofree char *k1 = NULL;
  g_autofree char *k2 = NULL;
  char lower[64];

  g_strlcpy (lower, written, sizeof lower);
  for (char *p = lower; *p; p++)
    *p = g_ascii_tolower (*p);
  for (gsize i = 0; i < G_N_ELEMENTS (state_aliases); i++)
    if (strcmp (lower, state_aliases[i].written) == 0)
      return state_aliases[i].state;
  if (strlen (written) < 4 || (guchar) written[0] >= 0x80)
    return NULL;
  info = psephos_tables_lookup_state (written);
  if (info == NULL)
    return NULL;
  /* the full name, not an abbreviation that is also a word */
  k1 = psephos_tables_key (written);
  k2 = psephos_tables_key (info->name);
  if (strcmp (k1, k2) != 0 && strlen (k1) < 5)
    return NULL;
  return info->name;
}

/* ---- alliances ------------------------------------------------------------ */

static const struct
{
  const char *word;   /* lower case */
  gboolean need_caps; /* written in capitals, or followed by bloc/alliance */
  const char *abbr;
} alliance_words[] = {
  { "nda", TRUE, "NDA" },
  { "upa", TRUE, "UPA" },
  { "india", TRUE, "INDIA" },
  { "mahayuti", FALSE, "Mahayuti" },
  { "mva", TRUE, "MVA" },
  { "mahagathbandhan", FALSE, "Mahagathbandhan" },
  { "ldf", TRUE, "LDF" },
  { "udf", TRUE, "UDF" },
  { "एनडीए", FALSE, "NDA" },
  { "इंडिया", FALSE, "INDIA" },
  { "महायुति", FALSE, "Mahayuti" },
  { "महागठबंधन", FALSE, "Mahagathbandhan" },
};

static const char *const alliance_nouns[] = {
  "bloc", "alliance", "coalition", "front", "combine", "गठबंधन", NULL
};

/* An alliance named at token @i; sets *@t1 past its words. */
const char *
_psephos_extract_alliance_at (Ctx *ctx, int i, int *t1)
{
  Token *t = _psephos_tok (ctx, i);
  Token *next = _psephos_tok (ctx, i + 1);

  for (gsize k = 0; k < G_N_ELEMENTS (alliance_words); k++)
    {
      gboolean noun;

      if (t->lower[0] != alliance_words[k].word[0] || strcmp (t->lower, alliance_words[k].word) != 0)
        continue;
      noun = _psephos_tok_in (next, alliance_nouns);
      if (alliance_words[k].need_caps && !(t->flags & TOKF_ALLCAPS) && !noun)
        return NULL;
      /* "India" in ordinary case is the country */
      if (strcmp (t->lower, "india") == 0 && !(t->flags & TOKF_ALLCAPS) && !noun)
        return NULL;
      *t1 = noun ? i + 2 : i + 1;
      return alliance_words[k].abbr;
    }
  return NULL;
}

/* First words (lower case) of every party and state name, abbreviation and
 * alias in the built-in tables: a capitalised word that starts none is not
 * looked up, which keeps the extractor fast. */
static void
add_first_words (GHashTable *set, const char *resource, const int *columns)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (psephos_ingest_get_resource (), resource,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto (GStrv) lines = NULL;

  if (bytes == NULL)
    return;
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint l = 1; lines[l] != NULL; l++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[l], "\t", -1);

      for (const int *c = columns; *c >= 0; c++)
        {
          g_auto (GStrv) names = NULL;

          if (g_strv_length (cols) <= (guint) *c)
            continue;
          names = g_strsplit (cols[*c], "|", -1);
          for (guint k = 0; names[k] != NULL; k++)
            {
              char *w = g_strstrip (names[k]);
              gsize n = strcspn (w, " (-.&");

              g_autofree char *word = n > 0 ? g_ascii_strdown (w, n) : NULL;

              if (word != NULL && !g_hash_table_contains (set, word))
                g_hash_table_add (set, g_steal_pointer (&word));
            }
        }
    }
}

gboolean
_psephos_extract_may_start_name (const Token *t)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      /* Owns its keys: a first word seen twice replaces (and frees) the
       * earlier copy. */
      GHashTable *s = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      static const int party_columns[] = { 0, 1, 3, -1 };
      static const int state_columns[] = { 0, 3, -1 };

      add_first_words (s, "/io/github/psephos/Psephos/ingest/parties.tsv", party_columns);
      add_first_words (s, "/io/github/psephos/Psephos/ingest/states.tsv", state_columns);
      for (gsize i = 0; i < G_N_ELEMENTS (state_aliases); i++)
        {
          g_autofree char *word = g_strndup (state_aliases[i].written, strcspn (state_aliases[i].written, " &"));

          if (!g_hash_table_contains (s, word))
            g_hash_table_add (s, g_steal_pointer (&word));
        }
      g_once_init_leave (&set, s);
    }
  return g_hash_table_contains (set, t->lower);
}

const char *
_psephos_extract_hindi_state (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (state_aliases); i++)
    if ((guchar) state_aliases[i].written[0] >= 0x80 && word[3] == state_aliases[i].written[3]
        && word[5] == state_aliases[i].written[5] && strcmp (word, state_aliases[i].written) == 0)
      return state_aliases[i].state;
  return NULL;
}
