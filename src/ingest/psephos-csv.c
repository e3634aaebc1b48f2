/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-csv.c — the CSV reader behind the official results importer.
 *
 * One pass over the bytes; values are copied unquoted into one scratch
 * buffer per record, so reading a record allocates nothing once the buffers
 * have grown to the widest record.
 */
#include "config.h"

#include <string.h>

#include "psephos-csv.h"
#include "psephos-ingest.h"

typedef struct
{
  gsize value; /* offset of the value in scratch */
  gsize len;   /* bytes of the value */
  gsize start; /* bytes into the data */
  gsize end;
} Field;

struct _PsephosCsv
{
  char *path;
  const char *data;
  gsize len;
  gsize pos;
  char separator;
  guint line;        /* the line at pos */
  guint record_line; /* the line the current record starts on */
  gboolean validated;
  int n_expected; /* fields per record; -1 until the first record */
  GString *scratch;
  GArray *fields;
};

PsephosCsv *
psephos_csv_new (const char *path,
                 const char *data,
                 gsize len,
                 char separator)
{
  PsephosCsv *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (separator != '"' && separator != '\n' && separator != '\r', NULL);

  self = g_new0 (PsephosCsv, 1);
  self->path = g_strdup (path);
  self->data = data;
  self->len = len;
  self->separator = separator;
  self->line = 1;
  self->n_expected = -1;
  self->scratch = g_string_sized_new (256);
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 32);

  /* A UTF-8 byte order mark is not part of the first field. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  return self;
}

void
psephos_csv_free (PsephosCsv *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_string_free (self->scratch, TRUE);
  g_array_unref (self->fields);
  g_free (self);
}

guint
psephos_csv_line_at (PsephosCsv *self,
                     gsize offset)
{
  const char *p;
  const char *end;
  guint line = 1;

  g_return_val_if_fail (self != NULL, 0);

  if (self->len == 0)
    return 1;
  p = self->data;
  end = self->data + MIN (offset, self->len);
  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

static gboolean
validate (PsephosCsv *self,
          GError **error)
{
  const char *bad = NULL;

  if (self->len == 0 || g_utf8_validate_len (self->data, self->len, &bad))
    return TRUE;

  if (*bad == '\0')
    _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING,
                               self->path, psephos_csv_line_at (self, bad - self->data),
                               "a NUL byte: this is not a text file");
  else
    _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING,
                               self->path, psephos_csv_line_at (self, bad - self->data),
                               "byte 0x%02X is not UTF-8 (save the file as UTF-8)",
                               (guint) (guchar) *bad);
  return FALSE;
}

/* g_string_append_len() without its checks for overlap: once per field. */
static inline void
scratch_append (GString *scratch,
                const char *p,
                gsize n)
{
  gsize old = scratch->len;

  g_string_set_size (scratch, old + n);
  memcpy (scratch->str + old, p, n);
}

static inline void
add_field (PsephosCsv *self,
           gsize value,
           gsize start,
           gsize end)
{
  Field f;

  f.value = value;
  f.len = self->scratch->len - value;
  f.start = start;
  f.end = end;
  g_string_append_c (self->scratch, '\0');
  g_array_append_val (self->fields, f);
}

/* At the end of a field: consumes a separator (TRUE: another field follows)
 * or a line end (FALSE: the record is complete). */
