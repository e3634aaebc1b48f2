#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the sample store from the sample articles with psephos-cli import.

Usage: make-sample-store.py PSEPHOS_CLI OUTPUT ARTICLE...
The output is made afresh each time (a stale store is removed first).
"""
import os
import subprocess
import sys

cli, output, articles = sys.argv[1], sys.argv[2], sys.argv[3:]
tmp = output + ".tmp"
for path in (tmp, tmp + "-journal"):
    if os.path.exists(path):
        os.remove(path)
subprocess.run([cli, "--store", tmp, "import", *articles], check=True)
os.replace(tmp, output)
