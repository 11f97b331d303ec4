/* cag-window-data.c — Import, Back up and Restore in the main window. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-backup.h"
#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-progress-dialog.h"
#include "cag-window-data.h"

/* A backup or restore running in a worker thread on its own connection
 * (docs/GUI.md, "Back up and restore"). */
typedef struct
{
  CagWindow         *window;       /* owned */
  CagProgressDialog *dialog;       /* owned, destroyed at the end */
  GCancellable      *cancellable;  /* the dialog's, owned */
  gboolean           restore;
  char              *db_path;
  char              *other_path;   /* the copy written, or the backup restored */
  char              *safety;       /* restore: the copy of the database before */
  gint64             campaign_id;
  guint              timeout_id;
  gint               done;         /* pages, written by the worker */
  gint               total;
  guint              delay_ms;     /* tests: CAGNOTTE_TEST_COPY_DELAY_MS a step */
} CopyJob;

static void
copy_job_free (CopyJob *job)
{
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->window);
  g_free (job->db_path);
  g_free (job->other_path);
  g_free (job->safety);
  g_free (job);
}

/* ---- Helpers ------------------------------------------------------------ */

static char *
choose_file (CagWindow            *window,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name)
{
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept,
                                         C_("backup dialog", "_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
    }
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, C_("backup dialog", "Cagnotte databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.db.backup-*");
  gtk_file_filter_add_pattern (filter, "*.db.before-restore-*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, C_("backup dialog", "All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
}

static gboolean
confirm_restore (CagWindow  *window,
                 const char *backup)
{
  g_autofree char *base = g_path_get_basename (backup);
  GtkWidget *dialog;
  GtkWidget *button;
  gint response;

  dialog = gtk_message_dialog_new (GTK_WINDOW (window), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   C_("backup dialog", "Replace the database with “%s”?"),
                                   base);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            C_("backup dialog",
                                               "Everything recorded since that copy was made "
                                               "will be replaced. The current database is "
                                               "saved first, next to it, so this can be "
                                               "undone."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), C_("backup dialog", "_Cancel"),
                         GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), C_("backup dialog", "_Restore"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (button),
                               GTK_STYLE_CLASS_DESTRUCTIVE_ACTION);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  response = gtk_dialog_run (GTK_DIALOG (dialog));
  gtk_widget_destroy (dialog);
  return response == GTK_RESPONSE_ACCEPT;
}

static void
copy_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  CopyJob *job = user_data;

  g_atomic_int_set (&job->total, (gint) total);
  g_atomic_int_set (&job->done, (gint) done);
  if (job->delay_ms > 0)
    g_usleep (job->delay_ms * 1000);
}

static void
copy_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->restore)
    ok = cag_backup_restore_full (job->db_path, job->other_path, &job->safety, cancellable,
                                  copy_progress_cb, job, &error);
  else
    ok = cag_backup_file_full (job->db_path, job->other_path, cancellable, copy_progress_cb,
                               job, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The window (and with it the dialog) may be closed during the copy. */
static void
copy_dialog_destroyed_cb (GtkWidget *dialog,
                          gpointer   user_data)
{
  CopyJob *job = user_data;

  job->dialog = NULL;
}

static gboolean
copy_tick_cb (gpointer user_data)
{
  CopyJob *job = user_data;

  if (job->dialog != NULL)
    cag_progress_dialog_set_progress (job->dialog, (guint) g_atomic_int_get (&job->done),
                                    (guint) g_atomic_int_get (&job->total));
  return G_SOURCE_CONTINUE;
}

static void
copy_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CopyJob *job = g_task_get_task_data (G_TASK (result));
  CagWindow *window = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&job->timeout_id, g_source_remove);
  if (job->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (job->dialog, job);
      gtk_widget_destroy (GTK_WIDGET (g_steal_pointer (&job->dialog)));
    }
  /* The window was closed meanwhile: nothing left to show. */
  if (!gtk_widget_get_realized (GTK_WIDGET (window)))
    return;
  if (job->restore)
    {
      /* The database as restored, or as it was. */
      if (cag_window_open_path (window, job->db_path, FALSE) && job->campaign_id > 0)
        cag_window_set_campaign_id (window, job->campaign_id);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (job->restore
                        ? C_("backup dialog", "Restore cancelled: the database is as it was.")
                        : C_("backup dialog", "Backup cancelled: no copy was written."));
  else if (!ok)
    cag_gui_show_error (GTK_WINDOW (window),
                        job->restore ? C_("backup dialog", "The backup was not restored")
                                     : C_("backup dialog", "The copy was not written"),
                        error);
  else if (job->restore)
    message = g_strdup_printf (C_("backup dialog", "Database restored; the previous one was "
                                                   "saved as %s."),
                               job->safety != NULL ? job->safety : "");
  else
    message = g_strdup_printf (C_("backup dialog", "Copy written to %s."), job->other_path);
  if (message != NULL)
    cag_window_notify (window, message, 0);
}

