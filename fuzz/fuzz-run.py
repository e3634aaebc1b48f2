#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs one fuzz target: builds its seed corpus, then replays or fuzzes.

  fuzz-run.py --replay REPLAY_EXE NAME
      Runs the target once on every seed and every saved regression input
      (fuzz/regressions/NAME/). Any crash or sanitizer report fails.
  fuzz-run.py --fuzz FUZZER_EXE NAME SECONDS
      libFuzzer for SECONDS ($PSEPHOS_FUZZ_SECONDS overrides) on the seeds,
      the regressions and the corpus it has grown in the build directory. Any finding fails; the input that
      caused it is saved in BUILD/fuzz/artifacts/ (copy it into
      fuzz/regressions/NAME/ once it is fixed).

Seeds are made at test time, kept small: the heads of the official CSVs
(../shared/data, skipped where absent), the sample and seed articles, the
test fixtures, stores made by psephos-cli ($PSEPHOS_CLI) from them.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SHARED = os.environ.get("PSEPHOS_SHARED_DATA", os.path.join(TOP, "..", "shared", "data"))
SEEDS = os.path.join(os.path.dirname(SHARED), "seeds")
CSV_HEAD_LINES = 25


def read(path):
    with open(path, "rb") as f:
        return f.read()


def articles():
    paths = sorted(glob.glob(os.path.join(TOP, "data", "articles", "*.txt")))
    paths += sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
    paths += sorted(glob.glob(os.path.join(TOP, "tests", "data", "**", "*.txt"), recursive=True))
    return paths


def html_fixtures():
    return sorted(glob.glob(os.path.join(TOP, "tests", "data", "**", "*.htm*"), recursive=True))


def csv_heads():
    """(name, bytes): the first lines of each official results file."""
    out = []
    for path in sorted(glob.glob(os.path.join(TOP, "tests", "data", "**", "*.csv"), recursive=True)):
        out.append(("fixture-" + os.path.basename(path), read(path)))
    real = sorted(glob.glob(os.path.join(SHARED, "india-votes-data", "results", "*.csv")))
    real += [os.path.join(SHARED, "india-votes-data", "ls2024.csv"),
             os.path.join(SHARED, "electionlens", "elections_flat.csv")]
    for path in real:
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            head = b"".join(f.readline() for _ in range(CSV_HEAD_LINES))
        out.append(("head-" + os.path.basename(path), head))
    return out


def as_html(text):
    """A saved-page-like wrapping of an article, with furniture around it."""
    lines = [l for l in text.decode("utf-8", "replace").splitlines() if l.strip()]
    if not lines:
        return b""
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join("<p>%s</p>\n" % esc(l) for l in lines[1:])
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>"
            "<meta property=\"og:site_name\" content=\"Example News\">"
            "<meta property=\"article:published_time\" content=\"2024-06-04T10:00:00+05:30\">"
            "<script>var x = 1;</script><style>p{}</style></head>\n"
            "<body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>\n%s</article>"
            "<footer>Featured Video Of The Day</footer></body></html>\n") % (esc(lines[0]), esc(lines[0]), body)
    return page.encode("utf-8")


NUMBER_SAMPLES = [
    "9,399", "1,24,053", "32737", "1.2 lakh", "3 crore", "65.42%", "67.74 per cent",
    "४२ प्रतिशत", "१,२४,०५३", "three seats", "twenty", "0.5", "12,34,56,789.01 crore",
    "won by 1,24,053 votes", "about 2.5 million", "1,", ",1", "1..2", "9" * 40,
]


