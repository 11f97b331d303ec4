/* cag-batch-dialog.c — the monthly pile of cheques, entered as a grid and
 * saved in one transaction when the count and the control total match.
 * Made for typing speed: one deposit date that every row takes, Tab from
 * cell to cell, Enter to the next row (adding one at the end), Ctrl+Enter
 * to save (docs/GUI.md, "Batch entry"). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-batch-dialog.h"
#include "cag-discard-guard.h"
#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-money.h"
#include "cag-org-picker.h"
#include "cag-rules.h"

#define INITIAL_ROWS 8

typedef struct
{
  GtkEntry        *org;
  GtkEntry        *date;
  GtkEntry        *amount;
  GtkComboBoxText *method;
  GtkEntry        *reference;
  GtkLabel        *problem;
  gboolean         own_date;   /* the person changed this row's date */
  gboolean         left;       /* the focus has left the row once: show its problem */
} BatchRow;

struct _CagBatchDialog
{
  GtkDialog     parent_instance;

  CagStore     *store;
  gint64        campaign_id;
  CagCampaign  *campaign;
  CagOrgPicker *picker;
  GPtrArray    *rows;           /* BatchRow */
  GArray       *saved_ids;
  GPtrArray    *pending;        /* CagContribution, valid after validate () */
  char         *status;
  gboolean      valid;
  guint         after_deadline; /* rows dated after the campaign's deadline */
  gboolean      deadline_confirmed;
  gboolean      setting_dates;
  BatchRow     *focus_row;      /* the row holding the focus, or NULL */
  GtkWidget    *focus_cell;     /* the cell holding the focus, or NULL */

  GtkSpinButton *count_spin;
  GtkEntry      *total_entry;
  GtkEntry      *deposit_entry;
  GtkLabel      *deposit_hint;
  GtkGrid       *rows_grid;
  GtkLabel      *status_label;
  GtkWidget     *scroller;
  GtkLabel      *org_heading;
  GtkLabel      *date_heading;
  GtkLabel      *amount_heading;
  GtkLabel      *method_heading;
  GtkLabel      *reference_heading;
};

G_DEFINE_FINAL_TYPE (CagBatchDialog, cag_batch_dialog, GTK_TYPE_DIALOG)

static void validate (CagBatchDialog *self);

static BatchRow *
row_at (CagBatchDialog *self,
        guint           index)
{
  return g_ptr_array_index (self->rows, index);
}

static gboolean
row_is_empty (BatchRow *row)
{
  return *gtk_entry_get_text (row->org) == '\0' && *gtk_entry_get_text (row->amount) == '\0'
         && *gtk_entry_get_text (row->reference) == '\0';
}

/* One row into a contribution; FALSE with ERROR saying what is wrong. */
static gboolean
read_row (CagBatchDialog  *self,
          BatchRow        *row,
          CagContribution *c,
          gboolean        *after_deadline,
          GError         **error)
{
  const char *typed = gtk_entry_get_text (row->org);
  const char *method;
  const char *reference;
  guint matches = 0;

  cag_org_picker_resolve (self->picker, typed, &matches, &c->fund_id, NULL);
  if (c->fund_id <= 0)
    {
      if (matches > 1)
        g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                     _("Several organizations match “%s”: type more of the name."), typed);
      else
        g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                     _("No organization with a fund in this campaign is called “%s”."), typed);
      return FALSE;
    }
  if (!cag_gui_parse_date (gtk_entry_get_text (row->date), &c->date, error))
    return FALSE;
  if (self->campaign != NULL
      && !cag_rules_check_contribution_date (self->campaign, c->date, after_deadline, error))
    return FALSE;
  if (!cag_money_parse (gtk_entry_get_text (row->amount), CAG_MONEY_POSITIVE, &c->amount_cents,
                        error))
    return FALSE;
  method = gtk_combo_box_get_active_id (GTK_COMBO_BOX (row->method));
  if (method == NULL || !cag_method_from_string (method, &c->method))
    c->method = CAG_METHOD_CHEQUE;
  reference = gtk_entry_get_text (row->reference);
  c->reference = *reference != '\0' ? g_strdup (reference) : NULL;
  return TRUE;
}

