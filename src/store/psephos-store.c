/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-store.c — opening a store defensively, and the read queries.
 *
 * A store file is untrusted input. It is first opened read-only and
 * examined (SQLite header, application id, schema version, the tables we
 * expect, no triggers or views, integrity); only a file that passes is
 * reopened for writing, so a refused file is never touched.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "psephos-store-private.h"
#include "psephos-store-schema.h"

struct _PsephosStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  gboolean read_only;
  GHashTable *statements; /* const char *sql → sqlite3_stmt* */
  PsephosImport *import;  /* the import in progress, whose queued rows
                           * are written before any other query */
};

G_DEFINE_FINAL_TYPE (PsephosStore, psephos_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (psephos - store - error - quark, psephos_store_error)

static void
psephos_store_finalize (GObject *object)
{
  PsephosStore *self = PSEPHOS_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL); /* a snapshot, or the checks' */
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (psephos_store_parent_class)->finalize (object);
}

static void
psephos_store_class_init (PsephosStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = psephos_store_finalize;

  /* Before SQLite's first use (it refuses after): no memory statistics,
   * which nothing reads, and which take a global mutex on every allocation
   * (2% of an import). */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
psephos_store_init (PsephosStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
}

/* ---- helpers shared with psephos-store-import.c ------------------------ */

sqlite3 *
_psephos_store_get_db (PsephosStore *self)
{
  return self->db;
}

gboolean
_psephos_store_is_read_only (PsephosStore *self)
{
  return self->read_only;
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return PSEPHOS_STORE_ERROR_BUSY;
      case SQLITE_READONLY:
        return PSEPHOS_STORE_ERROR_READ_ONLY;
      case SQLITE_CORRUPT:
        return PSEPHOS_STORE_ERROR_CORRUPT;
      case SQLITE_NOTADB:
        return PSEPHOS_STORE_ERROR_NOT_A_STORE;
      case SQLITE_CANTOPEN:
      case SQLITE_PERM:
        return PSEPHOS_STORE_ERROR_OPEN;
      case SQLITE_CONSTRAINT:
      case SQLITE_MISMATCH:
        return PSEPHOS_STORE_ERROR_INVALID;
      default:
        return PSEPHOS_STORE_ERROR_FAILED;
    }
}

static void
set_db_error (sqlite3 *db, const char *path, GError **error, const char *what)
{
  int rc = sqlite3_extended_errcode (db);

  g_set_error (error, PSEPHOS_STORE_ERROR, error_code_for_sqlite (rc),
               "%s: %s: %s", path, what, sqlite3_errmsg (db));
}

void
_psephos_store_set_error (PsephosStore *self, GError **error, const char *what)
{
  set_db_error (self->db, self->path, error, what);
}

sqlite3_stmt *
_psephos_store_prepare (PsephosStore *self, const char *sql, GError **error)
{
  if (self->import != NULL && !_psephos_import_flush (self->import, error))
    return NULL;
  return _psephos_store_prepare_unflushed (self, sql, error);
}

void
_psephos_store_set_import (PsephosStore *self, PsephosImport *imp)
{
  self->import = imp;
}

sqlite3_stmt *
_psephos_store_prepare_unflushed (PsephosStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _psephos_store_set_error (self, error, "cannot prepare a query");
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_psephos_store_exec (PsephosStore *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _psephos_store_set_error (self, error, "cannot change the store");
      return FALSE;
    }
  return TRUE;
}

gboolean
_psephos_store_drop_indexes (PsephosStore *self, guint *dropped, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (psephos_store_indexes) <= sizeof (guint) * 8);

  *dropped = 0;
  /* Only an index whose statement is the schema's own: the file decides
   * nothing about what is built again. */
  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM main.sqlite_schema WHERE type = 'index' AND name = ?1 AND sql = ?2",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    {
      _psephos_store_set_error (self, error, "cannot read the store");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (psephos_store_indexes); i++)
    {
      g_autofree char *drop = NULL;
      int rc;

      sqlite3_bind_text (stmt, 1, psephos_store_indexes[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, psephos_store_indexes[i].sql, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        continue;
      drop = g_strconcat ("DROP INDEX main.", psephos_store_indexes[i].name, NULL);
      if (rc != SQLITE_ROW || !_psephos_store_exec (self, drop, error))
        {
          if (rc != SQLITE_ROW)
            _psephos_store_set_error (self, error, "cannot read the store");
          sqlite3_finalize (stmt);
          return FALSE;
        }
      *dropped |= 1u << i;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
_psephos_store_build_indexes (PsephosStore *self, guint dropped, GError **error)
{
  gboolean ok = TRUE;

  if (dropped == 0)
    return TRUE;

  /* SQLite's sorter takes a quarter less time with temporary storage in
   * files than in memory (0.41 s against 0.54 s for ElectionLens), and
   * writes no file while the keys fit in the page cache, as here. */
  sqlite3_exec (self->db, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
  for (guint i = 0; ok && i < G_N_ELEMENTS (psephos_store_indexes); i++)
    if ((dropped & (1u << i)) != 0)
      ok = _psephos_store_exec (self, psephos_store_indexes[i].sql, error);
  sqlite3_exec (self->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  return ok;
}

gint64
_psephos_col_int (sqlite3_stmt *stmt, int col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, col);
}

double
_psephos_col_double (sqlite3_stmt *stmt, int col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, col);
}

char *
_psephos_col_str (sqlite3_stmt *stmt, int col)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);

  return s != NULL ? g_strdup ((const char *) s) : NULL;
}

void
_psephos_bind_int (sqlite3_stmt *stmt, int col, gint64 value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, value);
}

