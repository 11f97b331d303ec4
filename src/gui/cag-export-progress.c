/* cag-export-progress.c — batches of PDF documents off the main loop.
 *
 * The worker thread opens its own connection to the database file (SQLite
 * connections are not shared between threads) and writes through the PDF
 * library, which translates per thread (cag_i18n_push_language), so the
 * window keeps its language and stays responsive.  Progress travels through
 * two atomic counters that a timeout on the main loop reads. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-export-progress.h"
#include "cag-gui-util.h"
#include "cag-i18n.h"
#include "cag-pdf.h"

typedef struct
{
  char               *db_path;
  CagExportBatchKind  kind;
  gint64              campaign_id;
  CagDate             as_of;
  gboolean            has_as_of;
  CagLang             lang;
  char               *dir;
  gint                done;         /* atomic */
  gint                total;        /* atomic */
  GPtrArray          *paths;        /* set by the worker */
} BatchJob;

struct _CagExportProgress
{
  GtkDialog           parent_instance;

  GtkLabel           *what_label;
  GtkProgressBar     *progress_bar;

  GCancellable       *cancellable;
  BatchJob           *job;          /* owned by the task */
  guint               timeout_id;
  CagExportBatchDone  done;
  gpointer            done_data;
};

G_DEFINE_FINAL_TYPE (CagExportProgress, cag_export_progress, GTK_TYPE_DIALOG)

static void
batch_job_free (BatchJob *job)
{
  g_free (job->db_path);
  g_free (job->dir);
  g_clear_pointer (&job->paths, g_ptr_array_unref);
  g_free (job);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  BatchJob *job = user_data;

  g_atomic_int_set (&job->total, (gint) total);
  g_atomic_int_set (&job->done, (gint) done);
}

static void
batch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchJob *job = task_data;
  g_autoptr(GError) error = NULL;
  CagStore *store = cag_store_open_existing (job->db_path, &error);
  const CagDate *as_of = job->has_as_of ? &job->as_of : NULL;
  gboolean ok = FALSE;

  if (store != NULL)
    {
      if (job->kind == CAG_EXPORT_BATCH_STATEMENTS)
        ok = cag_pdf_write_statements_full (store, job->campaign_id, as_of, job->lang, job->dir,
                                            progress_cb, job, cancellable, &job->paths, &error);
      else
        ok = cag_pdf_write_reminders (store, job->campaign_id, as_of, job->lang, job->dir,
                                      progress_cb, job, cancellable, &job->paths, &error);
      cag_store_close (store);
    }
  if (job->paths == NULL)
    job->paths = g_ptr_array_new_with_free_func (g_free);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
update_bar (CagExportProgress *self)
{
  gint done = g_atomic_int_get (&self->job->done);
  gint total = g_atomic_int_get (&self->job->total);
  g_autofree char *text = NULL;

  if (total <= 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  /* TRANSLATORS: on the progress bar of a batch export: documents written
   * of all. */
  text = g_strdup_printf (_("%d of %d"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_bar (user_data);
  return G_SOURCE_CONTINUE;
}

static void
batch_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CagExportProgress *self = user_data;
  g_autoptr(GError) error = NULL;
  BatchJob *job = g_task_get_task_data (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->done != NULL)
    self->done (job->paths, error, self->done_data);
  gtk_widget_destroy (GTK_WIDGET (self));
  g_object_unref (self);
}

static void
response_cb (CagExportProgress *self,
             gint               response)
{
  /* Cancel (or Escape): stop between two documents; the dialog goes when
   * the worker has stopped. */
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->what_label, _("Stopping after the current document…"));
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_CANCEL, FALSE);
  g_signal_stop_emission_by_name (self, "response");
}

static gboolean
delete_event_cb (GtkWidget *widget,
                 GdkEvent  *event)
{
  /* Closing means Cancel, never leaving a worker behind. */
  gtk_dialog_response (GTK_DIALOG (widget), GTK_RESPONSE_CANCEL);
  return TRUE;
}

static void
cag_export_progress_dispose (GObject *object)
{
  CagExportProgress *self = CAG_EXPORT_PROGRESS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cag_export_progress_parent_class)->dispose (object);
}

static void
cag_export_progress_class_init (CagExportProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cag_export_progress_dispose;
  widget_class->delete_event = (gboolean (*) (GtkWidget *, GdkEventAny *)) delete_event_cb;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-export-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, CagExportProgress, what_label);
  gtk_widget_class_bind_template_child (widget_class, CagExportProgress, progress_bar);
}

static void
cag_export_progress_init (CagExportProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cag_export_progress_run (GtkWindow          *parent,
                         CagStore           *store,
                         CagExportBatchKind  kind,
                         gint64              campaign_id,
                         const CagDate      *as_of,
                         const char         *dir,
                         CagExportBatchDone  done,
                         gpointer            user_data)
{
  CagExportProgress *self;
  g_autoptr(GTask) task = NULL;
  BatchJob *job;
  gboolean statements = kind == CAG_EXPORT_BATCH_STATEMENTS;

  g_return_val_if_fail (store != NULL && dir != NULL, NULL);

  self = g_object_new (CAG_TYPE_EXPORT_PROGRESS, "use-header-bar", FALSE,
                       "transient-for", parent,
                       "title", statements ? _("Exporting the Statements")
                                           : _("Exporting the Reminder Letters"),
                       NULL);
  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_label_set_text (self->what_label,
                      statements ? _("Writing the statement of every fund…")
                                 : _("Writing a letter for every fund that is behind…"));
  cag_gui_set_accessible_name (GTK_WIDGET (self->progress_bar), _("Progress"));
  self->done = done;
  self->done_data = user_data;

  job = g_new0 (BatchJob, 1);
  job->db_path = g_strdup (cag_store_get_path (store));
  job->kind = kind;
  job->campaign_id = campaign_id;
  job->has_as_of = as_of != NULL;
  if (as_of != NULL)
    job->as_of = *as_of;
  job->lang = cag_i18n_get_language ();
  job->dir = g_strdup (dir);
  self->job = job;

  /* The dialog lives until the worker has finished (batch_finished_cb). */
  task = g_task_new (NULL, self->cancellable, batch_finished_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) batch_job_free);
  g_task_run_in_thread (task, batch_thread);
  self->timeout_id = g_timeout_add (100, tick_cb, self);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

double
cag_export_progress_get_fraction (CagExportProgress *self)
{
  return gtk_progress_bar_get_fraction (self->progress_bar);
}
