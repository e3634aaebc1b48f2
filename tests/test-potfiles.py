#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in against the source tree (TAP).

Fails when a file with translatable strings is missing from POTFILES.in, or
when POTFILES.in names a file that does not exist (xgettext would stop).
A file has translatable strings when it contains _(, N_(, C_(, NC_(, Q_(,
ngettext(, g_dngettext( or g_dpgettext2( (C), translatable="yes" (GtkBuilder),
or is one of the desktop, metainfo or GSettings schema files merged through
gettext.
"""
import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
top = os.path.abspath(top)

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|g_dgettext|ngettext|pgettext)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SCANNED_DIRS = ('src', 'ui', 'data')
SKIPPED_DIRS = ('data/articles',)


def strip_c_comments(text):
    # Comments may mention _() without marking anything.
    return re.sub(r'/\*.*?\*/|//[^\n]*', '', text, flags=re.S)


def needs_translation(rel, path):
    name = os.path.basename(rel)
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
        return True
    if name.endswith(('.c', '.h')):
        with open(path, encoding='utf-8', errors='replace') as f:
            return C_MARK.search(strip_c_comments(f.read())) is not None
    if name.endswith('.ui'):
        with open(path, encoding='utf-8', errors='replace') as f:
            return UI_MARK.search(f.read()) is not None
    return False


def main():
    with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = [l.strip() for l in f if l.strip() and not l.lstrip().startswith('#')]

    wanted = []
    for d in SCANNED_DIRS:
        for root, dirs, files in os.walk(os.path.join(top, d)):
            rel_root = os.path.relpath(root, top)
            dirs[:] = sorted(x for x in dirs if os.path.join(rel_root, x) not in SKIPPED_DIRS)
            for name in sorted(files):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, top)
                if needs_translation(rel, path):
                    wanted.append(rel)

    missing = [w for w in wanted if w not in listed]
    absent = [l for l in listed if not os.path.exists(os.path.join(top, l))]
    dups = sorted({l for l in listed if listed.count(l) > 1})

    print('1..3')
    for n, (ok, what, names) in enumerate([
            (not missing, 'every file with translatable strings is in po/POTFILES.in', missing),
            (not absent, 'every file po/POTFILES.in names exists', absent),
            (not dups, 'po/POTFILES.in names each file once', dups)], 1):
        print(('ok' if ok else 'not ok') + f' {n} - {what}')
        for name in names:
            print(f'# {name}')
    print(f'# {len(wanted)} files with translatable strings, {len(listed)} listed', file=sys.stderr)
    return 0 if not (missing or absent or dups) else 1


sys.exit(main())