static inline gboolean
end_of_field (PsephosCsv *self,
              gboolean *more)
{
  const char *d = self->data;

  if (self->pos >= self->len)
    {
      *more = FALSE;
      return TRUE;
    }
  if (d[self->pos] == self->separator)
    {
      self->pos++;
      *more = TRUE;
      return TRUE;
    }
  if (d[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      *more = FALSE;
      return TRUE;
    }
  if (d[self->pos] == '\r' && self->pos + 1 < self->len && d[self->pos + 1] == '\n')
    {
      self->pos += 2;
      self->line++;
      *more = FALSE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
read_quoted (PsephosCsv *self,
             gboolean *more,
             GError **error)
{
  const char *d = self->data;
  gsize value = self->scratch->len;
  guint opened_on = self->line;
  gsize start;
  gsize p;

  g_assert (d[self->pos] == '"');
  start = p = self->pos + 1;

  for (;;)
    {
      gsize chunk = p;

      while (p < self->len && d[p] != '"')
        {
          if (d[p] == '\n')
            self->line++;
          p++;
        }
      g_string_append_len (self->scratch, d + chunk, p - chunk);

      if (p >= self->len)
        {
          _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE,
                                     self->path, opened_on,
                                     "a quoted field is never closed (no matching \")");
          return FALSE;
        }

      /* A doubled quote stands for one quote. */
      if (p + 1 < self->len && d[p + 1] == '"')
        {
          g_string_append_c (self->scratch, '"');
          p += 2;
          continue;
        }

      break;
    }

  add_field (self, value, start, p);
  self->pos = p + 1;

  if (!end_of_field (self, more))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE,
                                 self->path, self->line,
                                 "unexpected ‘%c’ after a closing quote (a field that starts with \" must end with \")",
                                 d[self->pos]);
      return FALSE;
    }

  return TRUE;
}

static void
read_plain (PsephosCsv *self,
            gboolean *more)
{
  const char *d = self->data;
  const char sep = self->separator;
  gsize start = self->pos;
  gsize value = self->scratch->len;
  gsize p = start;

  while (p < self->len)
    {
      char c = d[p];

      if (G_UNLIKELY (c == sep || c == '\n'))
        break;
      if (G_UNLIKELY (c == '\r') && p + 1 < self->len && d[p + 1] == '\n')
        break;
      p++;
    }

  scratch_append (self->scratch, d + start, p - start);
  add_field (self, value, start, p);
  self->pos = p;
  if (!end_of_field (self, more))
    g_assert_not_reached ();
}

gboolean
psephos_csv_next (PsephosCsv *self,
                  GError **error)
{
  const char *d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->validated)
    {
      if (!validate (self, error))
        return FALSE;
      self->validated = TRUE;
    }

  d = self->data;
  g_string_truncate (self->scratch, 0);
  g_array_set_size (self->fields, 0);

  /* Blank lines are not records. */
  for (;;)
    {
      if (self->pos < self->len && d[self->pos] == '\n')
        {
          self->pos++;
          self->line++;
        }
      else if (self->pos + 1 < self->len && d[self->pos] == '\r' && d[self->pos + 1] == '\n')
        {
          self->pos += 2;
          self->line++;
        }
      else
        break;
    }

  if (self->pos >= self->len)
    return FALSE;

  self->record_line = self->line;

  for (;;)
    {
      gboolean more = FALSE;

      if (d[self->pos] == '"')
        {
          if (!read_quoted (self, &more, error))
            return FALSE;
        }
      else
        {
          read_plain (self, &more);
        }

      if (!more)
        break;
      if (self->pos >= self->len)
        {
          /* "a,b,<EOF>": an empty last field. */
          add_field (self, self->scratch->len, self->pos, self->pos);
          break;
        }
    }

  if (self->n_expected < 0)
    {
      self->n_expected = self->fields->len;
    }
  else if ((guint) self->n_expected != self->fields->len)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE,
                                 self->path, self->record_line,
                                 "%u fields where the header has %d (a ragged row)",
                                 self->fields->len, self->n_expected);
      return FALSE;
    }

  return TRUE;
}

guint
psephos_csv_get_n_fields (PsephosCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const char *
psephos_csv_get_field (PsephosCsv *self,
                       guint i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->fields->len, NULL);

  return self->scratch->str + g_array_index (self->fields, Field, i).value;
}

gsize
psephos_csv_get_field_len (PsephosCsv *self,
                           guint i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->fields->len, 0);

  return g_array_index (self->fields, Field, i).len;
}

gsize
psephos_csv_get_field_start (PsephosCsv *self,
                             guint i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->fields->len, 0);

  return g_array_index (self->fields, Field, i).start;
}

gsize
psephos_csv_get_field_end (PsephosCsv *self,
                           guint i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->fields->len, 0);

  return g_array_index (self->fields, Field, i).end;
}

guint
psephos_csv_get_line (PsephosCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

double
psephos_csv_get_fraction (PsephosCsv *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->len == 0 ? 1.0 : (double) self->pos / (double) self->len;
}
