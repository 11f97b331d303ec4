/* cag-org-dialog.c — adds or edits one organization, with each problem shown
 * beside the field at fault. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-error.h"
#include "cag-gui-util.h"
#include "cag-org-dialog.h"

struct _CagOrgDialog
{
  GtkDialog        parent_instance;

  CagStore        *store;
  gint64           org_id;
  gint64           campaign_id;
  CagOrganization *original;

  GtkEntry        *name_entry;
  GtkLabel        *name_error;
  GtkEntry        *short_name_entry;
  GtkComboBoxText *region_combo;
  GtkComboBoxText *kind_combo;
  GtkEntry        *contact_entry;
  GtkEntry        *email_entry;
  GtkLabel        *email_error;
  GtkEntry        *phone_entry;
  GtkComboBoxText *charity_combo;
  GtkEntry        *notes_entry;
  GtkWidget       *active_check;
  GtkWidget       *fund_check;
  GtkLabel        *general_error;
};

G_DEFINE_FINAL_TYPE (CagOrgDialog, cag_org_dialog, GTK_TYPE_DIALOG)

/* Quebec's administrative regions, offered as suggestions. */
static const char *regions[] = {
  "Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Capitale-Nationale", "Mauricie",
  "Estrie", "Montréal", "Outaouais", "Abitibi-Témiscamingue", "Côte-Nord",
  "Nord-du-Québec", "Gaspésie–Îles-de-la-Madeleine", "Chaudière-Appalaches", "Laval",
  "Lanaudière", "Laurentides", "Montérégie", "Centre-du-Québec",
};

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (entry)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '.') != NULL
         && strchr (at + 1, '@') == NULL && strchr (email, ' ') == NULL
         && at[1] != '.' && email[strlen (email) - 1] != '.';
}

/* Checks what can be checked before asking the store; TRUE when fine. */
static gboolean
check_fields (CagOrgDialog *self)
{
  g_autofree char *name = entry_text (self->name_entry);
  g_autofree char *email = entry_text (self->email_entry);
  gboolean ok = TRUE;

  if (name == NULL)
    {
      cag_gui_set_field_error (self->name_error, _("The name is required."));
      ok = FALSE;
    }
  else
    cag_gui_set_field_error (self->name_error, NULL);

  if (email != NULL && !email_looks_valid (email))
    {
      cag_gui_set_field_error (self->email_error,
                               _("This does not look like an e-mail address (name@example.org)."));
      ok = FALSE;
    }
  else
    cag_gui_set_field_error (self->email_error, NULL);

  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT, ok);
  return ok;
}

static void
field_changed_cb (CagOrgDialog *self)
{
  cag_gui_set_field_error (self->general_error, NULL);
  check_fields (self);
}

