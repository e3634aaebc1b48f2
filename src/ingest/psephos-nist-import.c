/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-nist-import.c — reading a NIST SP 1500-100 v2 ElectionReport into
 * a store as one official source, all-or-nothing. The mapping is described
 * in psephos-nist.h.
 *
 * The file is untrusted: it is parsed without network access, without
 * loading or substituting entities, and a document with a DOCTYPE is
 * refused outright. Every vote count becomes a fact citing the characters
 * of its <Count> element in the stored body (code points) and its line.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "psephos-nist.h"

#define XSI_NAMESPACE "http://www.w3.org/2001/XMLSchema-instance"
#define PROGRESS_EVERY 32

typedef struct
{
  gint64 id;
  xmlNode *node;
  const char *parent; /* a seat's state GpUnit ObjectId */
} Unit;

typedef struct
{
  const char *path;
  const char *data; /* the file, as stored as the source body */
  gsize len;
  PsephosImport *imp;
  xmlDoc *doc;
  gint64 election_id;

  GHashTable *units;       /* ObjectId → Unit */
  GHashTable *parties;     /* ObjectId → party id (gint64 *) */
  GHashTable *persons_xml; /* ObjectId → xmlNode (Person) */
  GHashTable *persons;     /* ObjectId → person id (gint64 *) */
  GHashTable *candidates;  /* ObjectId → xmlNode (Candidate) */

  /* The <Count> scanner over the raw text. */
  GArray *line_starts; /* byte offset of each line's start */
  gsize cursor;
  gsize cp_byte; /* code point counting, like psephos-results.c */
  gint64 cp_count;

  guint n_facts;
  guint n_rows;
} Import;

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->units, g_hash_table_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->persons_xml, g_hash_table_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->candidates, g_hash_table_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->doc, xmlFreeDoc);
}

/* ---- tree helpers -------------------------------------------------------- */

static gboolean
is_nist (xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST PSEPHOS_NIST_NAMESPACE)
         && xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
child (xmlNode *node, const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (is_nist (c, name))
      return c;
  return NULL;
}

static xmlNode *
next_sibling (xmlNode *node, const char *name)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (is_nist (c, name))
      return c;
  return NULL;
}

/* The element's text, trimmed; NULL when absent or empty. */
static char *
text_of (xmlNode *node)
{
  g_autofree char *raw = NULL;

  if (node == NULL)
    return NULL;
  raw = (char *) xmlNodeGetContent (node);
  if (raw == NULL)
    return NULL;
  g_strstrip (raw);
  if (*raw == '\0')
    return NULL;
  return g_steal_pointer (&raw);
}

static char *
child_text (xmlNode *node, const char *name)
{
  return text_of (child (node, name));
}

/* An InternationalizedText: the English text, else the first. */
static char *
intl_text (xmlNode *node, const char *name)
{
  xmlNode *it = child (node, name);
  xmlNode *first = NULL;

  for (xmlNode *t = child (it, "Text"); t != NULL; t = next_sibling (t, "Text"))
    {
      g_autofree char *lang = (char *) xmlGetProp (t, BAD_CAST "Language");

      if (first == NULL)
        first = t;
      if (lang != NULL && (g_ascii_strcasecmp (lang, "en") == 0 || g_ascii_strncasecmp (lang, "en-", 3) == 0))
        return text_of (t);
    }
  return text_of (first);
}

static char *
object_id (xmlNode *node)
{
  return (char *) xmlGetProp (node, BAD_CAST "ObjectId");
}

/* xsi:type without its prefix ("CandidateContest"); NULL when absent. */
static char *
xsi_type (xmlNode *node)
{
  g_autofree char *type = (char *) xmlGetNsProp (node, BAD_CAST "type", BAD_CAST XSI_NAMESPACE);
  const char *colon;

  if (type == NULL)
    return NULL;
  colon = strchr (type, ':');
  return g_strdup (colon ? colon + 1 : type);
}

/* The Value of the node's ExternalIdentifier with this OtherType. */
static char *
external_id (xmlNode *node, const char *other_type)
{
  for (xmlNode *e = child (node, "ExternalIdentifier"); e != NULL; e = next_sibling (e, "ExternalIdentifier"))
    {
      g_autofree char *type = child_text (e, "Type");
      g_autofree char *other = child_text (e, "OtherType");

      if (g_strcmp0 (type, "other") == 0 && other != NULL && g_ascii_strcasecmp (other, other_type) == 0)
        return child_text (e, "Value");
    }
  return NULL;
}

static guint
line_of (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}

static gboolean
fail (Import *self, xmlNode *node, GError **error, const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Import *self, xmlNode *node, GError **error, const char *format, ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, node ? line_of (node) : 0, "%s", reason);
  return FALSE;
}

