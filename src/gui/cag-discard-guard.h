/* cag-discard-guard.h — Escape (or the title bar's close button) on a
 * dialog where something was typed asks before discarding it; on an
 * untouched dialog it closes at once.  See docs/GUI.md, "Keyboard". */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Remembers what DIALOG's fields hold now (call it once they are filled
 * in, and before the owner connects to "response") and guards its closing
 * from then on. */
void       cag_discard_guard_attach   (GtkDialog *dialog);
/* TRUE when a field of DIALOG differs from what attach remembered. */
gboolean   cag_discard_guard_is_dirty (GtkDialog *dialog);
/* The question being asked over DIALOG, or NULL (for tests). */
GtkDialog *cag_discard_guard_get_question (GtkDialog *dialog);

/* Asks over PARENT, once, a yes/no QUESTION with DETAIL (nullable) and the
 * buttons NO_LABEL (the default) and YES_LABEL; calls DONE with TRUE for
 * yes.  Returns the question dialog (for tests). */
typedef void (*CagConfirmDone) (GtkDialog *parent,
                                gboolean   yes,
                                gpointer   user_data);
GtkDialog *cag_gui_confirm (GtkDialog      *parent,
                            const char     *question,
                            const char     *detail,
                            const char     *no_label,
                            const char     *yes_label,
                            gboolean        destructive,
                            CagConfirmDone  done,
                            gpointer        user_data);

G_END_DECLS
