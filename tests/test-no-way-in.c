/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-no-way-in.c — imported files cannot reach outside themselves: saved
 * pages and results reports never make libxml2 read a local file or the
 * network (external entities, external DTDs, XInclude, links), article text
 * is stored as text (markup in a .txt stays literal characters), data is
 * never SQL (names with quotes and SQL round-trip exactly), and a path
 * written inside a file is never used as a path. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "psephos-article.h"
#include "psephos-ingest.h"

#define CANARY "CANARY-7c1f0e-never-in-a-body"

typedef struct
{
  char *dir;
  char *store_path;
  char *canary_path; /* a local file holding CANARY */
  char *canary_url;  /* file:// URL of it */
  GSocket *listener;
  guint16 port; /* a local port that notices connections */
  PsephosStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("psephos-nowayin-XXXXXX", &error);
  g_assert_no_error (error);
  f->store_path = g_build_filename (f->dir, "store.psephos", NULL);
  f->canary_path = g_build_filename (f->dir, "secret.txt", NULL);
  g_assert_true (g_file_set_contents (f->canary_path, CANARY "\n", -1, NULL));
  f->canary_url = g_filename_to_uri (f->canary_path, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
    g_autoptr (GSocketAddress) bound = NULL;

    f->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
    g_assert_no_error (error);
    g_socket_bind (f->listener, any_port, TRUE, &error);
    g_assert_no_error (error);
    g_socket_listen (f->listener, &error);
    g_assert_no_error (error);
    g_socket_set_blocking (f->listener, FALSE);
    bound = g_socket_get_local_address (f->listener, &error);
    g_assert_no_error (error);
    f->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  f->store = psephos_store_open (f->store_path, PSEPHOS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  g_socket_close (f->listener, NULL);
  g_clear_object (&f->listener);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->store_path);
  g_free (f->canary_path);
  g_free (f->canary_url);
  g_free (f->dir);
}

/* Nobody connected to the fixture's port. */
static void
assert_no_connection (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) connection = g_socket_accept (f->listener, NULL, &error);

  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static char *
write_input (Fixture *f, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_steal_pointer (&path);
}

/* Imports @path; returns the stored body of the source (NULL when refused). */
static char *
import_body (Fixture *f, const char *path, GError **error)
{
  g_autoptr (PsephosSource) source = NULL;
  PsephosIngestOutcome outcome;
  PsephosIngestOptions options = { .election = "Jharkhand Assembly 2024" };

  if (!psephos_ingest_file (f->store, path, &options, NULL, &outcome, error))
    return NULL;
  source = psephos_store_get_source (f->store, outcome.source_id, error);
  g_assert_nonnull (source);
  /* The file name recorded is the imported file's own, whatever it says. */
  {
    g_autofree char *base = g_path_get_basename (path);
    g_assert_cmpstr (source->file, ==, base);
  }
  g_assert_true (source->address == NULL || strstr (source->address, CANARY) == NULL);
  g_assert_true (source->title == NULL || strstr (source->title, CANARY) == NULL);
  return g_strdup (source->body);
}

/* ---- saved pages ---------------------------------------------------------------- */

static const char *const html_attacks[] = {
  /* An internal subset declaring external entities, used in the text. */
  "<!DOCTYPE html [\n"
  "  <!ENTITY secret SYSTEM \"@URL@\">\n"
  "  <!ENTITY remote SYSTEM \"http://127.0.0.1:@PORT@/entity\">\n"
  "  <!ENTITY % param SYSTEM \"http://127.0.0.1:@PORT@/param\">\n"
  "  %param;\n"
  "]>\n"
  "<html><head><title>Results &secret;</title></head><body>\n"
  "<p>Counting is over in Dehra, where Kamlesh Thakur won by 9,399 votes. &secret; &remote;</p>\n"
  "</body></html>\n",
  /* An external DTD, from disk and from the network. */
  "<!DOCTYPE html SYSTEM \"@URL@\">\n"
  "<html><body><p>Counting is over in Dehra, where Kamlesh Thakur won by 9,399 votes.</p></body></html>\n",
  "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://127.0.0.1:@PORT@/dtd\">\n"
  "<html><body><p>Counting is over in Dehra, where Kamlesh Thakur won by 9,399 votes.</p></body></html>\n",
  /* XInclude, links, frames, images, styles and scripts that point out. */
  "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><head>\n"
  "<link rel=\"stylesheet\" href=\"http://127.0.0.1:@PORT@/style.css\">\n"
  "<link rel=\"canonical\" href=\"@URL@\">\n"
  "<script src=\"http://127.0.0.1:@PORT@/x.js\"></script>\n"
  "<base href=\"http://127.0.0.1:@PORT@/\">\n"
  "</head><body>\n"
  "<xi:include href=\"@URL@\" parse=\"text\"/>\n"
  "<iframe src=\"@URL@\"></iframe><img src=\"http://127.0.0.1:@PORT@/a.png\">\n"
  "<object data=\"@URL@\"></object>\n"
  "<p>Counting is over in Dehra, where Kamlesh Thakur won by 9,399 votes.</p>\n"
  "</body></html>\n",
  /* Entity expansion bombs. */
  "<!DOCTYPE html [\n"
  "  <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
  "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
  "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
  "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
  "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
  "  <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
  "]>\n"
  "<html><body><p>Counting is over in Dehra, where Kamlesh Thakur won by 9,399 votes. &f;&f;&f;</p></body></html>\n",
};

static char *
fill (Fixture *f, const char *template)
{
  g_autofree char *port = g_strdup_printf ("%u", f->port);
  g_auto (GStrv) a = g_strsplit (template, "@URL@", -1);
  g_autofree char *with_url = g_strjoinv (f->canary_url, a);
  g_auto (GStrv) b = g_strsplit (with_url, "@PORT@", -1);

  return g_strjoinv (port, b);
}

static void
test_html_reaches_nothing (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (html_attacks); i++)
    {
      g_autofree char *page = fill (f, html_attacks[i]);
      g_autofree char *name = g_strdup_printf ("page-%u.html", i);
      g_autofree char *path = write_input (f, name, page);
      g_autoptr (GError) error = NULL;
      g_autoptr (PsephosArticle) article = NULL;
      g_autofree char *body = NULL;
      g_autoptr (GTimer) timer = g_timer_new ();

      /* The reader itself… */
      article = psephos_article_read_html (path, page, strlen (page), &error);
      if (article != NULL)
        {
          g_assert_null (strstr (article->body, CANARY));
          g_assert_cmpuint (article->body_len, <, 100000);
          g_assert_true (article->title == NULL || strstr (article->title, CANARY) == NULL);
        }
      else
        g_test_message ("%s: %s", name, error->message);
      g_clear_error (&error);

      /* …and the whole import: the stored body never holds the secret. */
      body = import_body (f, path, &error);
      if (body != NULL)
        {
          g_assert_null (strstr (body, CANARY));
          g_assert_cmpuint (strlen (body), <, 100000);
        }
      else
        g_test_message ("%s refused: %s", name, error->message);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 30.0);
      assert_no_connection (f);
    }
}

