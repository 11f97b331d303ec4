/* cag-fold.h — search and sort keys that ignore case and accents.
 *
 * NFD-normalise, drop combining marks, casefold, collapse runs of white space
 * (any of U+0020, U+00A0, U+202F, tabs) to one space and trim.  Deterministic
 * and locale-free, so it can be stored in an indexed column: "Écof" → "ecof",
 * "Coopérative  Régionale" → "cooperative regionale".  Œ stays œ.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cag_fold_key (const char *text);

G_END_DECLS
