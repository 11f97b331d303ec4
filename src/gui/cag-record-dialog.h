/* cag-record-dialog.h — records one contribution, checking each field as
 * it is typed. */
#pragma once

#include <gtk/gtk.h>
#include "cag-date-picker.h"
#include "cag-store.h"
#include "cag-server.h"

G_BEGIN_DECLS

#define CAG_TYPE_RECORD_DIALOG (cag_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CagRecordDialog, cag_record_dialog, CAG, RECORD_DIALOG, GtkDialog)

/* ORG_ID 0: the person chooses.  STORE must outlive the dialog.  The dialog
 * saves on GTK_RESPONSE_ACCEPT and emits that response only when the
 * contribution was saved. */
GtkWidget  *cag_record_dialog_new            (GtkWindow  *parent,
                                              CagStore   *store,
                                              gint64      campaign_id,
                                              gint64      org_id);
/* A machine name ("cheque", "transfer", …); unknown names are ignored. */
void        cag_record_dialog_set_method     (CagRecordDialog *self,
                                              const char      *method);
/* Whether the dialog asks for the campaign (only when there are several). */
gboolean    cag_record_dialog_asks_campaign  (CagRecordDialog *self);
/* The machine name of the chosen method. */
const char *cag_record_dialog_get_method     (CagRecordDialog *self);
gboolean    cag_record_dialog_is_valid       (CagRecordDialog *self);
/* Why Save is disabled, or "" when it is not. */
const char *cag_record_dialog_get_reason     (CagRecordDialog *self);
gboolean    cag_record_dialog_save           (CagRecordDialog *self,
                                              GError         **error);
gint64      cag_record_dialog_get_saved_id   (CagRecordDialog *self);
/* "135,42 $ recorded for …" (newly allocated), after saving. */
char       *cag_record_dialog_describe_saved (CagRecordDialog *self);
/* The date the fund's figures are shown as of (the window's "As of" date). */
void        cag_record_dialog_set_as_of      (CagRecordDialog *self,
                                              const CagDate   *as_of);
/* What is shown under the organization ("" when nothing): the confirmed
 * organization and its fund, or why none is. */
const char *cag_record_dialog_get_org_hint   (CagRecordDialog *self);
const char *cag_record_dialog_get_date_hint  (CagRecordDialog *self);
/* For tests: the organization's completion. */
GtkEntryCompletion *cag_record_dialog_get_completion (CagRecordDialog *self);
/* For tests: opens the calendar popover and returns its calendar. */
CagDatePicker *cag_record_dialog_open_calendar (CagRecordDialog *self);
/* For tests: "organization", "date", "amount", "reference", "note". */
GtkEntry   *cag_record_dialog_get_entry      (CagRecordDialog *self,
                                              const char      *name);

/* Offers only the organizations RIGHTS may write for (docs/SERVER.md); NULL:
 * every one.  RIGHTS must outlive the dialog. */
void        cag_record_dialog_set_rights     (CagRecordDialog *self,
                                              const CagRights *rights);

G_END_DECLS
