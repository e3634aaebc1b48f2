#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""psephos-cli as other tools use it: exit statuses, one line per problem on
standard error naming the file, JSONL records with the keys of the design,
spans that index the text `source ID` prints, and stores left untouched by
rejected input.

Run by meson with PSEPHOS_CLI, PSEPHOS_SHARED_DATA and PSEPHOS_SAMPLE_STORE set.
"""
import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ.get("PSEPHOS_CLI", "psephos-cli")
SHARED = os.environ.get("PSEPHOS_SHARED_DATA", "")
SAMPLE = os.environ.get("PSEPHOS_SAMPLE_STORE", "")
JH = os.path.join(SHARED, "india-votes-data", "results", "2024Assembly-JH.csv")
LS = os.path.join(SHARED, "india-votes-data", "ls2024.csv")
ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "articles")


def run(*args, store=None):
    cmd = [CLI]
    if store is not None:
        cmd += ["--store", store]
    cmd += list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="psephos-cli-")
        self.store = os.path.join(self.dir, "test.psephos")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as f:
            f.write(data)
        return path

    def assert_one_error_line(self, proc, *parts):
        self.assertEqual(proc.returncode, 1, proc.stderr)
        lines = [l for l in proc.stderr.splitlines() if l.strip()]
        self.assertEqual(len(lines), 1, proc.stderr)
        for part in parts:
            self.assertIn(part, lines[0])


class Usage(CliTestCase):
    def test_version(self):
        proc = run("--version")
        self.assertEqual(proc.returncode, 0)
        self.assertTrue(proc.stdout.startswith("psephos-cli "))

    def test_bad_usage_is_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("no-such-command").returncode, 2)
        self.assertEqual(run("tree", "--no-such-option").returncode, 2)
        self.assertEqual(run("import", store=self.store).returncode, 2)
        self.assertEqual(run("source", "abc").returncode, 2)
        self.assertEqual(run("tree", "--format", "yaml").returncode, 2)

    def test_import_needs_a_store(self):
        proc = run("import", "x.txt")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("--store", proc.stderr)

    def test_unknown_election_is_1(self):
        run("check", store=self.store)  # not created by a read command
        self.assertFalse(os.path.exists(self.store))
        article = self.write("a.txt", "Kamlesh Thakur won the Dehra seat by 9,399 votes.\n")
        self.assertEqual(run("import", article, store=self.store).returncode, 0)
        proc = run("tally", "--election", "No Such Election 1999", store=self.store)
        self.assert_one_error_line(proc, self.store, "No Such Election 1999")


@unittest.skipUnless(os.path.exists(SAMPLE), "the sample store was not built")
class ChartData(CliTestCase):
    def test_data_csv_beside_the_chart(self):
        png = os.path.join(self.dir, "dehra.png")
        data = os.path.join(self.dir, "dehra.csv")
        proc = run("export-chart", "--chart", "seat", "--seat", "Dehra", "--format", "png",
                   "--output", png, "--data-csv", data, store=SAMPLE)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.getsize(png) > 0)
        with open(data, newline="") as f:
            lines = f.read().splitlines()
        comments = [l for l in lines if l.startswith("#")]
        self.assertTrue(any("Source" in c for c in comments), comments)
        rows = list(csv.DictReader(l for l in lines if not l.startswith("#")))
        thakur = [r for r in rows if r["candidate"] == "Kamlesh Thakur"][0]
        self.assertEqual(thakur["votes"], "32737")
        self.assertEqual(thakur["result"], "won")
        self.assertEqual([r for r in rows if r["candidate"] == "Hoshiyar Singh"][0]["result"], "lost")


class BadStores(CliTestCase):
    def check_refused(self, path, *parts):
        before = sha256(path)
        for args in (["check"], ["tree"], ["sources"]):
            proc = run(*args, store=path)
            self.assert_one_error_line(proc, path, *parts)
        article = self.write("ok.txt", "Hemant Soren won Barhait by 39,791 votes.\n")
        proc = run("import", article, store=path)
        self.assert_one_error_line(proc, path, *parts)
        self.assertEqual(sha256(path), before)
        self.assertFalse(os.path.exists(path + "-journal"))

    def test_not_sqlite(self):
        self.check_refused(self.write("results.psephos", "state,seat\nJharkhand,Barhait\n"), "not an SQLite database")

    def test_foreign_sqlite(self):
        path = os.path.join(self.dir, "music.db")
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE songs (title TEXT)")
        db.commit()
        db.close()
        self.check_refused(path, "another program")

    def test_newer_schema(self):
        self.assertEqual(run("import", self.write("a.txt", "x won by 5 votes\n"), store=self.store).returncode, 0)
        db = sqlite3.connect(self.store)
        db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()
        self.check_refused(self.store, "newer Psephos")


@unittest.skipUnless(os.path.exists(JH), "../shared/data is absent: no real results to import")
class RealResults(CliTestCase):
    def test_import_jharkhand(self):
        proc = run("import", JH, store=self.store)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("imported", proc.stdout)

        tally = {r["name"]: r for r in jsonl(run("tally", "--election", "Jharkhand Assembly 2024", "--format", "jsonl", store=self.store).stdout)
                 if r["kind"] == "party"}
        self.assertEqual(tally["JMM"]["won"], 34)
        self.assertEqual(tally["BJP"]["won"], 21)
        self.assertEqual(tally["INC"]["won"], 16)
        self.assertEqual(tally["RJD"]["won"], 4)
        self.assertEqual(sum(r["won"] for r in tally.values()), 81)

        records = jsonl(run("tree", "--format", "jsonl", store=self.store).stdout)
        seat_keys = {"kind", "election", "state", "seat", "name", "number", "electors", "turnout_pct",
                     "status", "winner", "winner_party", "margin"}
        cand_keys = {"kind", "election", "state", "seat", "name", "party", "votes", "evm_votes",
                     "postal_votes", "vote_share_pct", "result", "margin"}
        for r in records:
            if r["kind"] == "seat":
                self.assertLessEqual(seat_keys, set(r))
            elif r["kind"] == "candidate":
                self.assertLessEqual(cand_keys, set(r))
                self.assertNotEqual(r["name"], "NOTA")
            for value in r.values():
                self.assertNotEqual(value, "", r)
        barhait = [r for r in records if r["kind"] == "candidate" and r["seat"] == "Barhait"]
        self.assertEqual(barhait[0]["name"], "Hemant Soren")
        self.assertEqual(barhait[0]["votes"], 95612)
        self.assertEqual(barhait[0]["evm_votes"], 94840)
        self.assertEqual(barhait[0]["postal_votes"], 772)
        self.assertEqual(barhait[0]["result"], "won")
        self.assertEqual(barhait[0]["margin"], 39791)
        self.assertEqual(barhait[1]["name"], "Gamliyel Hembrom")
        seat = [r for r in records if r["kind"] == "seat" and r["seat"] == "Barhait"][0]
        self.assertEqual(seat["winner"], "Hemant Soren")
        self.assertEqual(seat["winner_party"], "JMM")
        self.assertEqual(seat["margin"], 39791)

        # Re-importing the same file changes nothing, not even a byte.
        before = sha256(self.store)
        proc = run("import", JH, store=self.store)
        self.assertEqual(proc.returncode, 0)
        self.assertIn("already imported", proc.stdout)
        self.assertEqual(sha256(self.store), before)

        # Official numbers are facts pointing at their row and characters.
        facts = jsonl(run("facts", "--format", "jsonl", store=self.store).stdout)
        sources = jsonl(run("sources", "--format", "jsonl", store=self.store).stdout)
        self.assertEqual(sources[0]["kind"], "official")
        self.assertEqual(sources[0]["file"], "2024Assembly-JH.csv")
        body = run("source", str(sources[0]["id"]), store=self.store).stdout
        lines = body.split("\n")
        soren = [f for f in facts if f["subject"] == "Hemant Soren" and f["attribute"] == "evm_votes"]
        self.assertEqual(len(soren), 1)
        self.assertEqual(soren[0]["value"], 94840)
        self.assertIn("HEMANT SOREN", lines[soren[0]["row"] - 1])
        for f in facts[:2000]:
            self.assertEqual(body[f["start"]:f["end"]], f["quote"], f)

    def test_articles_then_official(self):
        """Articles first, official data later: one person per candidate,
        whatever the spelling, and the article's numbers checked."""
        articles = sorted(os.path.join(ARTICLES, n) for n in os.listdir(ARTICLES) if n.endswith(".txt"))
        self.assertEqual(run("import", *articles, store=self.store).returncode, 0)
        proc = run("import", JH, store=self.store)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        tree = jsonl(run("tree", "--election", "Jharkhand Assembly 2024", "--format", "jsonl", store=self.store).stdout)
        gandey = [r for r in tree if r["kind"] == "candidate" and r["seat"] == "Gandey"]
        sorens = [r for r in gandey if "Soren" in r["name"]]
        self.assertEqual(len(sorens), 1, sorens)
        self.assertEqual(sorens[0]["result"], "won")
        self.assertEqual(len([r for r in tree if r["kind"] == "candidate" and r["name"] == "Hemant Soren"]), 1)
        facts = jsonl(run("facts", "--format", "jsonl", store=self.store).stdout)
        soren_votes = [f for f in facts if f["subject"] == "Hemant Soren" and f["attribute"] == "votes"]
        article = [f for f in soren_votes if f["row"] is None]
        official = [f for f in soren_votes if f["row"] is not None]
        self.assertEqual(len(article), 1)
        self.assertEqual(article[0]["value"], 95612)
        self.assertEqual(article[0]["status"], "confirmed")
        self.assertEqual(article[0]["candidacy"], official[0]["candidacy"])
        # "by a margin of 17,000 votes" is a round figure of the official 17,142.
        margin = [f for f in facts if f["seat"] == "Gandey" and f["attribute"] == "margin" and f["row"] is None]
        self.assertEqual(margin[0]["value"], 17000)
        self.assertEqual(margin[0]["status"], "confirmed")

    @unittest.skipUnless(os.path.exists(LS), "ls2024.csv is absent")
    def test_lok_sabha_needs_election_name(self):
        before_exists = os.path.exists(self.store)
        proc = run("import", LS, store=self.store)
        self.assert_one_error_line(proc, "ls2024.csv", "--election")
        self.assertFalse(before_exists)
        proc = run("import", "--election", "Lok Sabha 2024", LS, store=self.store)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        tally = {r["name"]: r["won"] for r in jsonl(run("tally", "--election", "Lok Sabha 2024", "--format", "jsonl", store=self.store).stdout)
                 if r["kind"] == "party"}
        self.assertEqual(tally["BJP"], 240)
        self.assertEqual(tally["INC"], 99)
        self.assertEqual(tally["SP"], 37)
        self.assertEqual(sum(tally.values()), 543)