/* A non-negative whole number; FALSE (and @error) otherwise. */
static gboolean
parse_count (Import *self, xmlNode *node, const char *what, gint64 *out, GError **error)
{
  g_autofree char *s = text_of (node);
  char *end = NULL;
  double v;

  if (s == NULL)
    return fail (self, node, error, "%s is empty", what);
  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0' || !(v >= 0 && v < 1e15) || v != floor (v))
    return fail (self, node, error, "%s is not a count of votes: ‘%s’", what, s);
  *out = (gint64) v;
  return TRUE;
}

/* ---- spans of <Count> elements in the raw text ------------------------- */

static void
index_lines (Import *self)
{
  gsize zero = 0;

  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->line_starts, zero);
  for (gsize i = 0; i < self->len; i++)
    if (self->data[i] == '\n')
      {
        gsize next = i + 1;
        g_array_append_val (self->line_starts, next);
      }
}

static gint64
code_point_at (Import *self, gsize offset)
{
  const guchar *d = (const guchar *) self->data;

  while (self->cp_byte < offset)
    {
      if ((d[self->cp_byte] & 0xC0) != 0x80)
        self->cp_count++;
      self->cp_byte++;
    }
  while (self->cp_byte > offset)
    {
      self->cp_byte--;
      if ((d[self->cp_byte] & 0xC0) != 0x80)
        self->cp_count--;
    }
  return self->cp_count;
}

/* Finds, from the cursor, the next <Count> start tag (any prefix) outside
 * comments and CDATA; sets [*start, *end) to its trimmed text. */
static gboolean
scan_next_count (Import *self, gsize *start, gsize *end)
{
  const char *d = self->data;
  gsize n = self->len;
  gsize i = self->cursor;

  while (i < n)
    {
      const char *lt = memchr (d + i, '<', n - i);
      gsize j, name_start;

      if (lt == NULL)
        break;
      i = (gsize) (lt - d);
      if (n - i >= 4 && memcmp (d + i, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (d + i + 4, (gssize) (n - i - 4), "-->");
          i = close ? (gsize) (close - d) + 3 : n;
          continue;
        }
      if (n - i >= 9 && memcmp (d + i, "<![CDATA[", 9) == 0)
        {
          const char *close = g_strstr_len (d + i + 9, (gssize) (n - i - 9), "]]>");
          i = close ? (gsize) (close - d) + 3 : n;
          continue;
        }
      j = name_start = i + 1;
      while (j < n && (g_ascii_isalnum (d[j]) || d[j] == '_' || d[j] == '-' || d[j] == '.' || d[j] == ':'))
        {
          if (d[j] == ':')
            name_start = j + 1;
          j++;
        }
      i++;
      if (j - name_start != 5 || memcmp (d + name_start, "Count", 5) != 0)
        continue;
      /* The rest of the start tag. */
      while (j < n && d[j] != '>')
        j++;
      if (j >= n || d[j - 1] == '/')
        continue;
      j++;
      *start = j;
      while (j < n && d[j] != '<')
        j++;
      *end = j;
      while (*start < *end && g_ascii_isspace (d[*start]))
        (*start)++;
      while (*end > *start && g_ascii_isspace (d[*end - 1]))
        (*end)--;
      self->cursor = j;
      return TRUE;
    }
  self->cursor = n;
  return FALSE;
}

/* Sets the fact's span to the text of @count_node in the body: the next
 * <Count> at or after the node's line whose text is the node's. */
static void
locate_count (Import *self, xmlNode *count_node, PsephosFact *fact, GString *quote)
{
  g_autofree char *want = text_of (count_node);
  guint line = line_of (count_node);
  gsize start, end;

  fact->start = fact->end = -1;
  fact->quote = NULL;
  if (line > 0 && line <= self->line_starts->len)
    self->cursor = MAX (self->cursor, g_array_index (self->line_starts, gsize, line - 1));
  while (want != NULL && scan_next_count (self, &start, &end))
    {
      g_string_truncate (quote, 0);
      g_string_append_len (quote, self->data + start, (gssize) (end - start));
      /* Character references make the raw text differ from the value:
       * compare numbers then. */
      if (g_str_equal (quote->str, want)
          || (strchr (quote->str, '&') != NULL && g_ascii_strtod (want, NULL) >= 0))
        {
          fact->start = code_point_at (self, start);
          fact->end = code_point_at (self, end);
          fact->quote = quote->str;
          return;
        }
    }
}

static gboolean
add_count_fact (Import *self,
                const PsephosFact *about,
                const char *attribute,
                gint64 value,
                xmlNode *count_node,
                GError **error)
{
  g_autoptr (GString) quote = g_string_new (NULL);
  PsephosFact fact = *about;

  fact.attribute = (char *) attribute;
  fact.has_number = TRUE;
  fact.number = (double) value;
  fact.qualifier = PSEPHOS_QUALIFIER_EXACT;
  fact.row = line_of (count_node);
  locate_count (self, count_node, &fact, quote);
  if (psephos_import_add_fact (self->imp, &fact, error) <= 0)
    return FALSE;
  self->n_facts++;
  return TRUE;
}

/* ---- the report's parts ---------------------------------------------------- */

static gboolean
index_gp_units (Import *self, xmlNode *report, GError **error)
{
  self->units = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, g_free);
  for (xmlNode *g = child (report, "GpUnit"); g != NULL; g = next_sibling (g, "GpUnit"))
    {
      char *id = object_id (g);
      Unit *unit;

      if (id == NULL)
        return fail (self, g, error, "a GpUnit without ObjectId");
      if (g_hash_table_contains (self->units, id))
        {
          fail (self, g, error, "two GpUnits with ObjectId ‘%s’", id);
          xmlFree (id);
          return FALSE;
        }
      unit = g_new0 (Unit, 1);
      unit->node = g;
      g_hash_table_insert (self->units, id, unit);
    }
  /* A unit's parent is the one whose ComposingGpUnitIds name it; only
   * states' parents matter (a seat's state). */
  for (xmlNode *g = child (report, "GpUnit"); g != NULL; g = next_sibling (g, "GpUnit"))
    {
      g_autofree char *type = child_text (g, "Type");
      g_autofree char *composing = NULL;
      g_auto (GStrv) ids = NULL;
      char *parent_id;

      if (g_strcmp0 (type, "state") != 0 || (composing = child_text (g, "ComposingGpUnitIds")) == NULL)
        continue;
      parent_id = object_id (g);
      ids = g_strsplit_set (composing, " \t\r\n", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          Unit *member = *ids[i] ? g_hash_table_lookup (self->units, ids[i]) : NULL;

          if (member != NULL && member->parent == NULL)
            {
              gpointer key = NULL;

              /* Point at the key owned by the table. */
              g_hash_table_lookup_extended (self->units, parent_id, &key, NULL);
              member->parent = key;
            }
        }
      xmlFree (parent_id);
    }
  return TRUE;
}