/* Reads every filled row into pending; returns the first problem to show
 * (of a row the focus has left), or NULL. */
static char *
validate_rows (CagBatchDialog *self,
               guint          *out_filled,
               gint64         *out_sum,
               gboolean       *out_all_right)
{
  g_autofree char *first_problem = NULL;

  *out_filled = 0;
  *out_sum = 0;
  *out_all_right = TRUE;
  self->after_deadline = 0;
  g_ptr_array_set_size (self->pending, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      BatchRow *row = row_at (self, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CagContribution) c = NULL;
      gboolean after = FALSE;

      if (row_is_empty (row))
        {
          cag_gui_set_field_error (row->problem, NULL);
          continue;
        }
      (*out_filled)++;
      c = cag_contribution_new ();
      if (!read_row (self, row, c, &after, &error))
        {
          *out_all_right = FALSE;
          /* A row being typed shows its problem once the focus leaves it. */
          cag_gui_set_field_error (row->problem, row->left ? error->message : NULL);
          if (row->left && first_problem == NULL)
            first_problem = g_strdup_printf (_("Row %u: %s"), i + 1, error->message);
          continue;
        }
      cag_gui_set_field_error (row->problem, NULL);
      self->after_deadline += after;
      *out_sum = cag_money_add_sat (*out_sum, c->amount_cents);  /* docs/RULES.md, "Overflow" */
      g_ptr_array_add (self->pending, g_steal_pointer (&c));
    }
  return g_steal_pointer (&first_problem);
}

static char *
describe_mismatch (CagBatchDialog *self,
                   guint           filled,
                   gint64          sum,
                   gboolean       *out_is_error)
{
  g_autoptr(GError) total_error = NULL;
  const char *total_text = gtk_entry_get_text (self->total_entry);
  gint declared = gtk_spin_button_get_value_as_int (self->count_spin);
  gint64 declared_total = 0;

  *out_is_error = TRUE;
  if (declared != (gint) filled)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "You declared %d cheques but entered %u row.",
                                         "You declared %d cheques but entered %u rows.",
                                         filled),
                            declared, filled);
  if (*total_text == '\0')
    {
      *out_is_error = FALSE;
      return g_strdup (_("Type the control total: the sum of the cheques, added up first."));
    }
  if (!cag_money_parse (total_text, CAG_MONEY_POSITIVE, &declared_total, &total_error))
    return g_strdup_printf (_("Control total: %s"), total_error->message);
  if (declared_total != sum)
    {
      g_autofree char *entered = cag_gui_money (sum);
      g_autofree char *expected = cag_gui_money (declared_total);
      g_autofree char *diff = cag_gui_money (sum > declared_total ? sum - declared_total
                                                                  : declared_total - sum);
      return g_strdup_printf (_("The rows add up to %s, not the control total of %s "
                                "(a difference of %s)."),
                              entered, expected, diff);
    }
  return NULL;
}

static void
show_status (CagBatchDialog *self,
             gboolean        is_error)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->status_label));

  gtk_label_set_text (self->status_label, self->status);
  if (is_error)
    {
      gtk_style_context_remove_class (style, "dim-label");
      gtk_style_context_add_class (style, "field-error");
    }
  else
    {
      gtk_style_context_remove_class (style, "field-error");
      gtk_style_context_add_class (style, "dim-label");
    }
}

static void
validate (CagBatchDialog *self)
{
  g_autofree char *problem = NULL;
  gint64 sum = 0;
  guint filled = 0;
  gboolean all_right = TRUE;
  gboolean is_error = TRUE;

  if (self->rows == NULL)
    return;
  problem = validate_rows (self, &filled, &sum, &all_right);
  g_clear_pointer (&self->status, g_free);
  if (problem != NULL)
    self->status = g_steal_pointer (&problem);
  else if (filled == 0)
    {
      /* Nothing typed yet: a hint, not an error. */
      self->status = g_strdup (_("Count the cheques and add them up, then type one per row."));
      is_error = FALSE;
    }
  else if (!all_right)
    {
      self->status = g_strdup (_("Finish the row being typed."));
      is_error = FALSE;
    }
  else
    self->status = describe_mismatch (self, filled, sum, &is_error);

  self->valid = self->status == NULL;
  if (self->valid)
    {
      g_autofree char *total = cag_gui_money (sum);
      self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u contribution, %s: it matches. "
                                                   "Save to record it (Ctrl+Enter).",
                                                   "%u contributions, %s: they match. "
                                                   "Save to record them all (Ctrl+Enter).",
                                                   filled),
                                      filled, total);
      is_error = FALSE;
    }
  show_status (self, is_error);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, self->valid);
}

