/* cag-import-assistant.h — the window's import of a treasurer's spreadsheet:
 * choose a CSV file and a campaign, preview every row with its problems
 * beside it, and import (all rows or none) only when the user confirms. */
#pragma once

#include <gtk/gtk.h>
#include "cag-import.h"
#include "cag-store.h"

G_BEGIN_DECLS

#define CAG_TYPE_IMPORT_ASSISTANT (cag_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (CagImportAssistant, cag_import_assistant, CAG, IMPORT_ASSISTANT,
                      GtkAssistant)

/* Columns of the preview model: the file's line, then one text column per
 * column of the file (at most CAG_IMPORT_ASSISTANT_MAX_COLUMNS), then the
 * row's problems (or "already present"), then a colour for that text. */
#define CAG_IMPORT_ASSISTANT_MAX_COLUMNS 10
enum
{
  CAG_IMPORT_PREVIEW_LINE,
  CAG_IMPORT_PREVIEW_FIRST_CELL,
  CAG_IMPORT_PREVIEW_STATUS = CAG_IMPORT_PREVIEW_FIRST_CELL + CAG_IMPORT_ASSISTANT_MAX_COLUMNS,
  CAG_IMPORT_PREVIEW_STATUS_COLOR,
  CAG_IMPORT_PREVIEW_N_COLUMNS,
};

/* STORE must outlive the assistant; the work runs in a worker thread with
 * its own connection to STORE's file.  The "imported" signal is emitted after
 * a successful import, for the window to refresh its figures. */
CagImportAssistant    *cag_import_assistant_new        (GtkWindow  *parent,
                                                        CagStore   *store);
void                   cag_import_assistant_set_file   (CagImportAssistant *self,
                                                        const char         *path);
void                   cag_import_assistant_set_campaign (CagImportAssistant *self,
                                                          gint64              campaign_id);
void                   cag_import_assistant_set_create_organizations
                                                       (CagImportAssistant *self,
                                                        gboolean            create);
/* The preview of the last check (NULL before), and its report. */
GtkTreeModel          *cag_import_assistant_get_preview (CagImportAssistant *self);
const CagImportReport *cag_import_assistant_get_report  (CagImportAssistant *self);
/* The summary line shown above the preview or on the last page. */
const char            *cag_import_assistant_get_summary (CagImportAssistant *self);
/* TRUE while the dry run or the import runs in its worker thread. */
gboolean               cag_import_assistant_is_busy     (CagImportAssistant *self);
/* What the Stop button does: cancels the running dry run or import (an
 * import is rolled back whole). */
void                   cag_import_assistant_stop        (CagImportAssistant *self);

G_END_DECLS