static gboolean
import_parties (Import *self, xmlNode *report, GError **error)
{
  self->parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Parties first, then the coalitions that name them. */
  for (int pass = 0; pass < 2; pass++)
    for (xmlNode *p = child (report, "Party"); p != NULL; p = next_sibling (p, "Party"))
      {
        g_autofree char *type = xsi_type (p);
        gboolean coalition = g_strcmp0 (type, "Coalition") == 0;
        g_autofree char *name = intl_text (p, "Name");
        g_autofree char *abbreviation = intl_text (p, "Abbreviation");
        g_autofree char *color = child_text (p, "Color");
        g_autofree char *colour = NULL;
        g_autofree char *id = NULL;
        gint64 row_id;

        if (coalition != (pass == 1))
          continue;
        {
          char *xml_id = object_id (p);

          if (xml_id == NULL)
            return fail (self, p, error, "a Party without ObjectId");
          id = g_strdup (xml_id);
          xmlFree (xml_id);
        }
        if (name == NULL && abbreviation == NULL)
          return fail (self, p, error, "party ‘%s’ has no Name", id);
        if (color != NULL && strlen (color) == 6 && strspn (color, "0123456789abcdefABCDEF") == 6)
          colour = g_strdup_printf ("#%s", color);

        if (!coalition)
          {
            row_id = psephos_import_ensure_party (self->imp, name ? name : abbreviation, abbreviation, colour, error);
            if (row_id <= 0)
              return FALSE;
            g_hash_table_insert (self->parties, g_steal_pointer (&id), g_memdup2 (&row_id, sizeof row_id));
          }
        else
          {
            g_autofree char *members = child_text (p, "PartyIds");
            g_auto (GStrv) ids = members ? g_strsplit_set (members, " \t\r\n", -1) : NULL;

            row_id = psephos_import_ensure_alliance (self->imp, name ? name : abbreviation, abbreviation, colour, error);
            if (row_id <= 0)
              return FALSE;
            for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
              {
                gint64 *party_id;

                if (*ids[i] == '\0')
                  continue;
                party_id = g_hash_table_lookup (self->parties, ids[i]);
                if (party_id == NULL)
                  return fail (self, p, error, "coalition ‘%s’ names ‘%s’, which is not a party of the report", id, ids[i]);
                if (!psephos_import_add_alliance_member (self->imp, row_id, self->election_id, *party_id, error))
                  return FALSE;
              }
          }
      }
  return TRUE;
}

