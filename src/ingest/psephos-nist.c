/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-nist.c — writing one election of a store as a NIST SP 1500-100 v2
 * ElectionReport with libxml2's text writer. The mapping is described in
 * psephos-nist.h; the reader is psephos-nist-import.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "psephos-nist.h"

#define XSI_NAMESPACE "http://www.w3.org/2001/XMLSchema-instance"

typedef struct
{
  PsephosSeatRow *seat;
  GPtrArray *candidacies; /* PsephosCandidacy */
} SeatData;

typedef struct
{
  PsephosStateRow *state;
  GPtrArray *seats; /* SeatData */
} StateData;

typedef struct
{
  gint64 id;
  char *name;
  char *abbreviation;
  char *colour;
  GArray *members; /* gint64 party ids */
} AllianceData;

typedef struct
{
  PsephosStore *store;
  PsephosElection *election;
  GPtrArray *states;        /* StateData */
  GHashTable *parties;      /* party id → PsephosParty (all of the store) */
  GHashTable *parties_used; /* party id set: the ones this report names */
  GPtrArray *alliances;     /* AllianceData */
  GHashTable *persons;      /* person id → display name, in order of … */
  GArray *person_order;     /* … first appearance */
  xmlTextWriterPtr w;
  gboolean failed; /* a writer call failed */
} Export;

static void
seat_data_free (gpointer p)
{
  SeatData *s = p;

  psephos_seat_row_free (s->seat);
  g_clear_pointer (&s->candidacies, g_ptr_array_unref);
  g_free (s);
}

static void
state_data_free (gpointer p)
{
  StateData *s = p;

  psephos_state_row_free (s->state);
  g_clear_pointer (&s->seats, g_ptr_array_unref);
  g_free (s);
}

static void
alliance_data_free (gpointer p)
{
  AllianceData *a = p;

  g_free (a->name);
  g_free (a->abbreviation);
  g_free (a->colour);
  g_clear_pointer (&a->members, g_array_unref);
  g_free (a);
}

static void
export_clear (Export *self)
{
  g_clear_pointer (&self->election, psephos_election_free);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->parties_used, g_hash_table_unref);
  g_clear_pointer (&self->alliances, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->person_order, g_array_unref);
  g_clear_pointer (&self->w, xmlFreeTextWriter);
}

/* ---- gathering --------------------------------------------------------- */

/* The alliances of the election, each with its members. */
static gboolean
load_alliance_members (Export *self, GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  members = psephos_store_list_alliance_members (self->store, self->election->id, error);
  if (members == NULL)
    return FALSE;
  self->alliances = g_ptr_array_new_with_free_func (alliance_data_free);
  for (guint i = 0; i < members->len; i++)
    {
      PsephosAllianceMember *m = g_ptr_array_index (members, i);
      AllianceData *a = g_hash_table_lookup (by_id, &m->alliance_id);

      if (a == NULL)
        {
          a = g_new0 (AllianceData, 1);
          a->id = m->alliance_id;
          a->name = g_strdup (m->alliance_name);
          a->abbreviation = g_strdup (m->alliance_abbreviation);
          a->colour = g_strdup (m->alliance_colour);
          a->members = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (self->alliances, a);
          g_hash_table_insert (by_id, &a->id, a);
        }
      g_array_append_val (a->members, m->party_id);
      g_hash_table_add (self->parties_used, g_memdup2 (&m->party_id, sizeof m->party_id));
    }
  return TRUE;
}

