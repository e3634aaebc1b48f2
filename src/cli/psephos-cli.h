/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli.h — what the psephos-cli commands share.
 *
 * Exit status: 0 success, 1 when an input was rejected (one line per problem
 * on standard error, naming the file and the reason), 2 on bad usage.
 */
#pragma once

#include <stdio.h>

#include "psephos-store.h"

G_BEGIN_DECLS

enum
{
  PSEPHOS_CLI_OK = 0,
  PSEPHOS_CLI_REJECTED = 1,
  PSEPHOS_CLI_USAGE = 2,
};

typedef enum
{
  PSEPHOS_CLI_FORMAT_TEXT,
  PSEPHOS_CLI_FORMAT_JSONL,
  PSEPHOS_CLI_FORMAT_CSV,
} PsephosCliFormat;

typedef struct
{
  const char *store_path; /* --store, or the sample store */
  FILE *out;
  FILE *err;
} PsephosCliContext;

/* Opens the context's store; prints the error and returns NULL on failure.
 * With @create, a missing store file is created. */
PsephosStore *_psephos_cli_open_store (PsephosCliContext *ctx, gboolean create, gboolean read_only);

/* Prints "psephos-cli: MESSAGE" to the context's error stream. */
void _psephos_cli_error (PsephosCliContext *ctx, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Resolves --election NAME (NULL: the store's only election, else an error). */
PsephosElection *_psephos_cli_find_election (PsephosCliContext *ctx, PsephosStore *store, const char *name);

/* Each command: argv[0] is the command name. Returns an exit status. */
int _psephos_cli_cmd_import (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_sources (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_source (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_facts (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_tree (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_tally (PsephosCliContext *ctx, int argc, char **argv);
int _psephos_cli_cmd_check (PsephosCliContext *ctx, int argc, char **argv);
/* psephos-cli-chart.c */
int _psephos_cli_cmd_export_chart (PsephosCliContext *ctx, int argc, char **argv);
/* psephos-cli-nist.c */
int _psephos_cli_cmd_export_nist (PsephosCliContext *ctx, int argc, char **argv);

G_END_DECLS