static void
index_by_object_id (GHashTable *table, xmlNode *parent, const char *name)
{
  for (xmlNode *n = child (parent, name); n != NULL; n = next_sibling (n, name))
    {
      char *id = object_id (n);

      if (id != NULL)
        g_hash_table_insert (table, id, n);
    }
}

/* The state of a seat GpUnit: created on first use. */
static gint64
ensure_state (Import *self, Unit *seat, xmlNode *contest, GError **error)
{
  Unit *state = seat->parent ? g_hash_table_lookup (self->units, seat->parent) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *abbr = NULL;
  g_autofree char *eci = NULL;

  if (state == NULL)
    {
      fail (self, contest, error, "the contest's district is not part of any state GpUnit (ComposingGpUnitIds)");
      return 0;
    }
  if (state->id > 0)
    return state->id;
  name = intl_text (state->node, "Name");
  if (name == NULL)
    {
      fail (self, state->node, error, "a state GpUnit without Name");
      return 0;
    }
  abbr = external_id (state->node, "abbreviation");
  eci = external_id (state->node, "eci");
  state->id = psephos_import_ensure_state (self->imp, name, abbr, eci, error);
  return state->id;
}

static gint64
ensure_person (Import *self, xmlNode *candidate, const char *ballot_name, GHashTable *earlier, GError **error)
{
  g_autofree char *person_ref = child_text (candidate, "PersonId");
  g_autofree char *full_name = NULL;
  g_autofree char *key = NULL;
  gint64 *known;
  gint64 person_id = 0;
  PsephosCandidacy *before;

  if (person_ref != NULL && (known = g_hash_table_lookup (self->persons, person_ref)) != NULL)
    return *known;
  if (person_ref != NULL)
    {
      xmlNode *person = g_hash_table_lookup (self->persons_xml, person_ref);

      if (person == NULL)
        {
          fail (self, candidate, error, "PersonId ‘%s’ is not a Person of the report", person_ref);
          return 0;
        }
      full_name = intl_text (person, "FullName");
    }
  if (full_name == NULL)
    full_name = g_strdup (ballot_name);

  /* The same candidate stored before at this seat: that person. */
  key = psephos_name_key (ballot_name);
  before = g_hash_table_lookup (earlier, key);
  if (before == NULL)
    {
      g_autofree char *full_key = psephos_name_key (full_name);
      before = g_hash_table_lookup (earlier, full_key);
    }
  if (before != NULL)
    {
      person_id = before->person_id;
      if (!psephos_import_add_alias (self->imp, person_id, ballot_name, error))
        return 0;
    }
  else
    {
      person_id = psephos_import_add_person (self->imp, full_name, error);
      if (person_id <= 0 || !psephos_import_add_alias (self->imp, person_id, full_name, error))
        return 0;
      if (!g_str_equal (full_name, ballot_name) && !psephos_import_add_alias (self->imp, person_id, ballot_name, error))
        return 0;
    }
  if (person_ref != NULL)
    g_hash_table_insert (self->persons, g_steal_pointer (&person_ref), g_memdup2 (&person_id, sizeof person_id));
  return person_id;
}

typedef struct
{
  gint64 total, evm, postal;
  /* The <Count> elements kept, in document order, with their attribute. */
  xmlNode *nodes[3];
  const char *attributes[3];
  gint64 values[3];
  guint n;
} Counts;

static gboolean
read_counts (Import *self, xmlNode *selection, gboolean nota, Counts *counts, GError **error)
{
  memset (counts, 0, sizeof *counts);
  counts->total = counts->evm = counts->postal = -1;

  for (xmlNode *vc = child (selection, "VoteCounts"); vc != NULL; vc = next_sibling (vc, "VoteCounts"))
    {
      g_autofree char *type = child_text (vc, "Type");
      g_autofree char *other = child_text (vc, "OtherType");
      xmlNode *count = child (vc, "Count");
      gint64 *slot = NULL;
      const char *attribute = NULL;

      if (count == NULL)
        return fail (self, vc, error, "VoteCounts without Count");
      if (g_strcmp0 (type, "total") == 0)
        slot = &counts->total, attribute = nota ? "nota_votes" : "votes";
      else if (g_strcmp0 (type, "other") == 0 && other != NULL && g_ascii_strcasecmp (other, "evm") == 0)
        slot = &counts->evm, attribute = "evm_votes";
      else if (g_strcmp0 (type, "other") == 0 && other != NULL && g_ascii_strcasecmp (other, "postal") == 0)
        slot = &counts->postal, attribute = "postal_votes";
      if (slot == NULL)
        continue; /* a count type Psephos does not keep */
      if (*slot >= 0)
        return fail (self, vc, error, "a second ‘%s’ count for one selection", other ? other : type);
      if (!parse_count (self, count, "Count", slot, error))
        return FALSE;
      if (nota && slot != &counts->total)
        continue; /* NOTA's split is not kept */
      counts->nodes[counts->n] = count;
      counts->attributes[counts->n] = attribute;
      counts->values[counts->n] = *slot;
      counts->n++;
    }
  /* EVM and postal without a total: their sum. */
  if (counts->total < 0 && counts->evm >= 0 && counts->postal >= 0)
    counts->total = counts->evm + counts->postal;
  return TRUE;
}

