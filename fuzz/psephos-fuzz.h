/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-fuzz.h — what every fuzz target defines and shares.
 *
 * Each target is one LLVMFuzzerTestOneInput(). With -Dfuzzing=true it is
 * linked with libFuzzer; in every build it is also linked with
 * psephos-fuzz-replay.c, a main() that feeds it files, so that the seeds and
 * every input a fuzzer once crashed on are replayed by plain `meson test`
 * (and under valgrind) without clang.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A private directory for files a target must write (store files), made on
 * first use and removed at exit. */
const char *psephos_fuzz_tmp_dir (void);

G_END_DECLS
