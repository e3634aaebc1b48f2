/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-private.h — what the plain-text and HTML readers share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Size, NUL bytes, UTF-8 and blankness checks; errors start with @path. */
gboolean _psephos_article_check_bytes (const char *path, const char *data, gsize len, GError **error);
/* YYYY-MM-DD at the start of @s. */
gboolean _psephos_article_is_iso_date (const char *s, gsize len);

G_END_DECLS