/* ---- rows --------------------------------------------------------------- */

static void
changed_cb (CagBatchDialog *self)
{
  validate (self);
}

static void
row_date_changed_cb (GtkEntry       *entry,
                     CagBatchDialog *self)
{
  BatchRow *row = g_object_get_data (G_OBJECT (entry), "cag-batch-row");

  if (!self->setting_dates)
    row->own_date = g_strcmp0 (gtk_entry_get_text (entry),
                               gtk_entry_get_text (self->deposit_entry)) != 0;
  validate (self);
}

/* The row WIDGET is a cell of (or inside one, as a combo box's button), or
 * NULL. */
static BatchRow *
row_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      BatchRow *row = g_object_get_data (G_OBJECT (widget), "cag-batch-row");
      if (row != NULL)
        return row;
    }
  return NULL;
}

/* Once the focus leaves a row (not only for another of its cells), its
 * problem shows. */
/* Leaving an organization cell whose text designates one organization
 * writes its full name there: what will be saved is seen before saving. */
static void
confirm_organization (CagBatchDialog *self,
                      BatchRow       *row)
{
  const char *typed = gtk_entry_get_text (row->org);
  const char *name = NULL;
  guint matches = 0;

  if (cag_org_picker_resolve (self->picker, typed, &matches, NULL, &name) > 0
      && g_strcmp0 (name, typed) != 0)
    {
      g_autofree char *full = g_strdup (name);
      gtk_entry_set_text (row->org, full);
    }
}

static void
set_focus_cb (GtkWindow      *window,
              GtkWidget      *focus,
              CagBatchDialog *self)
{
  BatchRow *now, *before;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  now = row_of (focus);
  before = row_of (self->focus_cell);
  if (before != NULL && self->focus_cell == GTK_WIDGET (before->org) && focus != self->focus_cell)
    confirm_organization (self, before);
  self->focus_cell = focus;

  if (self->focus_row != NULL && self->focus_row != now)
    {
      self->focus_row->left = TRUE;
      self->focus_row = now;
      validate (self);
    }
  self->focus_row = now;
}

static void add_row (CagBatchDialog *self);

/* Enter in a row goes to the next row, adding one after the last. */
static void
row_activated_cb (GtkWidget      *widget,
                  CagBatchDialog *self)
{
  BatchRow *row = g_object_get_data (G_OBJECT (widget), "cag-batch-row");
  guint index = 0;

  row->left = TRUE;
  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  if (index + 1 == self->rows->len)
    add_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (row_at (self, index + 1)->org));
  validate (self);
}

