/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-format.c — locale-aware number formatting for the app.
 *
 * glibc's own grouping depends on locales being generated on the machine;
 * this does not, so "1,24,053" is the same on every Indian-locale desktop. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "psephos-format.h"

PsephosGrouping
psephos_grouping_for_locale (const char *locale)
{
  static const char *const indian[] = {
    "hi",
    "bn",
    "te",
    "mr",
    "ta",
    "ur",
    "gu",
    "kn",
    "ml",
    "or",
    "pa",
    "as",
    "ne",
    "kok",
    "mai",
    "sa",
    NULL,
  };
  g_autofree char *lang = NULL;
  const char *end;

  if (locale == NULL || *locale == '\0')
    return PSEPHOS_GROUPING_WESTERN;
  if (strstr (locale, "_IN") != NULL)
    return PSEPHOS_GROUPING_INDIAN;
  end = locale + strcspn (locale, "_.@");
  lang = g_strndup (locale, end - locale);
  return g_strv_contains (indian, lang) ? PSEPHOS_GROUPING_INDIAN : PSEPHOS_GROUPING_WESTERN;
}

static PsephosGrouping
current_grouping (void)
{
  const char *env = g_getenv ("LC_ALL");

  if (env == NULL || *env == '\0')
    env = g_getenv ("LC_NUMERIC");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LANG");
  if (env == NULL || *env == '\0')
    env = setlocale (LC_NUMERIC, NULL);
  return psephos_grouping_for_locale (env);
}

static const char *
current_separator (void)
{
  const struct lconv *lc = localeconv ();

  /* The C locale has no separator; people still read 32,737 best. */
  if (lc->thousands_sep != NULL && *lc->thousands_sep != '\0')
    return lc->thousands_sep;
  return ",";
}

char *
psephos_format_count_full (gint64 value, PsephosGrouping grouping, const char *separator)
{
  char digits[32];
  GString *out;
  int len, i, first;

  if (value < 0)
    return g_strdup ("—");
  if (separator == NULL)
    separator = ",";
  len = g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value);
  out = g_string_sized_new (len + 8);
  if (len <= 3)
    return g_string_free (g_string_append (out, digits), FALSE);

  /* Western: groups of three. Indian: the last three, then groups of two. */
  if (grouping == PSEPHOS_GROUPING_INDIAN)
    first = (len - 3) % 2 == 0 ? 2 : (len - 3) % 2;
  else
    first = len % 3 == 0 ? 3 : len % 3;

  g_string_append_len (out, digits, first);
  i = first;
  while (i < len)
    {
      int group = (grouping == PSEPHOS_GROUPING_INDIAN && len - i > 3) ? 2 : 3;

      g_string_append (out, separator);
      g_string_append_len (out, digits + i, group);
      i += group;
    }
  return g_string_free (out, FALSE);
}

char *
psephos_format_count (gint64 value)
{
  return psephos_format_count_full (value, current_grouping (), current_separator ());
}

char *
psephos_format_percent (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const struct lconv *lc = localeconv ();
  g_autofree char *text = NULL;

  if (isnan (value))
    return g_strdup ("—");
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  text = g_strdup (buf);
  if (lc->decimal_point != NULL && strcmp (lc->decimal_point, ".") != 0)
    {
      char *dot = strchr (text, '.');

      if (dot != NULL)
        {
          g_autofree char *head = g_strndup (text, dot - text);

          return g_strdup_printf ("%s%s%s%%", head, lc->decimal_point, dot + 1);
        }
    }
  /* TRANSLATORS: a percentage, e.g. "65.42%" */
  return g_strdup_printf (_ ("%s%%"), text);
}
