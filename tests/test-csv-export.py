#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-csv-export.py — the CSV behind tables (psephos-cli tree/tally
--format csv) holds the numbers psephos-cli prints as JSONL (the numbers
the app shows: both read the same store functions), says its sources in a
header comment, and parses with Python's csv module.

Cases: the Dehra seat table of the sample store (made from the sample
articles), and the Jharkhand 2024 tally and tree (imported from
../shared/data). A case that lacks its data is reported as skipped, with
the reason. Output is TAP.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ.get("PSEPHOS_CLI")
SHARED = os.environ.get("PSEPHOS_SHARED_DATA", "")
SAMPLE = os.environ.get("PSEPHOS_SAMPLE_STORE", "")


class Skip(Exception):
    pass


def cli(store, *args):
    # Bytes, decoded here: text mode would turn CRLF into LF.
    run = subprocess.run([CLI, "--store", store, *args], capture_output=True)
    if run.returncode != 0:
        raise AssertionError(f"psephos-cli {' '.join(args)} exited {run.returncode}: "
                             f"{run.stderr.decode('utf-8', 'replace').strip()}")
    return run.stdout.decode("utf-8")


def parse_csv(text):
    """Returns (comments, header, rows as dicts); checks the file is
    well-formed for a reader that skips comments and for one that does not."""
    assert text.endswith("\r\n"), "CSV lines end in CRLF (RFC 4180)"
    lines = text.splitlines(keepends=True)
    comments = [l.rstrip("\r\n") for l in lines if l.startswith("#")]
    data = [l for l in lines if not l.startswith("#")]
    rows = list(csv.reader(io.StringIO("".join(data), newline="")))
    header, body = rows[0], rows[1:]
    for i, row in enumerate(body):
        assert len(row) == len(header), f"row {i + 2} has {len(row)} fields, the header {len(header)}: {row}"
    # A reader that knows nothing of comments still reads every data row.
    plain = list(csv.reader(io.StringIO(text, newline="")))
    assert plain[len(comments):] == rows, "the comment lines confuse a plain CSV reader"
    return comments, header, [dict(zip(header, r)) for r in body]


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def num(value):
    """A CSV cell as a number (None when empty) to compare with JSON."""
    if value == "" or value is None:
        return None
    f = float(value)
    return int(f) if f == int(f) and "." not in value else f


def same_number(csv_value, json_value, what):
    a = num(csv_value)
    b = json_value
    if a is None or b is None:
        assert a is None and b is None, f"{what}: CSV {csv_value!r}, JSONL {json_value!r}"
    elif isinstance(b, float) or isinstance(a, float):
        assert abs(float(a) - round(float(b), 2)) < 0.006, f"{what}: CSV {csv_value!r}, JSONL {json_value!r}"
    else:
        assert a == b, f"{what}: CSV {csv_value!r}, JSONL {json_value!r}"


def same_text(csv_value, json_value, what):
    assert (csv_value or None) == json_value, f"{what}: CSV {csv_value!r}, JSONL {json_value!r}"


def check_says_sources(comments):
    assert comments, "no header comment"
    assert comments[0].startswith("# source"), f"the first comment does not say the source: {comments[0]!r}"


def compare_candidates(csv_rows, json_rows, seat=None):
    """Every candidate row of the CSV against the JSONL record of the same
    state, seat and name; both must list the same candidates."""
    want = {(r["state"], r["seat"], r["name"]): r for r in json_rows
            if r["kind"] == "candidate" and (seat is None or r["seat"] == seat)}
    got = [r for r in csv_rows if r["kind"] == "candidate" and (seat is None or r["seat"] == seat)]
    assert got, f"no candidate rows{' for ' + seat if seat else ''} in the CSV"
    assert len(got) == len(want), f"{len(got)} candidate rows in the CSV, {len(want)} in the JSONL"
    for row in got:
        key = (row["state"], row["seat"], row["name"])
        assert key in want, f"{key} is in the CSV only"
        j = want[key]
        for column in ("votes", "evm_votes", "postal_votes", "vote_share_pct", "margin"):
            same_number(row[column], j[column], f"{key} {column}")
        for column in ("party", "result"):
            same_text(row[column], j[column], f"{key} {column}")
    return len(got)