static gboolean
gather (Export *self, gint64 election_id, GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) elections = NULL;
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (GPtrArray) parties = NULL;

  elections = psephos_store_list_elections (self->store, error);
  if (elections == NULL)
    return FALSE;
  for (guint i = 0; i < elections->len && self->election == NULL; i++)
    if (((PsephosElection *) g_ptr_array_index (elections, i))->id == election_id)
      self->election = g_ptr_array_steal_index (elections, i);
  if (self->election == NULL)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_FOUND,
                   "%s: no election %" G_GINT64_FORMAT, psephos_store_get_path (self->store), election_id);
      return FALSE;
    }

  parties = psephos_store_list_parties (self->store, error);
  if (parties == NULL)
    return FALSE;
  self->parties = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) psephos_party_free);
  for (guint i = 0; i < parties->len; i++)
    {
      PsephosParty *p = g_ptr_array_index (parties, i);
      g_hash_table_insert (self->parties, &p->id, p);
    }
  g_ptr_array_set_free_func (parties, NULL);
  self->parties_used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->person_order = g_array_new (FALSE, FALSE, sizeof (gint64));

  states = psephos_store_list_states (self->store, election_id, error);
  if (states == NULL)
    return FALSE;
  self->states = g_ptr_array_new_with_free_func (state_data_free);
  while (states->len > 0)
    {
      StateData *sd = g_new0 (StateData, 1);
      g_autoptr (GPtrArray) seats = NULL;

      sd->state = g_ptr_array_steal_index (states, 0);
      g_ptr_array_add (self->states, sd);
      seats = psephos_store_list_seats (self->store, election_id, sd->state->id, error);
      if (seats == NULL)
        return FALSE;
      sd->seats = g_ptr_array_new_with_free_func (seat_data_free);
      while (seats->len > 0)
        {
          SeatData *seat = g_new0 (SeatData, 1);

          seat->seat = g_ptr_array_steal_index (seats, 0);
          g_ptr_array_add (sd->seats, seat);
          seat->candidacies = psephos_store_list_candidacies (self->store, seat->seat->contest_id, error);
          if (seat->candidacies == NULL)
            return FALSE;
          for (guint k = 0; k < seat->candidacies->len; k++)
            {
              PsephosCandidacy *c = g_ptr_array_index (seat->candidacies, k);

              if (c->party_id > 0)
                g_hash_table_add (self->parties_used, g_memdup2 (&c->party_id, sizeof c->party_id));
              if (!g_hash_table_contains (self->persons, &c->person_id))
                {
                  g_hash_table_insert (self->persons, g_memdup2 (&c->person_id, sizeof c->person_id),
                                       g_strdup (c->display_name ? c->display_name : c->name));
                  g_array_append_val (self->person_order, c->person_id);
                }
            }
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return load_alliance_members (self, error);
}

/* ---- writing ------------------------------------------------------------- */

static void
check (Export *self, int rc)
{
  if (rc < 0)
    self->failed = TRUE;
}

static void
start (Export *self, const char *name)
{
  check (self, xmlTextWriterStartElement (self->w, BAD_CAST name));
}

static void
start_typed (Export *self, const char *name, const char *xsi_type, const char *object_id)
{
  start (self, name);
  if (xsi_type != NULL)
    check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "xsi:type", BAD_CAST xsi_type));
  if (object_id != NULL)
    check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "ObjectId", BAD_CAST object_id));
}

static void
end (Export *self)
{
  check (self, xmlTextWriterEndElement (self->w));
}

/* @text without what XML 1.0 cannot carry (C0 controls but tab and line
 * ends, U+FFFE, U+FFFF, invalid UTF-8): a stored name with a stray control
 * character must not make the whole report ill-formed. */
static char *
xml_safe (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF)
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
element (Export *self, const char *name, const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL)
    return;
  safe = xml_safe (text);
  check (self, xmlTextWriterWriteElement (self->w, BAD_CAST name, BAD_CAST safe));
}

static void
element_int (Export *self, const char *name, gint64 value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  element (self, name, buf);
}

/* An InternationalizedText: <Name><Text Language="en">…</Text></Name>. */
static void
element_text (Export *self, const char *name, const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL)
    return;
  safe = xml_safe (text);
  start (self, name);
  start (self, "Text");
  check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "Language", BAD_CAST "en"));
  check (self, xmlTextWriterWriteString (self->w, BAD_CAST safe));
  end (self);
  end (self);
}

static void
external_id (Export *self, const char *other_type, const char *label, const char *value)
{
  if (value == NULL)
    return;
  start (self, "ExternalIdentifier");
  if (label != NULL)
    check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "Label", BAD_CAST label));
  element (self, "Type", "other");
  element (self, "OtherType", other_type);
  element (self, "Value", value);
  end (self);
}

/* "#FF9933" → "ff9933" (HtmlColorString); NULL when it is not a colour. */
static char *
html_colour (const char *colour)
{
  if (colour == NULL)
    return NULL;
  if (colour[0] == '#')
    colour++;
  if (strlen (colour) != 6)
    return NULL;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return NULL;
  return g_ascii_strdown (colour, -1);
}

