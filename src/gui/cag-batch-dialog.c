/* cag-batch-dialog.c — the monthly pile of cheques, entered as a grid and
 * saved in one transaction when the count and the control total match. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-batch-dialog.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-gui-util.h"
#include "cag-money.h"

#define INITIAL_ROWS 8

typedef struct
{
  GtkEntry        *org;
  GtkEntry        *date;
  GtkEntry        *amount;
  GtkComboBoxText *method;
  GtkEntry        *reference;
  GtkLabel        *problem;
} BatchRow;

struct _CagBatchDialog
{
  GtkDialog     parent_instance;

  CagStore     *store;
  gint64        campaign_id;
  GHashTable   *fund_by_key;    /* folded name or short name → fund id (gint64 *) */
  GtkListStore *org_names;
  GArray       *rows;           /* BatchRow */
  GArray       *saved_ids;
  GPtrArray    *pending;        /* CagContribution, valid after validate () */
  char         *status;
  gboolean      valid;

  GtkSpinButton *count_spin;
  GtkEntry      *total_entry;
  GtkGrid       *rows_grid;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (CagBatchDialog, cag_batch_dialog, GTK_TYPE_DIALOG)

static void validate (CagBatchDialog *self);

static void
changed_cb (CagBatchDialog *self)
{
  validate (self);
}

static gboolean
row_is_empty (BatchRow *row)
{
  return *gtk_entry_get_text (row->org) == '\0' && *gtk_entry_get_text (row->amount) == '\0'
         && *gtk_entry_get_text (row->reference) == '\0';
}

static void
set_problem (GtkLabel   *label,
             const char *text)
{
  cag_gui_set_field_error (label, text);
}