/* A results report (NIST SP 1500-100 XML) with an external entity. */
static void
test_xml_report_reaches_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *report = fill (f,
                                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<!DOCTYPE ElectionReport [\n"
                                  "  <!ENTITY secret SYSTEM \"@URL@\">\n"
                                  "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:@PORT@/p\"> %remote;\n"
                                  "]>\n"
                                  "<ElectionReport xmlns=\"http://itl.nist.gov/ns/voting/1500-100/v2\">\n"
                                  "  <Format>summary-contest</Format><GeneratedDate>2024-06-04T00:00:00Z</GeneratedDate>\n"
                                  "  <Issuer>&secret;</Issuer><IssuerAbbreviation>X</IssuerAbbreviation>\n"
                                  "  <SequenceStart>1</SequenceStart><SequenceEnd>1</SequenceEnd>\n"
                                  "  <Status>unofficial-complete</Status><VendorApplicationId>x</VendorApplicationId>\n"
                                  "</ElectionReport>\n");
  g_autofree char *path = write_input (f, "report.xml", report);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = import_body (f, path, &error);

  if (body == NULL)
    {
      g_test_message ("refused: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_null (strstr (error->message, CANARY));
    }
  else
    g_assert_null (strstr (body, CANARY));
  assert_no_connection (f);
}

/* ---- article text is text --------------------------------------------------------- */

static void
test_text_stays_literal (Fixture *f, gconstpointer data)
{
  const char *text = "Kamlesh Thakur wins Dehra by 9,399 votes\n\n"
                     "<b>Kamlesh Thakur</b> of the Congress &amp; allies won Dehra by 9,399 votes. "
                     "<script>alert('x')</script> <img src=x onerror=alert(1)> &lt;i&gt;not italic&lt;/i&gt; "
                     "<a href=\"javascript:alert(1)\">link</a> '); DROP TABLE source; -- \n";
  g_autofree char *path = write_input (f, "markup.txt", text);
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosArticle) article = psephos_article_read_text (path, text, strlen (text), &error);
  g_autofree char *body = NULL;
  const char *const literal[] = {
    "<b>Kamlesh Thakur</b>",
    "&amp;",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;i&gt;not italic&lt;/i&gt;",
    "<a href=\"javascript:alert(1)\">link</a>",
    "'); DROP TABLE source; --",
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    g_assert_nonnull (strstr (article->body, literal[i]));

  body = import_body (f, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    g_assert_nonnull (strstr (body, literal[i]));
  g_assert_true (psephos_store_check (f->store, &error));
  g_assert_no_error (error);
}

/* ---- data is never SQL --------------------------------------------------------------- */

static void
test_names_are_not_sql (Fixture *f, gconstpointer data)
{
  const char *csv = "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n"
                    "2024,Assembly,JH,\"RAJ'MAHAL\"\"; DROP TABLE seat;--\",1,1,\"ROBERT'); DROP TABLE candidacy;--\",Bharatiya Janata Party,95680,1064\n"
                    "2024,Assembly,JH,\"RAJ'MAHAL\"\"; DROP TABLE seat;--\",1,2,\"X' OR '1'='1\",\"P\"\" OR 1=1 --\",139023,1153\n";
  g_autofree char *path = write_input (f, "injection.csv", csv);
  g_autoptr (GError) error = NULL;
  g_autoptr (PsephosElection) election = NULL;
  g_autoptr (GPtrArray) seats = NULL;
  g_autoptr (GPtrArray) candidacies = NULL;
  g_autofree char *body = import_body (f, path, &error);
  gboolean found_robert = FALSE, found_or = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (body);
  g_assert_true (psephos_store_check (f->store, &error));
  g_assert_no_error (error);
  election = psephos_store_find_election (f->store, "Jharkhand Assembly 2024", &error);
  g_assert_no_error (error);
  seats = psephos_store_list_seats (f->store, election->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 1);
  g_assert_nonnull (strstr (((PsephosSeatRow *) seats->pdata[0])->name, "DROP TABLE seat"));
  candidacies = psephos_store_list_candidacies (f->store, ((PsephosSeatRow *) seats->pdata[0])->contest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidacies->len, ==, 2);
  for (guint i = 0; i < candidacies->len; i++)
    {
      PsephosCandidacy *c = candidacies->pdata[i];

      found_robert |= strstr (c->name, "ROBERT'); DROP TABLE candidacy;--") != NULL;
      found_or |= strstr (c->name, "X' OR '1'='1") != NULL;
    }
  g_assert_true (found_robert);
  g_assert_true (found_or);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/no-way-in/html/no-entities-no-network", test_html_reaches_nothing);
  ADD ("/no-way-in/xml-report/no-entities-no-network", test_xml_report_reaches_nothing);
  ADD ("/no-way-in/text-stays-literal", test_text_stays_literal);
  ADD ("/no-way-in/names-are-not-sql", test_names_are_not_sql);
#undef ADD

  return g_test_run ();
}
