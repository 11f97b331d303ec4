/* cag-progress-dialog.c — progress and Cancel for a copy in a worker thread
 * (backup and restore, docs/GUI.md).  The dialog only shows and cancels: the
 * worker owns the work and destroys nothing; its owner destroys the dialog
 * when the work has ended. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-progress-dialog.h"

struct _CagProgressDialog
{
  GtkDialog     parent_instance;

  GtkLabel       *message_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (CagProgressDialog, cag_progress_dialog, GTK_TYPE_DIALOG)

/* ---- Signal callbacks --------------------------------------------------- */

static void
responded_cb (GtkDialog *dialog,
              gint       response,
              gpointer   user_data)
{
  CagProgressDialog *self = CAG_PROGRESS_DIALOG (dialog);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_progress_bar_set_text (self->progress_bar, C_("gui", "Cancelling…"));
}

static gboolean
delete_event_cb (GtkWidget *widget,
                 GdkEvent  *event,
                 gpointer   user_data)
{
  /* Closing means Cancel; the owner destroys the dialog once stopped. */
  gtk_dialog_response (GTK_DIALOG (widget), GTK_RESPONSE_CANCEL);
  return TRUE;
}

/* ---- Overrides ---------------------------------------------------------- */

static void
cag_progress_dialog_dispose (GObject *object)
{
  CagProgressDialog *self = CAG_PROGRESS_DIALOG (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cag_progress_dialog_parent_class)->dispose (object);
}

static void
cag_progress_dialog_class_init (CagProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cag_progress_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagProgressDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, CagProgressDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CagProgressDialog, cancel_button);
}

static void
cag_progress_dialog_init (CagProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "response", G_CALLBACK (responded_cb), NULL);
  g_signal_connect (self, "delete-event", G_CALLBACK (delete_event_cb), NULL);
}

/* ---- Public API --------------------------------------------------------- */

CagProgressDialog *
cag_progress_dialog_new (GtkWindow  *parent,
                         const char *title,
                         const char *message)
{
  CagProgressDialog *self = g_object_new (CAG_TYPE_PROGRESS_DIALOG,
                                          "transient-for", parent,
                                          "title", title,
                                          "use-header-bar", FALSE,
                                          NULL);

  gtk_label_set_text (self->message_label, message);
  gtk_progress_bar_set_text (self->progress_bar, C_("gui", "Starting…"));
  return self;
}

void
cag_progress_dialog_set_progress (CagProgressDialog *self,
                                  guint              done,
                                  guint              total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CAG_IS_PROGRESS_DIALOG (self));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }
  /* A fraction of pages for the bar, never an amount of money. */
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);
  /* TRANSLATORS: a percentage of the copy done, e.g. "42 %" in French. */
  text = g_strdup_printf (C_("gui", "%u%%"), (guint) ((guint64) MIN (done, total) * 100 / total));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

GCancellable *
cag_progress_dialog_get_cancellable (CagProgressDialog *self)
{
  g_return_val_if_fail (CAG_IS_PROGRESS_DIALOG (self), NULL);
  return self->cancellable;
}