static void
validate (CagBatchDialog *self)
{
  g_autofree char *first_problem = NULL;
  g_autoptr(GError) total_error = NULL;
  gint64 sum = 0, declared_total = 0;
  guint filled = 0;
  gint declared = gtk_spin_button_get_value_as_int (self->count_spin);
  guint i;

  if (self->rows == NULL)
    return;
  g_ptr_array_set_size (self->pending, 0);

  for (i = 0; i < self->rows->len; i++)
    {
      BatchRow *row = &g_array_index (self->rows, BatchRow, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *folded = NULL;
      g_autoptr(CagContribution) c = NULL;
      const char *method;
      const char *reference;
      gint64 *fund;

      if (row_is_empty (row))
        {
          set_problem (row->problem, NULL);
          continue;
        }
      filled++;
      c = cag_contribution_new ();
      folded = cag_fold_key (gtk_entry_get_text (row->org));
      fund = folded != NULL ? g_hash_table_lookup (self->fund_by_key, folded) : NULL;
      if (fund == NULL)
        {
          g_set_error (&error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("No organization with a fund in this campaign is called “%s”."),
                       gtk_entry_get_text (row->org));
        }
      else
        c->fund_id = *fund;
      if (error == NULL)
        cag_gui_parse_date (gtk_entry_get_text (row->date), &c->date, &error);
      if (error == NULL)
        cag_money_parse (gtk_entry_get_text (row->amount), CAG_MONEY_POSITIVE,
                         &c->amount_cents, &error);
      if (error != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Row %u: %s"), i + 1, error->message);
          set_problem (row->problem, error->message);
          if (first_problem == NULL)
            first_problem = g_steal_pointer (&text);
          continue;
        }
      set_problem (row->problem, NULL);
      sum = cag_money_add_sat (sum, c->amount_cents);  /* docs/RULES.md, "Overflow" */
      method = gtk_combo_box_get_active_id (GTK_COMBO_BOX (row->method));
      if (method == NULL || !cag_method_from_string (method, &c->method))
        c->method = CAG_METHOD_CHEQUE;
      reference = gtk_entry_get_text (row->reference);
      c->reference = *reference != '\0' ? g_strdup (reference) : NULL;
      g_ptr_array_add (self->pending, g_steal_pointer (&c));
    }

  g_clear_pointer (&self->status, g_free);
  if (first_problem != NULL)
    self->status = g_steal_pointer (&first_problem);
  else if (filled == 0)
    self->status = g_strdup (_("Enter at least one row."));
  else if (declared != (gint) filled)
    self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "You declared %d cheques but entered %u row.",
                                                 "You declared %d cheques but entered %u rows.",
                                                 filled),
                                    declared, filled);
  else if (!cag_money_parse (gtk_entry_get_text (self->total_entry), CAG_MONEY_POSITIVE,
                             &declared_total, &total_error))
    self->status = g_strdup_printf (_("Control total: %s"), total_error->message);
  else if (declared_total != sum)
    {
      g_autofree char *entered = cag_gui_money (sum);
      g_autofree char *expected = cag_gui_money (declared_total);
      g_autofree char *diff = cag_gui_money (sum > declared_total ? sum - declared_total
                                                                  : declared_total - sum);
      self->status = g_strdup_printf (_("The rows add up to %s, not the control total of %s "
                                        "(a difference of %s)."),
                                      entered, expected, diff);
    }

  self->valid = self->status == NULL;
  if (self->valid)
    {
      g_autofree char *total = cag_gui_money (sum);
      self->status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u contribution, %s: it matches. Save to record it.",
                                                   "%u contributions, %s: they match. Save to record them all.",
                                                   filled),
                                      filled, total);
    }
  gtk_label_set_text (self->status_label, self->status);
  {
    GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->status_label));
    if (self->valid)
      gtk_style_context_remove_class (style, "field-error");
    else
      gtk_style_context_add_class (style, "field-error");
  }
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, self->valid);
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
add_row (CagBatchDialog *self)
{
  BatchRow row;
  guint index = self->rows->len;
  gint top = (gint) index * 2 + 1;
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  CagDate today = cag_date_today ();
  g_autofree char *iso = cag_date_to_iso (&today);
  GtkWidget *label = gtk_label_new (number);
  CagMethod m;

  row.org = GTK_ENTRY (named_entry (C_("gui", "Organization"), index, 28));
  row.date = GTK_ENTRY (named_entry (C_("gui", "Date"), index, 11));
  row.amount = GTK_ENTRY (named_entry (C_("gui", "Amount"), index, 11));
  row.method = GTK_COMBO_BOX_TEXT (gtk_combo_box_text_new ());
  row.reference = GTK_ENTRY (named_entry (C_("gui", "Reference"), index, 12));
  row.problem = GTK_LABEL (gtk_label_new (NULL));
  {
    g_autofree char *accessible = g_strdup_printf ("%s, %u", C_("gui", "Method"), index + 1);
    cag_gui_set_accessible_name (GTK_WIDGET (row.method), accessible);
  }
  gtk_widget_set_hexpand (GTK_WIDGET (row.org), TRUE);
  gtk_entry_set_text (row.date, iso);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->org_names));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_set_completion (row.org, completion);
  for (m = CAG_METHOD_CHEQUE; m <= CAG_METHOD_OTHER; m++)
    gtk_combo_box_text_append (row.method, cag_method_to_string (m), cag_method_label (m));
  gtk_combo_box_set_active (GTK_COMBO_BOX (row.method), 0);
  g_object_set (row.problem, "xalign", 0.0, "wrap", TRUE, NULL);
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (row.problem)),
                               "field-error");
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "dim-label");

  gtk_grid_attach (self->rows_grid, label, 0, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.org), 1, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.date), 2, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.amount), 3, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.method), 4, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.reference), 5, top, 1, 1);
  gtk_grid_attach (self->rows_grid, GTK_WIDGET (row.problem), 1, top + 1, 5, 1);
  gtk_widget_show_all (GTK_WIDGET (self->rows_grid));
  gtk_widget_hide (GTK_WIDGET (row.problem));

  g_signal_connect_swapped (row.org, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (row.date, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (row.amount, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (row.method, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (row.reference, "changed", G_CALLBACK (changed_cb), self);
  g_array_append_val (self->rows, row);
}

static void
add_headers (CagBatchDialog *self)
{
  const char *titles[] = { N_("_Organization"), N_("_Date"), N_("_Amount"), N_("_Method"),
                           N_("R_eference") };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(titles[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_style_context_add_class (gtk_widget_get_style_context (label), "heading");
      gtk_grid_attach (self->rows_grid, label, (gint) i + 1, 0, 1, 1);
      g_object_set_data (G_OBJECT (self), titles[i], label);
    }
}

static void
add_row_clicked_cb (CagBatchDialog *self)
{
  add_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->rows, BatchRow, self->rows->len - 1).org));
  validate (self);
}

static void
load_funds (CagBatchDialog *self)
{
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GHashTable) fund_by_org = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint i;

  funds = cag_store_fund_list (self->store, self->campaign_id, 0, NULL);
  if (funds != NULL)
    orgs = cag_store_org_list (self->store, NULL, FALSE, NULL);
  if (orgs == NULL)
    return;
  for (i = 0; i < funds->len; i++)
    {
      CagFund *fund = g_ptr_array_index (funds, i);
      g_hash_table_insert (fund_by_org, &fund->organization_id, fund);
    }
  for (i = 0; i < orgs->len; i++)
    {
      CagOrganization *org = g_ptr_array_index (orgs, i);
      CagFund *fund = g_hash_table_lookup (fund_by_org, &org->id);
      gint64 *value;

      if (fund == NULL)
        continue;
      value = g_new (gint64, 1);
      *value = fund->id;
      g_hash_table_insert (self->fund_by_key, cag_fold_key (org->name), value);
      if (org->short_name != NULL && *org->short_name != '\0')
        {
          gint64 *again = g_new (gint64, 1);
          *again = fund->id;
          g_hash_table_insert (self->fund_by_key, cag_fold_key (org->short_name), again);
        }
      gtk_list_store_insert_with_values (self->org_names, NULL, -1, 0, org->name, -1);
    }
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
  row = &g_array_index (self->rows, BatchRow, index);
  gtk_entry_set_text (row->org, organization != NULL ? organization : "");
  if (date != NULL)
    gtk_entry_set_text (row->date, date);
  gtk_entry_set_text (row->amount, amount != NULL ? amount : "");
  if (method != NULL)
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (row->method), method);
  gtk_entry_set_text (row->reference, reference != NULL ? reference : "");
  validate (self);
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
cag_batch_dialog_save (CagBatchDialog *self,
                       GError        **error)
{
  guint i;

  g_return_val_if_fail (CAG_IS_BATCH_DIALOG (self), FALSE);

  validate (self);
  if (!self->valid)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, self->status);
      return FALSE;
    }
  if (self->saved_ids->len > 0)
    return TRUE;
  if (!cag_store_contribution_add_batch (self->store, self->pending, error))
    return FALSE;
  for (i = 0; i < self->pending->len; i++)
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
response_cb (CagBatchDialog *self,
             gint            response)
{
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (!cag_batch_dialog_save (self, &error))
    {
      g_signal_stop_emission_by_name (self, "response");
      gtk_label_set_text (self->status_label, error->message);
    }
}

