/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-article-html.c — reading saved HTML pages: the title, date,
 * publisher and address where the page says them (meta tags, JSON-LD,
 * <time>), and the article's own text without navigation, scripts, styles
 * and site furniture.
 *
 * HTML is parsed with libxml2's HTML parser with network access off and no
 * entity loading; the tree is walked without recursion so that deeply
 * nested pages cannot exhaust the stack.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "psephos-article-private.h"
#include "psephos-article.h"
#include "psephos-ingest.h"

/* ---- HTML -------------------------------------------------------------- */

static gboolean
name_is (const xmlNode *node,
         const char *name)
{
  return node->name != NULL && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
get_attr (const xmlNode *node,
          const char *name)
{
  xmlChar *v = xmlGetProp ((xmlNode *) node, (const xmlChar *) name);
  char *ret;

  if (v == NULL)
    return NULL;
  ret = g_strdup ((const char *) v);
  xmlFree (v);
  return ret;
}

static const char *skip_elements[] = {
  "script",
  "style",
  "noscript",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "iframe",
  "svg",
  "button",
  "select",
  "template",
  "object",
  "embed",
  "figure",
  "figcaption",
  "menu",
  "dialog",
  "canvas",
  "video",
  "audio",
  "map",
  "head",
  "textarea",
  "input",
};

static const char *block_elements[] = {
  "p",
  "div",
  "section",
  "article",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "blockquote",
  "tr",
  "table",
  "br",
  "hr",
  "dd",
  "dt",
  "dl",
  "pre",
  "address",
  "body",
};

/* class/id tokens that mark site furniture */
static const char *furniture_words[] = {
  "nav",
  "navbar",
  "menu",
  "footer",
  "header",
  "sidebar",
  "share",
  "social",
  "related",
  "advert",
  "advertisement",
  "ads",
  "ad",
  "promo",
  "newsletter",
  "comment",
  "comments",
  "breadcrumb",
  "breadcrumbs",
  "subscribe",
  "cookie",
  "trending",
  "recommended",
  "widget",
  "byline-share",
  "tags",
  "popup",
  "modal",
  "banner",
  "outbrain",
  "taboola",
  "also-read",
  "read-more",
};

static gboolean
in_list (const char *s,
         const char **list,
         guint n)
{
  guint i;
  for (i = 0; i < n; i++)
    if (g_ascii_strcasecmp (s, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
attr_marks_furniture (const xmlNode *node,
                      const char *attr)
{
  g_autofree char *v = get_attr (node, attr);
  g_auto (GStrv) tokens = NULL;
  guint i;

  if (v == NULL)
    return FALSE;
  tokens = g_strsplit_set (v, " \t\n", -1);
  for (i = 0; tokens[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;
      guint j;

      if (tokens[i][0] == '\0')
        continue;
      if (in_list (tokens[i], furniture_words, G_N_ELEMENTS (furniture_words)))
        return TRUE;
      /* "site-nav", "share_bar", "ad-slot" */
      parts = g_strsplit_set (tokens[i], "-_", -1);
      for (j = 0; parts[j] != NULL; j++)
        if (in_list (parts[j], furniture_words, G_N_ELEMENTS (furniture_words)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
element_is_skipped (const xmlNode *node)
{
  if (in_list ((const char *) node->name, skip_elements, G_N_ELEMENTS (skip_elements)))
    return TRUE;
  if (name_is (node, "body") || name_is (node, "html") || name_is (node, "article"))
    return FALSE;
  {
    g_autofree char *hidden = get_attr (node, "hidden");
    g_autofree char *aria = get_attr (node, "aria-hidden");
    g_autofree char *role = get_attr (node, "role");
    if (hidden != NULL || g_strcmp0 (aria, "true") == 0)
      return TRUE;
    if (role != NULL && (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "banner") == 0 || g_ascii_strcasecmp (role, "contentinfo") == 0 || g_ascii_strcasecmp (role, "complementary") == 0))
      return TRUE;
  }
  return attr_marks_furniture (node, "class") || attr_marks_furniture (node, "id");
}

typedef struct
{
  GString *text;
  gboolean pending_space;
  gboolean pending_break;
} TextSink;

static void
sink_break (TextSink *sink)
{
  if (sink->text->len > 0)
    sink->pending_break = TRUE;
  sink->pending_space = FALSE;
}

static void
sink_text (TextSink *sink,
           const char *s)
{
  const char *p;

  for (p = s; *p != '\0'; p++)
    {
      guchar c = *p;
      /* no-break space (C2 A0) folds like a space */
      if (c == 0xC2 && (guchar) p[1] == 0xA0)
        {
          p++;
          c = ' ';
        }
      if (g_ascii_isspace (c))
        {
          if (sink->text->len > 0 && !sink->pending_break)
            sink->pending_space = TRUE;
          continue;
        }
      if (sink->pending_break)
        g_string_append (sink->text, "\n\n");
      else if (sink->pending_space)
        g_string_append_c (sink->text, ' ');
      sink->pending_break = sink->pending_space = FALSE;
      g_string_append_c (sink->text, c);
    }
}

/* Walks @root's subtree without recursion, appending its visible text. */
static void
collect_text (xmlNode *root,
              TextSink *sink)
{
  xmlNode *node = root;
  guint depth = 0;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            sink_text (sink, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (!element_is_skipped (node) || node == root)
            {
              if (in_list ((const char *) node->name, block_elements, G_N_ELEMENTS (block_elements)))
                sink_break (sink);
              descend = node->children != NULL;
            }
        }

      if (descend)
        {
          node = node->children;
          depth++;
          continue;
        }
      /* next sibling, or climb */
      while (node != NULL)
        {
          if (node == root)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL || depth == 0)
            return;
          depth--;
          if (node->type == XML_ELEMENT_NODE
              && in_list ((const char *) node->name, block_elements, G_N_ELEMENTS (block_elements)))
            sink_break (sink);
          if (node == root)
            return;
        }
    }
}

static char *
node_text (xmlNode *node)
{
  xmlChar *c = xmlNodeGetContent (node);
  char *s;

  if (c == NULL)
    return NULL;
  s = g_strstrip (g_strdup ((const char *) c));
  xmlFree (c);
  if (*s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

static void
set_once (char **field,
          const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strstrip (g_strdup (value));
}

static void
set_date_once (char **field,
               const char *value)
{
  const char *p = value;

  if (*field != NULL || value == NULL)
    return;
  while (*p == ' ')
    p++;
  if (_psephos_article_is_iso_date (p, strlen (p)))
    *field = g_strndup (p, 10);
}

typedef struct
{
  char *title;
  char *publisher;
  char *address;
  char *date;
  xmlNode *body_root; /* itemprop=articleBody or similar */
  xmlNode *article;
  xmlNode *main;
  xmlNode *body;
  xmlNode *h1;
  xmlNode *title_el;
  GPtrArray *jsonld; /* char* texts of ld+json scripts */
  guint n_elements;
} PageInfo;

static const char *body_classes[] = {
  "articlebody",
  "article-body",
  "article__body",
  "story-body",
  "story__content",
  "story-content",
  "entry-content",
  "post-content",
  "article-content",
  "content-body",
  "sp-cn",
  "story_details",
  "article_content",
};

static gboolean
is_body_container (const xmlNode *node)
{
  g_autofree char *itemprop = get_attr (node, "itemprop");
  g_autofree char *cls = NULL;
  g_auto (GStrv) tokens = NULL;
  guint i;

  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "articleBody") == 0)
    return TRUE;
  cls = get_attr (node, "class");
  if (cls == NULL)
    return FALSE;
  tokens = g_strsplit (cls, " ", -1);
  for (i = 0; tokens[i] != NULL; i++)
    if (in_list (tokens[i], body_classes, G_N_ELEMENTS (body_classes)))
      return TRUE;
  return FALSE;
}

static void
scan_meta (xmlNode *node,
           PageInfo *info)
{
  g_autofree char *prop = get_attr (node, "property");
  g_autofree char *name = get_attr (node, "name");
  g_autofree char *itemprop = get_attr (node, "itemprop");
  g_autofree char *content = get_attr (node, "content");
  const char *key = prop ? prop : name ? name
                                       : itemprop;

  if (key == NULL || content == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0 || g_ascii_strcasecmp (key, "twitter:title") == 0)
    set_once (&info->title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0 || g_ascii_strcasecmp (key, "application-name") == 0
           || g_ascii_strcasecmp (key, "publisher") == 0)
    set_once (&info->publisher, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&info->address, content);
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0
           || g_ascii_strcasecmp (key, "og:published_time") == 0
           || g_ascii_strcasecmp (key, "datePublished") == 0
           || g_ascii_strcasecmp (key, "pubdate") == 0
           || g_ascii_strcasecmp (key, "publish-date") == 0
           || g_ascii_strcasecmp (key, "publishdate") == 0
           || g_ascii_strcasecmp (key, "date") == 0
           || g_ascii_strcasecmp (key, "DC.date.issued") == 0
           || g_ascii_strcasecmp (key, "sailthru.date") == 0)
    set_date_once (&info->date, content);
}

/* One pass over the whole tree (iteratively) noting what we need. */
static void
scan_page (xmlNode *root,
           PageInfo *info)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          info->n_elements++;
          descend = node->children != NULL;
          if (name_is (node, "meta"))
            scan_meta (node, info);
          else if (name_is (node, "link"))
            {
              g_autofree char *rel = get_attr (node, "rel");
              g_autofree char *href = get_attr (node, "href");
              if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && href != NULL)
                {
                  g_free (info->address);
                  info->address = g_strdup (href);
                }
            }
          else if (name_is (node, "script"))
            {
              g_autofree char *type = get_attr (node, "type");
              if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
                {
                  char *t = node_text (node);
                  if (t != NULL)
                    g_ptr_array_add (info->jsonld, t);
                }
              descend = FALSE;
            }
          else if (name_is (node, "style"))
            descend = FALSE;
          else if (name_is (node, "title") && info->title_el == NULL)
            info->title_el = node;
          else if (name_is (node, "h1") && info->h1 == NULL)
            info->h1 = node;
          else if (name_is (node, "time"))
            {
              g_autofree char *dt = get_attr (node, "datetime");
              g_autofree char *pubdate = get_attr (node, "pubdate");
              g_autofree char *itemprop = get_attr (node, "itemprop");
              /* the first <time> usually dates the article; pubdate or
               * itemprop=datePublished say so outright */
              if (pubdate != NULL || (itemprop != NULL && g_ascii_strcasecmp (itemprop, "datePublished") == 0))
                {
                  g_free (info->date);
                  info->date = NULL;
                  set_date_once (&info->date, dt);
                }
              else
                set_date_once (&info->date, dt);
            }
          else if (name_is (node, "article") && info->article == NULL)
            info->article = node;
          else if (name_is (node, "main") && info->main == NULL)
            info->main = node;
          else if (name_is (node, "body") && info->body == NULL)
            info->body = node;
          if (info->body_root == NULL && is_body_container (node))
            info->body_root = node;
        }
      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != NULL)
        {
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == root || node == NULL || node->type == XML_DOCUMENT_NODE
              || node->type == XML_HTML_DOCUMENT_NODE)
            return;
        }
    }
}