/* The shortest text that reads back as the same double. */
static char *
exact_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_dtostr (buf, sizeof buf, value);
  return g_strdup (buf);
}

static void
vote_count (Export *self, const char *gp_unit, const char *other_type, gint64 count)
{
  if (count < 0)
    return;
  start (self, "VoteCounts");
  element (self, "GpUnitId", gp_unit);
  element (self, "Type", other_type ? "other" : "total");
  element (self, "OtherType", other_type);
  element_int (self, "Count", count);
  end (self);
}

static char *
seat_gp_unit_id (const PsephosSeatRow *s)
{
  return g_strdup_printf ("gpu-seat-%" G_GINT64_FORMAT, s->seat_id);
}

static const char *
post_election_status (PsephosResult result)
{
  switch (result)
    {
      case PSEPHOS_RESULT_WON:
        return "winner";
      case PSEPHOS_RESULT_LEADING:
        return "projected-winner";
      case PSEPHOS_RESULT_LOST:
        return "defeated";
      case PSEPHOS_RESULT_TRAILING:
      case PSEPHOS_RESULT_UNKNOWN:
      default:
        return NULL;
    }
}

static void
write_candidates (Export *self)
{
  for (guint i = 0; i < self->states->len; i++)
    {
      StateData *sd = g_ptr_array_index (self->states, i);

      for (guint j = 0; j < sd->seats->len; j++)
        {
          SeatData *seat = g_ptr_array_index (sd->seats, j);

          for (guint k = 0; k < seat->candidacies->len; k++)
            {
              PsephosCandidacy *c = g_ptr_array_index (seat->candidacies, k);
              g_autofree char *id = g_strdup_printf ("can-%" G_GINT64_FORMAT, c->id);
              g_autofree char *party = g_strdup_printf ("par-%" G_GINT64_FORMAT, c->party_id);
              g_autofree char *person = g_strdup_printf ("per-%" G_GINT64_FORMAT, c->person_id);

              start_typed (self, "Candidate", NULL, id);
              element_text (self, "BallotName", c->name ? c->name : c->display_name);
              if (c->party_id > 0)
                element (self, "PartyId", party);
              element (self, "PersonId", person);
              element (self, "PostElectionStatus", post_election_status (c->result));
              end (self);
            }
        }
    }
}

static void
write_contest (Export *self, const PsephosStateRow *state, const SeatData *seat)
{
  const PsephosSeatRow *s = seat->seat;
  g_autofree char *id = g_strdup_printf ("con-%" G_GINT64_FORMAT, s->contest_id);
  g_autofree char *gp_unit = seat_gp_unit_id (s);
  g_autofree char *eci = NULL;

  start_typed (self, "Contest", "CandidateContest", id);
  for (guint k = 0; k < seat->candidacies->len; k++)
    {
      PsephosCandidacy *c = g_ptr_array_index (seat->candidacies, k);
      g_autofree char *sel = g_strdup_printf ("sel-%" G_GINT64_FORMAT, c->id);
      g_autofree char *candidate = g_strdup_printf ("can-%" G_GINT64_FORMAT, c->id);

      start_typed (self, "ContestSelection", "CandidateSelection", sel);
      element_int (self, "SequenceOrder", k + 1);
      vote_count (self, gp_unit, NULL, c->votes);
      vote_count (self, gp_unit, "evm", c->evm_votes);
      vote_count (self, gp_unit, "postal", c->postal_votes);
      element (self, "CandidateIds", candidate);
      end (self);
    }
  if (s->nota_votes >= 0)
    {
      g_autofree char *sel = g_strdup_printf ("sel-nota-%" G_GINT64_FORMAT, s->contest_id);

      /* None of the above: on the ballot, but no candidate. */
      start_typed (self, "ContestSelection", "CandidateSelection", sel);
      element_int (self, "SequenceOrder", seat->candidacies->len + 1);
      vote_count (self, gp_unit, NULL, s->nota_votes);
      end (self);
    }
  if (s->status != PSEPHOS_CONTEST_UNKNOWN)
    {
      start (self, "CountStatus");
      element (self, "Status", s->status == PSEPHOS_CONTEST_DECLARED ? "completed" : "in-process");
      element (self, "Type", "total");
      end (self);
    }
  element (self, "ElectionDistrictId", gp_unit);
  if (s->number > 0)
    {
      eci = state->eci_code ? g_strdup_printf ("%s-%d", state->eci_code, s->number) : g_strdup_printf ("%d", s->number);
      external_id (self, "eci", "constituency", eci);
    }
  element (self, "Name", s->display_name ? s->display_name : s->name);
  element_int (self, "NumberElected", 1);
  element_int (self, "VotesAllowed", 1);
  end (self);
}

