/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-records.c — record types, their string forms and name helpers. */
#include "config.h"

#include <string.h>

#include "psephos-records.h"

typedef struct
{
  int value;
  const char *name;
} EnumName;

static const char *
enum_to_string (const EnumName *names, int value)
{
  for (guint i = 0; names[i].name != NULL; i++)
    if (names[i].value == value)
      return names[i].name;
  return NULL;
}

static gboolean
enum_from_string (const EnumName *names, const char *s, int *out)
{
  if (s == NULL)
    return FALSE;
  for (guint i = 0; names[i].name != NULL; i++)
    if (g_ascii_strcasecmp (names[i].name, s) == 0)
      {
        *out = names[i].value;
        return TRUE;
      }
  return FALSE;
}

static const EnumName election_kinds[] = {
  { PSEPHOS_ELECTION_GENERAL, "general" },
  { PSEPHOS_ELECTION_ASSEMBLY, "assembly" },
  { PSEPHOS_ELECTION_BYPOLL, "bypoll" },
  { 0, NULL },
};

static const EnumName houses[] = {
  { PSEPHOS_HOUSE_ASSEMBLY, "assembly" },
  { PSEPHOS_HOUSE_LOK_SABHA, "lok_sabha" },
  { 0, NULL },
};

static const EnumName contest_statuses[] = {
  { PSEPHOS_CONTEST_COUNTING, "counting" },
  { PSEPHOS_CONTEST_DECLARED, "declared" },
  { 0, NULL },
};

static const EnumName results[] = {
  { PSEPHOS_RESULT_WON, "won" },
  { PSEPHOS_RESULT_LOST, "lost" },
  { PSEPHOS_RESULT_LEADING, "leading" },
  { PSEPHOS_RESULT_TRAILING, "trailing" },
  { 0, NULL },
};

static const EnumName source_kinds[] = {
  { PSEPHOS_SOURCE_ARTICLE, "article" },
  { PSEPHOS_SOURCE_OFFICIAL, "official" },
  { 0, NULL },
};

static const EnumName subject_kinds[] = {
  { PSEPHOS_SUBJECT_CANDIDATE, "candidate" },
  { PSEPHOS_SUBJECT_SEAT, "seat" },
  { PSEPHOS_SUBJECT_PARTY, "party" },
  { PSEPHOS_SUBJECT_ALLIANCE, "alliance" },
  { PSEPHOS_SUBJECT_ELECTION, "election" },
  { 0, NULL },
};

static const EnumName qualifiers[] = {
  { PSEPHOS_QUALIFIER_EXACT, "exact" },
  { PSEPHOS_QUALIFIER_AT_LEAST, "at_least" },
  { PSEPHOS_QUALIFIER_AT_MOST, "at_most" },
  { PSEPHOS_QUALIFIER_ABOUT, "about" },
  { 0, NULL },
};

static const EnumName fact_statuses[] = {
  { PSEPHOS_FACT_UNCHECKED, "unchecked" },
  { PSEPHOS_FACT_CORROBORATED, "corroborated" },
  { PSEPHOS_FACT_CONFIRMED, "confirmed" },
  { PSEPHOS_FACT_CONFLICT, "conflict" },
  { PSEPHOS_FACT_CONTRADICTED, "contradicted" },
  { 0, NULL },
};

const char *
psephos_election_kind_to_string (PsephosElectionKind kind)
{
  return enum_to_string (election_kinds, kind);
}

