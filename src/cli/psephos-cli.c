/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli.c — psephos-cli: import, query and export a results store.
 *
 * psephos-cli [--store FILE] COMMAND [OPTIONS]
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "psephos-cli.h"

typedef int (*CommandFunc) (PsephosCliContext *ctx, int argc, char **argv);

static const struct
{
  const char *name;
  CommandFunc func;
  const char *summary;
} commands[] = {
  { "import", _psephos_cli_cmd_import, "import FILE…  articles (.txt, .html) and official results (.csv) [--election NAME]" },
  { "sources", _psephos_cli_cmd_sources, "sources  list the sources [--format text|jsonl]" },
  { "source", _psephos_cli_cmd_source, "source ID  print a source's stored text, exactly as fact spans index it" },
  { "facts", _psephos_cli_cmd_facts, "facts  list facts [--source ID] [--election NAME] [--format text|jsonl]" },
  { "tree", _psephos_cli_cmd_tree, "tree  states, seats and candidates [--election NAME] [--format text|jsonl|csv]" },
  { "tally", _psephos_cli_cmd_tally, "tally  seats won and leading per party and alliance --election NAME [--format text|jsonl|csv]" },
  { "export-chart", _psephos_cli_cmd_export_chart, "export-chart  render a chart --chart KIND --format png|svg|pdf --output FILE …" },
  { "export-nist", _psephos_cli_cmd_export_nist, "export-nist  an election as a NIST SP 1500-100 v2 results report --election NAME --output FILE.xml" },
  { "check", _psephos_cli_cmd_check, "check  check the store's integrity" },
};

static void
usage (FILE *to)
{
  fputs ("Usage: psephos-cli [--store FILE] COMMAND [OPTIONS]\n\n"
         "Explore Indian election results and the sources behind every number.\n\n"
         "Commands:\n",
         to);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %s\n", commands[i].summary);
  fputs ("\nWithout --store, the sample store is used (import needs --store).\n"
         "Exit status: 0 success, 1 an input was rejected, 2 bad usage.\n",
         to);
}

int
main (int argc, char *argv[])
{
  PsephosCliContext ctx = { .out = stdout, .err = stderr };
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();

  setlocale (LC_ALL, "");

  /* Global options may stand anywhere: take them out first. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--store") && i + 1 < argc)
        ctx.store_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--store="))
        ctx.store_path = argv[i] + strlen ("--store=");
      else if (g_str_equal (argv[i], "--store"))
        {
          _psephos_cli_error (&ctx, "--store needs a FILE");
          return PSEPHOS_CLI_USAGE;
        }
      else if (g_str_equal (argv[i], "--version") && rest->len == 0)
        {
          printf ("psephos-cli %s\n", PACKAGE_VERSION);
          return PSEPHOS_CLI_OK;
        }
      else if ((g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h")) && rest->len == 0)
        {
          usage (stdout);
          return PSEPHOS_CLI_OK;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }
  if (rest->len == 0)
    {
      usage (stderr);
      return PSEPHOS_CLI_USAGE;
    }
  g_ptr_array_add (rest, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, g_ptr_array_index (rest, 0)))
      {
        int status = commands[i].func (&ctx, (int) rest->len - 1, (char **) rest->pdata);
        fflush (stdout);
        return status;
      }

  _psephos_cli_error (&ctx, "unknown command ‘%s’ (see psephos-cli --help)", (char *) g_ptr_array_index (rest, 0));
  return PSEPHOS_CLI_USAGE;
}
