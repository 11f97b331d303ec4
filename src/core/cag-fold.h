/* cag-fold.h — search and sort keys that ignore case and accents.
 *
 * NFD-normalise, drop combining marks, casefold, collapse runs of white space
 * (any of U+0020, U+00A0, U+202F, tabs) to one space and trim.  Deterministic
 * and locale-free, so it can be stored in an indexed column: "Écof" → "ecof",
 * "Coopérative  Régionale" → "cooperative regionale".  Œ stays œ.  Invisible
 * characters (zero-width space and joiners U+200B..U+200D, word joiner
 * U+2060, BOM U+FEFF, soft hyphen U+00AD, and every other format character)
 * are dropped, so "CSP" + U+200B is the same name as "CSP".
 *
 * Also the checks and escapes of text that is stored or printed
 * (docs/RELIABILITY.md, "Hostile text").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cag_fold_key (const char *text);

/* The length limits of every text field, in characters, the same for the
 * window, the CLI and imports (the store checks them). */
#define CAG_MAX_NAME_CHARS   200    /* names, short names, references, e-mail… */
#define CAG_MAX_TEXT_CHARS   4000   /* notes, reasons */
#define CAG_MAX_CODE_CHARS   32     /* budget line codes */
#define CAG_MAX_LABEL_CHARS  1000   /* budget line labels, valuation bases */

/* TRUE when TEXT holds a control character: C0 (tab, CR, LF, escape…), DEL,
 * C1, or the line and paragraph separators U+2028, U+2029.  With
 * ALLOW_LINES, line feed, carriage return and tab are allowed (notes). */
gboolean cag_text_has_control (const char *text,
                               gboolean    allow_lines);

/* A copy of TEXT safe to print on a terminal: control characters and
 * direction overrides become visible escapes ("\n", "\r", "\t", "\x1b",
 * "\u202e"); invalid UTF-8 is replaced.  With KEEP_NEWLINES, LF stays. */
char    *cag_text_escape      (const char *text,
                               gboolean    keep_newlines);

G_END_DECLS