/* Facts for the counts, in document order (the span scanner moves forward). */
static gboolean
add_count_facts (Import *self, const PsephosFact *about, const Counts *counts, GError **error)
{
  for (guint i = 0; i < counts->n; i++)
    if (!add_count_fact (self, about, counts->attributes[i], counts->values[i], counts->nodes[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
import_contest (Import *self, xmlNode *contest, GError **error)
{
  g_autofree char *district = child_text (contest, "ElectionDistrictId");
  g_autofree char *house_text = NULL;
  g_autofree char *seat_name = NULL;
  g_autofree char *number_text = NULL;
  g_autofree char *reservation = NULL;
  g_autoptr (GPtrArray) earlier_list = NULL;
  g_autoptr (GHashTable) earlier = NULL;
  PsephosContestStatus status = PSEPHOS_CONTEST_UNKNOWN;
  PsephosHouse house = PSEPHOS_HOUSE_ASSEMBLY;
  gint64 electors = -1, votes_polled = -1, nota = -1;
  double turnout = NAN;
  gint64 state_id, seat_id, contest_id;
  Unit *seat;
  int number = 0;

  if (district == NULL)
    return fail (self, contest, error, "a contest without ElectionDistrictId");
  seat = g_hash_table_lookup (self->units, district);
  if (seat == NULL)
    return fail (self, child (contest, "ElectionDistrictId"), error, "ElectionDistrictId ‘%s’ is not a GpUnit of the report", district);
  if ((state_id = ensure_state (self, seat, contest, error)) <= 0)
    return FALSE;

  house_text = child_text (seat->node, "OtherType");
  if (house_text != NULL && g_ascii_strcasecmp (house_text, "parliamentary-constituency") == 0)
    house = PSEPHOS_HOUSE_LOK_SABHA;
  seat_name = intl_text (seat->node, "Name");
  if (seat_name == NULL)
    seat_name = child_text (contest, "Name");
  if (seat_name == NULL)
    return fail (self, contest, error, "the contest's district has no Name");
  number_text = external_id (seat->node, "eci");
  if (number_text != NULL)
    {
      guint64 v = 0;

      if (!g_ascii_string_to_unsigned (number_text, 10, 1, 9999, &v, NULL))
        return fail (self, seat->node, error, "the seat number is not a number: ‘%s’", number_text);
      number = (int) v;
    }
  reservation = external_id (seat->node, "reservation");
  {
    g_autofree char *turnout_text = external_id (seat->node, "psephos-turnout-pct");
    xmlNode *n;

    if ((n = child (seat->node, "VotersRegistered")) != NULL && !parse_count (self, n, "VotersRegistered", &electors, error))
      return FALSE;
    if ((n = child (seat->node, "VotersParticipated")) != NULL && !parse_count (self, n, "VotersParticipated", &votes_polled, error))
      return FALSE;
    if (turnout_text != NULL)
      {
        char *end = NULL;

        turnout = g_ascii_strtod (turnout_text, &end);
        if (end == turnout_text || *end != '\0' || !(turnout >= 0 && isfinite (turnout)))
          return fail (self, seat->node, error, "the turnout is not a percentage: ‘%s’", turnout_text);
      }
  }
  for (xmlNode *cs = child (contest, "CountStatus"); cs != NULL; cs = next_sibling (cs, "CountStatus"))
    {
      g_autofree char *type = child_text (cs, "Type");
      g_autofree char *st = child_text (cs, "Status");

      if (g_strcmp0 (type, "total") != 0)
        continue;
      if (g_strcmp0 (st, "completed") == 0)
        status = PSEPHOS_CONTEST_DECLARED;
      else if (g_strcmp0 (st, "in-process") == 0 || g_strcmp0 (st, "not-processed") == 0)
        status = PSEPHOS_CONTEST_COUNTING;
    }

  seat_id = psephos_import_ensure_seat (self->imp, state_id, house, number, seat_name, reservation, error);
  if (seat_id <= 0)
    return FALSE;
  contest_id = psephos_import_ensure_contest (self->imp, self->election_id, seat_id, error);
  if (contest_id <= 0)
    return FALSE;

  /* Candidates stored before (an article, an earlier file) are matched by
   * name, not stored twice. */
  earlier_list = psephos_import_list_candidacies (self->imp, contest_id, error);
  if (earlier_list == NULL)
    return FALSE;
  earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < earlier_list->len; i++)
    {
      PsephosCandidacy *c = g_ptr_array_index (earlier_list, i);

      g_hash_table_insert (earlier, psephos_name_key (c->name), c);
      if (c->display_name != NULL)
        g_hash_table_insert (earlier, psephos_name_key (c->display_name), c);
    }

  for (xmlNode *sel = child (contest, "ContestSelection"); sel != NULL; sel = next_sibling (sel, "ContestSelection"))
    {
      g_autofree char *sel_type = xsi_type (sel);
      g_autofree char *candidate_ids = child_text (sel, "CandidateIds");
      g_auto (GStrv) ids = NULL;
      PsephosFact about = { 0 };
      Counts counts;
      xmlNode *candidate;
      g_autofree char *ballot_name = NULL;
      g_autofree char *party_ref = NULL;
      g_autofree char *post_status = NULL;
      gint64 *party_id = NULL;
      gint64 person_id, candidacy_id;
      PsephosResult hint = PSEPHOS_RESULT_UNKNOWN;

      if (g_strcmp0 (sel_type, "CandidateSelection") != 0)
        return fail (self, sel, error, "a selection of type ‘%s’ in a candidate contest", sel_type ? sel_type : "(none)");
      if (!read_counts (self, sel, candidate_ids == NULL, &counts, error))
        return FALSE;
      self->n_rows++;

      about.election_id = self->election_id;
      about.contest_id = contest_id;
      if (candidate_ids == NULL)
        {
          /* None of the above. */
          if (counts.total < 0)
            continue;
          nota = nota < 0 ? counts.total : nota + counts.total;
          about.subject_kind = PSEPHOS_SUBJECT_SEAT;
          if (!add_count_facts (self, &about, &counts, error))
            return FALSE;
          continue;
        }
      ids = g_strsplit_set (candidate_ids, " \t\r\n", -1);
      if (g_strv_length (ids) != 1)
        return fail (self, sel, error, "a selection of %u candidates (a ticket): Psephos keeps one candidate per selection",
                     g_strv_length (ids));
      candidate = g_hash_table_lookup (self->candidates, ids[0]);
      if (candidate == NULL)
        return fail (self, sel, error, "CandidateIds ‘%s’ is not a Candidate of the election", ids[0]);
      ballot_name = intl_text (candidate, "BallotName");
      if (ballot_name == NULL)
        return fail (self, candidate, error, "candidate ‘%s’ has no BallotName", ids[0]);
      party_ref = child_text (candidate, "PartyId");
      if (party_ref != NULL && (party_id = g_hash_table_lookup (self->parties, party_ref)) == NULL)
        return fail (self, candidate, error, "PartyId ‘%s’ is not a party of the report", party_ref);
      post_status = child_text (candidate, "PostElectionStatus");
      /* A stated result counts only where votes cannot decide. */
      if (counts.total < 0 && g_strcmp0 (post_status, "winner") == 0)
        hint = PSEPHOS_RESULT_WON;
      else if (counts.total < 0 && g_strcmp0 (post_status, "defeated") == 0)
        hint = PSEPHOS_RESULT_LOST;

      person_id = ensure_person (self, candidate, ballot_name, earlier, error);
      if (person_id <= 0)
        return FALSE;
      candidacy_id = psephos_import_add_candidacy (self->imp, contest_id, person_id, party_id ? *party_id : 0,
                                                   ballot_name, counts.total, counts.evm, counts.postal, hint, error);
      if (candidacy_id <= 0)
        return FALSE;

      about.subject_kind = PSEPHOS_SUBJECT_CANDIDATE;
      about.candidacy_id = candidacy_id;
      about.person_id = person_id;
      about.party_id = party_id ? *party_id : 0;
      if (!add_count_facts (self, &about, &counts, error))
        return FALSE;
    }

  return psephos_import_update_contest (self->imp, contest_id, electors, votes_polled, turnout, nota, status, error);
}

/* Election kind, year and dates. */
static gboolean
import_election (Import *self, xmlNode *election, GError **error)
{
  g_autofree char *name = intl_text (election, "Name");
  g_autofree char *type = child_text (election, "Type");
  g_autofree char *scope_id = child_text (election, "ElectionScopeId");
  g_autofree char *start_date = child_text (election, "StartDate");
  g_autofree char *end_date = child_text (election, "EndDate");
  PsephosElectionKind kind = PSEPHOS_ELECTION_GENERAL;
  const char *held_on = NULL, *counted_on = NULL;
  g_autofree char *year_text = NULL;
  Unit *scope;
  guint64 year = 0;

  if (name == NULL)
    return fail (self, election, error, "the Election has no Name");
  year_text = start_date ? g_strndup (start_date, 4) : NULL;
  if (start_date == NULL || strlen (start_date) < 10
      || !g_ascii_string_to_unsigned (year_text, 10, 1900, 2999, &year, NULL))
    return fail (self, election, error, "the Election has no StartDate (YYYY-MM-DD)");
  scope = scope_id ? g_hash_table_lookup (self->units, scope_id) : NULL;
  if (g_strcmp0 (type, "special") == 0)
    kind = PSEPHOS_ELECTION_BYPOLL;
  else if (scope != NULL)
    {
      g_autofree char *scope_type = child_text (scope->node, "Type");

      if (g_strcmp0 (scope_type, "state") == 0)
        kind = PSEPHOS_ELECTION_ASSEMBLY;
    }

  /* The whole year is how the writer says "dates not known". */
  if (!(g_str_has_suffix (start_date, "-01-01") && end_date != NULL && g_str_has_suffix (end_date, "-12-31")
        && strncmp (start_date, end_date, 4) == 0))
    {
      held_on = start_date;
      counted_on = end_date;
    }

  self->election_id = psephos_import_ensure_election (self->imp, name, kind, (int) year, error);
  if (self->election_id <= 0)
    return FALSE;
  {
    g_autofree char *total_text = external_id (election, "psephos-seats-total");
    g_autofree char *majority_text = external_id (election, "psephos-majority-mark");
    guint64 total = 0, majority = 0;

    if (total_text != NULL && !g_ascii_string_to_unsigned (total_text, 10, 1, 100000, &total, NULL))
      return fail (self, election, error, "the seats total is not a number: ‘%s’", total_text);
    if (majority_text != NULL && !g_ascii_string_to_unsigned (majority_text, 10, 1, 100000, &majority, NULL))
      return fail (self, election, error, "the majority mark is not a number: ‘%s’", majority_text);
    return psephos_import_update_election (self->imp, self->election_id, total ? (int) total : -1,
                                           majority ? (int) majority : -1, held_on, counted_on, error);
  }
}

/* TRUE when the prolog (before the root element) has a DOCTYPE. Looked for
 * before parsing, so that the parser never reads entity declarations. */
static gboolean
has_doctype (const char *data, gsize len)
{
  gsize i = 0;

  while (i < len)
    {
      const char *lt = memchr (data + i, '<', len - i);

      if (lt == NULL)
        return FALSE;
      i = (gsize) (lt - data);
      if (len - i >= 9 && g_ascii_strncasecmp (data + i, "<!DOCTYPE", 9) == 0)
        return TRUE;
      if (len - i >= 2 && (data[i + 1] == '?' || data[i + 1] == '!'))
        {
          const char *close = data[i + 1] == '?' ? "?>" : (len - i >= 4 && data[i + 2] == '-') ? "-->"
                                                                                               : ">";
          const char *found = g_strstr_len (data + i + 2, (gssize) (len - i - 2), close);

          if (found == NULL)
            return FALSE;
          i = (gsize) (found - data) + strlen (close);
          continue;
        }
      return FALSE; /* the root element */
    }
  return FALSE;
}

static gboolean
parse_document (Import *self, GError **error)
{
  xmlNode *root;

  if (self->len > G_MAXINT)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_TOO_LARGE, self->path, 0, "the file is too large for the XML reader");
      return FALSE;
    }
  if (has_doctype (self->data, self->len))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, self->path, 0,
                                 "the report has a DOCTYPE; Psephos refuses DTDs and entity declarations in results files");
      return FALSE;
    }
  /* No network, no entity substitution, no DTD loading (none of
   * XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR), and the
   * parser's own limits kept (no XML_PARSE_HUGE). */
  self->doc = xmlReadMemory (self->data, (int) self->len, self->path, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (self->doc == NULL)
    {
      const xmlError *e = xmlGetLastError ();
      g_autofree char *message = g_strdup (e && e->message ? e->message : "parse error");

      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, self->path, e ? (guint) MAX (e->line, 0) : 0,
                                 "not well-formed XML: %s", g_strchomp (message));
      return FALSE;
    }
  if (self->doc->intSubset != NULL || self->doc->extSubset != NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, self->path, 0,
                                 "the report has a DOCTYPE; Psephos refuses DTDs and entity declarations in results files");
      return FALSE;
    }
  root = xmlDocGetRootElement (self->doc);
  if (root == NULL || !xmlStrEqual (root->name, BAD_CAST "ElectionReport"))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, self->path, 0, "not an ElectionReport");
      return FALSE;
    }
  if (!is_nist (root, "ElectionReport"))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_FORMAT, self->path, line_of (root),
                                 "an ElectionReport outside the NIST SP 1500-100 v2 namespace (%s)", PSEPHOS_NIST_NAMESPACE);
      return FALSE;
    }
  return TRUE;
}