static void
write_election (Export *self)
{
  const PsephosElection *e = self->election;
  g_autofree char *year_start = g_strdup_printf ("%04d-01-01", e->year);
  g_autofree char *year_end = g_strdup_printf ("%04d-12-31", e->year);
  const char *start_date = e->held_on ? e->held_on : e->counted_on;
  const char *end_date = e->counted_on ? e->counted_on : e->held_on;
  g_autofree char *scope = NULL;

  if (start_date == NULL || strlen (start_date) != 10 || end_date == NULL || strlen (end_date) != 10)
    {
      start_date = year_start;
      end_date = year_end;
    }
  if (e->kind == PSEPHOS_ELECTION_ASSEMBLY && self->states->len == 1)
    scope = g_strdup_printf ("gpu-st-%" G_GINT64_FORMAT, ((StateData *) g_ptr_array_index (self->states, 0))->state->id);
  else
    scope = g_strdup ("gpu-in");

  start (self, "Election");
  write_candidates (self);
  for (guint i = 0; i < self->states->len; i++)
    {
      StateData *sd = g_ptr_array_index (self->states, i);

      for (guint j = 0; j < sd->seats->len; j++)
        write_contest (self, sd->state, g_ptr_array_index (sd->seats, j));
    }
  element (self, "ElectionScopeId", scope);
  /* The format has no place for these: Psephos's own identifiers. */
  if (e->seats_total > 0)
    {
      g_autofree char *total = g_strdup_printf ("%d", e->seats_total);
      external_id (self, "psephos-seats-total", "seats in the house", total);
    }
  if (e->majority_mark > 0)
    {
      g_autofree char *majority = g_strdup_printf ("%d", e->majority_mark);
      external_id (self, "psephos-majority-mark", "seats for a majority", majority);
    }
  element_text (self, "Name", e->name);
  element (self, "StartDate", start_date);
  element (self, "EndDate", end_date);
  element (self, "Type", e->kind == PSEPHOS_ELECTION_BYPOLL ? "special" : "general");
  end (self);
}

static void
write_gp_units (Export *self)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < self->states->len; i++)
    g_string_append_printf (ids, "%sgpu-st-%" G_GINT64_FORMAT, i ? " " : "",
                            ((StateData *) g_ptr_array_index (self->states, i))->state->id);
  start_typed (self, "GpUnit", "ReportingUnit", "gpu-in");
  if (ids->len > 0)
    element (self, "ComposingGpUnitIds", ids->str);
  external_id (self, "iso-3166-1", NULL, "IN");
  element_text (self, "Name", "India");
  element (self, "Type", "country");
  end (self);

  for (guint i = 0; i < self->states->len; i++)
    {
      StateData *sd = g_ptr_array_index (self->states, i);
      g_autofree char *id = g_strdup_printf ("gpu-st-%" G_GINT64_FORMAT, sd->state->id);

      g_string_truncate (ids, 0);
      for (guint j = 0; j < sd->seats->len; j++)
        {
          g_autofree char *seat = seat_gp_unit_id (((SeatData *) g_ptr_array_index (sd->seats, j))->seat);
          g_string_append_printf (ids, "%s%s", j ? " " : "", seat);
        }
      start_typed (self, "GpUnit", "ReportingUnit", id);
      if (ids->len > 0)
        element (self, "ComposingGpUnitIds", ids->str);
      external_id (self, "eci", "state", sd->state->eci_code);
      external_id (self, "abbreviation", NULL, sd->state->abbr);
      element_text (self, "Name", sd->state->name);
      element (self, "Type", "state");
      end (self);
    }

  for (guint i = 0; i < self->states->len; i++)
    {
      StateData *sd = g_ptr_array_index (self->states, i);

      for (guint j = 0; j < sd->seats->len; j++)
        {
          const PsephosSeatRow *s = ((SeatData *) g_ptr_array_index (sd->seats, j))->seat;
          g_autofree char *id = seat_gp_unit_id (s);
          g_autofree char *number = s->number > 0 ? g_strdup_printf ("%d", s->number) : NULL;

          start_typed (self, "GpUnit", "ReportingUnit", id);
          external_id (self, "eci", "constituency number", number);
          external_id (self, "reservation", NULL, s->reservation);
          if (!isnan (s->turnout_pct))
            {
              g_autofree char *turnout = exact_double (s->turnout_pct);
              external_id (self, "psephos-turnout-pct", "turnout, % of electors", turnout);
            }
          element_text (self, "Name", s->name);
          element (self, "Type", "other");
          element (self, "OtherType", s->house == PSEPHOS_HOUSE_LOK_SABHA ? "parliamentary-constituency" : "assembly-constituency");
          if (s->votes_polled >= 0)
            element_int (self, "VotersParticipated", s->votes_polled);
          if (s->electors >= 0)
            element_int (self, "VotersRegistered", s->electors);
          end (self);
        }
    }
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
write_party_fields (Export *self, const char *name, const char *abbreviation, const char *colour)
{
  g_autofree char *color = html_colour (colour);

  element_text (self, "Abbreviation", abbreviation);
  element (self, "Color", color);
  element_text (self, "Name", name ? name : abbreviation);
}

