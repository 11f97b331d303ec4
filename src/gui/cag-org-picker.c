/* cag-org-picker.c — the organizations that have a fund in one campaign, for
 * typing one into an entry; matching ignores case and accents
 * (docs/GUI.md, "Choosing the organization"). */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-fold.h"
#include "cag-org-picker.h"

/* Between the folded name, short name and region of a key: no one types it. */
#define KEY_SEPARATOR "\x1f"

struct _CagOrgPicker
{
  GObject       parent_instance;

  GtkListStore *store;
  char         *last_name;
  const CagRights *rights;    /* NULL: every organization */
};

G_DEFINE_FINAL_TYPE (CagOrgPicker, cag_org_picker, G_TYPE_OBJECT)

static char *
describe_detail (const CagOrganization *org)
{
  gboolean has_short = org->short_name != NULL && *org->short_name != '\0';
  gboolean has_region = org->region != NULL && *org->region != '\0';

  if (has_short && has_region)
    return g_strdup_printf ("%s · %s", org->short_name, org->region);
  if (has_short)
    return g_strdup (org->short_name);
  if (has_region)
    return g_strdup (org->region);
  return g_strdup ("");
}

static gboolean
match_cb (GtkEntryCompletion *completion,
          const char         *key,
          GtkTreeIter        *iter,
          gpointer            user_data)
{
  CagOrgPicker *self = user_data;
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  g_autofree char *typed = NULL;
  g_autofree char *haystack = NULL;

  if (!GTK_IS_ENTRY (entry))
    return FALSE;
  /* KEY is only case-folded by GTK: fold the entry's text ourselves. */
  typed = cag_fold_key (gtk_entry_get_text (GTK_ENTRY (entry)));
  if (typed == NULL || *typed == '\0')
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->store), iter, CAG_ORG_PICKER_COL_KEY, &haystack, -1);
  return haystack != NULL && strstr (haystack, typed) != NULL;
}

static void
cag_org_picker_finalize (GObject *object)
{
  CagOrgPicker *self = CAG_ORG_PICKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->last_name, g_free);
  G_OBJECT_CLASS (cag_org_picker_parent_class)->finalize (object);
}

static void
cag_org_picker_class_init (CagOrgPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cag_org_picker_finalize;
}

static void
cag_org_picker_init (CagOrgPicker *self)
{
  self->store = gtk_list_store_new (CAG_ORG_PICKER_N_COLUMNS, G_TYPE_STRING, G_TYPE_INT64,
                                    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64);
}

CagOrgPicker *
cag_org_picker_new (void)
{
  return g_object_new (CAG_TYPE_ORG_PICKER, NULL);
}

gboolean
cag_org_picker_load (CagOrgPicker *self,
                     CagStore     *store,
                     gint64        campaign_id,
                     GError      **error)
{
  g_autoptr(GPtrArray) funds = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GHashTable) fund_by_org = NULL;

  g_return_val_if_fail (CAG_IS_ORG_PICKER (self), FALSE);

  gtk_list_store_clear (self->store);
  if (store == NULL || campaign_id <= 0)
    return TRUE;
  funds = cag_store_fund_list (store, campaign_id, 0, error);
  if (funds == NULL)
    return FALSE;
  orgs = cag_store_org_list (store, NULL, FALSE, error);
  if (orgs == NULL)
    return FALSE;
  fund_by_org = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < funds->len; i++)
    {
      CagFund *fund = g_ptr_array_index (funds, i);

      /* Only what the account may write for (docs/SERVER.md). */
      if (self->rights != NULL && !cag_rights_may_write_org (self->rights, fund->organization_id))
        continue;
      g_hash_table_insert (fund_by_org, &fund->organization_id, fund);
    }
  for (guint i = 0; i < orgs->len; i++)
    {
      CagOrganization *org = g_ptr_array_index (orgs, i);
      CagFund *fund = g_hash_table_lookup (fund_by_org, &org->id);
      g_autofree char *name = NULL;
      g_autofree char *short_name = NULL;
      g_autofree char *region = NULL;
      g_autofree char *key = NULL;
      g_autofree char *detail = NULL;

      if (fund == NULL)
        continue;
      name = cag_fold_key (org->name);
      short_name = cag_fold_key (org->short_name != NULL ? org->short_name : "");
      region = cag_fold_key (org->region != NULL ? org->region : "");
      key = g_strjoin (KEY_SEPARATOR, name, short_name, region, NULL);
      detail = describe_detail (org);
      gtk_list_store_insert_with_values (self->store, NULL, -1,
                                         CAG_ORG_PICKER_COL_NAME, org->name,
                                         CAG_ORG_PICKER_COL_ID, org->id,
                                         CAG_ORG_PICKER_COL_KEY, key,
                                         CAG_ORG_PICKER_COL_DETAIL, detail,
                                         CAG_ORG_PICKER_COL_FUND_ID, fund->id,
                                         -1);
    }
  return TRUE;
}