void
_psephos_bind_id (sqlite3_stmt *stmt, int col, gint64 id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, id);
}

/* Bound strings are not copied: every caller steps the statement while the
 * string is alive, and _psephos_store_prepare() clears bindings before the
 * statement is used again. */
void
_psephos_bind_str (sqlite3_stmt *stmt, int col, const char *s)
{
  if (s == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, s, -1, SQLITE_STATIC);
}

void
_psephos_bind_double (sqlite3_stmt *stmt, int col, double value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_double (stmt, col, value);
}

/* ---- opening ----------------------------------------------------------- */

/* Settings every connection gets before it reads anything. */
static gboolean
harden_connection (sqlite3 *db, const char *path, GError **error)
{
  int off = 0;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  /* A stored trigger or view never runs. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &off);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &off);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  /* Guards against absurd sizes claimed by a crafted file. */
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_exec (db, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, error, "cannot configure the connection");
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Looks at a file before SQLite does: is it a SQLite database at all? */
static gboolean
check_header (const char *path, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *f = g_fopen (path, "rb");
  size_t n;

  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_OPEN,
                   "%s: cannot open the store: %s", path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  if (n == 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: not a Psephos store: the file is empty", path);
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: not a Psephos store: not an SQLite database", path);
      return FALSE;
    }
  return TRUE;
}

/* Adds one row of integrity_check/quick_check output to @problems. A row
 * can hold several lines ("*** in database main ***\nOn tree page 46 …"):
 * keep the problems, on one line, so that every error is one line. */
static void
append_check_problem (GString *problems, const char *row)
{
  g_auto (GStrv) lines = NULL;
  gsize len_before = problems->len;

  if (row == NULL || g_str_equal (row, "ok"))
    return;
  lines = g_strsplit_set (row, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], "*** in database"))
        continue;
      g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", lines[i]);
    }
  /* Never let a reported problem vanish. */
  if (problems->len == len_before)
    g_string_append_printf (problems, "%sdamaged", problems->len ? "; " : "");
}