static const char *
json_string_member (JsonObject *obj,
                    const char *name)
{
  JsonNode *n;

  if (!json_object_has_member (obj, name))
    return NULL;
  n = json_object_get_member (obj, name);
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

static void
jsonld_object (JsonObject *obj,
               PageInfo *info,
               guint depth);

static void
jsonld_node (JsonNode *node,
             PageInfo *info,
             guint depth)
{
  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    jsonld_object (json_node_get_object (node), info, depth + 1);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      guint i, n = MIN (json_array_get_length (a), 64);
      for (i = 0; i < n; i++)
        jsonld_node (json_array_get_element (a, i), info, depth + 1);
    }
}

static void
jsonld_object (JsonObject *obj,
               PageInfo *info,
               guint depth)
{
  const char *type = json_string_member (obj, "@type");
  gboolean is_article = type != NULL && (g_str_has_suffix (type, "Article") || g_strcmp0 (type, "LiveBlogPosting") == 0 || g_strcmp0 (type, "BlogPosting") == 0 || g_strcmp0 (type, "Report") == 0);

  if (is_article)
    {
      JsonNode *pub;

      set_date_once (&info->date, json_string_member (obj, "datePublished"));
      if (json_object_has_member (obj, "headline"))
        {
          const char *h = json_string_member (obj, "headline");
          if (h != NULL)
            {
              g_free (info->title);
              info->title = g_strstrip (g_strdup (h));
            }
        }
      set_once (&info->address, json_string_member (obj, "url"));
      pub = json_object_has_member (obj, "publisher") ? json_object_get_member (obj, "publisher") : NULL;
      if (pub != NULL && JSON_NODE_HOLDS_OBJECT (pub))
        set_once (&info->publisher, json_string_member (json_node_get_object (pub), "name"));
    }
  if (json_object_has_member (obj, "@graph"))
    jsonld_node (json_object_get_member (obj, "@graph"), info, depth + 1);
}