static gboolean
org_match_selected_cb (GtkEntryCompletion *completion,
                       GtkTreeModel       *model,
                       GtkTreeIter        *iter,
                       CagBatchDialog     *self)
{
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  g_autofree char *name = NULL;

  gtk_tree_model_get (model, iter, CAG_ORG_PICKER_COL_NAME, &name, -1);
  gtk_entry_set_text (GTK_ENTRY (entry), name);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  /* On to the next cell, as Tab would. */
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/* The cells of ROW in Tab order. */
static void
row_cells (BatchRow   *row,
           GtkWidget **cells)
{
  cells[0] = GTK_WIDGET (row->org);
  cells[1] = GTK_WIDGET (row->date);
  cells[2] = GTK_WIDGET (row->amount);
  cells[3] = GTK_WIDGET (row->method);
  cells[4] = GTK_WIDGET (row->reference);
}

#define N_CELLS 5

/* Tab and Shift+Tab go from cell to cell by the rows themselves, not by
 * where GTK has placed them yet (a row just added by Enter has no place
 * until it is drawn, and fast typing gets there first); connected before
 * the completion's own handler, so that its suggestions never keep Tab. */
static gboolean
cell_key_pressed_cb (GtkWidget      *cell,
                     GdkEventKey    *event,
                     CagBatchDialog *self)
{
  GdkModifierType mods = event->state & gtk_accelerator_get_default_mod_mask ();
  BatchRow *row = row_of (cell);
  GtkWidget *cells[N_CELLS];
  gboolean back;
  guint index = 0, at = 0;
  gint next;

  if (event->keyval == GDK_KEY_Tab || event->keyval == GDK_KEY_KP_Tab)
    back = (mods & GDK_SHIFT_MASK) != 0;
  else if (event->keyval == GDK_KEY_ISO_Left_Tab)
    back = TRUE;
  else
    return GDK_EVENT_PROPAGATE;
  if ((mods & ~GDK_SHIFT_MASK) != 0 || row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return GDK_EVENT_PROPAGATE;
  row_cells (row, cells);
  while (at < N_CELLS && cells[at] != cell)
    at++;
  next = (gint) (index * N_CELLS + at) + (back ? -1 : 1);
  if (at == N_CELLS || next < 0 || next >= (gint) (self->rows->len * N_CELLS))
    return GDK_EVENT_PROPAGATE;     /* out of the grid: GTK's own order */
  row_cells (row_at (self, (guint) next / N_CELLS), cells);
  gtk_widget_grab_focus (cells[next % N_CELLS]);
  return GDK_EVENT_STOP;
}

static GtkWidget *
named_entry (const char *name,
             guint       row,
             gint        width)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *accessible = g_strdup_printf ("%s, %u", name, row + 1);

  gtk_entry_set_width_chars (GTK_ENTRY (entry), width);
  cag_gui_set_accessible_name (entry, accessible);
  return entry;
}

static void
connect_cell (CagBatchDialog *self,
              BatchRow       *row,
              GtkWidget      *cell)
{
  g_object_set_data (G_OBJECT (cell), "cag-batch-row", row);
  if (GTK_WIDGET (row->org) != cell)
    g_signal_connect (cell, "key-press-event", G_CALLBACK (cell_key_pressed_cb), self);
  if (GTK_IS_ENTRY (cell))
    g_signal_connect (cell, "activate", G_CALLBACK (row_activated_cb), self);
  if (GTK_IS_ENTRY (cell) && GTK_ENTRY (cell) != row->date)
    g_signal_connect_swapped (cell, "changed", G_CALLBACK (changed_cb), self);
}

static void
add_row (CagBatchDialog *self)
{
  BatchRow *row = g_new0 (BatchRow, 1);
  guint index = self->rows->len;
  gint top = (gint) index * 2 + 1;
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *label = gtk_label_new (number);
  GtkEntryCompletion *completion;
  CagMethod m;

  row->org = GTK_ENTRY (named_entry (C_("gui", "Organization"), index, 16));
  row->date = GTK_ENTRY (named_entry (C_("gui", "Date"), index, 10));
  row->amount = GTK_ENTRY (named_entry (C_("gui", "Amount"), index, 9));
  row->method = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  row->reference = GTK_ENTRY (named_entry (C_("gui", "Reference"), index, 9));
  row->problem = GTK_LABEL (gtk_label_new (NULL));
  {
    g_autofree char *accessible = g_strdup_printf ("%s, %u", C_("gui", "Method"), index + 1);
    cag_gui_set_accessible_name (GTK_WIDGET (row->method), accessible);
  }
  gtk_widget_set_hexpand (GTK_WIDGET (row->org), TRUE);
  gtk_entry_set_text (row->date, gtk_entry_get_text (self->deposit_entry));
  g_object_set_data (G_OBJECT (row->org), "cag-batch-row", row);
  g_signal_connect (row->org, "key-press-event", G_CALLBACK (cell_key_pressed_cb), self);
  completion = cag_org_picker_attach (self->picker, row->org);
  g_signal_connect (completion, "match-selected", G_CALLBACK (org_match_selected_cb), self);
  for (m = CAG_METHOD_CHEQUE; m <= CAG_METHOD_OTHER; m++)
    gtk_combo_box_text_append (row->method, cag_method_to_string (m), cag_method_label (m));
  gtk_combo_box_set_active (GTK_COMBO_BOX (row->method), 0);
  g_object_set (row->problem, "xalign", 0.0, "wrap", TRUE, NULL);
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (row->problem)),
                               "field-error");
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "dim-label");

  gtk_grid_attach (self->rows_grid, label, 0, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->org), 1, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->date), 2, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->amount), 3, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->method), 4, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->reference), 5, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row->problem), 1, top + 1, 5, 1);
  gtk_widget_show_all (GTK_WIDGET (self->rows_grid));
  gtk_widget_hide (GTK_WIDGET (row->problem));

  connect_cell (self, row, GTK_WIDGET (row->org));
  connect_cell (self, row, GTK_WIDGET (row->date));
  connect_cell (self, row, GTK_WIDGET (row->amount));
  connect_cell (self, row, GTK_WIDGET (row->method));
  connect_cell (self, row, GTK_WIDGET (row->reference));
  g_signal_connect (row->date, "changed", G_CALLBACK (row_date_changed_cb), self);
  g_signal_connect_swapped (row->method, "changed", G_CALLBACK (changed_cb), self);
  g_ptr_array_add (self->rows, row);
}