/* Everything a file must pass before we use it; @db is read-only here. */
static gboolean
validate (sqlite3 *db, const char *path, GError **error)
{
  gint64 app_id = 0, version = 0, n = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!query_int (db, "PRAGMA application_id", &app_id))
    {
      int code = error_code_for_sqlite (sqlite3_extended_errcode (db));
      if (code == PSEPHOS_STORE_ERROR_FAILED)
        code = PSEPHOS_STORE_ERROR_CORRUPT;
      g_set_error (error, PSEPHOS_STORE_ERROR, code,
                   "%s: cannot read the store: %s", path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (app_id != PSEPHOS_STORE_APPLICATION_ID)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: not a Psephos store: an SQLite database of another program", path);
      return FALSE;
    }
  query_int (db, "PRAGMA user_version", &version);
  if (version > PSEPHOS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_TOO_NEW,
                   "%s: the store was written by a newer Psephos (schema version %" G_GINT64_FORMAT ", this version reads up to %d)",
                   path, version, PSEPHOS_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: not a Psephos store: no schema version", path);
      return FALSE;
    }

  /* Psephos writes no triggers or views: a file that has them was made by
   * someone else, whatever it claims. */
  if (!query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger','view')", &n) || n > 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: not a Psephos store: it holds triggers or views Psephos never writes", path);
      return FALSE;
    }
  for (guint i = 0; psephos_store_tables_v1[i] != NULL; i++)
    {
      sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, psephos_store_tables_v1[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                       "%s: not a Psephos store: table ‘%s’ is missing", path, psephos_store_tables_v1[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* quick_check reads every page but skips index content comparison: it
 * finds torn and corrupted pages at a fraction of integrity_check's cost. */
static gboolean
check_pages (sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) problems = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(5)", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, error, "the store is damaged");
      return FALSE;
    }
  problems = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        append_check_problem (problems, line);
    }
  if (rc != SQLITE_DONE && problems->len == 0)
    g_string_append (problems, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (problems->len > 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_CORRUPT,
                   "%s: the store is damaged: %s", path, problems->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_schema (sqlite3 *db, const char *path, GError **error)
{
  /* 8 KiB pages: an import of ElectionLens takes 5 % less time than with
   * SQLite's 4 KiB (fewer pages to split and link as tables grow). */
  g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = 8192; BEGIN IMMEDIATE;"
                                          "%s%s"
                                          "PRAGMA application_id = %d;"
                                          "PRAGMA user_version = %d;"
                                          "COMMIT;",
                                          psephos_store_schema_v1,
                                          psephos_store_schema_v2,
                                          PSEPHOS_STORE_APPLICATION_ID,
                                          PSEPHOS_STORE_SCHEMA_VERSION);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, error, "cannot create the store");
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Brings an older store up to this version, in one transaction. */
static gboolean
migrate (sqlite3 *db, const char *path, GError **error)
{
  g_autofree char *sql = NULL;
  gint64 version = 0;

  query_int (db, "PRAGMA user_version", &version);
  if (version == PSEPHOS_STORE_SCHEMA_VERSION)
    return TRUE;
  if (version != 1)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_A_STORE,
                   "%s: unknown schema version %" G_GINT64_FORMAT, path, version);
      return FALSE;
    }
  /* 1 → 2: the alias rows version 1 wrote for official spellings stay;
   * they say nothing the candidacies do not. */
  sql = g_strdup_printf ("BEGIN IMMEDIATE; %s PRAGMA user_version = 2; COMMIT;", psephos_store_schema_v2);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (db, path, error, "cannot bring the store up to this version");
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* A file whose mode grants nobody write access was made read-only on
 * purpose: honour that even for root, whom access(2) lets write anything. */
static gboolean
mode_allows_writing (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

static sqlite3 *
open_connection (const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      if (db != NULL)
        {
          set_db_error (db, path, error, "cannot open the store");
          sqlite3_close_v2 (db);
        }
      else
        g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_OPEN,
                     "%s: cannot open the store: out of memory", path);
      return NULL;
    }
  if (!harden_connection (db, path, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

/* The application id sits at byte 68 of the database header, big-endian. */
static gboolean
header_says_psephos (const char *path)
{
  guchar header[72];
  FILE *f = g_fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return FALSE;
  n = fread (header, 1, sizeof header, f);
  fclose (f);
  return n == sizeof header
         && ((guint32) header[68] << 24 | (guint32) header[69] << 16 | (guint32) header[70] << 8 | header[71])
              == PSEPHOS_STORE_APPLICATION_ID;
}

/* An import that was killed leaves a hot journal beside the file: the file
 * alone is then not the store, and SQLite will not read it on a read-only
 * connection (SQLITE_READONLY_ROLLBACK), so the store could never be opened
 * again. Roll the journal back as SQLite does on a writable connection, so
 * the file is the store as it was before that import; it is then examined
 * like any other. */
static gboolean
recover_interrupted_import (const char *path, GError **error)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  if (!g_file_test (journal, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  /* Only a file whose header says it is a Psephos store is ever written
   * to before it is examined; anything else is left to validate(). */
  if (!header_says_psephos (path))
    return TRUE;
  db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  if (rc != SQLITE_READONLY_ROLLBACK)
    return TRUE; /* no rollback needed; anything else is validate()'s to say */

  if (g_access (path, W_OK) != 0 || !mode_allows_writing (path))
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_READ_ONLY,
                   "%s: an interrupted import must be rolled back first, but the file is read-only", path);
      return FALSE;
    }
  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return FALSE;
  stmt = NULL;
  rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      set_db_error (db, path, error, "cannot roll back an interrupted import");
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);
  g_debug ("%s: rolled back an interrupted import", path);
  return TRUE;
}

PsephosStore *
psephos_store_open (const char *path,
                    PsephosStoreOpenFlags flags,
                    GError **error)
{
  g_autoptr (PsephosStore) self = NULL;
  struct stat st = { 0 };
  sqlite3 *probe;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PSEPHOS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & PSEPHOS_STORE_OPEN_CREATE) || (flags & PSEPHOS_STORE_OPEN_READ_ONLY))
        {
          g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_OPEN,
                       "%s: cannot open the store: no such file", path);
          return NULL;
        }
      self->db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
      if (self->db == NULL)
        return NULL;
      if (!create_schema (self->db, path, error))
        {
          sqlite3_close_v2 (self->db);
          self->db = NULL;
          g_unlink (path);
          return NULL;
        }
    }
  else
    {
      if (!check_header (path, error))
        return NULL;
      if (!recover_interrupted_import (path, error))
        return NULL;
      probe = open_connection (path, SQLITE_OPEN_READONLY, error);
      if (probe == NULL)
        return NULL;
      /* The checks read in one transaction, not one per statement. */
      sqlite3_exec (probe, "BEGIN", NULL, NULL, NULL);
      if (!validate (probe, path, error))
        {
          sqlite3_close_v2 (probe);
          return NULL;
        }
      /* The page check is skipped only for this very file, unchanged
       * since it last passed (psephos-store-checked.c). */
      if (!_psephos_store_stat (path, &st) || !_psephos_store_checked_before (path, &st))
        {
          if (!check_pages (probe, path, error))
            {
              sqlite3_close_v2 (probe);
              return NULL;
            }
          _psephos_store_note_checked (path, &st);
        }
      else
        g_debug ("%s: pages unchanged since they were checked", path);
      if (flags & PSEPHOS_STORE_OPEN_READ_ONLY)
        {
          self->db = probe;
          self->read_only = TRUE;
          if (!(flags & PSEPHOS_STORE_OPEN_SNAPSHOT))
            sqlite3_exec (probe, "COMMIT", NULL, NULL, NULL);
        }
      else
        {
          sqlite3_exec (probe, "COMMIT", NULL, NULL, NULL);
          sqlite3_close_v2 (probe);
          if (g_access (path, W_OK) != 0 || !mode_allows_writing (path))
            {
              /* A read-only file is still readable: writes are refused later. */
              self->db = open_connection (path, SQLITE_OPEN_READONLY, error);
              self->read_only = TRUE;
            }
          else
            self->db = open_connection (path, SQLITE_OPEN_READWRITE, error);
          if (self->db == NULL)
            return NULL;
          if (!self->read_only && !migrate (self->db, path, error))
            return NULL;
        }
    }

  sqlite3_exec (self->db,
                "PRAGMA foreign_keys = ON;"
                "PRAGMA cache_size = -16384;"
                "PRAGMA temp_store = MEMORY;",
                NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

const char *
psephos_store_get_path (PsephosStore *self)
{
  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  return self->path;
}

gboolean
psephos_store_check (PsephosStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  int rc;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(20)", -1, &stmt, NULL) != SQLITE_OK)
    {
      _psephos_store_set_error (self, error, "the store is damaged");
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        append_check_problem (problems, line);
    }
  if (rc != SQLITE_DONE && problems->len == 0)
    g_string_append (problems, sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  if (problems->len == 0 && sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (problems, "%sa row of ‘%s’ points at a missing ‘%s’",
                                problems->len ? "; " : "",
                                sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }
  if (problems->len > 0)
    {
      g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_CORRUPT,
                   "%s: the store is damaged: %s", self->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- reading ----------------------------------------------------------- */

/* Steps @stmt to the end, collecting one record per row. */
typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static GPtrArray *
collect (PsephosStore *self, sqlite3_stmt *stmt, RowFunc row_func, GDestroyNotify free_func, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_func (stmt));
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (self, error, "cannot read the store");
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

static gpointer
collect_one (PsephosStore *self, sqlite3_stmt *stmt, RowFunc row_func, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  gpointer row;

  if (rc == SQLITE_ROW)
    {
      row = row_func (stmt);
      sqlite3_reset (stmt);
      return row;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_FOUND, "%s", what);
  else
    _psephos_store_set_error (self, error, "cannot read the store");
  sqlite3_reset (stmt);
  return NULL;
}

#define ELECTION_COLUMNS                                                                   \
  "e.id, e.name, e.kind, e.year, e.held_on, e.counted_on, e.seats_total, e.majority_mark," \
  " (SELECT count(*) FROM contest c WHERE c.election_id = e.id),"                          \
  " (SELECT count(*) FROM contest c WHERE c.election_id = e.id AND c.status = 'declared')"

static gpointer
election_from_row (sqlite3_stmt *stmt)
{
  PsephosElection *e = g_new0 (PsephosElection, 1);
  PsephosElectionKind kind = PSEPHOS_ELECTION_ASSEMBLY;

  e->id = sqlite3_column_int64 (stmt, 0);
  e->name = _psephos_col_str (stmt, 1);
  psephos_election_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
  e->kind = kind;
  e->year = (int) _psephos_col_int (stmt, 3);
  e->held_on = _psephos_col_str (stmt, 4);
  e->counted_on = _psephos_col_str (stmt, 5);
  e->seats_total = (int) _psephos_col_int (stmt, 6);
  e->majority_mark = (int) _psephos_col_int (stmt, 7);
  e->n_contests = sqlite3_column_int (stmt, 8);
  e->n_declared = sqlite3_column_int (stmt, 9);
  return e;
}

GPtrArray *
psephos_store_list_elections (PsephosStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, "SELECT " ELECTION_COLUMNS " FROM election e ORDER BY e.year, e.name", error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, election_from_row, (GDestroyNotify) psephos_election_free, error);
}

PsephosElection *
psephos_store_find_election (PsephosStore *self, const char *name, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *key = NULL;
  g_auto (GStrv) words = NULL;
  PsephosElection *match = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  all = psephos_store_list_elections (self, error);
  if (all == NULL)
    return NULL;
  key = psephos_name_key (name);
  for (guint i = 0; i < all->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (all, i);
      g_autofree char *ekey = psephos_name_key (e->name);

      if (g_str_equal (ekey, key))
        return g_ptr_array_steal_index (all, i);
    }

  /* Not the full name: accept words that pick out exactly one election
   * ("jharkhand 2024"). */
  words = g_strsplit (key, " ", -1);
  for (guint i = 0; i < all->len; i++)
    {
      PsephosElection *e = g_ptr_array_index (all, i);
      g_autofree char *ekey = psephos_name_key (e->name);
      g_auto (GStrv) ewords = g_strsplit (ekey, " ", -1);
      gboolean all_found = words[0] != NULL;

      for (guint w = 0; words[w] != NULL && all_found; w++)
        all_found = g_strv_contains ((const char *const *) ewords, words[w]);
      if (all_found)
        {
          match = e;
          n_matches++;
        }
    }
  if (n_matches == 1)
    {
      for (guint i = 0; i < all->len; i++)
        if (g_ptr_array_index (all, i) == match)
          return g_ptr_array_steal_index (all, i);
    }
  if (n_matches > 1)
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID,
                 "%s: ‘%s’ names %u elections; give the full name", self->path, name, n_matches);
  else
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_FOUND,
                 "%s: no election named ‘%s’", self->path, name);
  return NULL;
}

static gpointer
state_from_row (sqlite3_stmt *stmt)
{
  PsephosStateRow *s = g_new0 (PsephosStateRow, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->name = _psephos_col_str (stmt, 1);
  s->abbr = _psephos_col_str (stmt, 2);
  s->eci_code = _psephos_col_str (stmt, 3);
  s->n_seats = sqlite3_column_int (stmt, 4);
  return s;
}

GPtrArray *
psephos_store_list_states (PsephosStore *self, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 "SELECT s.id, s.name, s.abbr, s.eci_code, count(*)"
                                 " FROM contest c JOIN seat t ON t.id = c.seat_id JOIN state s ON s.id = t.state_id"
                                 " WHERE c.election_id = ?1 GROUP BY s.id ORDER BY s.name",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return collect (self, stmt, state_from_row, (GDestroyNotify) psephos_state_row_free, error);
}

/* The winner is found with a subquery that stops at rank 1, rather than a
 * join that reads every candidacy of every seat: a third of the cost of
 * listing the 543 seats of the Lok Sabha. */
#define SEAT_QUERY_HEAD                                                                       \
  "SELECT c.id, t.id, s.id, c.election_id, s.name, t.name, t.number, t.reservation, t.house," \
  " c.electors, c.votes_polled, c.turnout_pct, c.nota_votes, c.status,"
#define SEAT_QUERY_TAIL                                                               \
  " FROM contest c JOIN seat t ON t.id = c.seat_id JOIN state s ON s.id = t.state_id" \
  " LEFT JOIN candidacy w ON w.id = (SELECT y.id FROM candidacy y"                    \
  "                                  WHERE y.contest_id = c.id AND y.rank = 1)"       \
  " LEFT JOIN party pa ON pa.id = w.party_id"
#define SEAT_QUERY                                                                     \
  SEAT_QUERY_HEAD                                                                      \
  " w.id, p.name, coalesce (pa.abbreviation, pa.name), pa.colour, w.result, w.margin," \
  " (SELECT count(*) FROM candidacy x WHERE x.contest_id = c.id)" SEAT_QUERY_TAIL      \
  " LEFT JOIN person p ON p.id = w.person_id"
/* Without the winner's name and the count of candidates (counting them is
 * a third of the query): what charts need. */
#define SEAT_RESULT_QUERY \
  SEAT_QUERY_HEAD         \
  " w.id, NULL, coalesce (pa.abbreviation, pa.name), pa.colour, w.result, w.margin, -1" SEAT_QUERY_TAIL

static gpointer
seat_from_row (sqlite3_stmt *stmt)
{
  PsephosSeatRow *s = g_new0 (PsephosSeatRow, 1);

  s->contest_id = sqlite3_column_int64 (stmt, 0);
  s->seat_id = sqlite3_column_int64 (stmt, 1);
  s->state_id = sqlite3_column_int64 (stmt, 2);
  s->election_id = sqlite3_column_int64 (stmt, 3);
  s->state_name = _psephos_col_str (stmt, 4);
  s->name = _psephos_col_str (stmt, 5);
  s->display_name = psephos_name_display (s->name);
  s->number = (int) MAX (0, _psephos_col_int (stmt, 6));
  s->reservation = _psephos_col_str (stmt, 7);
  s->house = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), "lok_sabha") == 0
               ? PSEPHOS_HOUSE_LOK_SABHA
               : PSEPHOS_HOUSE_ASSEMBLY;
  s->electors = _psephos_col_int (stmt, 9);
  s->votes_polled = _psephos_col_int (stmt, 10);
  s->turnout_pct = _psephos_col_double (stmt, 11);
  s->nota_votes = _psephos_col_int (stmt, 12);
  s->status = psephos_contest_status_from_string ((const char *) sqlite3_column_text (stmt, 13));
  s->winner_candidacy_id = MAX (0, _psephos_col_int (stmt, 14));
  s->winner_name = _psephos_col_str (stmt, 15);
  s->winner_party = _psephos_col_str (stmt, 16);
  s->winner_party_colour = _psephos_col_str (stmt, 17);
  s->winner_result = psephos_result_from_string ((const char *) sqlite3_column_text (stmt, 18));
  s->margin = _psephos_col_int (stmt, 19);
  s->n_candidates = sqlite3_column_int (stmt, 20);
  return s;
}

/* State, then seat number (unnumbered last), then name: the order of the
 * seats in a state's list and on a chart. Sorted here rather than by an
 * ORDER BY, which would copy every wide row through SQLite's sorter. */
static int
compare_seats (gconstpointer a, gconstpointer b)
{
  const PsephosSeatRow *x = *(PsephosSeatRow *const *) a;
  const PsephosSeatRow *y = *(PsephosSeatRow *const *) b;
  int c = g_strcmp0 (x->state_name, y->state_name);

  if (c != 0)
    return c;
  if ((x->number == 0) != (y->number == 0))
    return x->number == 0 ? 1 : -1;
  if (x->number != y->number)
    return x->number < y->number ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

static GPtrArray *
list_seats (PsephosStore *self, gint64 election_id, gint64 state_id, gboolean brief, GError **error)
{
  /* [brief][one state] */
  static const char *const queries[2][2] = {
    { SEAT_QUERY " WHERE c.election_id = ?1",
      SEAT_QUERY " WHERE c.election_id = ?1 AND t.state_id = ?2" },
    { SEAT_RESULT_QUERY " WHERE c.election_id = ?1",
      SEAT_RESULT_QUERY " WHERE c.election_id = ?1 AND t.state_id = ?2" },
  };
  sqlite3_stmt *stmt = _psephos_store_prepare (self, queries[brief != FALSE][state_id > 0], error);
  GPtrArray *seats;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  if (state_id > 0)
    sqlite3_bind_int64 (stmt, 2, state_id);
  seats = collect (self, stmt, seat_from_row, (GDestroyNotify) psephos_seat_row_free, error);
  if (seats != NULL)
    g_ptr_array_sort (seats, compare_seats);
  return seats;
}

GPtrArray *
psephos_store_list_seats (PsephosStore *self, gint64 election_id, gint64 state_id, GError **error)
{
  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  return list_seats (self, election_id, state_id, FALSE, error);
}

GPtrArray *
psephos_store_list_seat_results (PsephosStore *self, gint64 election_id, gint64 state_id, GError **error)
{
  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  return list_seats (self, election_id, state_id, TRUE, error);
}

PsephosSeatRow *
psephos_store_get_seat (PsephosStore *self, gint64 contest_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, SEAT_QUERY " WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  what = g_strdup_printf ("%s: no contest %" G_GINT64_FORMAT, self->path, contest_id);
  return collect_one (self, stmt, seat_from_row, what, error);
}

PsephosSeatRow *
psephos_store_find_seat (PsephosStore *self,
                         gint64 election_id,
                         const char *state_name,
                         const char *seat_name,
                         GError **error)
{
  g_autoptr (GPtrArray) seats = NULL;
  g_autofree char *key = NULL;
  g_autofree char *state_key = NULL;
  PsephosSeatRow *found = NULL;
  guint n = 0;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  g_return_val_if_fail (seat_name != NULL, NULL);

  seats = psephos_store_list_seats (self, election_id, 0, error);
  if (seats == NULL)
    return NULL;
  key = psephos_name_key (seat_name);
  state_key = state_name ? psephos_name_key (state_name) : NULL;
  for (guint i = 0; i < seats->len; i++)
    {
      PsephosSeatRow *s = g_ptr_array_index (seats, i);
      g_autofree char *skey = psephos_name_key (s->name);

      if (!g_str_equal (skey, key))
        continue;
      if (state_key != NULL)
        {
          g_autofree char *st = psephos_name_key (s->state_name);
          if (!g_str_equal (st, state_key))
            continue;
        }
      found = s;
      n++;
    }
  if (n == 1)
    {
      guint index = 0;

      g_ptr_array_find (seats, found, &index);
      return g_ptr_array_steal_index (seats, index);
    }
  if (n > 1)
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_INVALID,
                 "%s: %u seats are named ‘%s’; name the state too", self->path, n, seat_name);
  else
    g_set_error (error, PSEPHOS_STORE_ERROR, PSEPHOS_STORE_ERROR_NOT_FOUND,
                 "%s: no seat named ‘%s’ in this election", self->path, seat_name);
  return NULL;
}

static gpointer
candidacy_from_row (sqlite3_stmt *stmt)
{
  PsephosCandidacy *c = g_new0 (PsephosCandidacy, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->contest_id = sqlite3_column_int64 (stmt, 1);
  c->person_id = sqlite3_column_int64 (stmt, 2);
  c->party_id = MAX (0, _psephos_col_int (stmt, 3));
  c->name = _psephos_col_str (stmt, 4);
  c->display_name = _psephos_col_str (stmt, 5);
  c->party = _psephos_col_str (stmt, 6);
  c->party_name = _psephos_col_str (stmt, 7);
  c->party_colour = _psephos_col_str (stmt, 8);
  c->votes = _psephos_col_int (stmt, 9);
  c->evm_votes = _psephos_col_int (stmt, 10);
  c->postal_votes = _psephos_col_int (stmt, 11);
  c->vote_share_pct = _psephos_col_double (stmt, 12);
  c->result = psephos_result_from_string ((const char *) sqlite3_column_text (stmt, 13));
  c->margin = _psephos_col_int (stmt, 14);
  c->rank = (int) MAX (0, _psephos_col_int (stmt, 15));
  c->official = sqlite3_column_int (stmt, 16) != 0;
  return c;
}

#define CANDIDACY_QUERY                                                                             \
  "SELECT y.id, y.contest_id, y.person_id, y.party_id, y.name, p.name,"                             \
  " coalesce (pa.abbreviation, pa.name), pa.name, pa.colour,"                                       \
  " y.votes, y.evm_votes, y.postal_votes, y.vote_share_pct, y.result, y.margin, y.rank, y.official" \
  " FROM candidacy y JOIN person p ON p.id = y.person_id LEFT JOIN party pa ON pa.id = y.party_id"

GPtrArray *
psephos_store_list_candidacies (PsephosStore *self, gint64 contest_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, CANDIDACY_QUERY " WHERE y.contest_id = ?1"
                                                       " ORDER BY y.votes IS NULL, y.votes DESC, y.rank IS NULL, y.rank, y.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  return collect (self, stmt, candidacy_from_row, (GDestroyNotify) psephos_candidacy_free, error);
}

PsephosCandidacy *
psephos_store_get_candidacy (PsephosStore *self, gint64 candidacy_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, CANDIDACY_QUERY " WHERE y.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, candidacy_id);
  what = g_strdup_printf ("%s: no candidacy %" G_GINT64_FORMAT, self->path, candidacy_id);
  return collect_one (self, stmt, candidacy_from_row, what, error);
}

static gpointer
tally_from_row (sqlite3_stmt *stmt)
{
  PsephosTallyRow *t = g_new0 (PsephosTallyRow, 1);

  t->kind = sqlite3_column_int (stmt, 0);
  t->id = sqlite3_column_int64 (stmt, 1);
  t->name = _psephos_col_str (stmt, 2);
  t->abbreviation = _psephos_col_str (stmt, 3);
  t->colour = _psephos_col_str (stmt, 4);
  t->won = sqlite3_column_int (stmt, 5);
  t->leading = sqlite3_column_int (stmt, 6);
  return t;
}

GPtrArray *
psephos_store_party_tally (PsephosStore *self, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 "SELECT 0, p.id, p.name, p.abbreviation, p.colour, t.seats_won, t.seats_leading"
                                 " FROM tally t JOIN party p ON p.id = t.party_id"
                                 " WHERE t.election_id = ?1 AND t.seats_won + t.seats_leading > 0"
                                 " ORDER BY t.seats_won + t.seats_leading DESC, t.seats_won DESC, coalesce (p.abbreviation, p.name)",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return collect (self, stmt, tally_from_row, (GDestroyNotify) psephos_tally_row_free, error);
}

GPtrArray *
psephos_store_alliance_tally (PsephosStore *self, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 "SELECT 1, a.id, a.name, a.abbreviation, a.colour,"
                                 " coalesce (sum (t.seats_won), 0), coalesce (sum (t.seats_leading), 0)"
                                 " FROM alliance_member m JOIN alliance a ON a.id = m.alliance_id"
                                 " LEFT JOIN tally t ON t.election_id = m.election_id AND t.party_id = m.party_id"
                                 " WHERE m.election_id = ?1 GROUP BY a.id"
                                 " ORDER BY 6 + 7 DESC, a.name",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return collect (self, stmt, tally_from_row, (GDestroyNotify) psephos_tally_row_free, error);
}

static gpointer
party_from_row (sqlite3_stmt *stmt)
{
  PsephosParty *p = g_new0 (PsephosParty, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = _psephos_col_str (stmt, 1);
  p->abbreviation = _psephos_col_str (stmt, 2);
  p->colour = _psephos_col_str (stmt, 3);
  return p;
}

GPtrArray *
psephos_store_list_parties (PsephosStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, "SELECT id, name, abbreviation, colour FROM party ORDER BY coalesce (abbreviation, name)", error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, party_from_row, (GDestroyNotify) psephos_party_free, error);
}

static gpointer
alliance_member_from_row (sqlite3_stmt *stmt)
{
  PsephosAllianceMember *m = g_new0 (PsephosAllianceMember, 1);

  m->alliance_id = sqlite3_column_int64 (stmt, 0);
  m->alliance_name = _psephos_col_str (stmt, 1);
  m->alliance_abbreviation = _psephos_col_str (stmt, 2);
  m->alliance_colour = _psephos_col_str (stmt, 3);
  m->party_id = sqlite3_column_int64 (stmt, 4);
  m->party_name = _psephos_col_str (stmt, 5);
  m->party_abbreviation = _psephos_col_str (stmt, 6);
  return m;
}

GPtrArray *
psephos_store_list_alliance_members (PsephosStore *self, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 "SELECT a.id, a.name, a.abbreviation, a.colour, p.id, p.name, p.abbreviation"
                                 " FROM alliance_member m JOIN alliance a ON a.id = m.alliance_id"
                                 " JOIN party p ON p.id = m.party_id"
                                 " WHERE m.election_id = ?1 ORDER BY a.name, coalesce (p.abbreviation, p.name)",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return collect (self, stmt, alliance_member_from_row, (GDestroyNotify) psephos_alliance_member_free, error);
}

#define SOURCE_COLUMNS \
  "id, kind, file, title, publisher, address, published_on, content_hash, fingerprint, duplicate_of, imported_at"

/* Lists of sources: in schema v1 the columns after the body are stored
 * after it, and reading them walks the body's overflow pages (18 MB of
 * them for ElectionLens). Official files have no fingerprint and are never
 * duplicates; their content hash is read from its unique index, and their
 * import time is left out. Articles are short and read whole. */
#define SOURCE_LIST_COLUMNS                                                                         \
  "s.id, s.kind, s.file, s.title, s.publisher, s.address, s.published_on,"                          \
  " CASE WHEN s.kind = 'article' THEN s.content_hash ELSE (SELECT hh FROM h WHERE hid = s.id) END," \
  " CASE WHEN s.kind = 'article' THEN s.fingerprint END,"                                           \
  " CASE WHEN s.kind = 'article' THEN s.duplicate_of END,"                                          \
  " CASE WHEN s.kind = 'article' THEN s.imported_at END"
#define SOURCE_LIST_HASHES \
  "WITH h (hid, hh) AS MATERIALIZED (SELECT id, content_hash FROM source INDEXED BY sqlite_autoindex_source_1) "

static gpointer
source_from_row (sqlite3_stmt *stmt)
{
  PsephosSource *s = g_new0 (PsephosSource, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "official") == 0
              ? PSEPHOS_SOURCE_OFFICIAL
              : PSEPHOS_SOURCE_ARTICLE;
  s->file = _psephos_col_str (stmt, 2);
  s->title = _psephos_col_str (stmt, 3);
  s->publisher = _psephos_col_str (stmt, 4);
  s->address = _psephos_col_str (stmt, 5);
  s->published_on = _psephos_col_str (stmt, 6);
  s->content_hash = _psephos_col_str (stmt, 7);
  s->fingerprint = _psephos_col_str (stmt, 8);
  s->duplicate_of = MAX (0, _psephos_col_int (stmt, 9));
  s->imported_at = _psephos_col_str (stmt, 10);
  if (sqlite3_column_count (stmt) > 11)
    s->body = _psephos_col_str (stmt, 11);
  return s;
}

GPtrArray *
psephos_store_list_sources (PsephosStore *self, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, SOURCE_LIST_HASHES "SELECT " SOURCE_LIST_COLUMNS " FROM source s ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, source_from_row, (GDestroyNotify) psephos_source_free, error);
}

GPtrArray *
psephos_store_list_election_sources (PsephosStore *self, gint64 election_id, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 SOURCE_LIST_HASHES "SELECT " SOURCE_LIST_COLUMNS " FROM source s"
                                                    " WHERE s.id IN (SELECT source_id FROM source_election WHERE election_id = ?1)"
                                                    " ORDER BY s.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, election_id);
  return collect (self, stmt, source_from_row, (GDestroyNotify) psephos_source_free, error);
}

PsephosSource *
psephos_store_get_source (PsephosStore *self, gint64 source_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self, "SELECT " SOURCE_COLUMNS ", body FROM source WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  what = g_strdup_printf ("%s: no source %" G_GINT64_FORMAT, self->path, source_id);
  return collect_one (self, stmt, source_from_row, what, error);
}

GStrv
psephos_store_person_aliases (PsephosStore *self, gint64 person_id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (PSEPHOS_IS_STORE (self), NULL);
  stmt = _psephos_store_prepare (self,
                                 "SELECT name, 0 FROM person WHERE id = ?1"
                                 " UNION ALL SELECT n, 1 FROM (SELECT a.name AS n FROM alias a WHERE a.person_id = ?1"
                                 "  UNION SELECT y.name FROM candidacy y WHERE y.person_id = ?1)"
                                 " WHERE n != (SELECT name FROM person WHERE id = ?1) ORDER BY 2, 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _psephos_store_set_error (self, error, "cannot read the store");
      return NULL;
    }
  return g_strv_builder_end (builder);
}