/* Starts JOB in a worker thread behind its progress dialog. */
static CagProgressDialog *
copy_start (CopyJob    *job,
            const char *title,
            const char *message)
{
  g_autoptr(GTask) task = NULL;
  const char *delay = g_getenv ("CAGNOTTE_TEST_COPY_DELAY_MS");
  CagProgressDialog *dialog;

  job->dialog = cag_progress_dialog_new (GTK_WINDOW (job->window), title, message);
  dialog = job->dialog;
  job->cancellable = g_object_ref (cag_progress_dialog_get_cancellable (job->dialog));
  g_signal_connect (dialog, "destroy", G_CALLBACK (copy_dialog_destroyed_cb), job);
  job->delay_ms = delay != NULL ? (guint) g_ascii_strtoull (delay, NULL, 10) : 0;
  job->timeout_id = g_timeout_add (100, copy_tick_cb, job);
  task = g_task_new (NULL, job->cancellable, copy_finished_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) copy_job_free);
  g_task_run_in_thread (task, copy_thread);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Signal callbacks --------------------------------------------------- */

static void
imported_cb (CagImportAssistant *assistant,
             CagWindow          *window)
{
  cag_window_reload (window);
  cag_window_notify (window, cag_import_assistant_get_summary (assistant), 0);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  cag_window_data_import (CAG_WINDOW (user_data));
}

static void
backup_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CagWindow *window = CAG_WINDOW (user_data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (cag_window_get_store (window) == NULL)
    return;
  name = g_strdup_printf (C_("backup file name", "cagnotte-copy-%s.db"), day);
  path = choose_file (window, C_("backup dialog", "Back Up the Database"),
                      GTK_FILE_CHOOSER_ACTION_SAVE, C_("backup dialog", "_Back Up"), name);
  if (path != NULL)
    cag_window_data_backup_start (window, path);
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CagWindow *window = CAG_WINDOW (user_data);
  g_autofree char *path = NULL;

  if (cag_window_get_store (window) == NULL)
    return;
  path = choose_file (window, C_("backup dialog", "Restore a Backup"),
                      GTK_FILE_CHOOSER_ACTION_OPEN, C_("backup dialog", "_Open"), NULL);
  if (path == NULL || !confirm_restore (window, path))
    return;
  cag_window_data_restore_start (window, path);
}

static const GActionEntry data_entries[] = {
  { "import", import_activated, NULL, NULL, NULL },
  { "backup", backup_activated, NULL, NULL, NULL },
  { "restore", restore_activated, NULL, NULL, NULL },
};

/* ---- Public API --------------------------------------------------------- */

void
cag_window_data_add_actions (CagWindow *window)
{
  g_return_if_fail (CAG_IS_WINDOW (window));
  g_action_map_add_action_entries (G_ACTION_MAP (window), data_entries,
                                   G_N_ELEMENTS (data_entries), window);
}

