/* cag-list-model.h — the flat, read-only GtkTreeModel our large lists share.
 *
 * A row is just its position (0 … n_rows − 1); subclasses say how many
 * columns there are, their types, and make a cell's value on demand for the
 * rows the view shows (in fixed-height mode, only those; docs/GUI.md, "Scale").
 * The row count is fixed for a model's life: a new filter or sort makes a
 * new model, swapped into the view.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CAG_TYPE_LIST_MODEL (cag_list_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (CagListModel, cag_list_model, CAG, LIST_MODEL, GObject)

struct _CagListModelClass
{
  GObjectClass parent_class;

  gint  (*get_n_columns)   (CagListModel *self);
  GType (*get_column_type) (CagListModel *self,
                            gint          column);
  /* VALUE is already initialised to the column's type. */
  void  (*get_value)       (CagListModel *self,
                            guint         row,
                            gint          column,
                            GValue       *value);
};

/* For subclasses: a row could not be read.  Emits "read-failed" (GError),
 * once in the model's life: a Retry makes a new model (docs/GUI.md, "When
 * the database fails"). */
void  cag_list_model_read_failed (CagListModel *self,
                                  const GError *error);

/* For subclasses' constructors, once. */
void  cag_list_model_set_n_rows (CagListModel *self,
                                 guint         n_rows);
guint cag_list_model_get_n_rows (CagListModel *self);

G_END_DECLS
