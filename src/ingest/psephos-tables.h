/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-tables.h — the lookup tables official results and articles are
 * normalised with: parties (ECI abbreviation, full name, colour, the other
 * ways sources write them), states (name, abbreviation, ECI code) and
 * alliance membership per election.
 *
 * They are loaded once, on first use, from the GResource files
 * data/parties.tsv, data/states.tsv and data/alliances.tsv, and live for the
 * rest of the process. Lookups are thread-safe and insensitive to case,
 * spaces and punctuation ("Janata Dal  (United)" = "JD(U)" = "jdu"), and
 * '&' reads as "and".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *abbreviation; /* ECI usage: "JD(U)" */
  const char *name;         /* "Janata Dal (United)" */
  const char *colour;       /* "#rrggbb" */
} PsephosPartyInfo;

typedef struct
{
  const char *name;     /* "Jharkhand" */
  const char *abbr;     /* "JH" */
  const char *eci_code; /* "S27" */
} PsephosStateInfo;

typedef struct
{
  const char *abbreviation; /* "NDA" */
  const char *name;         /* "National Democratic Alliance" */
  const char *colour;
} PsephosAllianceInfo;

/* NULL if unknown. */
const PsephosPartyInfo *psephos_tables_lookup_party (const char *name_abbr_or_alias);
/* "Jharkhand", "JH" or "S27"; NULL if unknown. */
const PsephosStateInfo *psephos_tables_lookup_state (const char *name_abbr_or_code);

/* The alliance (its abbreviation, "NDA") @party_abbr belonged to in the
 * elections of @year: for an assembly election pass the state (name, abbr or
 * code); where the table has no rows for that state and year, the national
 * (Lok Sabha) membership of that year applies. NULL when none is known. */
const char *psephos_tables_alliance_of (const char *party_abbr,
                                        int year,
                                        const char *state_abbr_or_null);
/* "NDA" → its name and colour; NULL if unknown. */
const PsephosAllianceInfo *psephos_tables_lookup_alliance (const char *abbreviation);

/* The matching key the lookups use: case-folded letters and digits, '&' as
 * "and", everything else dropped. */
char *psephos_tables_key (const char *s);

G_END_DECLS