gboolean
psephos_nist_import (PsephosStore *store,
                     const char *path,
                     GBytes *contents,
                     const PsephosIngestOptions *options,
                     GCancellable *cancellable,
                     PsephosIngestOutcome *outcome,
                     GError **error)
{
  static const PsephosIngestOptions no_options = { 0 };
  g_autoptr (PsephosImport) imp = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *election_name = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *generated = NULL;
  PsephosIngestOutcome unused;
  PsephosSource source = { 0 };
  Import self = { 0 };
  xmlNode *root, *election;
  guint n_contests = 0, done = 0;
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

  self.path = path;
  self.data = g_bytes_get_data (contents, &self.len);
  if (self.data == NULL || self.len == 0)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0, "the file is empty");
      return FALSE;
    }
  if (!g_utf8_validate_len (self.data, self.len, NULL))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, 0, "not UTF-8 text");
      return FALSE;
    }
  if (!parse_document (&self, error))
    goto out;
  root = xmlDocGetRootElement (self.doc);
  election = child (root, "Election");
  if (election == NULL)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_NO_ELECTION, path, line_of (root), "the report has no Election");
      goto out;
    }
  if (next_sibling (election, "Election") != NULL)
    {
      fail (&self, next_sibling (election, "Election"), error, "the report has several Elections; Psephos reads one per file");
      goto out;
    }

  imp = _psephos_ingest_begin_source (store, contents, &hash, outcome, error);
  if (imp == NULL)
    {
      ok = outcome->status == PSEPHOS_INGEST_UNCHANGED;
      goto out;
    }

  election_name = intl_text (election, "Name");
  issuer = child_text (root, "Issuer");
  generated = child_text (root, "GeneratedDate");
  base = g_path_get_basename (path);
  title = g_strdup_printf ("%s — NIST SP 1500-100 results report", election_name ? election_name : base);
  source.kind = PSEPHOS_SOURCE_OFFICIAL;
  source.file = base;
  source.title = title;
  source.publisher = issuer;
  if (generated != NULL && strlen (generated) >= 10)
    generated[10] = '\0';
  source.published_on = generated;
  source.body = (char *) g_strndup (self.data, self.len);
  source.content_hash = hash;
  outcome->source_id = psephos_import_add_source (imp, &source, error);
  g_free (source.body);
  if (outcome->source_id <= 0)
    goto out;

  self.imp = imp;
  index_lines (&self);
  self.persons_xml = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);
  self.persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.candidates = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);
  index_by_object_id (self.persons_xml, root, "Person");
  index_by_object_id (self.candidates, election, "Candidate");

  if (!index_gp_units (&self, root, error) || !import_election (&self, election, error)
      || !import_parties (&self, root, error))
    goto out;

  for (xmlNode *c = child (election, "Contest"); c != NULL; c = next_sibling (c, "Contest"))
    n_contests++;
  for (xmlNode *c = child (election, "Contest"); c != NULL; c = next_sibling (c, "Contest"))
    {
      g_autofree char *type = xsi_type (c);

      if (g_strcmp0 (type, "CandidateContest") != 0)
        {
          fail (&self, c, error, "a contest of type ‘%s’: Psephos reads candidate contests only", type ? type : "(none)");
          goto out;
        }
      if (!import_contest (&self, c, error))
        goto out;
      if (++done % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (options->progress != NULL)
            options->progress (0.9 * done / n_contests, options->progress_data);
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (!psephos_import_commit (g_steal_pointer (&imp), error))
    goto out;
  if (options->progress != NULL)
    options->progress (1.0, options->progress_data);

  outcome->status = PSEPHOS_INGEST_IMPORTED;
  outcome->n_facts = self.n_facts;
  outcome->n_rows = self.n_rows;
  ok = TRUE;

out:
  import_clear (&self);
  if (!ok)
    {
      outcome->source_id = 0;
      /* Store errors do not name the file: add it. */
      if (error != NULL && *error != NULL && (*error)->domain != PSEPHOS_INGEST_ERROR
          && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, "%s: ", path);
    }
  return ok;
}
