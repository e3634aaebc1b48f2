/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-nist.h — NIST SP 1500-100 v2 election results reports (the
 * Election Results Reporting Common Data Format, namespace
 * http://itl.nist.gov/ns/voting/1500-100/v2): writing one election of a
 * store as an ElectionReport, and reading such a report back as an official
 * source.
 *
 * How the store maps onto the format (the reader expects the same):
 *
 *  - GpUnit (ReportingUnit): one Type country ("India"), one Type state per
 *    state (ExternalIdentifier OtherType "eci" = S27, OtherType
 *    "abbreviation" = JH), one Type other per seat with OtherType
 *    "assembly-constituency" or "parliamentary-constituency"
 *    (ExternalIdentifier "eci" = the seat number, "reservation" = SC/ST;
 *    VotersRegistered = electors, VotersParticipated = votes polled). The
 *    country's ComposingGpUnitIds list the states, a state's its seats.
 *  - Party: Name, Abbreviation, Color (rrggbb). Alliances are Party
 *    elements of xsi:type Coalition whose PartyIds are their members in
 *    this election.
 *  - Person (FullName = the person's name) and Candidate (BallotName = the
 *    name as the source wrote it, PartyId, PersonId, PostElectionStatus).
 *  - One CandidateContest per seat (ElectionDistrictId = the seat's
 *    GpUnit, CountStatus total completed = declared, in-process =
 *    counting), one CandidateSelection per candidate with VoteCounts of
 *    Type total, and Type other with OtherType "evm" and "postal" where
 *    known. NOTA is a CandidateSelection without CandidateIds.
 *  - Election: Type general (ElectionScopeId the country for Lok Sabha,
 *    the state for an assembly) or special (bypolls). StartDate/EndDate
 *    are the polling and counting days; where the store does not know
 *    them they are the whole year (YYYY-01-01 … YYYY-12-31), and the
 *    reader takes that span as "not known".
 *  - Report Status: unofficial-partial while any seat is counting,
 *    unofficial-complete when all are declared.
 *  - What the format has no place for is an ExternalIdentifier of Type
 *    other with OtherType "psephos-seats-total" and
 *    "psephos-majority-mark" (Election) or "psephos-turnout-pct" (seat).
 */
#pragma once

#include "psephos-ingest.h"

G_BEGIN_DECLS

#define PSEPHOS_NIST_NAMESPACE "http://itl.nist.gov/ns/voting/1500-100/v2"

/* The report as UTF-8 XML text. */
GBytes *psephos_nist_export_bytes (PsephosStore *store,
                                   gint64 election_id,
                                   GCancellable *cancellable,
                                   GError **error);

/* Writes the report to @path through a temporary file renamed over it, so
 * that @path is either the old file or the whole new one. */
gboolean psephos_nist_export_file (PsephosStore *store,
                                   gint64 election_id,
                                   const char *path,
                                   GCancellable *cancellable,
                                   GError **error);

/* The same in a worker thread, on a read-only connection of its own to
 * @store's file (the app's connection stays on the main thread). */
void psephos_nist_export_file_async (PsephosStore *store,
                                     gint64 election_id,
                                     const char *path,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean psephos_nist_export_file_finish (PsephosStore *store,
                                          GAsyncResult *result,
                                          GError **error);

/* TRUE when @data starts (after an XML declaration, comments and white
 * space) with an <ElectionReport> element. */
gboolean psephos_nist_sniff (const char *data, gsize len);

/* Imports a report (the whole file, read from @path) as one official
 * source, all-or-nothing. Documents with a DOCTYPE are refused: a report
 * needs none, and refusing it shuts out entity expansion attacks. */
gboolean psephos_nist_import (PsephosStore *store,
                              const char *path,
                              GBytes *contents,
                              const PsephosIngestOptions *options,
                              GCancellable *cancellable,
                              PsephosIngestOutcome *outcome,
                              GError **error);

G_END_DECLS