gboolean
cag_org_dialog_save (CagOrgDialog *self,
                     GError      **error)
{
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id;
  gboolean ok;

  g_return_val_if_fail (CAG_IS_ORG_DIALOG (self), FALSE);

  if (!check_fields (self))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           gtk_widget_get_visible (GTK_WIDGET (self->name_error))
                           ? gtk_label_get_text (self->name_error)
                           : gtk_label_get_text (self->email_error));
      return FALSE;
    }

  org = self->original != NULL ? cag_organization_copy (self->original) : cag_organization_new ();
  g_free (org->name);
  org->name = entry_text (self->name_entry);
  g_free (org->short_name);
  org->short_name = entry_text (self->short_name_entry);
  g_free (org->region);
  org->region = entry_text (GTK_ENTRY (gtk_bin_get_child (GTK_BIN (self->region_combo))));
  g_free (org->contact_name);
  org->contact_name = entry_text (self->contact_entry);
  g_free (org->email);
  org->email = entry_text (self->email_entry);
  g_free (org->phone);
  org->phone = entry_text (self->phone_entry);
  g_free (org->notes);
  org->notes = entry_text (self->notes_entry);
  id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->kind_combo));
  if (id != NULL)
    cag_org_kind_from_string (id, &org->kind);
  id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->charity_combo));
  if (id != NULL)
    cag_charity_from_string (id, &org->charity);
  if (self->original != NULL)
    org->active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->active_check));

  if (self->original != NULL)
    ok = cag_store_org_update (self->store, org, &local_error);
  else
    ok = cag_store_org_add (self->store, org, &local_error);

  if (!ok)
    {
      /* Put the store's message beside the field it is about. */
      if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_EXISTS))
        cag_gui_set_field_error (self->name_error, local_error->message);
      else if (org->email != NULL && local_error->message != NULL
               && (strstr (local_error->message, "mail") != NULL
                   || strstr (local_error->message, "courriel") != NULL))
        cag_gui_set_field_error (self->email_error, local_error->message);
      else if (g_error_matches (local_error, CAG_ERROR, CAG_ERROR_INVALID) && org->name != NULL
               && (strstr (local_error->message, "name") != NULL
                   || strstr (local_error->message, "nom") != NULL))
        cag_gui_set_field_error (self->name_error, local_error->message);
      else
        cag_gui_set_field_error (self->general_error, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->org_id = org->id;

  if (self->original == NULL && self->campaign_id > 0
      && gtk_widget_get_visible (self->fund_check)
      && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fund_check)))
    {
      g_autoptr(CagFund) fund = cag_fund_new ();

      fund->organization_id = org->id;
      fund->campaign_id = self->campaign_id;
      if (!cag_store_fund_open (self->store, fund, &local_error))
        {
          cag_gui_set_field_error (self->general_error, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          /* The organization itself was saved: edit it from now on. */
          self->original = cag_organization_copy (org);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
cag_org_dialog_get_org_id (CagOrgDialog *self)
{
  g_return_val_if_fail (CAG_IS_ORG_DIALOG (self), 0);
  return self->org_id;
}

GtkEntry *
cag_org_dialog_get_entry (CagOrgDialog *self,
                          const char   *name)
{
  g_return_val_if_fail (CAG_IS_ORG_DIALOG (self), NULL);
  if (g_strcmp0 (name, "name") == 0)
    return self->name_entry;
  if (g_strcmp0 (name, "short-name") == 0)
    return self->short_name_entry;
  if (g_strcmp0 (name, "email") == 0)
    return self->email_entry;
  if (g_strcmp0 (name, "phone") == 0)
    return self->phone_entry;
  if (g_strcmp0 (name, "contact") == 0)
    return self->contact_entry;
  if (g_strcmp0 (name, "notes") == 0)
    return self->notes_entry;
  if (g_strcmp0 (name, "region") == 0)
    return GTK_ENTRY (gtk_bin_get_child (GTK_BIN (self->region_combo)));
  g_return_val_if_reached (NULL);
}

const char *
cag_org_dialog_get_error (CagOrgDialog *self,
                          const char   *field)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (CAG_IS_ORG_DIALOG (self), NULL);
  if (g_strcmp0 (field, "name") == 0)
    label = self->name_error;
  else if (g_strcmp0 (field, "email") == 0)
    label = self->email_error;
  else
    label = self->general_error;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : "";
}

static void
response_cb (CagOrgDialog *self,
             gint          response)
{
  if (response == GTK_RESPONSE_ACCEPT && !cag_org_dialog_save (self, NULL))
    g_signal_stop_emission_by_name (self, "response");
}

static void
cag_org_dialog_finalize (GObject *object)
{
  CagOrgDialog *self = CAG_ORG_DIALOG (object);

  g_clear_pointer (&self->original, cag_organization_free);
  G_OBJECT_CLASS (cag_org_dialog_parent_class)->finalize (object);
}

static void
cag_org_dialog_class_init (CagOrgDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cag_org_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-org-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, short_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, region_combo);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, kind_combo);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, email_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, charity_combo);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, active_check);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, fund_check);
  gtk_widget_class_bind_template_child (widget_class, CagOrgDialog, general_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
cag_org_dialog_init (CagOrgDialog *self)
{
  guint i;

  gtk_widget_init_template (GTK_WIDGET (self));
  cag_gui_name_from_labels (GTK_WIDGET (self));
  for (i = 0; i < G_N_ELEMENTS (regions); i++)
    gtk_combo_box_text_append_text (self->region_combo, regions[i]);
  for (i = CAG_ORG_REGIONAL; i <= CAG_ORG_NETWORK; i++)
    gtk_combo_box_text_append (self->kind_combo, cag_org_kind_to_string (i),
                               cag_org_kind_label (i));
  for (i = CAG_CHARITY_NONE; i <= CAG_CHARITY_REGISTERED; i++)
    gtk_combo_box_text_append (self->charity_combo, cag_charity_to_string (i),
                               cag_charity_label (i));
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->kind_combo), 0);
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->charity_combo), 0);
  g_signal_connect_swapped (gtk_bin_get_child (GTK_BIN (self->region_combo)), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_entry_set_text (entry, text != NULL ? text : "");
}

GtkWidget *
cag_org_dialog_new (GtkWindow *parent,
                    CagStore  *store,
                    gint64     org_id,
                    gint64     campaign_id)
{
  CagOrgDialog *self;
  GtkWidget *save;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (CAG_TYPE_ORG_DIALOG, "use-header-bar", TRUE,
                       "transient-for", parent,
                       "title", org_id > 0 ? C_("gui", "Edit Organization") : C_("gui", "New Organization"),
                       NULL);
  self->store = store;
  self->org_id = org_id;
  self->campaign_id = campaign_id;

  gtk_dialog_add_button (GTK_DIALOG (self), _("_Cancel"), GTK_RESPONSE_CANCEL);
  save = gtk_dialog_add_button (GTK_DIALOG (self), org_id > 0 ? _("_Save") : C_("org dialog", "_Add"),
                                GTK_RESPONSE_ACCEPT);
  gtk_style_context_add_class (gtk_widget_get_style_context (save), "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT);

  if (org_id > 0)
    self->original = cag_store_org_get (store, org_id, &error);
  if (self->original != NULL)
    {
      CagOrganization *org = self->original;

      set_entry (self->name_entry, org->name);
      set_entry (self->short_name_entry, org->short_name);
      set_entry (GTK_ENTRY (gtk_bin_get_child (GTK_BIN (self->region_combo))), org->region);
      set_entry (self->contact_entry, org->contact_name);
      set_entry (self->email_entry, org->email);
      set_entry (self->phone_entry, org->phone);
      set_entry (self->notes_entry, org->notes);
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->kind_combo),
                                   cag_org_kind_to_string (org->kind));
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->charity_combo),
                                   cag_charity_to_string (org->charity));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->active_check), org->active);
      gtk_widget_hide (self->fund_check);
    }
  else
    {
      g_autoptr(CagCampaign) campaign = NULL;

      gtk_widget_hide (self->active_check);
      if (campaign_id > 0)
        campaign = cag_store_campaign_get (store, campaign_id, NULL);
      if (campaign != NULL)
        {
          g_autofree char *label = g_strdup_printf (_("Open its delegation _fund in %s"),
                                                    campaign->name);
          gtk_button_set_label (GTK_BUTTON (self->fund_check), label);
        }
      else
        gtk_widget_hide (self->fund_check);
      if (error != NULL)
        cag_gui_set_field_error (self->general_error, error->message);
    }

  /* No error is shown before the person has typed anything. */
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_ACCEPT,
                                     self->original != NULL);
  return GTK_WIDGET (self);
}