GtkTreeModel *
cag_org_picker_get_model (CagOrgPicker *self)
{
  g_return_val_if_fail (CAG_IS_ORG_PICKER (self), NULL);
  return GTK_TREE_MODEL (self->store);
}

/* TRUE when KEY (name, short name and region, folded, KEY_SEPARATOR between
 * them) has TYPED as its first or second part. */
static gboolean
is_name_or_short_name (const char *key,
                       const char *typed)
{
  g_auto(GStrv) lines = g_strsplit (key, KEY_SEPARATOR, 3);

  return (lines[0] != NULL && strcmp (lines[0], typed) == 0)
         || (lines[0] != NULL && lines[1] != NULL && *lines[1] != '\0'
             && strcmp (lines[1], typed) == 0);
}

gint64
cag_org_picker_resolve (CagOrgPicker *self,
                        const char   *typed,
                        guint        *out_matches,
                        gint64       *out_fund_id,
                        const char  **out_name)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  g_autofree char *folded = cag_fold_key (typed != NULL ? typed : "");
  GtkTreeIter iter, only;
  guint matches = 0;
  gboolean exact = FALSE;
  gint64 id = 0, fund_id = 0;

  g_return_val_if_fail (CAG_IS_ORG_PICKER (self), 0);

  if (folded != NULL && *folded != '\0')
    for (gboolean more = gtk_tree_model_get_iter_first (model, &iter); more && !exact;
         more = gtk_tree_model_iter_next (model, &iter))
      {
        g_autofree char *key = NULL;

        gtk_tree_model_get (model, &iter, CAG_ORG_PICKER_COL_KEY, &key, -1);
        if (key == NULL)
          continue;
        if (is_name_or_short_name (key, folded))
          {
            exact = TRUE;
            only = iter;
          }
        else if (strstr (key, folded) != NULL && matches++ == 0)
          only = iter;
      }
  if (exact)
    matches = 1;
  g_clear_pointer (&self->last_name, g_free);
  if (matches == 1)
    gtk_tree_model_get (model, &only, CAG_ORG_PICKER_COL_ID, &id,
                        CAG_ORG_PICKER_COL_FUND_ID, &fund_id,
                        CAG_ORG_PICKER_COL_NAME, &self->last_name, -1);
  if (out_matches != NULL)
    *out_matches = matches;
  if (out_fund_id != NULL)
    *out_fund_id = fund_id;
  if (out_name != NULL)
    *out_name = self->last_name;
  return id;
}

GtkEntryCompletion *
cag_org_picker_attach (CagOrgPicker *self,
                       GtkEntry     *entry)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();
  GtkCellRenderer *detail = gtk_cell_renderer_text_new ();

  g_return_val_if_fail (CAG_IS_ORG_PICKER (self), NULL);

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->store));
  /* The text column makes the first cell, the full name. */
  gtk_entry_completion_set_text_column (completion, CAG_ORG_PICKER_COL_NAME);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_match_func (completion, match_cb, g_object_ref (self),
                                       g_object_unref);
  g_object_set (detail, "foreground", "#6f6f6f", "xalign", 1.0, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), detail, FALSE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), detail, "text",
                                 CAG_ORG_PICKER_COL_DETAIL);
  gtk_entry_set_completion (entry, completion);
  g_object_unref (completion);
  return completion;
}

char *
cag_org_picker_describe_row (GtkEntryCompletion *completion,
                             GtkTreeIter        *iter)
{
  GtkCellArea *area = gtk_cell_layout_get_area (GTK_CELL_LAYOUT (completion));
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (completion));
  g_autoptr(GString) out = g_string_new (NULL);

  gtk_cell_area_apply_attributes (area, model, iter, FALSE, FALSE);
  for (GList *l = cells; l != NULL; l = l->next)
    {
      g_autofree char *text = NULL;

      if (!GTK_IS_CELL_RENDERER_TEXT (l->data))
        continue;
      g_object_get (l->data, "text", &text, NULL);
      if (out->len > 0)
        g_string_append (out, " | ");
      g_string_append (out, text != NULL ? text : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
cag_org_picker_set_rights (CagOrgPicker    *self,
                           const CagRights *rights)
{
  g_return_if_fail (CAG_IS_ORG_PICKER (self));

  self->rights = rights;
}
