/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-format.h — numbers for people: locale digit grouping, with the
 * Indian lakh/crore grouping (1,24,053) under Indian locales (en_IN, hi…). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PSEPHOS_GROUPING_WESTERN, /* 124,053 */
  PSEPHOS_GROUPING_INDIAN,  /* 1,24,053 */
} PsephosGrouping;

/* The grouping for a locale name such as "en_IN.UTF-8", "hi_IN", "de_DE". */
PsephosGrouping psephos_grouping_for_locale (const char *locale);

/* A count in the current locale (LC_NUMERIC); "—" for unknown (negative)
 */
char *psephos_format_count (gint64 value);
char *psephos_format_count_full (gint64 value,
                                 PsephosGrouping grouping,
                                 const char *separator);
/* A percentage with two decimals ("65.42%"); "—" for NAN. */
char *psephos_format_percent (double value);

G_END_DECLS
