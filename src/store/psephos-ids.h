/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-ids.h — row ids (positive gint64) as hash table keys and values.
 *
 * Where a pointer holds 64 bits, an id is stored in the pointer itself, so
 * that a set or map of a million ids makes no allocation per id (and frees
 * none). Elsewhere each id is a gint64 of its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#if GLIB_SIZEOF_VOID_P >= 8

static inline GHashTable *
psephos_id_set_new (void)
{
  return g_hash_table_new (NULL, NULL);
}

/* TRUE when @id was not in @set yet. */
static inline gboolean
psephos_id_set_add (GHashTable *set, gint64 id)
{
  return g_hash_table_add (set, GSIZE_TO_POINTER ((gsize) id));
}

static inline gboolean
psephos_id_set_contains (GHashTable *set, gint64 id)
{
  return g_hash_table_contains (set, GSIZE_TO_POINTER ((gsize) id));
}

/* An id as a key of a set, or as a value (the table frees no values). */
static inline gint64
psephos_id_from_pointer (gconstpointer p)
{
  return (gint64) GPOINTER_TO_SIZE (p);
}

static inline gpointer
psephos_id_value (gint64 id)
{
  return GSIZE_TO_POINTER ((gsize) id);
}

/* What a map with id values frees of them. */
#define PSEPHOS_ID_VALUE_FREE NULL

#else

static inline GHashTable *
psephos_id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static inline gboolean
psephos_id_set_add (GHashTable *set, gint64 id)
{
  if (g_hash_table_contains (set, &id))
    return FALSE;
  return g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static inline gboolean
psephos_id_set_contains (GHashTable *set, gint64 id)
{
  return g_hash_table_contains (set, &id);
}

static inline gint64
psephos_id_from_pointer (gconstpointer p)
{
  return *(const gint64 *) p;
}

static inline gpointer
psephos_id_value (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

#define PSEPHOS_ID_VALUE_FREE g_free

#endif

G_END_DECLS