/* ---- callbacks ---------------------------------------------------------- */

static void
add_row_clicked_cb (CagBatchDialog *self)
{
  add_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (row_at (self, self->rows->len - 1)->org));
  validate (self);
}

/* The deposit date goes to every row whose date the person did not change. */
static void
deposit_changed_cb (CagBatchDialog *self)
{
  const char *text = gtk_entry_get_text (self->deposit_entry);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->deposit_hint));
  g_autoptr(GError) error = NULL;
  CagDate date;

  if (cag_gui_parse_date (text, &date, &error))
    {
      g_autofree char *shown = cag_gui_date (&date);
      gtk_label_set_text (self->deposit_hint, shown);
      gtk_style_context_remove_class (style, "field-error");
    }
  else
    {
      gtk_label_set_text (self->deposit_hint, error->message);
      gtk_style_context_add_class (style, "field-error");
    }
  if (self->rows == NULL)
    return;
  self->setting_dates = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    if (!row_at (self, i)->own_date)
      gtk_entry_set_text (row_at (self, i)->date, text);
  self->setting_dates = FALSE;
  validate (self);
}

/* Ctrl+Enter (or Ctrl+S) saves from any cell once everything matches. */
static gboolean
key_pressed_cb (GtkWidget      *widget,
                GdkEventKey    *event,
                CagBatchDialog *self)
{
  GdkModifierType mods = event->state & gtk_accelerator_get_default_mod_mask ();

  if (mods == GDK_CONTROL_MASK
      && (event->keyval == GDK_KEY_Return || event->keyval == GDK_KEY_KP_Enter
          || event->keyval == GDK_KEY_ISO_Enter || event->keyval == GDK_KEY_s))
    {
      validate (self);
      if (self->valid)
        gtk_dialog_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);
      else
        gtk_widget_error_bell (widget);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
deadline_confirmed_cb (GtkDialog *dialog,
                       gboolean   yes,
                       gpointer   user_data)
{
  CagBatchDialog *self = CAG_BATCH_DIALOG (dialog);

  if (!yes)
    return;
  self->deadline_confirmed = TRUE;
  gtk_dialog_response (dialog, GTK_RESPONSE_ACCEPT);
}

/* Asks once before saving rows dated after the deadline. */
static gboolean
ask_about_deadline (CagBatchDialog *self)
{
  g_autofree char *deadline = NULL;
  g_autofree char *detail = NULL;

  validate (self);
  if (!self->valid || self->after_deadline == 0 || self->deadline_confirmed
      || self->saved_ids->len > 0)
    return FALSE;
  deadline = cag_gui_date (&self->campaign->deadline);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u row is dated after the deadline of “%s” (%s). "
                                         "It still counts in its fund.",
                                         "%u rows are dated after the deadline of “%s” (%s). "
                                         "They still count in their funds.",
                                         self->after_deadline),
                            self->after_deadline, self->campaign->name, deadline);
  cag_gui_confirm (GTK_DIALOG (self), _("Record contributions dated after the deadline?"),
                   detail, _("_Change the Dates"), _("_Record Them"), FALSE,
                   deadline_confirmed_cb, NULL);
  return TRUE;
}

