/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store-private.h — what psephos-store.c and psephos-store-import.c share. */
#pragma once

#include <sqlite3.h>

#include "psephos-store.h"

G_BEGIN_DECLS

sqlite3 *_psephos_store_get_db (PsephosStore *self);
gboolean _psephos_store_is_read_only (PsephosStore *self);

/* A cached prepared statement of the store, reset and with bindings cleared.
 * The SQL must be a string literal (its address is the cache key). While an
 * import is in progress, the rows it queued are written first, so that
 * the statement sees them. */
sqlite3_stmt *_psephos_store_prepare (PsephosStore *self, const char *sql, GError **error);

/* The same without writing the queued rows: for a statement that neither
 * reads nor writes the tables an import queues rows of (person, alias,
 * candidacy). */
sqlite3_stmt *_psephos_store_prepare_unflushed (PsephosStore *self, const char *sql, GError **error);

/* The import in progress (NULL: none): see _psephos_import_flush(). */
void _psephos_store_set_import (PsephosStore *self, PsephosImport *imp);

/* Sets @error from the connection's last error. */
void _psephos_store_set_error (PsephosStore *self, GError **error, const char *what);

/* Executes SQL without results (statements separated by ';'). */
gboolean _psephos_store_exec (PsephosStore *self, const char *sql, GError **error);

/* For a bulk import, inside its transaction: drops those of the schema's
 * secondary indexes the store has exactly as the schema made them, their
 * positions in @dropped (a bit each); _psephos_store_build_indexes() makes
 * them again. */
gboolean _psephos_store_drop_indexes (PsephosStore *self, guint *dropped, GError **error);
gboolean _psephos_store_build_indexes (PsephosStore *self, guint dropped, GError **error);

/* Column helpers: NULL → -1 / NAN / NULL. */
gint64 _psephos_col_int (sqlite3_stmt *stmt, int col);
double _psephos_col_double (sqlite3_stmt *stmt, int col);
char *_psephos_col_str (sqlite3_stmt *stmt, int col);
void _psephos_bind_int (sqlite3_stmt *stmt, int col, gint64 value); /* < 0 → NULL */
void _psephos_bind_id (sqlite3_stmt *stmt, int col, gint64 id);     /* <= 0 → NULL */
void _psephos_bind_str (sqlite3_stmt *stmt, int col, const char *s);
void _psephos_bind_double (sqlite3_stmt *stmt, int col, double value); /* NAN → NULL */

/* Compatibility of two stated values (see psephos-store-import.c). */
gboolean _psephos_values_compatible (double a, PsephosQualifier qa, double b, PsephosQualifier qb);

/* Stores whose pages passed the check, unchanged since
 * (psephos-store-checked.c). */
struct stat;
gboolean _psephos_store_stat (const char *path, struct stat *st);
gboolean _psephos_store_checked_before (const char *path, const struct stat *st);
void _psephos_store_note_checked (const char *path, const struct stat *before);

G_END_DECLS