static void
write_parties (Export *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->parties_used);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 party_id = g_array_index (ids, gint64, i);
      PsephosParty *p = g_hash_table_lookup (self->parties, &party_id);
      g_autofree char *id = g_strdup_printf ("par-%" G_GINT64_FORMAT, party_id);

      if (p == NULL)
        continue;
      start_typed (self, "Party", NULL, id);
      write_party_fields (self, p->name, p->abbreviation, p->colour);
      end (self);
    }

  for (guint i = 0; i < self->alliances->len; i++)
    {
      AllianceData *a = g_ptr_array_index (self->alliances, i);
      g_autofree char *id = g_strdup_printf ("coa-%" G_GINT64_FORMAT, a->id);
      g_autoptr (GString) members = g_string_new (NULL);

      for (guint j = 0; j < a->members->len; j++)
        g_string_append_printf (members, "%spar-%" G_GINT64_FORMAT, j ? " " : "", g_array_index (a->members, gint64, j));
      start_typed (self, "Party", "Coalition", id);
      write_party_fields (self, a->name, a->abbreviation, a->colour);
      if (members->len > 0)
        element (self, "PartyIds", members->str);
      end (self);
    }
}

static void
write_persons (Export *self)
{
  for (guint i = 0; i < self->person_order->len; i++)
    {
      gint64 person_id = g_array_index (self->person_order, gint64, i);
      g_autofree char *id = g_strdup_printf ("per-%" G_GINT64_FORMAT, person_id);

      start_typed (self, "Person", NULL, id);
      element_text (self, "FullName", g_hash_table_lookup (self->persons, &person_id));
      end (self);
    }
}

static void
write_report (Export *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const PsephosElection *e = self->election;

  check (self, xmlTextWriterSetIndent (self->w, 1));
  check (self, xmlTextWriterSetIndentString (self->w, BAD_CAST "  "));
  check (self, xmlTextWriterStartDocument (self->w, "1.0", "UTF-8", NULL));
  start (self, "ElectionReport");
  check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "xmlns", BAD_CAST PSEPHOS_NIST_NAMESPACE));
  check (self, xmlTextWriterWriteAttribute (self->w, BAD_CAST "xmlns:xsi", BAD_CAST XSI_NAMESPACE));
  write_election (self);
  element (self, "Format", "summary-contest");
  element (self, "GeneratedDate", generated);
  write_gp_units (self);
  element (self, "Issuer", "Psephos");
  element (self, "IssuerAbbreviation", "Psephos");
  element (self, "Notes", "Exported from a Psephos results store; every number's sources: psephos-cli facts.");
  write_parties (self);
  write_persons (self);
  element_int (self, "SequenceStart", 1);
  element_int (self, "SequenceEnd", 1);
  element (self, "Status", e->n_contests > 0 && e->n_declared == e->n_contests ? "unofficial-complete" : "unofficial-partial");
  element (self, "VendorApplicationId", "Psephos " PACKAGE_VERSION);
  end (self);
  check (self, xmlTextWriterEndDocument (self->w));
}