static void
response_cb (CagBatchDialog *self,
             gint            response)
{
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (ask_about_deadline (self))
    {
      g_signal_stop_emission_by_name (self, "response");
      return;
    }
  if (!cag_batch_dialog_save (self, &error))
    {
      g_signal_stop_emission_by_name (self, "response");
      gtk_label_set_text (self->status_label, error->message);
    }
}

/* A small screen (800×600) gets a dialog that fits it. */
static void
fit_screen (CagBatchDialog *self,
            GtkWindow      *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkWindow *window = parent != NULL ? gtk_widget_get_window (GTK_WIDGET (parent)) : NULL;
  GdkMonitor *monitor = window != NULL ? gdk_display_get_monitor_at_window (display, window)
                                       : gdk_display_get_primary_monitor (display);
  GdkRectangle area;
  gint width, height;

  if (monitor == NULL)
    monitor = gdk_display_get_monitor (display, 0);
  if (monitor == NULL)
    return;
  gdk_monitor_get_workarea (monitor, &area);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), MIN (width, area.width - 24),
                               MIN (height, area.height - 48));
}

/* ---- public API --------------------------------------------------------- */

void
cag_batch_dialog_set_declared (CagBatchDialog *self,
                               gint            count,
                               const char     *total)
{
  g_return_if_fail (CAG_IS_BATCH_DIALOG (self));
  gtk_spin_button_set_value (self->count_spin, count);
  gtk_entry_set_text (self->total_entry, total != NULL ? total : "");
  validate (self);
}

void
cag_batch_dialog_set_deposit_date (CagBatchDialog *self,
                                   const char     *date)
{
  g_return_if_fail (CAG_IS_BATCH_DIALOG (self));
  gtk_entry_set_text (self->deposit_entry, date != NULL ? date : "");
}

void
cag_batch_dialog_set_row (CagBatchDialog *self,
                          guint           index,
                          const char     *organization,
                          const char     *date,
                          const char     *amount,
                          const char     *method,
                          const char     *reference)
{
  BatchRow *row;

  g_return_if_fail (CAG_IS_BATCH_DIALOG (self));
  while (self->rows->len <= index)
    add_row (self);
  row = row_at (self, index);
  row->left = TRUE;
  gtk_entry_set_text (row->org, organization != NULL ? organization : "");
  if (date != NULL)
    gtk_entry_set_text (row->date, date);
  gtk_entry_set_text (row->amount, amount != NULL ? amount : "");
  if (method != NULL)
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (row->method), method);
  gtk_entry_set_text (row->reference, reference != NULL ? reference : "");
  validate (self);
}

const char *
cag_batch_dialog_get_row_date (CagBatchDialog *self,
                               guint           index)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return gtk_entry_get_text (row_at (self, index)->date);
}

guint
cag_batch_dialog_get_n_rows (CagBatchDialog *self)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), 0);
  return self->rows->len;
}

GtkWidget *
cag_batch_dialog_get_cell (CagBatchDialog *self,
                           guint           index,
                           const char     *column)
{
  BatchRow *row;

  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  row = row_at (self, index);
  if (g_strcmp0 (column, "organization") == 0)
    return GTK_WIDGET (row->org);
  if (g_strcmp0 (column, "date") == 0)
    return GTK_WIDGET (row->date);
  if (g_strcmp0 (column, "amount") == 0)
    return GTK_WIDGET (row->amount);
  if (g_strcmp0 (column, "method") == 0)
    return GTK_WIDGET (row->method);
  if (g_strcmp0 (column, "reference") == 0)
    return GTK_WIDGET (row->reference);
  g_return_val_if_reached (NULL);
}

gboolean
cag_batch_dialog_is_valid (CagBatchDialog *self)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), FALSE);
  return self->valid;
}

