/* fuzz-common.h — shared by the fuzz targets and the corpus replay. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Messages are built through gettext; keep them in English and make sure
 * GLib's critical warnings abort, so a g_return_if_fail is a finding. */
static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