static void
read_jsonld (PageInfo *info)
{
  guint i;

  for (i = 0; i < info->jsonld->len; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      const char *text = g_ptr_array_index (info->jsonld, i);

      if (!json_parser_load_from_data (parser, text, -1, NULL))
        continue; /* broken JSON-LD is common; the page is still readable */
      jsonld_node (json_parser_get_root (parser), info, 0);
    }
}

PsephosArticle *
psephos_article_read_html (const char *path,
                           const char *data,
                           gsize len,
                           GError **error)
{
  g_autoptr (PsephosArticle) article = NULL;
  PageInfo info = { 0 };
  htmlDocPtr doc;
  xmlNode *root;
  TextSink sink;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_psephos_article_check_bytes (path, data, len, error))
    return NULL;

  doc = htmlReadMemory (data, (int) len, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                          | HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_PARSE, path, 0,
                                 "not an HTML page that can be read");
      return NULL;
    }

  info.jsonld = g_ptr_array_new_with_free_func (g_free);
  root = xmlDocGetRootElement (doc);
  scan_page (root, &info);
  read_jsonld (&info);

  article = g_new0 (PsephosArticle, 1);
  if (info.title == NULL && info.h1 != NULL)
    info.title = node_text (info.h1);
  if (info.title == NULL && info.title_el != NULL)
    info.title = node_text (info.title_el);

  sink.text = g_string_new (NULL);
  sink.pending_space = sink.pending_break = FALSE;
  {
    xmlNode *content = info.body_root ? info.body_root
                       : info.article ? info.article
                       : info.main    ? info.main
                       : info.body    ? info.body
                                      : root;
    /* a headline outside the article body still belongs to the text */
    if (content != info.body && content != root && info.h1 != NULL)
      {
        xmlNode *a;
        gboolean inside = FALSE;
        for (a = info.h1; a != NULL; a = a->parent)
          if (a == content)
            inside = TRUE;
        if (!inside)
          {
            collect_text (info.h1, &sink);
            sink_break (&sink);
          }
      }
    collect_text (content, &sink);
  }
  raw = g_string_free (sink.text, FALSE);

  article->body = psephos_article_clean_text (raw, strlen (raw));
  article->body_len = strlen (article->body);
  article->title = g_steal_pointer (&info.title);
  article->publisher = g_steal_pointer (&info.publisher);
  article->address = g_steal_pointer (&info.address);
  article->published_on = g_steal_pointer (&info.date);
  g_ptr_array_unref (info.jsonld);
  xmlFreeDoc (doc);

  if (article->body_len == 0)
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_EMPTY, path, 0,
                                 "the page has no article text");
      return NULL;
    }
  if (!g_utf8_validate (article->body, article->body_len, NULL))
    {
      _psephos_ingest_set_error (error, PSEPHOS_INGEST_ERROR_ENCODING, path, 0,
                                 "the page's text is not valid UTF-8");
      return NULL;
    }
  return g_steal_pointer (&article);
}
