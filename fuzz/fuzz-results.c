/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-results.c — the official results reader on any bytes: the CSV
 * tokenizer with both separators the formats use, then the whole import
 * (sniffing the header, rows, names, one transaction) into a scratch store. */
#include "config.h"

#include <string.h>

#include "psephos-csv.h"
#include "psephos-fuzz.h"
#include "psephos-results.h"

static PsephosStore *store;

static void
tokenize (const char *data, gsize size, char separator)
{
  g_autoptr (PsephosCsv) csv = psephos_csv_new ("fuzz.csv", data, size, separator);
  g_autoptr (GError) error = NULL;
  guint n_fields = 0;
  guint n_records = 0;

  while (psephos_csv_next (csv, &error))
    {
      guint n = psephos_csv_get_n_fields (csv);

      if (n_records++ == 0)
        n_fields = n;
      g_assert (n == n_fields);
      for (guint i = 0; i < n; i++)
        {
          const char *field = psephos_csv_get_field (csv, i);
          gsize start = psephos_csv_get_field_start (csv, i);
          gsize end = psephos_csv_get_field_end (csv, i);

          g_assert (field != NULL);
          g_assert (strlen (field) == psephos_csv_get_field_len (csv, i));
          g_assert (start <= end && end <= size);
        }
      g_assert (psephos_csv_get_line (csv) >= 1);
      g_assert (psephos_csv_get_fraction (csv) >= 0.0 && psephos_csv_get_fraction (csv) <= 1.0);
    }
  g_assert (error == NULL || g_str_has_prefix (error->message, "fuzz.csv"));
  if (size > 0)
    g_assert (psephos_csv_line_at (csv, size - 1) >= 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  PsephosIngestOptions options = { .election = "Fuzz Assembly 2024" };
  PsephosIngestOutcome outcome;

  tokenize ((const char *) data, size, ',');
  tokenize ((const char *) data, size, ';');

  if (!psephos_results_sniff ((const char *) data, size))
    return 0;
  if (store == NULL)
    {
      g_autofree char *path = g_build_filename (psephos_fuzz_tmp_dir (), "results.psephos", NULL);

      store = psephos_store_open (path, PSEPHOS_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
    }
  bytes = g_bytes_new (data, size);
  if (!psephos_results_import (store, "fuzz.csv", bytes, &options, NULL, &outcome, &error))
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.csv")
                || g_str_has_prefix (error->message, psephos_store_get_path (store)));
    }
  return 0;
}