gboolean
psephos_election_kind_from_string (const char *s, PsephosElectionKind *out)
{
  int v;

  if (!enum_from_string (election_kinds, s, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
psephos_house_to_string (PsephosHouse house)
{
  return enum_to_string (houses, house);
}

const char *
psephos_contest_status_to_string (PsephosContestStatus status)
{
  return enum_to_string (contest_statuses, status);
}

PsephosContestStatus
psephos_contest_status_from_string (const char *s)
{
  int v = PSEPHOS_CONTEST_UNKNOWN;

  enum_from_string (contest_statuses, s, &v);
  return v;
}

const char *
psephos_result_to_string (PsephosResult result)
{
  return enum_to_string (results, result);
}

PsephosResult
psephos_result_from_string (const char *s)
{
  int v = PSEPHOS_RESULT_UNKNOWN;

  enum_from_string (results, s, &v);
  return v;
}

const char *
psephos_source_kind_to_string (PsephosSourceKind kind)
{
  return enum_to_string (source_kinds, kind);
}

const char *
psephos_subject_kind_to_string (PsephosSubjectKind kind)
{
  return enum_to_string (subject_kinds, kind);
}

gboolean
psephos_subject_kind_from_string (const char *s, PsephosSubjectKind *out)
{
  int v;

  if (!enum_from_string (subject_kinds, s, &v))
    return FALSE;
  *out = v;
  return TRUE;
}

const char *
psephos_qualifier_to_string (PsephosQualifier q)
{
  return enum_to_string (qualifiers, q);
}

PsephosQualifier
psephos_qualifier_from_string (const char *s)
{
  int v = PSEPHOS_QUALIFIER_EXACT;

  enum_from_string (qualifiers, s, &v);
  return v;
}

const char *
psephos_fact_status_to_string (PsephosFactStatus status)
{
  return enum_to_string (fact_statuses, status);
}

PsephosFactStatus
psephos_fact_status_from_string (const char *s)
{
  int v = PSEPHOS_FACT_UNCHECKED;

  enum_from_string (fact_statuses, s, &v);
  return v;
}

void
psephos_election_free (PsephosElection *e)
{
  if (e == NULL)
    return;
  g_free (e->name);
  g_free (e->held_on);
  g_free (e->counted_on);
  g_free (e);
}

void
psephos_state_row_free (PsephosStateRow *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->abbr);
  g_free (s->eci_code);
  g_free (s);
}

void
psephos_seat_row_free (PsephosSeatRow *s)
{
  if (s == NULL)
    return;
  g_free (s->state_name);
  g_free (s->name);
  g_free (s->display_name);
  g_free (s->reservation);
  g_free (s->winner_name);
  g_free (s->winner_party);
  g_free (s->winner_party_colour);
  g_free (s);
}

void
psephos_candidacy_free (PsephosCandidacy *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->display_name);
  g_free (c->party);
  g_free (c->party_name);
  g_free (c->party_colour);
  g_free (c);
}

void
psephos_tally_row_free (PsephosTallyRow *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_free (t->abbreviation);
  g_free (t->colour);
  g_free (t->as_of);
  g_free (t);
}

void
psephos_party_free (PsephosParty *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->abbreviation);
  g_free (p->colour);
  g_free (p);
}

void
psephos_alliance_member_free (PsephosAllianceMember *m)
{
  if (m == NULL)
    return;
  g_free (m->alliance_name);
  g_free (m->alliance_abbreviation);
  g_free (m->alliance_colour);
  g_free (m->party_name);
  g_free (m->party_abbreviation);
  g_free (m);
}

void
psephos_source_free (PsephosSource *s)
{
  if (s == NULL)
    return;
  g_free (s->file);
  g_free (s->title);
  g_free (s->publisher);
  g_free (s->address);
  g_free (s->published_on);
  g_free (s->body);
  g_free (s->content_hash);
  g_free (s->fingerprint);
  g_free (s->imported_at);
  g_free (s);
}

PsephosFact *
psephos_fact_new (void)
{
  PsephosFact *f = g_new0 (PsephosFact, 1);

  f->start = -1;
  f->end = -1;
  f->row = -1;
  return f;
}

void
psephos_fact_free (PsephosFact *f)
{
  if (f == NULL)
    return;
  g_free (f->subject);
  g_free (f->party);
  g_free (f->seat);
  g_free (f->state);
  g_free (f->election);
  g_free (f->attribute);
  g_free (f->text);
  g_free (f->as_of);
  g_free (f->quote);
  g_clear_pointer (&f->conflicts_with, g_array_unref);
  g_free (f);
}