def compare_seats(csv_rows, json_rows, seat=None):
    want = {(r["state"], r["seat"]): r for r in json_rows
            if r["kind"] == "seat" and (seat is None or r["seat"] == seat)}
    got = [r for r in csv_rows if r["kind"] == "seat" and (seat is None or r["seat"] == seat)]
    assert len(got) == len(want), f"{len(got)} seat rows in the CSV, {len(want)} in the JSONL"
    for row in got:
        key = (row["state"], row["seat"])
        j = want[key]
        for column in ("number", "margin", "electors", "turnout_pct"):
            same_number(row[column], j[column], f"{key} {column}")
        for column in ("status", "winner", "winner_party"):
            same_text(row[column], j[column], f"{key} {column}")


def test_dehra_seat_table():
    """The Dehra seat table (sample store)."""
    if not SAMPLE or not os.path.isfile(SAMPLE):
        raise Skip(f"the sample store ({SAMPLE or 'PSEPHOS_SAMPLE_STORE unset'}) is not built: it needs the article importer")
    as_json = jsonl(cli(SAMPLE, "tree", "--format", "jsonl"))
    if not any(r["kind"] == "seat" and r["seat"] == "Dehra" for r in as_json):
        raise Skip("the sample store has no Dehra seat yet (the article importer has not filled it)")
    comments, header, rows = parse_csv(cli(SAMPLE, "tree", "--format", "csv"))
    check_says_sources(comments)
    compare_seats(rows, as_json, seat="Dehra")
    n = compare_candidates(rows, as_json, seat="Dehra")
    return f"{n} candidates of Dehra"


def with_jharkhand(func):
    path = os.path.join(SHARED, "india-votes-data", "results", "2024Assembly-JH.csv")
    if not SHARED or not os.path.isfile(path):
        raise Skip(f"{path or 'PSEPHOS_SHARED_DATA'} is absent (../shared is not checked out here)")
    with tempfile.TemporaryDirectory(prefix="psephos-csv-") as tmp:
        store = os.path.join(tmp, "jh.psephos")
        cli(store, "import", path)
        return func(store)


def test_jharkhand_tally():
    """The Jharkhand 2024 tally."""
    def check(store):
        election = "Jharkhand Assembly 2024"
        as_json = jsonl(cli(store, "tally", "--election", election, "--format", "jsonl"))
        comments, header, rows = parse_csv(cli(store, "tally", "--election", election, "--format", "csv"))
        check_says_sources(comments)
        assert {"election", "kind", "name", "won", "leading"} <= set(header), header
        want = {(r["kind"], r["name"]): r for r in as_json}
        assert len(rows) == len(want), f"{len(rows)} CSV rows, {len(want)} JSONL records"
        for row in rows:
            key = (row["kind"], row["name"])
            assert key in want, f"{key} is in the CSV only"
            same_text(row["election"], want[key]["election"], f"{key} election")
            same_number(row["won"], want[key]["won"], f"{key} won")
            same_number(row["leading"], want[key]["leading"], f"{key} leading")
        # The numbers themselves, as the Election Commission declared them.
        parties = {r["name"]: int(r["won"]) for r in rows if r["kind"] == "party"}
        assert parties.get("JMM") == 34 and parties.get("BJP") == 21, parties
        assert sum(parties.values()) == 81, sum(parties.values())
        return f"{len(rows)} rows"
    return with_jharkhand(check)


def test_jharkhand_tree():
    """The Jharkhand 2024 state, seat and candidate tables."""
    def check(store):
        election = "Jharkhand Assembly 2024"
        as_json = jsonl(cli(store, "tree", "--election", election, "--format", "jsonl"))
        comments, header, rows = parse_csv(cli(store, "tree", "--election", election, "--format", "csv"))
        check_says_sources(comments)
        compare_seats(rows, as_json)
        n = compare_candidates(rows, as_json)
        return f"81 seats, {n} candidates"
    return with_jharkhand(check)


def main():
    tests = [test_dehra_seat_table, test_jharkhand_tally, test_jharkhand_tree]
    print(f"1..{len(tests)}")
    failed = 0
    if not CLI:
        print("Bail out! PSEPHOS_CLI is not set")
        return 1
    for i, test in enumerate(tests, 1):
        name = test.__doc__.strip().rstrip(".")
        try:
            note = test()
            print(f"ok {i} - {name}" + (f" ({note})" if note else ""))
        except Skip as why:
            print(f"ok {i} - {name} # SKIP {why}")
        except AssertionError as e:
            failed += 1
            print(f"not ok {i} - {name}")
            for line in str(e).splitlines():
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
