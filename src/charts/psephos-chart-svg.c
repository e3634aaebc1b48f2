/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-svg.c — writes a display list as SVG with libxml2's
 * xmlTextWriter. Text stays text (<text>, searchable and editable), the
 * chart carries <title> and <desc>, and every mark that stands for a
 * party, candidate or seat says so (data-party, data-subject, <title>).
 */
#include "config.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "psephos-chart-private.h"

#define CHECK(expr) \
  G_STMT_START      \
  {                 \
    if ((expr) < 0) \
      goto fail;    \
  }                 \
  G_STMT_END

static void
colour_string (char *buf, gsize len, PsephosRgba c)
{
  g_snprintf (buf, len, "#%02x%02x%02x",
              (guint) lround (CLAMP (c.r, 0, 1) * 255),
              (guint) lround (CLAMP (c.g, 0, 1) * 255),
              (guint) lround (CLAMP (c.b, 0, 1) * 255));
}

static int
write_number (xmlTextWriterPtr w, const char *name, double v)
{
  char buf[32];
  char *p = buf + sizeof buf;
  gint64 hundredths;
  gboolean negative;

  /* Two decimals are plenty for pixels, written with a point whatever the
   * locale. A chart has thousands of these: integer arithmetic, not
   * g_ascii_formatd(), which costs a printf each. */
  if (!isfinite (v) || fabs (v) > 1e15)
    v = 0;
  hundredths = (gint64) llround (v * 100);
  negative = hundredths < 0;
  if (negative)
    hundredths = -hundredths;
  *--p = '\0';
  *--p = (char) ('0' + hundredths % 10);
  *--p = (char) ('0' + hundredths / 10 % 10);
  *--p = '.';
  hundredths /= 100;
  do
    *--p = (char) ('0' + hundredths % 10);
  while ((hundredths /= 10) > 0);
  if (negative)
    *--p = '-';
  return xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST p);
}

static int
write_paint (xmlTextWriterPtr w, const char *name, PsephosRgba c)
{
  char buf[16];
  int rc;

  if (c.a <= 0)
    return xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST "none");
  colour_string (buf, sizeof buf, c);
  rc = xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST buf);
  if (rc >= 0 && c.a < 1)
    {
      g_autofree char *attr = g_strconcat (name, "-opacity", NULL);

      rc = write_number (w, attr, c.a);
    }
  return rc;
}

static const char *
role_class (PsephosRole role)
{
  static const char *const names[] = {
    "background",
    "title",
    "subtitle",
    "caption",
    "axis",
    "grid",
    "tick-label",
    "axis-label",
    "bar",
    "name-label",
    "value-label",
    "winner",
    "margin",
    "seat",
    "majority",
    "legend-swatch",
    "legend-label",
    "annotation",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PSEPHOS_ROLE_ANNOTATION + 1);
  return names[role];
}

