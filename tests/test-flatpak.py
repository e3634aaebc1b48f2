#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest offline (TAP).

The GNOME runtime cannot be downloaded here, so the manifest is checked
without building it: JSON schema (from flatpak-builder), what flatpak-builder
itself reads from it (--show-manifest), a pinned stable runtime, finish-args
no wider than the app needs, and an app module that builds with meson from
the local tree and runs the tests. test-flatpak-build.sh builds the app with
the manifest's config-opts.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

top = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))
manifest_path = os.path.join(top, 'flatpak', 'io.github.psephos.Psephos.json')
# The schema ships in flatpak-builder's sources, not in Debian's package:
# a copy is kept next to the manifest (see flatpak/README.md).
schema_path = os.path.join(top, 'flatpak', 'flatpak-manifest.schema.json')

APP_ID = 'io.github.psephos.Psephos'
# No network, no host files (files come through the portals), no session bus
# names beyond the app's own: only what a GTK window needs.
ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}

results = []


def check(ok, what, detail=None):
    results.append((bool(ok), what, detail, None))


def skip(what, why):
    results.append((True, what, None, why))


with open(manifest_path, encoding='utf-8') as f:
    text = f.read()
try:
    manifest = json.loads(text)
    check(True, 'the manifest is JSON')
except json.JSONDecodeError as e:
    check(False, 'the manifest is JSON', str(e))
    manifest = {}

# 2. schema
try:
    import jsonschema
except ImportError:
    jsonschema = None
if jsonschema is None and os.path.exists('/.flatpak-info'):
    skip('the manifest follows flatpak-builder\'s schema', 'python3-jsonschema is not in the Flatpak SDK')
elif jsonschema is None:
    check(False, 'the manifest follows flatpak-builder\'s schema',
          'python3-jsonschema is not installed (apt-get install python3-jsonschema; scripts/dev installs it)')
else:
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(manifest), key=lambda e: list(e.path))
    check(not errors, 'the manifest follows flatpak-builder\'s schema',
          '\n'.join(f'{"/".join(map(str, e.path))}: {e.message}' for e in errors))

# 3. flatpak-builder reads it as we do
fb = shutil.which('flatpak-builder')
if os.path.exists('/.flatpak-info'):
    skip('flatpak-builder --show-manifest reads the manifest', 'running inside a Flatpak build, where flatpak-builder does not exist')
elif fb is None:
    check(False, 'flatpak-builder --show-manifest reads the manifest',
          'flatpak-builder is not installed (apt-get install flatpak-builder; scripts/dev installs it)')
else:
    # flatpak-builder keeps its state (.flatpak-builder/) in the working directory.
    with tempfile.TemporaryDirectory() as cwd:
        p = subprocess.run([fb, '--show-manifest', manifest_path], capture_output=True, text=True, cwd=cwd)
    try:
        shown = json.loads(p.stdout) if p.returncode == 0 else None
    except json.JSONDecodeError:
        shown = None
    check(p.returncode == 0 and shown == manifest, 'flatpak-builder --show-manifest reads the manifest',
          f'exit {p.returncode}: {p.stderr.strip()}' if p.returncode else 'flatpak-builder reads something else than the JSON says')

# 4. identity and a pinned, stable runtime
check(manifest.get('id', manifest.get('app-id')) == APP_ID, f'the app id is {APP_ID}')
check(manifest.get('command') == 'psephos', 'the command is psephos')
rv = str(manifest.get('runtime-version', ''))
check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk'
      and re.fullmatch(r'[0-9]+(\.[0-9]+)?', rv) is not None,
      'the GNOME runtime and SDK are pinned to a stable version', f'runtime-version is "{rv}"')

# 5. finish-args
fa = manifest.get('finish-args', [])
wider = [a for a in fa if a not in ALLOWED_FINISH_ARGS]
check(not wider, 'finish-args are no wider than ' + ' '.join(sorted(ALLOWED_FINISH_ARGS)),
      'not allowed: ' + ' '.join(wider))
check(len(fa) == len(set(fa)), 'finish-args name each permission once')

# 6. the app module
modules = manifest.get('modules', [])
app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app.get('name') == 'psephos' and app.get('buildsystem') == 'meson', 'the last module builds psephos with meson')
check(app.get('run-tests') is True, 'the app module runs the test suite (run-tests)')
sources = app.get('sources', [])
check(sources == [s for s in sources if isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'] and sources,
      'the app builds from this tree (one dir source, path ..), downloading nothing')
network = [s for m in modules if isinstance(m, dict) for s in m.get('sources', [])
           if isinstance(s, dict) and ('url' in s or s.get('type') in ('git', 'archive', 'file') and 'path' not in s)]
check(not network, 'no module downloads a source', json.dumps(network))

# 7. config-opts name only options that exist
opts = app.get('config-opts', [])
with open(os.path.join(top, 'meson_options.txt'), encoding='utf-8') as f:
    known = set(re.findall(r"option\s*\(\s*'([^']+)'", f.read()))
builtin = {'buildtype', 'prefix', 'libdir', 'werror', 'warning_level', 'b_ndebug', 'b_lto', 'optimization', 'debug', 'strip'}
unknown = []
for o in opts:
    m = re.fullmatch(r'(?:-D|--)([A-Za-z0-9_.-]+)(?:=.*)?', o)
    name = m.group(1).replace('-', '_') if m else o
    if not m or (name not in known and name not in builtin):
        unknown.append(o)
check(not unknown, 'config-opts name only existing meson options', ' '.join(unknown))

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
