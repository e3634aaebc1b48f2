/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-nist.c — psephos-cli export-nist: one election of the store
 * as a NIST SP 1500-100 v2 ElectionReport (see src/ingest/psephos-nist.h).
 * Reading such a report back is `psephos-cli import FILE.xml`.
 */
#include "config.h"

#include "psephos-cli.h"
#include "psephos-nist.h"

int
_psephos_cli_cmd_export_nist (PsephosCliContext *ctx, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (PsephosStore) store = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *election_name = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "election", 0, 0, G_OPTION_ARG_STRING, &election_name, "The election to export", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The XML file to write", "FILE.xml" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Writes an election as a NIST SP 1500-100 v2 election results report.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_USAGE;
    }
  if (argc > 1)
    {
      _psephos_cli_error (ctx, "export-nist takes no arguments (the file is --output FILE.xml)");
      return PSEPHOS_CLI_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      _psephos_cli_error (ctx, "export-nist needs --output FILE.xml");
      return PSEPHOS_CLI_USAGE;
    }
  if ((store = _psephos_cli_open_store (ctx, FALSE, TRUE)) == NULL)
    return PSEPHOS_CLI_REJECTED;
  if ((election = _psephos_cli_find_election (ctx, store, election_name)) == NULL)
    return PSEPHOS_CLI_REJECTED;
  if (!psephos_nist_export_file (store, election->id, output, NULL, &error))
    {
      _psephos_cli_error (ctx, "%s", error->message);
      return PSEPHOS_CLI_REJECTED;
    }
  fprintf (ctx->out, "%s: %s, %d seats\n", output, election->name, election->n_contests);
  return PSEPHOS_CLI_OK;
}
