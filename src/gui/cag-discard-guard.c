/* cag-discard-guard.c — Escape on a half-filled dialog asks before
 * discarding what was typed (docs/GUI.md, "Keyboard"). */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-discard-guard.h"

#define SNAPSHOT_KEY "cag-discard-snapshot"
#define QUESTION_KEY "cag-discard-question"

typedef struct
{
  CagConfirmDone done;
  gpointer       user_data;
  GtkDialog     *parent;
} Confirm;

/* Appends what WIDGET and its descendants hold, in order. */
static void
snapshot_widget (GtkWidget *widget,
                 gpointer   user_data)
{
  GString *out = user_data;

  if (GTK_IS_ENTRY (widget))
    g_string_append_printf (out, "e:%s\x1f", gtk_entry_get_text (GTK_ENTRY (widget)));
  else if (GTK_IS_COMBO_BOX (widget))
    g_string_append_printf (out, "c:%d\x1f", gtk_combo_box_get_active (GTK_COMBO_BOX (widget)));
  else if (GTK_IS_TOGGLE_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    g_string_append_printf (out, "t:%d\x1f",
                            gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "v:%s\x1f", text);
    }
  /* A combo box's own entry is reached through its children. */
  if (GTK_IS_CONTAINER (widget) && !GTK_IS_TREE_VIEW (widget))
    gtk_container_forall (GTK_CONTAINER (widget), snapshot_widget, out);
}

static char *
snapshot (GtkDialog *dialog)
{
  GString *out = g_string_new (NULL);

  gtk_container_forall (GTK_CONTAINER (gtk_dialog_get_content_area (dialog)),
                        snapshot_widget, out);
  return g_string_free (out, FALSE);
}

static void
confirm_response_cb (GtkDialog *question,
                     gint       response,
                     gpointer   user_data)
{
  Confirm confirm = *(Confirm *) user_data;   /* freed with the question */

  g_object_set_data (G_OBJECT (confirm.parent), QUESTION_KEY, NULL);
  gtk_widget_destroy (GTK_WIDGET (question));
  confirm.done (confirm.parent, response == GTK_RESPONSE_ACCEPT, confirm.user_data);
}

GtkDialog *
cag_gui_confirm (GtkDialog      *parent,
                 const char     *question,
                 const char     *detail,
                 const char     *no_label,
                 const char     *yes_label,
                 gboolean        destructive,
                 CagConfirmDone  done,
                 gpointer        user_data)
{
  GtkWidget *dialog;
  GtkWidget *yes;
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm->done = done;
  confirm->user_data = user_data;
  confirm->parent = parent;
  dialog = gtk_message_dialog_new (GTK_WINDOW (parent),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  if (detail != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), no_label, GTK_RESPONSE_CANCEL);
  yes = gtk_dialog_add_button (GTK_DIALOG (dialog), yes_label, GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (yes),
                               destructive ? "destructive-action" : "suggested-action");
  /* Enter keeps what was typed; only a deliberate choice discards. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog),
                                   destructive ? GTK_RESPONSE_CANCEL : GTK_RESPONSE_ACCEPT);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), confirm,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_object_set_data (G_OBJECT (parent), QUESTION_KEY, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_DIALOG (dialog);
}

static void
discard_done_cb (GtkDialog *dialog,
                 gboolean   discard,
                 gpointer   user_data)
{
  if (discard)
    gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
}

/* Escape and the close button reach a dialog as a delete event, which
 * GtkDialog's own handler turns into GTK_RESPONSE_DELETE_EVENT: stopped
 * here, before the owner's handler destroys the dialog, while something is
 * typed ... */
static void
response_cb (GtkDialog *dialog,
             gint       response,
             gpointer   user_data)
{
  if (response != GTK_RESPONSE_DELETE_EVENT || !cag_discard_guard_is_dirty (dialog))
    return;
  g_signal_stop_emission_by_name (dialog, "response");
  if (cag_discard_guard_get_question (dialog) == NULL)
    cag_gui_confirm (dialog, _("Discard what you typed?"),
                     _("Nothing of it is saved if you close this window now."),
                     _("_Keep Editing"), _("_Discard"), TRUE, discard_done_cb, NULL);
}

/* ... and the delete event itself, which would destroy it otherwise. */
static gboolean
delete_event_cb (GtkWidget *widget,
                 GdkEvent  *event,
                 gpointer   user_data)
{
  return cag_discard_guard_is_dirty (GTK_DIALOG (widget));
}

void
cag_discard_guard_attach (GtkDialog *dialog)
{
  g_return_if_fail (GTK_IS_DIALOG (dialog));
  if (g_object_get_data (G_OBJECT (dialog), SNAPSHOT_KEY) == NULL)
    {
      g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
      g_signal_connect (dialog, "delete-event", G_CALLBACK (delete_event_cb), NULL);
    }
  g_object_set_data_full (G_OBJECT (dialog), SNAPSHOT_KEY, snapshot (dialog), g_free);
}

gboolean
cag_discard_guard_is_dirty (GtkDialog *dialog)
{
  const char *before = g_object_get_data (G_OBJECT (dialog), SNAPSHOT_KEY);
  g_autofree char *now = NULL;

  if (before == NULL)
    return FALSE;
  now = snapshot (dialog);
  return g_strcmp0 (before, now) != 0;
}

GtkDialog *
cag_discard_guard_get_question (GtkDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), QUESTION_KEY);
}
