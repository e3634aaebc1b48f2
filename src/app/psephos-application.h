/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PSEPHOS_TYPE_APPLICATION (psephos_application_get_type ())
G_DECLARE_FINAL_TYPE (PsephosApplication, psephos_application, PSEPHOS, APPLICATION, AdwApplication)

PsephosApplication *psephos_application_new (void);

G_END_DECLS