char *
psephos_election_canonical_name (PsephosElectionKind kind,
                                 int year,
                                 int month,
                                 const char *state_name)
{
  static const char *const months[] = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  };

  switch (kind)
    {
      case PSEPHOS_ELECTION_GENERAL:
        return g_strdup_printf ("Lok Sabha %d", year);
      case PSEPHOS_ELECTION_ASSEMBLY:
        return g_strdup_printf ("%s Assembly %d", state_name ? state_name : "State", year);
      case PSEPHOS_ELECTION_BYPOLL:
        if (month >= 1 && month <= 12)
          return g_strdup_printf ("Assembly bypolls %s %d", months[month - 1], year);
        return g_strdup_printf ("Assembly bypolls %d", year);
      default:
        g_return_val_if_reached (NULL);
    }
}

static gboolean
is_ascii (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* psephos_name_key() of a name in ASCII, as most official names are: the
 * same key without case folding and Unicode tables, which cost more than
 * the rest of a row's import. */
static char *
name_key_ascii (const char *name)
{
  char *key = g_malloc (strlen (name) * 4 + 1); /* '&' becomes " and" */
  gsize len = 0;
  gboolean space = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c))
        {
          if (space && len > 0)
            key[len++] = ' ';
          space = FALSE;
          key[len++] = g_ascii_tolower (c);
        }
      else if (c == '&')
        {
          if (len > 0)
            key[len++] = ' ';
          memcpy (key + len, "and", 3);
          len += 3;
          space = TRUE;
        }
      else if (c != '\'')
        space = TRUE;
    }
  key[len] = '\0';
  return key;
}

char *
psephos_name_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *key;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");
  if (is_ascii (name))
    return name_key_ascii (name);
  folded = g_utf8_casefold (name, -1);
  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (space && key->len > 0)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
      else if (c == '&')
        {
          /* "Jammu & Kashmir" and "Jammu and Kashmir" are one name. */
          if (key->len > 0)
            g_string_append_c (key, ' ');
          g_string_append (key, "and");
          space = TRUE;
        }
      else if (c == '\'' || c == 0x2019)
        continue; /* D'Souza and DSouza are one name */
      else
        space = TRUE;
    }
  return g_string_free (key, FALSE);
}

char *
psephos_name_display (const char *name)
{
  GString *out;
  gboolean has_lower = FALSE;
  gboolean word_start = TRUE;
  g_autofree char *trimmed = NULL;

  if (name == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  if (is_ascii (trimmed))
    {
      /* The same as below, without the Unicode tables. */
      gsize len = 0;

      for (const char *p = trimmed; *p; p++)
        if (g_ascii_islower (*p))
          return g_steal_pointer (&trimmed);
      for (char *p = trimmed; *p; p++)
        {
          char c = *p;

          if (g_ascii_isalpha (c))
            {
              trimmed[len++] = word_start ? c : g_ascii_tolower (c);
              word_start = FALSE;
            }
          else
            {
              /* g_unichar_isspace(): not '\v' */
              if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
                {
                  if (len > 0 && trimmed[len - 1] != ' ')
                    trimmed[len++] = ' ';
                }
              else
                trimmed[len++] = c;
              word_start = TRUE;
            }
        }
      trimmed[len] = '\0';
      return g_steal_pointer (&trimmed);
    }
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      {
        has_lower = TRUE;
        break;
      }
  if (has_lower)
    return g_steal_pointer (&trimmed);

  /* ALL CAPS, as official data writes names: title-case each word. */
  out = g_string_sized_new (strlen (trimmed));
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          g_string_append_unichar (out, word_start ? g_unichar_totitle (c) : g_unichar_tolower (c));
          word_start = FALSE;
        }
      else
        {
          /* Collapse runs of white space; keep other punctuation. */
          if (g_unichar_isspace (c))
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
          else
            g_string_append_unichar (out, c);
          word_start = TRUE;
        }
    }
  return g_string_free (out, FALSE);
}