CagImportAssistant *
cag_window_data_import (CagWindow *window)
{
  CagImportAssistant *assistant;
  CagStore *store;

  g_return_val_if_fail (CAG_IS_WINDOW (window), NULL);

  store = cag_window_get_store (window);
  if (store == NULL)
    return NULL;
  assistant = cag_import_assistant_new (GTK_WINDOW (window), store);
  if (cag_window_get_campaign_id (window) > 0)
    cag_import_assistant_set_campaign (assistant, cag_window_get_campaign_id (window));
  g_signal_connect_object (assistant, "imported", G_CALLBACK (imported_cb), window, 0);
  gtk_window_present (GTK_WINDOW (assistant));
  return assistant;
}

gboolean
cag_window_data_backup (CagWindow   *window,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *message = NULL;
  CagStore *store;

  g_return_val_if_fail (CAG_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = cag_window_get_store (window);
  if (store == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           C_("backup dialog", "No database is open."));
      return FALSE;
    }
  if (!cag_backup_store (store, path, error))
    return FALSE;
  message = g_strdup_printf (C_("backup dialog", "Copy written to %s."), path);
  cag_window_notify (window, message, 0);
  return TRUE;
}

gboolean
cag_window_data_restore (CagWindow   *window,
                         const char  *backup,
                         GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *message = NULL;
  gint64 campaign_id;
  gboolean ok;

  g_return_val_if_fail (CAG_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (cag_window_get_store (window) == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           C_("backup dialog", "No database is open."));
      return FALSE;
    }
  db_path = g_strdup (cag_store_get_path (cag_window_get_store (window)));
  campaign_id = cag_window_get_campaign_id (window);

  /* The file is replaced while nothing in this process holds it open. */
  cag_window_set_store (window, NULL);
  ok = cag_backup_restore (db_path, backup, &safety, error);
  if (!cag_window_open_path (window, db_path, FALSE))
    return FALSE;
  if (campaign_id > 0)
    cag_window_set_campaign_id (window, campaign_id);
  if (!ok)
    return FALSE;

  message = g_strdup_printf (C_("backup dialog", "Database restored; the previous one was saved "
                                                 "as %s."), safety != NULL ? safety : "");
  cag_window_notify (window, message, 0);
  return TRUE;
}

CagProgressDialog *
cag_window_data_backup_start (CagWindow  *window,
                              const char *path)
{
  CopyJob *job;
  CagStore *store;
  g_autofree char *message = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (CAG_IS_WINDOW (window), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  store = cag_window_get_store (window);
  if (store == NULL)
    return NULL;
  base = g_path_get_basename (path);
  job = g_new0 (CopyJob, 1);
  job->window = g_object_ref (window);
  job->db_path = g_strdup (cag_store_get_path (store));
  job->other_path = g_strdup (path);
  message = g_strdup_printf (C_("backup dialog", "Writing a copy of the database to “%s”…"),
                             base);
  return copy_start (job, C_("backup dialog", "Back Up the Database"), message);
}

CagProgressDialog *
cag_window_data_restore_start (CagWindow  *window,
                               const char *backup)
{
  CopyJob *job;
  CagStore *store;
  g_autofree char *message = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (CAG_IS_WINDOW (window), NULL);
  g_return_val_if_fail (backup != NULL, NULL);

  store = cag_window_get_store (window);
  if (store == NULL)
    return NULL;
  base = g_path_get_basename (backup);
  job = g_new0 (CopyJob, 1);
  job->window = g_object_ref (window);
  job->restore = TRUE;
  job->db_path = g_strdup (cag_store_get_path (store));
  job->other_path = g_strdup (backup);
  job->campaign_id = cag_window_get_campaign_id (window);
  /* The file is replaced while nothing in this process holds it open. */
  cag_window_set_store (window, NULL);
  message = g_strdup_printf (C_("backup dialog", "Restoring the database from “%s”…"), base);
  return copy_start (job, C_("backup dialog", "Restore a Backup"), message);
}