static void
cag_batch_dialog_finalize (GObject *object)
{
  CagBatchDialog *self = CAG_BATCH_DIALOG (object);

  g_clear_pointer (&self->fund_by_key, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->saved_ids, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_object (&self->org_names);
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
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, CagBatchDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_clicked_cb);
}

static void
cag_batch_dialog_init (CagBatchDialog *self)
{
  self->fund_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->saved_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_contribution_free);
  self->org_names = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (BatchRow));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
cag_batch_dialog_new (GtkWindow *parent,
                      CagStore  *store,
                      gint64     campaign_id)
{
  CagBatchDialog *self;
  GtkWidget *save;
  guint i;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_BATCH_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent, NULL);
  self->store = store;
  self->campaign_id = campaign_id;
  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), _("_Save All"), GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");

  load_funds (self);
  add_headers (self);
  for (i = 0; i < INITIAL_ROWS; i++)
    add_row (self);
  /* Mnemonics of the column headings lead to the first row. */
  {
    BatchRow *first = &g_array_index (self->rows, BatchRow, 0);
    gtk_label_set_mnemonic_widget (g_object_get_data (G_OBJECT (self), "_Organization"),
                                   GTK_WIDGET (first->org));
    gtk_label_set_mnemonic_widget (g_object_get_data (G_OBJECT (self), "_Date"),
                                   GTK_WIDGET (first->date));
    gtk_label_set_mnemonic_widget (g_object_get_data (G_OBJECT (self), "_Amount"),
                                   GTK_WIDGET (first->amount));
    gtk_label_set_mnemonic_widget (g_object_get_data (G_OBJECT (self), "_Method"),
                                   GTK_WIDGET (first->method));
    gtk_label_set_mnemonic_widget (g_object_get_data (G_OBJECT (self), "R_eference"),
                                   GTK_WIDGET (first->reference));
  }
  cag_gui_name_from_labels (GTK_WIDGET (self));
  validate (self);
  return GTK_WIDGET (self);
}
