/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-store.c — opening any file as a store, read-only, and reading all of
 * it the way the app and the CLI do. The file must be refused with an error,
 * or read without a crash, and never be changed. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "psephos-fuzz.h"
#include "psephos-store.h"

/* Bounds on how much of a (possibly huge) store one input reads. */
#define MAX_ITEMS 8

/* Every list read must be whole (no NULL entries); then it is dropped. */
static void
drop_list (GPtrArray *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_assert (list->pdata[i] != NULL);
  if (list != NULL)
    g_ptr_array_unref (list);
}

static void
read_contest (PsephosStore *store, gint64 contest_id)
{
  g_autoptr (GPtrArray) candidacies = psephos_store_list_candidacies (store, contest_id, NULL);

  psephos_seat_row_free (psephos_store_get_seat (store, contest_id, NULL));
  for (guint i = 0; candidacies != NULL && i < candidacies->len && i < MAX_ITEMS; i++)
    {
      PsephosCandidacy *c = candidacies->pdata[i];

      psephos_candidacy_free (psephos_store_get_candidacy (store, c->id, NULL));
      g_strfreev (psephos_store_person_aliases (store, c->person_id, NULL));
    }
}

static void
read_election (PsephosStore *store, PsephosElection *election)
{
  g_autoptr (GPtrArray) states = psephos_store_list_states (store, election->id, NULL);
  g_autoptr (GPtrArray) seats = psephos_store_list_seats (store, election->id, 0, NULL);

  drop_list (psephos_store_party_tally (store, election->id, NULL));
  drop_list (psephos_store_alliance_tally (store, election->id, NULL));
  if (election->name != NULL)
    psephos_election_free (psephos_store_find_election (store, election->name, NULL));
  for (guint i = 0; states != NULL && i < states->len && i < MAX_ITEMS; i++)
    {
      PsephosStateRow *state = states->pdata[i];

      drop_list (psephos_store_list_seats (store, election->id, state->id, NULL));
    }
  for (guint i = 0; seats != NULL && i < seats->len && i < MAX_ITEMS; i++)
    {
      PsephosSeatRow *seat = seats->pdata[i];

      read_contest (store, seat->contest_id);
      if (seat->name != NULL)
        psephos_seat_row_free (psephos_store_find_seat (store, election->id, seat->state_name, seat->name, NULL));
    }
}

static void
read_store (PsephosStore *store)
{
  g_autoptr (GPtrArray) elections = psephos_store_list_elections (store, NULL);
  g_autoptr (GPtrArray) sources = psephos_store_list_sources (store, NULL);
  PsephosFactQuery all = { 0 };

  drop_list (psephos_store_list_parties (store, NULL));
  drop_list (psephos_store_list_facts (store, &all, NULL));
  for (guint i = 0; elections != NULL && i < elections->len && i < MAX_ITEMS; i++)
    read_election (store, elections->pdata[i]);
  for (guint i = 0; sources != NULL && i < sources->len && i < MAX_ITEMS; i++)
    {
      PsephosSource *source = sources->pdata[i];
      PsephosFactQuery of_source = { .source_id = source->id };

      psephos_source_free (psephos_store_get_source (store, source->id, NULL));
      drop_list (psephos_store_list_facts (store, &of_source, NULL));
    }
  psephos_store_check (store, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *path;
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosStore) store = NULL;
  g_autofree char *after = NULL;
  gsize after_len = 0;

  if (path == NULL)
    path = g_build_filename (psephos_fuzz_tmp_dir (), "fuzz.psephos", NULL);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  store = psephos_store_open (path, PSEPHOS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == PSEPHOS_STORE_ERROR);
      g_assert (g_str_has_prefix (error->message, path));
    }
  else
    {
      read_store (store);
      g_clear_object (&store);
    }

  /* Read-only means the bytes stay as they were. */
  if (!g_file_get_contents (path, &after, &after_len, &error))
    g_error ("%s", error->message);
  g_assert (after_len == size && memcmp (after, data, size) == 0);
  return 0;
}
