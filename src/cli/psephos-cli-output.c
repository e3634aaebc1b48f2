/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-output.c — JSONL records and readable numbers for psephos-cli. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-cli-output.h"

void
_psephos_json_int (JsonBuilder *b, const char *member, gint64 value)
{
  json_builder_set_member_name (b, member);
  if (value < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, value);
}

void
_psephos_json_id (JsonBuilder *b, const char *member, gint64 id)
{
  _psephos_json_int (b, member, id > 0 ? id : -1);
}

void
_psephos_json_number (JsonBuilder *b, const char *member, double value)
{
  json_builder_set_member_name (b, member);
  if (isnan (value))
    json_builder_add_null_value (b);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    /* Two decimals is what every source states; avoid 65.420000000000002. */
    json_builder_add_double_value (b, round (value * 10000.0) / 10000.0);
}

void
_psephos_json_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

void
_psephos_cli_emit (PsephosCliContext *ctx, JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  fputs (text, ctx->out);
  fputc ('\n', ctx->out);
}

char *
_psephos_cli_format_count (gint64 value)
{
  g_autofree char *digits = NULL;
  GString *out;
  size_t n;

  if (value < 0)
    return g_strdup ("—");
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  n = strlen (digits);
  out = g_string_new (NULL);
  for (size_t i = 0; i < n; i++)
    {
      size_t rest = n - i - 1;

      g_string_append_c (out, digits[i]);
      /* Last group of three, then groups of two: 1,24,053. */
      if (rest == 3 || (rest > 3 && (rest - 3) % 2 == 0))
        g_string_append_c (out, ',');
    }
  return g_string_free (out, FALSE);
}

gboolean
_psephos_cli_parse_format (PsephosCliContext *ctx, const char *text, gboolean allow_csv, PsephosCliFormat *out)
{
  if (text == NULL || g_str_equal (text, "text"))
    *out = PSEPHOS_CLI_FORMAT_TEXT;
  else if (g_str_equal (text, "jsonl"))
    *out = PSEPHOS_CLI_FORMAT_JSONL;
  else if (allow_csv && g_str_equal (text, "csv"))
    *out = PSEPHOS_CLI_FORMAT_CSV;
  else
    {
      _psephos_cli_error (ctx, "unknown format ‘%s’ (use text, jsonl%s)", text, allow_csv ? " or csv" : "");
      return FALSE;
    }
  return TRUE;
}

void
_psephos_csv_field (GString *line, const char *value, gboolean first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, value);
}