static int
write_mark (xmlTextWriterPtr w, const PsephosMark *mark)
{
  static const char *const elements[] = { "rect", "circle", "line", "text" };
  static const char *const anchors[] = { "start", "middle", "end" };

  if (xmlTextWriterStartElement (w, BAD_CAST elements[mark->shape]) < 0)
    return -1;
  if (xmlTextWriterWriteAttribute (w, BAD_CAST "class", BAD_CAST role_class (mark->role)) < 0)
    return -1;
  if (mark->party != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST "data-party", BAD_CAST mark->party) < 0)
    return -1;
  if (mark->subject != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST "data-subject", BAD_CAST mark->subject) < 0)
    return -1;

  switch (mark->shape)
    {
      case PSEPHOS_SHAPE_RECT:
        if (write_number (w, "x", mark->x) < 0 || write_number (w, "y", mark->y) < 0 || write_number (w, "width", mark->w) < 0 || write_number (w, "height", mark->h) < 0 || write_paint (w, "fill", mark->fill) < 0)
          return -1;
        break;
      case PSEPHOS_SHAPE_CIRCLE:
        if (write_number (w, "cx", mark->x) < 0 || write_number (w, "cy", mark->y) < 0 || write_number (w, "r", mark->r) < 0 || write_paint (w, "fill", mark->fill) < 0)
          return -1;
        break;
      case PSEPHOS_SHAPE_LINE:
        if (write_number (w, "x1", mark->x) < 0 || write_number (w, "y1", mark->y) < 0 || write_number (w, "x2", mark->x2) < 0 || write_number (w, "y2", mark->y2) < 0)
          return -1;
        break;
      case PSEPHOS_SHAPE_TEXT:
        if (write_number (w, "x", mark->x) < 0 || write_number (w, "y", mark->y) < 0 || write_number (w, "font-size", mark->font_size) < 0 || xmlTextWriterWriteAttribute (w, BAD_CAST "text-anchor", BAD_CAST anchors[mark->anchor]) < 0 || write_paint (w, "fill", mark->fill) < 0)
          return -1;
        if (mark->bold && xmlTextWriterWriteAttribute (w, BAD_CAST "font-weight", BAD_CAST "bold") < 0)
          return -1;
        break;
      default:
        g_assert_not_reached ();
    }
  if (mark->line_width > 0 && mark->stroke.a > 0)
    {
      if (write_paint (w, "stroke", mark->stroke) < 0 || write_number (w, "stroke-width", mark->line_width) < 0)
        return -1;
      if (mark->dashed && xmlTextWriterWriteAttribute (w, BAD_CAST "stroke-dasharray", BAD_CAST "5 3") < 0)
        return -1;
    }
  if (mark->desc != NULL && xmlTextWriterWriteElement (w, BAD_CAST "title", BAD_CAST mark->desc) < 0)
    return -1;
  if (mark->shape == PSEPHOS_SHAPE_TEXT && xmlTextWriterWriteString (w, BAD_CAST mark->text) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

gboolean
_psephos_display_list_write_svg (const PsephosDisplayList *list,
                                 const char *path,
                                 GCancellable *cancellable,
                                 GError **error)
{
  xmlTextWriterPtr w;
  char buf[64];

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  w = xmlNewTextWriterFilename (path, 0);
  if (w == NULL)
    {
      g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
                   _ ("Cannot write ‘%s’"), path);
      return FALSE;
    }
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST " ");

  CHECK (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  CHECK (xmlTextWriterStartElement (w, BAD_CAST "svg"));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/2000/svg"));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "version", BAD_CAST "1.1"));
  CHECK (write_number (w, "width", list->width));
  CHECK (write_number (w, "height", list->height));
  g_snprintf (buf, sizeof buf, "0 0 %d %d", (int) ceil (list->width), (int) ceil (list->height));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "viewBox", BAD_CAST buf));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "role", BAD_CAST "img"));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "font-family", BAD_CAST PSEPHOS_CHART_FONT_FAMILY));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "aria-labelledby", BAD_CAST "chart-title chart-desc"));
  CHECK (xmlTextWriterStartElement (w, BAD_CAST "title"));
  CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "chart-title"));
  CHECK (xmlTextWriterWriteString (w, BAD_CAST (list->title ? list->title : "Chart")));
  CHECK (xmlTextWriterEndElement (w));
  if (list->desc != NULL)
    {
      CHECK (xmlTextWriterStartElement (w, BAD_CAST "desc"));
      CHECK (xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST "chart-desc"));
      CHECK (xmlTextWriterWriteString (w, BAD_CAST list->desc));
      CHECK (xmlTextWriterEndElement (w));
    }

  for (guint i = 0; i < list->marks->len; i++)
    {
      if (i % 256 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          xmlFreeTextWriter (w);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }
      CHECK (write_mark (w, &g_array_index (list->marks, PsephosMark, i)));
    }

  CHECK (xmlTextWriterEndDocument (w));
  /* Freeing flushes and closes the file. */
  xmlFreeTextWriter (w);
  return TRUE;

fail:
  xmlFreeTextWriter (w);
  g_set_error (error, PSEPHOS_CHART_ERROR, PSEPHOS_CHART_ERROR_WRITE,
               _ ("Cannot write ‘%s’: %s"), path, g_strerror (errno));
  return FALSE;
}