class BadResults(CliTestCase):
    HEADER = "election_year,election_type,election_state,constituency,constituency_no,serial_no,candidate,party,evm_votes,postal_votes\n"
    ROW = "2024,Assembly,JH,BARHAIT,3,1,HEMANT SOREN,Jharkhand Mukti Morcha,94840,772\n"

    def check_rejected(self, name, data, *parts):
        # The store exists and holds something before the bad import.
        good = self.write("good.csv", self.HEADER + self.ROW)
        self.assertEqual(run("import", good, store=self.store).returncode, 0)
        before = sha256(self.store)
        path = self.write(name, data)
        proc = run("import", path, store=self.store)
        self.assert_one_error_line(proc, path, *parts)
        self.assertEqual(sha256(self.store), before)

    def test_missing_column(self):
        self.check_rejected("missing.csv", self.HEADER.replace(",postal_votes", "") + self.ROW.rsplit(",", 1)[0] + "\n")

    def test_ragged_row(self):
        self.check_rejected("ragged.csv", self.HEADER + self.ROW + "2024,Assembly,JH,BORIO,2,1,X\n", ":3:")

    def test_not_a_number(self):
        self.check_rejected("nan.csv", self.HEADER + self.ROW.replace("94840", "9484O"), ":2:", "9484O")

    def test_not_utf8(self):
        self.check_rejected("latin1.csv", (self.HEADER + self.ROW.replace("HEMANT", "H\xc9MANT")).encode("latin-1"), ":2")

    def test_empty(self):
        self.check_rejected("empty.csv", "", "empty")

    def test_binary(self):
        self.check_rejected("binary.txt", bytes(range(256)) * 4, "binary")


if __name__ == "__main__":
    unittest.main(verbosity=2)
