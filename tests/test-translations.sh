#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-translations.sh — the translations in po/ (TAP).
#   - each po/LINGUAS file passes `msgfmt --check --statistics` and is
#     complete: no untranslated and no fuzzy messages;
#   - against the strings in the sources right now (xgettext on
#     po/POTFILES.in), new untranslated strings are listed as TODO: run
#     `meson compile -C build psephos-pot psephos-update-po` and translate them.
#
# Usage: test-translations.sh SOURCE_DIR
set -uo pipefail

src=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/desktop-lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The keywords of meson's i18n.gettext(preset: 'glib').
(cd "$src" && xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
   --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
   --keyword=g_dpgettext2:2c,3 --files-from=po/POTFILES.in --output="$work/now.pot" 2>"$work/xgettext.log")
ok $? "xgettext reads every file in po/POTFILES.in" "$(cat "$work/xgettext.log")"

while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  po="$src/po/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o "$work/$lang.mo" "$po" 2>&1)
  ok $? "msgfmt --check po/$lang.po: $stats" "$stats"
  echo "$stats" | grep -qE '^[0-9]+ translated messages?\.$'
  ok $? "po/$lang.po is complete (no untranslated or fuzzy messages)" "$stats"

  if [ -s "$work/now.pot" ]; then
    msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.now.po" "$po" "$work/now.pot" 2>/dev/null
    missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.now.po" 2>/dev/null | grep '^msgid "..*"' | sed 's/^msgid //')
    n=$(printf '%s' "$missing" | grep -c . || true)
    tap_n=$((tap_n + 1))
    if [ "$n" -eq 0 ]; then
      echo "ok $tap_n - po/$lang.po translates every string in the sources now"
    else
      echo "not ok $tap_n - po/$lang.po translates every string in the sources now # TODO $n new strings: meson compile -C build psephos-pot psephos-update-po, then translate"
      printf '%s\n' "$missing" | sed 's/^/# /'
    fi
  fi
done < "$src/po/LINGUAS"

tap_end
