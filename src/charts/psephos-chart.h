/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart.h — charts of election results: one object per chart, laid
 * out into a display list, drawn with cairo (screen, PNG, PDF) or written as
 * SVG. Charts never need a display; the app draws them with
 * gtk_snapshot_append_cairo() and psephos_chart_draw().
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "psephos-store.h"
#include "psephos-chart-display.h"

G_BEGIN_DECLS

#define PSEPHOS_CHART_ERROR (psephos_chart_error_quark ())
GQuark psephos_chart_error_quark (void);

/**
 * PsephosChartError:
 * @PSEPHOS_CHART_ERROR_UNKNOWN_KIND: no such chart kind
 * @PSEPHOS_CHART_ERROR_UNKNOWN_ELECTION: the store has no such election
 * @PSEPHOS_CHART_ERROR_UNKNOWN_STATE: the election has no contest in that state
 * @PSEPHOS_CHART_ERROR_UNKNOWN_SEAT: the election has no such seat (or the
 *   name is ambiguous)
 * @PSEPHOS_CHART_ERROR_NO_DATA: the chart would be empty (no votes, no seats)
 * @PSEPHOS_CHART_ERROR_INVALID: a bad argument (size, format, missing seat)
 * @PSEPHOS_CHART_ERROR_WRITE: the file cannot be written (the message names it)
 */
typedef enum
{
  PSEPHOS_CHART_ERROR_UNKNOWN_KIND,
  PSEPHOS_CHART_ERROR_UNKNOWN_ELECTION,
  PSEPHOS_CHART_ERROR_UNKNOWN_STATE,
  PSEPHOS_CHART_ERROR_UNKNOWN_SEAT,
  PSEPHOS_CHART_ERROR_NO_DATA,
  PSEPHOS_CHART_ERROR_INVALID,
  PSEPHOS_CHART_ERROR_WRITE,
} PsephosChartError;

typedef enum
{
  PSEPHOS_CHART_SEAT,      /* a seat's candidates as bars of votes */
  PSEPHOS_CHART_TALLY,     /* seats by party, grouped by alliance */
  PSEPHOS_CHART_HEMICYCLE, /* the house as a parliament arc */
  PSEPHOS_CHART_MARGINS,   /* winning margin of every seat, sorted */
  PSEPHOS_CHART_TURNOUT,   /* turnout of every seat, sorted */
} PsephosChartKind;

typedef enum
{
  PSEPHOS_CHART_FORMAT_PNG,
  PSEPHOS_CHART_FORMAT_SVG,
  PSEPHOS_CHART_FORMAT_PDF,
} PsephosChartFormat;

/* What to chart. Names are matched case-insensitively; ids (when not 0)
 * win over names. @election NULL and 0: the store's only election. */
typedef struct
{
  const char *election;
  const char *state; /* NULL: every state */
  const char *seat;  /* for PSEPHOS_CHART_SEAT */
  gint64 election_id;
  gint64 contest_id;
} PsephosChartQuery;

const char *psephos_chart_kind_to_string (PsephosChartKind kind);
gboolean psephos_chart_kind_from_string (const char *s,
                                         PsephosChartKind *out,
                                         GError **error);
const char *psephos_chart_format_to_string (PsephosChartFormat format);
gboolean psephos_chart_format_from_string (const char *s,
                                           PsephosChartFormat *out,
                                           GError **error);
/* From a file name's extension: .png, .svg, .pdf. */
gboolean psephos_chart_format_from_path (const char *path,
                                         PsephosChartFormat *out);

#define PSEPHOS_TYPE_CHART (psephos_chart_get_type ())
G_DECLARE_FINAL_TYPE (PsephosChart, psephos_chart, PSEPHOS, CHART, GObject)

/* Reads what the chart needs from @store now; the chart keeps no reference
 * to the store, so it can be drawn and exported from any thread. */
PsephosChart *psephos_chart_new_for_store (PsephosStore *store,
                                           PsephosChartKind kind,
                                           const PsephosChartQuery *query,
                                           GError **error);

PsephosChartKind psephos_chart_get_kind (PsephosChart *self);
const char *psephos_chart_get_title (PsephosChart *self);
const char *psephos_chart_get_subtitle (PsephosChart *self);
const char *psephos_chart_get_caption (PsephosChart *self);

/* What the chart shows in words, for screen readers (the app's accessible
 * description; the SVG's <desc>): "BJP 240, INC 99, … of 543 seats;
 * majority 272." */
char *psephos_chart_dup_summary (PsephosChart *self);

/* Numbers are written for this locale ("en_IN", "hi_IN.UTF-8", "de_DE"…);
 * NULL: the process's LC_NUMERIC, else $LC_ALL/$LC_NUMERIC/$LANG. */
void psephos_chart_set_locale (PsephosChart *self, const char *locale);
const char *psephos_chart_get_locale (PsephosChart *self);

/* The display list for a canvas of @width × @height pixels. Owned by the
 * chart, valid until the next call with another size or theme. */
PsephosDisplayList *psephos_chart_layout (PsephosChart *self,
                                          double width,
                                          double height,
                                          PsephosChartTheme theme);

/* Draws the chart into @cr on a canvas of @width × @height user units. */
void psephos_chart_draw (PsephosChart *self,
                         cairo_t *cr,
                         double width,
                         double height,
                         PsephosChartTheme theme);

/* Writes the chart to @path. The file appears complete or not at all: it
 * is written to a temporary file in the same folder, then renamed. */
gboolean psephos_chart_export (PsephosChart *self,
                               const char *path,
                               PsephosChartFormat format,
                               int width,
                               int height,
                               PsephosChartTheme theme,
                               GCancellable *cancellable,
                               GError **error);
/* The same in a worker thread. */
void psephos_chart_export_async (PsephosChart *self,
                                 const char *path,
                                 PsephosChartFormat format,
                                 int width,
                                 int height,
                                 PsephosChartTheme theme,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean psephos_chart_export_finish (PsephosChart *self,
                                      GAsyncResult *result,
                                      GError **error);

G_END_DECLS