const char *
cag_batch_dialog_get_status (CagBatchDialog *self)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), NULL);
  return self->status;
}

gboolean
cag_batch_dialog_status_is_error (CagBatchDialog *self)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), FALSE);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->status_label));

  return gtk_style_context_has_class (style, "field-error");
}

gboolean
cag_batch_dialog_save (CagBatchDialog *self,
                       GError        **error)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), FALSE);

  validate (self);
  if (!self->valid)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, self->status);
      return FALSE;
    }
  if (self->saved_ids->len > 0)
    return TRUE;
  if (self->after_deadline > 0 && !self->deadline_confirmed)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Some rows are dated after the campaign’s deadline: confirm them "
                             "first."));
      return FALSE;
    }
  if (!cag_store_contribution_add_batch (self->store, self->pending, error))
    return FALSE;
  for (guint i = 0; i < self->pending->len; i++)
    {
      CagContribution *c = g_ptr_array_index (self->pending, i);
      g_array_append_val (self->saved_ids, c->id);
    }
  return TRUE;
}

GArray *
cag_batch_dialog_get_saved_ids (CagBatchDialog *self)
{
  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), NULL);
  return self->saved_ids;
}

/* ---- type --------------------------------------------------------------- */

static void
cag_batch_dialog_finalize (GObject *object)
{
  CagBatchDialog *self = CAG_BATCH_DIALOG (object);

  g_clear_object (&self->picker);
  g_clear_pointer (&self->campaign, cag_campaign_free);
  self->focus_row = NULL;
  self->focus_cell = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved_ids, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_free);
  G_OBJECT_CLASS (cag_batch_dialog_parent_class)->finalize (object);
}

static void
cag_batch_dialog_class_init (CagBatchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_batch_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-batch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, total_entry);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, deposit_entry);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, deposit_hint);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, org_heading);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, date_heading);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, amount_heading);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, method_heading);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, reference_heading);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deposit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_clicked_cb);
}

static void
cag_batch_dialog_init (CagBatchDialog *self)
{
  CagDate today = cag_date_today ();
  g_autofree char *iso = cag_date_to_iso (&today);

  self->picker = cag_org_picker_new ();
  self->saved_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_text (self->deposit_entry, iso);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  /* The focused row scrolls into view as Tab and Enter move down. */
  gtk_container_set_focus_vadjustment (
    GTK_CONTAINER (self->rows_grid),
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  g_signal_connect (self, "key-press-event", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (self, "set-focus", G_CALLBACK (set_focus_cb), self);
}

GtkWidget *
cag_batch_dialog_new (GtkWindow *parent,
                      CagStore  *store,
                      gint64     campaign_id)
{
  CagBatchDialog *self;
  GtkWidget *save;
  BatchRow *first;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_BATCH_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent, NULL);
  self->store = store;
  self->campaign_id = campaign_id;
  self->campaign = cag_store_campaign_get (store, campaign_id, NULL);
  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), _("_Save All"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");
  /* Enter in the count, the total or the deposit date saves once it matches. */
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);
  gtk_widget_set_tooltip_text (save, _("Saves every row at once (Ctrl+Enter)"));

  fit_screen (self, parent);
  cag_org_picker_load (self->picker, store, campaign_id, NULL);
  for (guint i = 0; i < INITIAL_ROWS; i++)
    add_row (self);
  /* Mnemonics of the column headings lead to the first row. */
  first = row_at (self, 0);
  gtk_label_set_mnemonic_widget (self->org_heading, GTK_WIDGET (first->org));
  gtk_label_set_mnemonic_widget (self->date_heading, GTK_WIDGET (first->date));
  gtk_label_set_mnemonic_widget (self->amount_heading, GTK_WIDGET (first->amount));
  gtk_label_set_mnemonic_widget (self->method_heading, GTK_WIDGET (first->method));
  gtk_label_set_mnemonic_widget (self->reference_heading, GTK_WIDGET (first->reference));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  deposit_changed_cb (self);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->count_spin));
  cag_discard_guard_attach (GTK_DIALOG (self));
  return GTK_WIDGET (self);
}
