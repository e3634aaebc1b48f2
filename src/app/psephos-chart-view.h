/* SPDX-License-Identifier: GPL-3.0-or-later */
/* psephos-chart-view.h — shows a PsephosChart on screen, drawn by the same
 * cairo function that exports it. */
#pragma once

#include <gtk/gtk.h>

#include "psephos-chart.h"

G_BEGIN_DECLS

#define PSEPHOS_TYPE_CHART_VIEW (psephos_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PsephosChartView, psephos_chart_view, PSEPHOS, CHART_VIEW, GtkWidget)

void psephos_chart_view_set_chart (PsephosChartView *self, PsephosChart *chart);
PsephosChart *psephos_chart_view_get_chart (PsephosChartView *self);

G_END_DECLS