def make_seeds(name, out, build_dir):
    """Writes the seed corpus of target @name into @out."""
    n = 0

    def put(label, data):
        nonlocal n
        if not data:
            return
        n += 1
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", label)[:60]
        with open(os.path.join(out, "%03d-%s" % (n, safe)), "wb") as f:
            f.write(data)

    if name == "results":
        for label, data in csv_heads():
            put(label, data)
    elif name == "article-text":
        for path in articles():
            put(os.path.basename(path), read(path))
    elif name == "article-html":
        for path in html_fixtures():
            put(os.path.basename(path), read(path))
        for path in articles():
            put(os.path.basename(path) + ".html", as_html(read(path)))
    elif name == "numbers":
        for s in NUMBER_SAMPLES:
            put("sample", s.encode("utf-8"))
        for path in articles()[:8]:
            for line in read(path).splitlines():
                if re.search(rb"[0-9]|\xe0\xa5[\xa6-\xaf]", line) and len(line) < 400:
                    put("line", line)
                    if n > 120:
                        return
    elif name == "extract":
        for path in articles():
            text = read(path)
            put(os.path.basename(path), text)
            for i, para in enumerate(re.split(rb"\n\s*\n", text)[:6]):
                put("%s-p%d" % (os.path.basename(path), i), para)
    elif name == "store":
        make_store_seeds(put, build_dir)
    else:
        sys.exit("fuzz-run.py: unknown target %s" % name)


def make_store_seeds(put, build_dir):
    cli = os.environ.get("PSEPHOS_CLI")
    sample = os.environ.get("PSEPHOS_SAMPLE_STORE")
    if sample and os.path.exists(sample):
        put("sample.psephos", read(sample))
    if not cli:
        return
    with tempfile.TemporaryDirectory(dir=build_dir) as tmp:
        inputs = []
        for label, data in csv_heads():
            if label.startswith("head-"):
                path = os.path.join(tmp, label)
                with open(path, "wb") as f:
                    f.write(data)
                inputs.append(path)
                break
        arts = articles()[:1]
        for i, group in enumerate([inputs, arts, inputs + arts]):
            if not group:
                continue
            store = os.path.join(tmp, "seed-%d.psephos" % i)
            subprocess.run([cli, "--store", store, "import", "--election", "Seed Assembly 2024", *group],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.path.exists(store):
                put("store-%d.psephos" % i, read(store))


def main():
    mode, exe, name = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    build_dir = os.path.join(os.path.dirname(exe), "fuzz-work")
    os.makedirs(build_dir, exist_ok=True)
    seeds = os.path.join(build_dir, "seeds-" + name)
    shutil.rmtree(seeds, ignore_errors=True)
    os.makedirs(seeds)
    make_seeds(name, seeds, build_dir)
    regressions = os.path.join(HERE, "regressions", name)
    dirs = [seeds] + ([regressions] if os.path.isdir(regressions) else [])
    n_seeds = len(os.listdir(seeds))
    n_regressions = len(os.listdir(regressions)) if os.path.isdir(regressions) else 0
    print("%s: %d seeds, %d regression inputs" % (name, n_seeds, n_regressions), flush=True)

    if mode == "--replay":
        sys.exit(0 if subprocess.run([exe, *dirs]).returncode == 0 else 1)

    seconds = int(os.environ.get("PSEPHOS_FUZZ_SECONDS") or sys.argv[4])
    corpus = os.path.join(build_dir, "corpus-" + name)
    artifacts = os.path.join(build_dir, "artifacts")
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    # libFuzzer's own exit code for a finding is 77, which meson reads as
    # "skipped": ask for 1 (and 2 for a timeout), and fail on any non-zero.
    cmd = [exe, "-max_total_time=%d" % seconds, "-timeout=30", "-rss_limit_mb=2048",
           "-error_exitcode=1", "-timeout_exitcode=2",
           "-print_final_stats=1", "-artifact_prefix=%s/%s-" % (artifacts, name), corpus, *dirs]
    print(" ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, errors="replace")
    log = proc.stderr
    sys.stderr.write(log[-20000:])
    runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
    n_corpus = len(os.listdir(corpus))
    print("%s: %s executions in %d s, corpus %d inputs, %s" % (
        name, runs.group(1) if runs else "?", seconds, n_corpus,
        "no findings" if proc.returncode == 0 else "FINDING (exit %d), see %s" % (proc.returncode, artifacts)))
    sys.exit(0 if proc.returncode == 0 else 1)


if __name__ == "__main__":
    main()
