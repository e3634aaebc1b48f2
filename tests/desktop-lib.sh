# SPDX-License-Identifier: GPL-3.0-or-later
# desktop-lib.sh — TAP and screenshot helpers for test-install.sh and
# test-flatpak-build.sh (sourced, not run).

tap_n=0
tap_failed=0

ok () {  # ok CONDITION-STATUS DESCRIPTION [DETAIL…]
  local status=$1 what=$2
  shift 2
  tap_n=$((tap_n + 1))
  if [ "$status" -eq 0 ]; then
    echo "ok $tap_n - $what"
  else
    echo "not ok $tap_n - $what"
    tap_failed=$((tap_failed + 1))
    local line
    for line in "$@"; do
      printf '%s\n' "$line" | sed 's/^/# /'
    done
  fi
  [ "$status" -eq 0 ]
}

skip () {  # skip DESCRIPTION REASON
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - $1 # SKIP $2"
}

tap_end () {
  echo "1..$tap_n"
  [ "$tap_failed" -eq 0 ]
}

# GTK, dconf and Mesa keep their files in the build directory.
desktop_env () {  # desktop_env DIR
  export XDG_RUNTIME_DIR="$1/runtime"
  export XDG_CACHE_HOME="$1/cache"
  export XDG_CONFIG_HOME="$1/config"
  mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
  chmod 700 "$XDG_RUNTIME_DIR"
  export GSETTINGS_BACKEND=memory
  export GSK_RENDERER=cairo
  export NO_AT_BRIDGE=1
  unset PSEPHOS_SAMPLE_STORE
}

# Makes LOCALE (hi_IN.UTF-8, en_IN.UTF-8) usable: the system's when it is
# generated, else compiled from Debian's `locales` definitions into DIR and
# found through LOCPATH. Prints nothing; fails when neither is possible.
ensure_locale () {  # ensure_locale LOCALE DIR
  local want=$1 dir=$2 name=${1%%.*}
  if locale -a 2>/dev/null | grep -qix "${name}.utf-\?8"; then
    return 0
  fi
  [ -f "/usr/share/i18n/locales/$name" ] || return 1
  mkdir -p "$dir"
  localedef -i "$name" -f UTF-8 "$dir/$want" >/dev/null 2>&1 || [ -f "$dir/$want/LC_CTYPE" ] || return 1
  export LOCPATH="$dir"
}

# Starts a GTK app in its own X server and D-Bus session, waits until it has
# painted, and saves the screen (cropped to the window) to OUT. With SEAT_OUT
# set, it then opens the first seat of the first state in the results tree
# (clicks on its expander, then on the seat) and saves that too.
# Fails when the app exits early or nothing is painted within 30 s.
shoot () {  # shoot OUT COMMAND…
  local out=$1
  shift
  rm -f "$out" ${SEAT_OUT:+"$SEAT_OUT"}
  SHOT_OUT="$out" SEAT_OUT="${SEAT_OUT:-}" dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
    "$@" >"$SHOT_OUT.log" 2>&1 & pid=$!
    for i in $(seq 60); do
      sleep 0.5
      kill -0 $pid 2>/dev/null || { echo "the app exited early:"; cat "$SHOT_OUT.log"; exit 1; }
      import -window root "$SHOT_OUT.raw.png" 2>/dev/null || continue
      colours=$(convert "$SHOT_OUT.raw.png" -format %k info: 2>/dev/null || echo 0)
      [ "$colours" -gt 64 ] && break
    done
    sleep 2  # let the window finish laying out (lists fill after the first frame)
    import -window root "$SHOT_OUT.raw.png"
    convert "$SHOT_OUT.raw.png" -trim +repage "$SHOT_OUT" && rm -f "$SHOT_OUT.raw.png"
    if [ -n "$SEAT_OUT" ] && command -v xdotool >/dev/null; then
      # The tree: "Overview", then the first state (expander at x=26).
      xdotool mousemove 26 125 click 1; sleep 1
      xdotool mousemove 170 171 click 1; sleep 2
      import -window root "$SEAT_OUT.raw.png"
      convert "$SEAT_OUT.raw.png" -trim +repage "$SEAT_OUT" && rm -f "$SEAT_OUT.raw.png"
    fi
    kill $pid; wait $pid 2>/dev/null
    rm -f "$SHOT_OUT.log"
    true
  ' shoot "$@"
}

# Distinct colours in an image: a blank screen has 1, a painted window hundreds.
colours () {
  convert "$1" -format %k info: 2>/dev/null || echo 0
}
