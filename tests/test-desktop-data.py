#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the desktop data as it is installed (TAP): the desktop file and the
AppStream metainfo after merging the translations, the GSettings schema, the
icons and the man page.

Usage: test-desktop-data.py SOURCE_DIR BUILD_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

top, build = (os.path.abspath(a) for a in sys.argv[1:3])
APP_ID = 'io.github.psephos.Psephos'
desktop = os.path.join(build, 'data', APP_ID + '.desktop')
metainfo = os.path.join(build, 'data', APP_ID + '.metainfo.xml')
schema = os.path.join(top, 'data', APP_ID + '.gschema.xml')
icon = os.path.join(top, 'data', 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg')
symbolic = os.path.join(top, 'data', 'icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg')
manpage = os.path.join(top, 'data', 'psephos-cli.1')

results = []


def check(ok, what, detail=''):
    results.append((bool(ok), what, detail, None))


def skip(what, why):
    results.append((True, what, '', why))


def run_tool(what, argv, missing_why):
    tool = shutil.which(argv[0])
    if tool is None:
        if os.path.exists('/.flatpak-info'):
            skip(what, f'{argv[0]} is not in the Flatpak SDK')
        else:
            check(False, what, f'{argv[0]} is not installed: {missing_why}')
        return None
    p = subprocess.run([tool] + argv[1:], capture_output=True, text=True)
    check(p.returncode == 0, what, (p.stdout + p.stderr).strip())
    return p


# Desktop file
run_tool('desktop-file-validate accepts the desktop file', ['desktop-file-validate', desktop],
         'apt-get install desktop-file-utils')
with open(desktop, encoding='utf-8') as f:
    entries = dict(l.rstrip('\n').split('=', 1) for l in f if '=' in l and not l.startswith('#'))
check(entries.get('Icon') == APP_ID and entries.get('Exec', '').split()[0] == 'psephos',
      'the desktop file starts psephos with the app icon')
check('Name[hi]' in entries and 'Comment[hi]' in entries and 'Keywords[hi]' in entries,
      'the desktop file carries the Hindi translation')
check(entries.get('Keywords[hi]', ';').endswith(';'), 'translated keywords end with a semicolon')

# AppStream
run_tool('appstreamcli validate --no-net accepts the metainfo',
         ['appstreamcli', 'validate', '--no-net', '--explain', metainfo], 'apt-get install appstream')
root = ET.parse(metainfo).getroot()
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
check(root.findtext('id') == APP_ID and root.find('launchable').text == APP_ID + '.desktop',
      'the metainfo launches the desktop file')
check(sorted(b.text for b in root.findall('provides/binary')) == ['psephos', 'psephos-cli'],
      'the metainfo provides the binaries psephos and psephos-cli')
check(root.find('content_rating') is not None and root.find('content_rating').get('type', '').startswith('oars-'),
      'the metainfo has an OARS content rating')
releases = root.findall('releases/release')
with open(os.path.join(top, 'meson.build'), encoding='utf-8') as f:
    version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
check(releases and releases[0].get('version') == version,
      f'the newest release in the metainfo is the project version {version}',
      'newest release: ' + (releases[0].get('version') if releases else 'none'))
check(any(e.get(XML_LANG) == 'hi' for e in root.iter()), 'the metainfo carries the Hindi translation')
shots = [i.text for i in root.findall('screenshots/screenshot/image')]
missing = [u for u in shots if not os.path.exists(os.path.join(top, 'data', 'screenshots', u.rsplit('/', 1)[-1]))]
check(shots and not missing, 'every screenshot the metainfo names is in data/screenshots/', ' '.join(missing))

# GSettings schema
if not os.path.exists(schema):
    skip('glib-compile-schemas --strict --dry-run accepts the schema', f'there is no {os.path.basename(schema)} yet')
else:
    run_tool('glib-compile-schemas --strict --dry-run accepts the schema',
             ['glib-compile-schemas', '--strict', '--dry-run', '--schema-file=' + schema],
             'apt-get install libglib2.0-bin')
    check(ET.parse(schema).getroot().find(f"schema[@id='{APP_ID}']") is not None,
          f'the schema defines {APP_ID}')

# Icons
for path, size in ((icon, None), (symbolic, '16')):
    svg = ET.parse(path).getroot()
    check(svg.tag == '{http://www.w3.org/2000/svg}svg' and (size is None or svg.get('width') == size),
          f'{os.path.basename(path)} is an SVG' + (f' of {size}×{size}' if size else ''))
with open(symbolic, encoding='utf-8') as f:
    colours = set(re.findall(r'#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b', f.read()))
check(colours <= {'#2e3436', '#bebebe'}, 'the symbolic icon is drawn in one recolourable colour', ' '.join(colours))

# Man page
groff = shutil.which('groff')
if groff is None and os.path.exists('/.flatpak-info'):
    skip('the man page formats without warnings', 'groff is not in the Flatpak SDK')
elif groff is None:
    check(False, 'the man page formats without warnings', 'groff is not installed (apt-get install groff-base)')
else:
    p = subprocess.run([groff, '-man', '-ww', '-z', manpage], capture_output=True, text=True)
    check(p.returncode == 0 and not p.stderr.strip(), 'the man page formats without warnings', p.stderr)

print(f'1..{len(results)}')
failed = 0
for n, (ok, what, detail, why) in enumerate(results, 1):
    if why is not None:
        print(f'ok {n} - {what} # SKIP {why}')
        continue
    print(('ok' if ok else 'not ok') + f' {n} - {what}')
    if not ok:
        failed += 1
        for line in (detail or '').splitlines():
            print(f'# {line}')
sys.exit(1 if failed else 0)
