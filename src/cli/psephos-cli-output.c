/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-cli-output.c — JSONL records and readable numbers for psephos-cli. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "psephos-cli-output.h"

struct _PsephosJson
{
  GString *text;
};

PsephosJson *
_psephos_json_new (void)
{
  PsephosJson *json = g_new0 (PsephosJson, 1);

  json->text = g_string_new ("{");
  return json;
}

void
_psephos_json_free (PsephosJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->text, TRUE);
  g_free (json);
}

static void
append_escaped (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (c < 0x20)
              g_string_append_printf (out, "\\u%04x", c);
            else
              g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
member (PsephosJson *b, const char *name)
{
  if (b->text->len > 1)
    g_string_append_c (b->text, ',');
  append_escaped (b->text, name);
  g_string_append_c (b->text, ':');
}

void
_psephos_json_int (PsephosJson *b, const char *name, gint64 value)
{
  member (b, name);
  if (value < 0)
    g_string_append (b->text, "null");
  else
    g_string_append_printf (b->text, "%" G_GINT64_FORMAT, value);
}

void
_psephos_json_id (PsephosJson *b, const char *name, gint64 id)
{
  _psephos_json_int (b, name, id > 0 ? id : -1);
}

void
_psephos_json_number (PsephosJson *b, const char *name, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  member (b, name);
  if (isnan (value) || isinf (value))
    g_string_append (b->text, "null");
  else if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (b->text, "%" G_GINT64_FORMAT, (gint64) value);
  else
    /* Fifteen significant digits give back what the source wrote. */
    g_string_append (b->text, g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

void
_psephos_json_string (PsephosJson *b, const char *name, const char *value)
{
  member (b, name);
  if (value == NULL || *value == '\0')
    g_string_append (b->text, "null");
  else
    append_escaped (b->text, value);
}

void
_psephos_json_int_array (PsephosJson *b, const char *name, GArray *values)
{
  member (b, name);
  g_string_append_c (b->text, '[');
  for (guint i = 0; values != NULL && i < values->len; i++)
    g_string_append_printf (b->text, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (values, gint64, i));
  g_string_append_c (b->text, ']');
}

void
_psephos_cli_emit (PsephosCliContext *ctx, PsephosJson *b)
{
  fputs (b->text->str, ctx->out);
  fputs ("}\n", ctx->out);
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
  /* A spreadsheet runs a cell that starts like a formula: a name from an
   * untrusted file must stay a name. Numbers are left alone. */
  if ((value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')
      && g_ascii_strtod (value, NULL) == 0 && !g_ascii_isdigit (value[1]))
    g_string_append_c (line, '\'');
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
