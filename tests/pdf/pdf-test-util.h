/* pdf-test-util.h — reading a PDF back for the tests (pdf-test-util.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs ARGV (searched in PATH); its standard output.  OUT_STATUS: 0 when
 * it exited with 0, 1 otherwise (nullable). */
char  *run              (const char *const *argv,
                         int               *out_status);
/* The text of a PDF, with U+00A0, U+202F and runs of white space turned
 * into one plain space. */
char  *pdf_text         (const char *path);
/* pdftotext in reading order, lines kept; PAGE 0: every page. */
char  *pdf_raw_text     (const char *path,
                         gint        page);
void   assert_has       (const char *text,
                         const char *needle);
guint  count_of         (const char *text,
                         const char *needle);
/* qpdf --check passes, every font is embedded, no word lies outside the
 * page's margins. */
void   assert_sound_pdf (const char *path);
guint  page_count       (const char *path);

G_END_DECLS
