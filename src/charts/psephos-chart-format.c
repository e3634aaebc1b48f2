/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-format.c — numbers as the reader's locale writes them.
 *
 * glibc's printf grouping is no help here: the C locale has none, and the
 * chart's locale need not be the process's. So the few conventions charts
 * need are spelled out: Indian grouping (3 then 2s) for the languages of
 * India and en_IN, the Western one (3s) with the separators each language
 * uses.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "psephos-chart-private.h"

typedef struct
{
  const char *group; /* thousands separator */
  const char *decimal;
  gboolean indian; /* 12,34,567 */
} NumberStyle;

/* Languages whose speakers group numbers the Indian way. */
static const char *const indian_languages[] = {
  "hi",
  "bn",
  "mr",
  "ta",
  "te",
  "gu",
  "kn",
  "ml",
  "pa",
  "or",
  "as",
  "ur",
  "ne",
  "kok",
  "mai",
  "sa",
  "sd",
  "doi",
  "mni",
  "brx",
  "sat",
  "ks",
  NULL,
};
/* Languages writing 1.234,5 */
static const char *const dot_group_languages[] = {
  "de",
  "es",
  "it",
  "nl",
  "pt",
  "id",
  "da",
  "tr",
  "el",
  "ro",
  "sl",
  "hr",
  NULL,
};
/* Languages writing 1 234,5 (narrow no-break space) */
static const char *const space_group_languages[] = {
  "fr",
  "ru",
  "sv",
  "nb",
  "nn",
  "no",
  "fi",
  "cs",
  "pl",
  "uk",
  "sk",
  "bg",
  "hu",
  NULL,
};

static gboolean
in_list (const char *const *list, const char *lang)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (list[i], lang))
      return TRUE;
  return FALSE;
}

static NumberStyle
number_style (const char *locale)
{
  NumberStyle style = { ",", ".", FALSE };
  g_autofree char *lang = NULL;
  const char *territory;
  gsize len;

  if (locale == NULL || *locale == '\0')
    return style;

  len = strcspn (locale, "_.@");
  lang = g_ascii_strdown (locale, len);
  territory = locale[len] == '_' ? locale + len + 1 : NULL;

  if ((territory != NULL && g_str_has_prefix (territory, "IN")) || in_list (indian_languages, lang))
    style.indian = TRUE;
  else if (in_list (dot_group_languages, lang))
    {
      style.group = ".";
      style.decimal = ",";
    }
  else if (in_list (space_group_languages, lang))
    {
      style.group = "\u202f";
      style.decimal = ",";
    }
  return style;
}

char *
_psephos_chart_default_locale (void)
{
  const char *current = setlocale (LC_NUMERIC, NULL);
  const char *const vars[] = { "LC_ALL", "LC_NUMERIC", "LANG", NULL };

  if (current != NULL && !g_str_equal (current, "C") && !g_str_equal (current, "POSIX"))
    return g_strdup (current);
  for (guint i = 0; vars[i] != NULL; i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && *value != '\0')
        return g_strdup (value);
    }
  return g_strdup ("C");
}

static void
append_grouped (GString *out, const char *digits, const NumberStyle *style)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      gsize left = len - i; /* digits from here to the end */

      if (i > 0)
        {
          gboolean mark;

          if (style->indian)
            mark = left == 3 || (left > 3 && (left - 3) % 2 == 0);
          else
            mark = left % 3 == 0;
          if (mark)
            g_string_append (out, style->group);
        }
      g_string_append_c (out, digits[i]);
    }
}

char *
psephos_chart_format_count (gint64 n, const char *locale)
{
  NumberStyle style = number_style (locale);
  GString *out = g_string_new (NULL);
  char digits[32];
  guint64 magnitude = n < 0 ? (guint64) (-(n + 1)) + 1 : (guint64) n;

  if (n < 0)
    g_string_append (out, "−");
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  append_grouped (out, digits, &style);
  return g_string_free (out, FALSE);
}

char *
psephos_chart_format_decimal (double value, int digits, const char *locale)
{
  NumberStyle style = number_style (locale);
  GString *out;
  char buf[64];
  char *point;
  double magnitude = fabs (value);

  g_return_val_if_fail (digits >= 0 && digits <= 6, NULL);

  if (!isfinite (value))
    return g_strdup ("–");

  out = g_string_new (NULL);
  /* %.*f in the C locale whatever the process's locale is. */
  g_ascii_formatd (buf, sizeof buf, digits == 0 ? "%.0f" : digits == 1 ? "%.1f"
                                                         : digits == 2 ? "%.2f"
                                                         : digits == 3 ? "%.3f"
                                                         : digits == 4 ? "%.4f"
                                                         : digits == 5 ? "%.5f"
                                                                       : "%.6f",
                   magnitude);
  if (value < 0 && g_ascii_strtod (buf, NULL) != 0)
    g_string_append (out, "−");
  point = strchr (buf, '.');
  if (point != NULL)
    *point = '\0';
  append_grouped (out, buf, &style);
  if (point != NULL)
    {
      g_string_append (out, style.decimal);
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}
