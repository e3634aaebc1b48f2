#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the desktop app over AT-SPI, as a person would use it.

Starts the real `psephos` binary on a copy of the sample store, drives it
with the keyboard and by activating controls found by their accessible
names, checks what is shown, and saves screenshots of the election, seat,
candidate and article pages in light and dark under $PSEPHOS_SCREENSHOTS.

Run with Debian's /usr/bin/python3 (python3-pyatspi) inside
`dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24'`.
Prints TAP; skips (saying why) without a display or pyatspi.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

results = []


def tap(ok, name, note=None):
    results.append(ok)
    line = ('ok' if ok else 'not ok') + ' %d - %s' % (len(results), name)
    print(line, flush=True)
    if note:
        for n in str(note).splitlines():
            print('# ' + n, flush=True)


def skip_all(why):
    print('1..0 # SKIP ' + why)
    sys.exit(0)


if not os.environ.get('DISPLAY'):
    skip_all('no display: run under xvfb-run inside dbus-run-session')
# The accessibility bus and its registry are started by D-Bus activation;
# dbus-run-session started before xvfb-run gave them no DISPLAY, and the
# registry synthesises key presses on the X display: hand it over first.
subprocess.run(['dbus-update-activation-environment', 'DISPLAY', 'XAUTHORITY'], check=False)
try:
    import gi
    gi.require_version('Atspi', '2.0')
    import pyatspi
    from gi.repository import Atspi  # noqa: F401 - checks the typelib is there
except Exception as e:  # noqa: BLE001 - any import failure means skip
    skip_all('pyatspi is not available (%s): install python3-pyatspi and use /usr/bin/python3' % e)

APP = os.environ.get('PSEPHOS_APP', 'psephos')
SAMPLE = os.environ.get('PSEPHOS_SAMPLE_STORE')
OUT = os.environ.get('PSEPHOS_SCREENSHOTS', os.path.join(os.getcwd(), 'screenshots'))
STORE = os.environ.get('PSEPHOS_E2E_STORE', SAMPLE)
ELECTION = os.environ.get('PSEPHOS_E2E_ELECTION', 'Assembly bypolls July 2024')


def walk(acc, depth=0, limit=40):
    if acc is None or depth > limit:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:  # noqa: BLE001 - a dying accessible
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        yield from walk(child, depth + 1, limit)


def showing(acc):
    try:
        return acc.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:  # noqa: BLE001
        return False


def find(root, pred, timeout=10.0, need_showing=False):
    """GTK 4.8 does not report STATE_SHOWING, so by default any match counts."""
    end = time.time() + timeout
    while True:
        for acc in walk(root):
            try:
                if pred(acc) and (not need_showing or showing(acc)):
                    return acc
            except Exception:  # noqa: BLE001
                pass
        if time.time() > end:
            return None
        time.sleep(0.25)


def name_is(text):
    return lambda a: (a.name or '') == text


def name_starts(text):
    return lambda a: (a.name or '').startswith(text)


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except Exception:  # noqa: BLE001
        return ''


KEYSYMS = {'f': 0x66, 'a': 0x61, 'q': 0x71, 'Return': 0xff0d, 'Down': 0xff54}
CONTROL_L_KEYCODE = 37  # the X server's default (evdev) keymap


def key_combo(*names):
    """Presses Control (when named first) around a key, like a person would."""
    ctrl = names[0] == 'Control_L'
    key = names[-1]
    if ctrl:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L_KEYCODE, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
    if ctrl:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L_KEYCODE, None, pyatspi.KEY_RELEASE)
    time.sleep(0.3)


def type_text(text):
    # KEY_STRING needs an input method; ASCII keysyms are their code points.
    for c in text:
        pyatspi.Registry.generateKeyboardEvent(ord(c), None, pyatspi.KEY_SYM)
        time.sleep(0.03)
    time.sleep(0.5)


def click(acc):
    """Activates a control: its AT-SPI action when it has one, else a mouse click."""
    try:
        action = acc.queryAction()
        if action.nActions > 0:
            action.doAction(0)
            time.sleep(0.4)
            return True
    except Exception:  # noqa: BLE001
        pass
    try:
        ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
        pyatspi.Registry.generateMouseEvent(x, y, 'b1c')
        time.sleep(0.4)
        return True
    except Exception:  # noqa: BLE001
        return False


def screenshot(name):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + '.png')
    time.sleep(0.6)  # let the frame settle
    subprocess.run(['import', '-window', 'root', path], check=False)
    return path


def find_app(timeout=30.0, pid=None):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            try:
                app = desktop.getChildAtIndex(i)
            except Exception:  # noqa: BLE001
                continue
            if app is None:
                continue
            try:
                if pid is not None and app.get_process_id() != pid:
                    continue
            except Exception:  # noqa: BLE001
                pass
            if (app.name or '').lower().startswith('psephos') and app.childCount > 0:
                return app
        time.sleep(0.5)
    return None


