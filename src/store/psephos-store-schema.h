/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store-schema.h — the store's SQL schema (private to src/store). */
#pragma once

/* 'PSEP': marks a SQLite file as a Psephos store (PRAGMA application_id). */
#define PSEPHOS_STORE_APPLICATION_ID 0x50534550

/* Enumerations are checked with OR chains, not IN lists: SQLite codes a
 * constant IN list in a CHECK as an ephemeral table built for every row
 * written, which made imports several times slower.
 *
 * Version 1. A later version adds a migration step from the one before in
 * psephos-store.c; never edit a released version's statements. */
/* clang-format off */
static const char psephos_store_schema_v1[] =
  "CREATE TABLE election ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind = 'general' OR kind = 'assembly' OR kind = 'bypoll'),"
  "  year INTEGER,"
  "  held_on TEXT,"
  "  counted_on TEXT,"
  "  seats_total INTEGER,"
  "  majority_mark INTEGER"
  ") STRICT;"
  "CREATE TABLE state ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL UNIQUE,"
  "  abbr TEXT,"
  "  eci_code TEXT"
  ") STRICT;"
  "CREATE TABLE seat ("
  "  id INTEGER PRIMARY KEY,"
  "  state_id INTEGER NOT NULL REFERENCES state (id),"
  "  house TEXT NOT NULL CHECK (house = 'assembly' OR house = 'lok_sabha'),"
  "  number INTEGER,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL,"
  "  reservation TEXT,"
  "  district TEXT,"
  "  UNIQUE (state_id, house, name_key)"
  ") STRICT;"
  "CREATE TABLE party ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  abbreviation TEXT,"
  "  key TEXT NOT NULL UNIQUE,"
  "  colour TEXT"
  ") STRICT;"
  "CREATE TABLE alliance ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  abbreviation TEXT,"
  "  key TEXT NOT NULL UNIQUE,"
  "  colour TEXT"
  ") STRICT;"
  "CREATE TABLE alliance_member ("
  "  election_id INTEGER NOT NULL REFERENCES election (id),"
  "  party_id INTEGER NOT NULL REFERENCES party (id),"
  "  alliance_id INTEGER NOT NULL REFERENCES alliance (id),"
  "  PRIMARY KEY (election_id, party_id, alliance_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE alias ("
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  name TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  PRIMARY KEY (person_id, name)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX alias_by_key ON alias (key);"
  "CREATE TABLE contest ("
  "  id INTEGER PRIMARY KEY,"
  "  election_id INTEGER NOT NULL REFERENCES election (id),"
  "  seat_id INTEGER NOT NULL REFERENCES seat (id),"
  "  electors INTEGER,"
  "  votes_polled INTEGER,"
  "  turnout_pct REAL,"
  "  nota_votes INTEGER,"
  "  status TEXT CHECK (status = 'counting' OR status = 'declared'),"
  "  UNIQUE (election_id, seat_id)"
  ") STRICT;"
  "CREATE TABLE candidacy ("
  "  id INTEGER PRIMARY KEY,"
  "  contest_id INTEGER NOT NULL REFERENCES contest (id),"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  party_id INTEGER REFERENCES party (id),"
  "  name TEXT NOT NULL,"
  "  votes INTEGER,"
  "  evm_votes INTEGER,"
  "  postal_votes INTEGER,"
  "  official INTEGER NOT NULL DEFAULT 0,"
  "  result_hint TEXT,"
  "  result TEXT CHECK (result = 'won' OR result = 'lost' OR result = 'leading' OR result = 'trailing'),"
  "  rank INTEGER,"
  "  margin INTEGER,"
  "  vote_share_pct REAL,"
  "  UNIQUE (contest_id, person_id)"
  ") STRICT;"
  "CREATE INDEX candidacy_by_person ON candidacy (person_id);"
  "CREATE TABLE source ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind = 'article' OR kind = 'official'),"
  "  file TEXT,"
  "  title TEXT,"
  "  publisher TEXT,"
  "  address TEXT,"
  "  published_on TEXT,"
  "  body TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  fingerprint TEXT,"
  "  duplicate_of INTEGER REFERENCES source (id),"
  "  imported_at TEXT NOT NULL"
  ") STRICT;"
  /* A computed summary per election, refreshed at each import's commit. */
  "CREATE TABLE tally ("
  "  election_id INTEGER NOT NULL REFERENCES election (id),"
  "  party_id INTEGER NOT NULL REFERENCES party (id),"
  "  seats_won INTEGER NOT NULL,"
  "  seats_leading INTEGER NOT NULL,"
  "  PRIMARY KEY (election_id, party_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE fact ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES source (id),"
  "  subject_kind TEXT NOT NULL CHECK (subject_kind = 'candidate' OR subject_kind = 'seat' OR subject_kind = 'party' OR subject_kind = 'alliance' OR subject_kind = 'election'),"
  /* What the value is compared against: facts with the same subject_key,
   * attribute and as_of state the same thing. */
  "  subject_key TEXT NOT NULL,"
  "  election_id INTEGER REFERENCES election (id),"
  "  contest_id INTEGER REFERENCES contest (id),"
  "  candidacy_id INTEGER REFERENCES candidacy (id),"
  "  person_id INTEGER REFERENCES person (id),"
  "  party_id INTEGER REFERENCES party (id),"
  "  alliance_id INTEGER REFERENCES alliance (id),"
  "  attribute TEXT NOT NULL,"
  "  number REAL,"
  "  text TEXT,"
  "  qualifier TEXT NOT NULL CHECK (qualifier = 'exact' OR qualifier = 'at_least' OR qualifier = 'at_most' OR qualifier = 'about'),"
  "  as_of TEXT,"
  "  start INTEGER,"
  "  \"end\" INTEGER,"
  "  quote TEXT,"
  "  row INTEGER,"
  "  status TEXT NOT NULL DEFAULT 'unchecked'"
  ") STRICT;"
  "CREATE INDEX fact_by_source ON fact (source_id);"
  /* Which sources speak of which election, kept at each import's commit. */
  /* Columns in primary-key order: SQLite 3.40's quick_check misreads
   * NOT NULL columns of a WITHOUT ROWID table declared out of that order. */
  "CREATE TABLE source_election ("
  "  election_id INTEGER NOT NULL REFERENCES election (id),"
  "  source_id INTEGER NOT NULL REFERENCES source (id),"
  "  PRIMARY KEY (election_id, source_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX fact_by_subject ON fact (subject_key, attribute);"
  "CREATE INDEX fact_by_person ON fact (person_id) WHERE person_id IS NOT NULL AND candidacy_id IS NULL;";
