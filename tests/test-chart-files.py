#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`psephos-cli export-chart` as a person runs it: the files it writes (SVG
with its text as <text>, PNG of the asked size, one-page PDF), and its exit
statuses and one-line messages for what it refuses.

Run by meson with PSEPHOS_CLI and PSEPHOS_SHARED_DATA set; tests that need
the real data skip, saying why, where it is absent.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ.get("PSEPHOS_CLI", "psephos-cli")
SHARED = os.environ.get("PSEPHOS_SHARED_DATA", "")
JH = os.path.join(SHARED, "india-votes-data", "results", "2024Assembly-JH.csv")
SVG = "{http://www.w3.org/2000/svg}"


def run(*args, store=None):
    cmd = [CLI]
    if store is not None:
        cmd += ["--store", store]
    cmd += list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, LC_ALL="C.UTF-8", LANG="en_IN.UTF-8"))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


@unittest.skipUnless(os.path.exists(JH), "%s is absent (../shared/data not beside the checkout)" % JH)
class ExportChartTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="psephos-chart-files-")
        cls.store = os.path.join(cls.dir, "jh.psephos")
        proc = run("import", JH, store=cls.store)
        if proc.returncode != 0:
            raise AssertionError("import failed: " + proc.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def export(self, *args):
        return run("export-chart", *args, store=self.store)

    def assert_refused(self, proc, status, *parts):
        self.assertEqual(proc.returncode, status, proc.stderr)
        lines = proc.stderr.splitlines()
        self.assertEqual(len(lines), 1, proc.stderr)
        for part in parts:
            self.assertIn(part, lines[0])

    def test_svg_has_text(self):
        out = os.path.join(self.dir, "barhait.svg")
        proc = self.export("--chart", "seat", "--seat", "Barhait", "--format", "svg", "--output", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        root = ET.parse(out).getroot()
        self.assertEqual(root.tag, SVG + "svg")
        self.assertIsNotNone(root.find(SVG + "title"))
        self.assertIsNotNone(root.find(SVG + "desc"))
        texts = ["".join(t.itertext()).strip() for t in root.iter(SVG + "text")]
        self.assertTrue(any(t.startswith("Hemant Soren") for t in texts), texts)
        # Every bar's votes as a number in the file, written as the locale asks.
        self.assertTrue(any(t.replace(",", "").isdigit() and len(t) > 4 for t in texts), texts)
        bars = [e for e in root.iter(SVG + "rect") if e.get("class") == "bar"]
        self.assertGreater(len(bars), 2)
        self.assertTrue(all(b.get("data-party") for b in bars))

    def test_png_size(self):
        for w, h in ((1200, 800), (640, 480), (333, 777)):
            out = os.path.join(self.dir, "house-%d.png" % w)
            proc = self.export("--chart", "hemicycle", "--format", "png", "--output", out,
                               "--width", str(w), "--height", str(h), "--theme", "dark")
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(png_size(out), (w, h))

    def test_pdf_one_page(self):
        if shutil.which("pdfinfo") is None:
            self.skipTest("pdfinfo (poppler-utils) is not installed")
        for kind in ("tally", "margins", "hemicycle"):
            out = os.path.join(self.dir, kind + ".pdf")
            proc = self.export("--chart", kind, "--format", "pdf", "--output", out)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
            pages = [line.split()[1] for line in info.splitlines() if line.startswith("Pages:")]
            self.assertEqual(pages, ["1"], info)

    def test_format_from_file_name(self):
        out = os.path.join(self.dir, "margins.svg")
        proc = self.export("--chart", "margins", "--output", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        ET.parse(out)

    def test_refusals(self):
        out = os.path.join(self.dir, "x.png")
        self.assert_refused(self.export("--chart", "pie", "--output", out), 1, "pie")
        self.assert_refused(self.export("--chart", "tally", "--election", "Lok Sabha 1952", "--output", out),
                            1, "Lok Sabha 1952")
        self.assert_refused(self.export("--chart", "seat", "--seat", "Atlantis", "--output", out), 1, "Atlantis")
        missing = os.path.join(self.dir, "no-such-folder", "x.png")
        self.assert_refused(self.export("--chart", "tally", "--output", missing), 1, missing)
        # This file has no electors, so no turnout: a chart with no data.
        self.assert_refused(self.export("--chart", "turnout", "--output", out), 1, "turnout")
        self.assertFalse(os.path.exists(out))
        self.assertEqual([n for n in os.listdir(self.dir) if n.startswith(".")], [])

    def test_usage(self):
        out = os.path.join(self.dir, "x.png")
        self.assert_refused(self.export("--output", out), 2, "--chart")
        self.assert_refused(self.export("--chart", "tally"), 2, "--output")
        self.assert_refused(self.export("--chart", "tally", "--format", "gif", "--output", out), 2, "gif")
        self.assert_refused(self.export("--chart", "tally", "--output", out, "--width", "10"), 2, "10")
        self.assert_refused(self.export("--chart", "tally", "--output", out, "--theme", "blue"), 2, "blue")
        self.assert_refused(self.export("--chart", "seat", "--output", out), 2, "--seat")
        self.assert_refused(self.export("--chart", "tally", "--output", out, "stray"), 2, "stray")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