def session(theme, workdir):
    store = os.path.join(workdir, 'e2e-%s.psephos' % theme)
    shutil.copyfile(STORE, store)
    env = dict(os.environ)
    env['GTK_A11Y'] = 'atspi'
    env.pop('NO_AT_BRIDGE', None)
    env['ADW_DEBUG_COLOR_SCHEME'] = 'prefer-dark' if theme == 'dark' else 'prefer-light'
    # Settings in a key file, as a person's would be: the sample store's
    # by-election is the one last looked at (which the app remembers).
    config = os.path.join(workdir, 'config-' + theme)
    os.makedirs(os.path.join(config, 'glib-2.0', 'settings'), exist_ok=True)
    with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write("[io/github/psephos/Psephos]\nlast-election='%s'\n" % ELECTION)
    env['XDG_CONFIG_HOME'] = config
    env['GSETTINGS_BACKEND'] = 'keyfile'
    env['PSEPHOS_NO_DIALOGS'] = '1'
    proc = subprocess.Popen([APP, '--store', store], env=env)
    time.sleep(1.5)
    if proc.poll() is not None:
        # xvfb-run can hand over the display a moment before it accepts clients.
        time.sleep(2)
        proc = subprocess.Popen([APP, '--store', store], env=env)
    try:
        app = find_app(pid=proc.pid)
        tap(app is not None, '%s: the app appears on the accessibility bus' % theme)
        if app is None:
            return
        tree = find(app, name_is('States, seats and candidates'), 15)
        tap(tree is not None, '%s: the results tree is there with its accessible name' % theme)

        # Election page: the overview row is selected at start.
        parties = find(app, name_is('Party tally'), 10)
        tap(parties is not None, '%s: the election page shows the party tally' % theme)
        shot = screenshot('election-' + theme)
        tap(os.path.getsize(shot) > 0, '%s: screenshot %s' % (theme, shot))

        # Seat page, by keyboard: Ctrl+F, type the seat, Enter.
        key_combo('Control_L', 'f')
        type_text('Dehra')
        time.sleep(1.0)
        key_combo('Return')
        table = find(app, name_is('Candidates'), 10)
        kamlesh = find(table, name_is('Kamlesh Thakur'), 10) if table is not None else None
        votes = find(table, name_is('32,737'), 5) if table is not None else None
        tap(kamlesh is not None and votes is not None,
            '%s: the seat page lists Kamlesh Thakur with 32,737 votes' % theme)
        cite = find(app, name_starts('Votes, Kamlesh Thakur'), 5)
        tap(cite is not None, '%s: the votes carry a citation' % theme,
            None if cite is None else 'citation: %s' % cite.name)
        shot = screenshot('seat-' + theme)
        tap(os.path.getsize(shot) > 0, '%s: screenshot %s' % (theme, shot))

        # Candidate page: search the name, Enter.
        key_combo('Control_L', 'f')
        key_combo('Control_L', 'a')
        type_text('Kamlesh Thakur')
        time.sleep(1.0)
        key_combo('Return')
        facts = find(app, lambda a: a.name == 'Facts about the candidate' and a.childCount > 0, 10)
        tap(facts is not None, '%s: the candidate page shows what the sources say' % theme)
        shot = screenshot('candidate-' + theme)
        tap(os.path.getsize(shot) > 0, '%s: screenshot %s' % (theme, shot))

        # Open a citation: its popover lists the sources; show one.
        show = None
        cite = find(app, name_starts('Votes:'), 5)
        if cite is not None:
            button = find(cite, lambda a: a.getRoleName() in ('toggle button', 'push button'), 2, False) or cite
            click(button)
            show = find(app, name_starts('Show the source:'), 5)
        if show is None:  # the candidate page's own "show the source" rows
            show = find(app, name_is('Show the source'), 5)
        tap(show is not None, '%s: a citation offers to show its source' % theme)
        if show is not None:
            click(show)
        text = find(app, name_is('Source text'), 10)
        body = text_of(text) if text is not None else ''
        selected = ''
        try:
            start, end = text.queryText().getSelection(0)
            selected = body[start:end]
        except Exception:  # noqa: BLE001 - no selection interface or none selected
            pass
        tap('32,737 votes' in body, '%s: the article viewer shows the article' % theme)
        tap(selected == '32,737 votes', '%s: with the cited characters selected' % theme, 'selected: %r' % selected)
        shot = screenshot('article-' + theme)
        tap(os.path.getsize(shot) > 0, '%s: screenshot %s' % (theme, shot))

        # Activate the selected span with Enter: back to the candidate in the tree.
        key_combo('Return')
        time.sleep(1.0)
        tree = find(app, name_is('States, seats and candidates'), 5)
        sel = None
        try:
            s = tree.querySelection()
            sel = s.getSelectedChild(0) if s.nSelectedChildren > 0 else None
        except Exception:  # noqa: BLE001
            pass
        tap(sel is not None and (sel.name or '').startswith('Kamlesh Thakur'),
            '%s: Enter on a highlighted span selects its subject in the tree' % theme,
            'selected row: %r' % (None if sel is None else sel.name))

        key_combo('Control_L', 'q')
        try:
            proc.wait(timeout=10)
            tap(proc.returncode == 0, '%s: Ctrl+Q quits cleanly' % theme, 'exit status %s' % proc.returncode)
        except subprocess.TimeoutExpired:
            tap(False, '%s: Ctrl+Q quits cleanly' % theme)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main():
    if not STORE or not os.path.exists(STORE):
        skip_all('no sample store (PSEPHOS_SAMPLE_STORE): build it first')
    with tempfile.TemporaryDirectory(prefix='psephos-e2e-') as workdir:
        for theme in ('light', 'dark'):
            session(theme, workdir)
    print('1..%d' % len(results))
    return 0 if all(results) else 1


sys.exit(main())