/* clang-format on */

/* Version 2: official results write no alias rows (a candidate's spelling
 * is their candidacy's name), and who stood for a seat is found through
 * its contests. */
static const char psephos_store_schema_v2[] = "CREATE INDEX contest_by_seat ON contest (seat_id);";

/* Every table a version-1 store has: a file without them is not ours. */
static const char *const psephos_store_tables_v1[] = {
  "election", "state", "seat", "party", "alliance", "alliance_member",
  "person", "alias", "contest", "candidacy", "source", "tally", "fact", "source_election",
  NULL
};

/* The secondary indexes, exactly as the statements of versions 1 and 2
 * create them (sqlite_schema keeps this text). An import into a store with no
 * people yet drops them and builds each once at commit, from sorted keys,
 * rather than inserting every row's key into them one by one. */
static const struct
{
  const char *name;
  const char *sql;
} psephos_store_indexes[] = {
  { "alias_by_key", "CREATE INDEX alias_by_key ON alias (key)" },
  { "candidacy_by_person", "CREATE INDEX candidacy_by_person ON candidacy (person_id)" },
  { "fact_by_source", "CREATE INDEX fact_by_source ON fact (source_id)" },
  { "fact_by_subject", "CREATE INDEX fact_by_subject ON fact (subject_key, attribute)" },
  { "fact_by_person", "CREATE INDEX fact_by_person ON fact (person_id) WHERE person_id IS NOT NULL AND candidacy_id IS NULL" },
  { "contest_by_seat", "CREATE INDEX contest_by_seat ON contest (seat_id)" },
};
