/* cag-org-list.c — the member organizations: search (in SQL, through the
 * store), add, edit, deactivate. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-discard-guard.h"
#include "cag-gui-util.h"
#include "cag-org-dialog.h"
#include "cag-org-list.h"
#include "cag-org-model.h"
#include "cag-query.h"
#include "cag-window.h"

struct _CagOrgList
{
  GtkBox          parent_instance;

  CagStore       *store;
  gint64          campaign_id;
  CagDate         as_of;          /* of the fund column: the window's date */

  GtkSearchEntry *search_entry;
  GtkToggleButton *inactive_check;
  GtkWidget      *add_button;
  GtkWidget      *edit_button;
  gboolean        read_only;      /* the account may not edit organizations */
  GtkWidget      *toggle_active_button;
  GtkTreeView    *org_view;
  GtkTreeViewColumn *name_column;
  GtkTreeViewColumn *short_column;
  GtkTreeViewColumn *region_column;
  GtkTreeViewColumn *kind_column;
  CagOrgSort      sort;
  gboolean        descending;
  GtkStack       *list_stack;
  GtkLabel       *empty_label;
  GtkWidget      *empty_add_button;
  GError         *row_error;      /* a row could not be read; told at idle */
  guint           row_error_idle;
};

G_DEFINE_FINAL_TYPE (CagOrgList, cag_org_list, GTK_TYPE_BOX)

enum
{
  ORG_ACTIVATED,
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void selection_changed_cb (CagOrgList *self);

static gboolean
get_selected (CagOrgList *self,
              gint64     *out_id,
              gboolean   *out_active)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->org_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return FALSE;
  gtk_tree_model_get (model, &iter, CAG_ORG_LIST_COL_ID, out_id,
                      CAG_ORG_LIST_COL_ACTIVE, out_active, -1);
  return TRUE;
}

/* Told from an idle: the model reads rows while the view draws. */
static gboolean
row_error_idle_cb (gpointer user_data)
{
  CagOrgList *self = user_data;
  g_autoptr(GError) error = g_steal_pointer (&self->row_error);

  self->row_error_idle = 0;
  if (error != NULL)
    g_signal_emit (self, signals[LOAD_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
model_read_failed_cb (CagOrgList *self,
                      GError     *error)
{
  if (self->row_error != NULL)
    return;
  self->row_error = g_error_copy (error);
  if (self->row_error_idle == 0)
    self->row_error_idle = g_idle_add (row_error_idle_cb, self);
}

static void
fill (CagOrgList *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CagOrgModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const char *search = gtk_entry_get_text (GTK_ENTRY (self->search_entry));

  /* Sorted and filtered in SQL; a new model each time (docs/GUI.md, "Scale"). */
  if (self->store != NULL)
    ids = cag_query_org_ids (self->store, *search != '\0' ? search : NULL,
                             gtk_toggle_button_get_active (self->inactive_check),
                             self->sort, self->descending, &error);
  if (ids != NULL)
    {
      model = cag_org_model_new (self->store, self->campaign_id, &self->as_of, ids);
      g_signal_connect_object (model, "read-failed", G_CALLBACK (model_read_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_clear_error (&self->row_error);
  gtk_tree_view_set_model (self->org_view, GTK_TREE_MODEL (model));

  if (ids != NULL && ids->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (error != NULL)
        /* Never "no organization yet" when the list could not be read: the
         * window shows why, with Retry (docs/GUI.md, "When the database
         * fails"). */
        gtk_label_set_text (self->empty_label, _("The list could not be read."));
      else if (*search != '\0')
        gtk_label_set_text (self->empty_label, _("No organization matches this search."));
      else
        gtk_label_set_text (self->empty_label,
                            _("No member organization yet. Add one with “Add Organization…”."));
      /* An empty list leads to its next step (docs/GUI.md, "Empty views"). */
      gtk_widget_set_visible (self->empty_add_button,
                              self->store != NULL && error == NULL && *search == '\0');
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  gtk_widget_set_sensitive (self->add_button, self->store != NULL && !self->read_only);
  selection_changed_cb (self);
  if (error != NULL)
    g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

void
cag_org_list_load (CagOrgList *self,
                   CagStore   *store,
                   gint64      campaign_id)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));
  self->store = store;
  self->campaign_id = campaign_id;
  fill (self);
}

void
cag_org_list_set_as_of (CagOrgList    *self,
                        const CagDate *as_of)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));
  self->as_of = as_of != NULL && cag_date_valid (as_of) ? *as_of : cag_date_today ();
}

void
cag_org_list_focus_search (CagOrgList *self)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cag_org_list_set_search (CagOrgList *self,
                         const char *text)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));
  gtk_entry_set_text (GTK_ENTRY (self->search_entry), text != NULL ? text : "");
  fill (self);
}

GtkTreeModel *
cag_org_list_get_model (CagOrgList *self)
{
  g_return_val_if_fail (CAG_IS_ORG_LIST (self), NULL);
  return gtk_tree_view_get_model (self->org_view);
}

static void
reload_everything (CagOrgList *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (CAG_IS_WINDOW (toplevel))
    cag_window_reload (CAG_WINDOW (toplevel));
  else
    fill (self);
}

static void
dialog_response_cb (GtkDialog  *dialog,
                    gint        response,
                    CagOrgList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    reload_everything (self);
  gtk_widget_destroy (GTK_WIDGET (dialog));
}