GBytes *
psephos_nist_export_bytes (PsephosStore *store,
                           gint64 election_id,
                           GCancellable *cancellable,
                           GError **error)
{
  Export self = { .store = store };
  xmlBufferPtr buffer = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gather (&self, election_id, cancellable, error))
    goto out;

  buffer = xmlBufferCreate ();
  self.w = buffer ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (self.w == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot start the XML writer", psephos_store_get_path (store));
      goto out;
    }
  write_report (&self);
  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&self.w, xmlFreeTextWriter);
  if (self.failed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: the XML writer failed", psephos_store_get_path (store));
      goto out;
    }
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));

out:
  export_clear (&self);
  if (buffer != NULL)
    xmlBufferFree (buffer);
  return bytes;
}

gboolean
psephos_nist_export_file (PsephosStore *store,
                          gint64 election_id,
                          const char *path,
                          GCancellable *cancellable,
                          GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (PSEPHOS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = psephos_nist_export_bytes (store, election_id, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  /* g_file_set_contents_full writes a temporary file beside @path and
   * renames it over @path. */
  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, local_error->code, "%s: cannot write: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *store_path;
  gint64 election_id;
  char *path;
} ExportTask;

static void
export_task_free (gpointer p)
{
  ExportTask *t = p;

  g_free (t->store_path);
  g_free (t->path);
  g_free (t);
}

static void
export_thread_cb (GTask *task,
                  gpointer source_object,
                  gpointer task_data,
                  GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr (PsephosStore) store = NULL;
  GError *error = NULL;

  store = psephos_store_open (t->store_path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !psephos_nist_export_file (store, t->election_id, t->path, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
psephos_nist_export_file_async (PsephosStore *store,
                                gint64 election_id,
                                const char *path,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportTask *t;

  g_return_if_fail (PSEPHOS_IS_STORE (store));
  g_return_if_fail (path != NULL);

  t = g_new0 (ExportTask, 1);
  t->store_path = g_strdup (psephos_store_get_path (store));
  t->election_id = election_id;
  t->path = g_strdup (path);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, psephos_nist_export_file_async);
  g_task_set_task_data (task, t, export_task_free);
  g_task_run_in_thread (task, export_thread_cb);
}

gboolean
psephos_nist_export_file_finish (PsephosStore *store,
                                 GAsyncResult *result,
                                 GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
psephos_nist_sniff (const char *data, gsize len)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  for (;;)
    {
      while (i < len && g_ascii_isspace (data[i]))
        i++;
      if (i + 1 >= len || data[i] != '<')
        return FALSE;
      if (data[i + 1] == '?' || (data[i + 1] == '!' && i + 3 < len && data[i + 2] == '-' && data[i + 3] == '-'))
        {
          /* An XML declaration, a processing instruction or a comment. */
          const char *close = data[i + 1] == '?' ? "?>" : "-->";
          const char *found = g_strstr_len (data + i + 2, (gssize) (len - i - 2), close);

          if (found == NULL)
            return FALSE;
          i = (gsize) (found - data) + strlen (close);
          continue;
        }
      if (data[i + 1] == '!')
        /* A DOCTYPE: the reader refuses those, but say it is ours so that
         * the refusal names the reason. */
        return g_strstr_len (data + i, (gssize) MIN (len - i, 4096), "ElectionReport") != NULL;
      i++;
      /* An optional namespace prefix. */
      {
        gsize j = i;

        while (j < len && (g_ascii_isalnum (data[j]) || data[j] == '_' || data[j] == '-' || data[j] == '.'))
          j++;
        if (j < len && data[j] == ':')
          i = j + 1;
      }
      return len - i >= 14 && memcmp (data + i, "ElectionReport", 14) == 0
             && (len - i == 14 || g_ascii_isspace (data[i + 14]) || data[i + 14] == '>' || data[i + 14] == '/');
    }
}