GtkWidget *
cag_org_list_edit (CagOrgList *self,
                   gint64      org_id)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_val_if_fail (CAG_IS_ORG_LIST (self), NULL);
  if (self->store == NULL)
    return NULL;
  dialog = cag_org_dialog_new (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                               self->store, org_id, self->campaign_id);
  /* Escape on a half-filled dialog asks first (docs/GUI.md, "Keyboard"). */
  cag_discard_guard_attach (GTK_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static GtkTreeViewColumn *
column_for_sort (CagOrgList *self,
                 CagOrgSort  sort)
{
  switch (sort)
    {
    case CAG_ORG_SORT_SHORT_NAME: return self->short_column;
    case CAG_ORG_SORT_REGION: return self->region_column;
    case CAG_ORG_SORT_KIND: return self->kind_column;
    case CAG_ORG_SORT_NAME:
    default: return self->name_column;
    }
}

void
cag_org_list_set_sort (CagOrgList *self,
                       CagOrgSort  sort,
                       gboolean    descending)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));

  gtk_tree_view_column_set_sort_indicator (column_for_sort (self, self->sort), FALSE);
  self->sort = sort;
  self->descending = descending;
  gtk_tree_view_column_set_sort_indicator (column_for_sort (self, sort), TRUE);
  gtk_tree_view_column_set_sort_order (column_for_sort (self, sort),
                                       descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  fill (self);
}

static void
column_clicked_cb (GtkTreeViewColumn *column,
                   CagOrgList        *self)
{
  CagOrgSort sort = CAG_ORG_SORT_NAME;

  if (column == self->short_column)
    sort = CAG_ORG_SORT_SHORT_NAME;
  else if (column == self->region_column)
    sort = CAG_ORG_SORT_REGION;
  else if (column == self->kind_column)
    sort = CAG_ORG_SORT_KIND;
  /* Sorted again in SQL, never in GTK (docs/GUI.md, "Scale"). */
  cag_org_list_set_sort (self, sort, sort == self->sort ? !self->descending : FALSE);
}

static void
search_changed_cb (CagOrgList *self)
{
  fill (self);
}

/* Enter in the search: with exactly one organization found, opens it. */
static void
search_activate_cb (CagOrgList *self)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  gint64 id;

  fill (self);      /* search-changed waits for typing to pause */
  model = gtk_tree_view_get_model (self->org_view);
  if (model == NULL || gtk_tree_model_iter_n_children (model, NULL) != 1
      || !gtk_tree_model_get_iter_first (model, &iter))
    return;
  gtk_tree_model_get (model, &iter, CAG_ORG_LIST_COL_ID, &id, -1);
  g_signal_emit (self, signals[ORG_ACTIVATED], 0, id);
}

static void
add_clicked_cb (CagOrgList *self)
{
  cag_org_list_edit (self, 0);
}

static void
edit_clicked_cb (CagOrgList *self)
{
  gint64 id;
  gboolean active;

  if (get_selected (self, &id, &active))
    cag_org_list_edit (self, id);
}

static void
toggle_active_clicked_cb (CagOrgList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean active;

  if (!get_selected (self, &id, &active))
    return;
  if (!cag_store_org_set_active (self->store, id, !active, &error))
    {
      GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
      cag_gui_show_error (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                          _("Could not change the organization"), error);
      return;
    }
  reload_everything (self);
}

static void
selection_changed_cb (CagOrgList *self)
{
  gint64 id;
  gboolean active = TRUE;
  gboolean selected = get_selected (self, &id, &active);

  gtk_widget_set_sensitive (self->edit_button, selected && !self->read_only);
  gtk_widget_set_sensitive (self->toggle_active_button, selected && !self->read_only);
  gtk_button_set_label (GTK_BUTTON (self->toggle_active_button),
                        active ? _("_Deactivate") : _("Re_activate"));
}

static void
row_activated_cb (CagOrgList        *self,
                  GtkTreePath       *path,
                  GtkTreeViewColumn *column)
{
  GtkTreeIter iter;
  gint64 id;

  GtkTreeModel *model = gtk_tree_view_get_model (self->org_view);

  if (model == NULL || !gtk_tree_model_get_iter (model, &iter, path))
    return;
  gtk_tree_model_get (model, &iter, CAG_ORG_LIST_COL_ID, &id, -1);
  g_signal_emit (self, signals[ORG_ACTIVATED], 0, id);
}

static void
cag_org_list_finalize (GObject *object)
{
  CagOrgList *self = CAG_ORG_LIST (object);

  g_clear_handle_id (&self->row_error_idle, g_source_remove);
  g_clear_error (&self->row_error);
  G_OBJECT_CLASS (cag_org_list_parent_class)->finalize (object);
}

static void
cag_org_list_class_init (CagOrgListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[ORG_ACTIVATED] = g_signal_new ("org-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The list, or one of its rows, could not be read. */
  signals[LOAD_FAILED] = g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

  G_OBJECT_CLASS (klass)->finalize = cag_org_list_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-org-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, inactive_check);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, add_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, toggle_active_button);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, org_view);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, name_column);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, short_column);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, region_column);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, kind_column);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CagOrgList, empty_add_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, toggle_active_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_clicked_cb);
}

static void
cag_org_list_init (CagOrgList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->as_of = cag_date_today ();
  cag_gui_tree_view_text_tooltips (self->org_view, CAG_ORG_LIST_COL_NAME);
  cag_gui_set_accessible_name (GTK_WIDGET (self->org_view), C_("gui", "Organizations"));
  gtk_tree_view_column_set_sort_indicator (self->name_column, TRUE);
}

void
cag_org_list_set_editable (CagOrgList *self,
                           gboolean    editable)
{
  g_return_if_fail (CAG_IS_ORG_LIST (self));

  self->read_only = !editable;
  gtk_widget_set_sensitive (self->add_button, self->store != NULL && editable);
  selection_changed_cb (self);
}
