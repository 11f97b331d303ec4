/* cag-welcome.c — the first-run page of an empty database: create a
 * campaign, enter organizations, or open another file. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-welcome.h"

struct _CagWelcome
{
  GtkBox     parent_instance;

  GtkLabel  *intro_label;
  GtkWidget *campaign_button;
  GtkWidget *orgs_button;
  GtkWidget *new_db_button;
};

G_DEFINE_FINAL_TYPE (CagWelcome, cag_welcome, GTK_TYPE_BOX)

void
cag_welcome_set_has_store (CagWelcome *self,
                           gboolean    has_store)
{
  g_return_if_fail (CAG_IS_WELCOME (self));

  if (has_store)
    gtk_label_set_text (self->intro_label,
                        _("Cagnotte keeps the delegation funds of your network: each member "
                          "organization puts money aside every month toward a delegation. "
                          "Start with the campaign — the event, what one delegation costs, "
                          "and when saving starts."));
  else
    gtk_label_set_text (self->intro_label,
                        _("No database is open. Create a new one, or open an existing one."));
  gtk_widget_set_visible (self->campaign_button, has_store);
  gtk_widget_set_visible (self->orgs_button, has_store);
  gtk_widget_set_visible (self->new_db_button, !has_store);
}

void
cag_welcome_focus_first (CagWelcome *self)
{
  g_return_if_fail (CAG_IS_WELCOME (self));
  /* The first step has the focus: Enter creates the campaign. */
  gtk_widget_grab_focus (gtk_widget_get_visible (self->campaign_button)
                         ? self->campaign_button : self->new_db_button);
}

/* Each time the page is shown, the first step has the focus. */
static void
cag_welcome_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cag_welcome_parent_class)->map (widget);
  cag_welcome_focus_first (CAG_WELCOME (widget));
}

static void
cag_welcome_class_init (CagWelcomeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = cag_welcome_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gesq/Cagnotte/cag-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, CagWelcome, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CagWelcome, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, CagWelcome, orgs_button);
  gtk_widget_class_bind_template_child (widget_class, CagWelcome, new_db_button);
}

static void
cag_welcome_init (CagWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cag_welcome_set_has_store (self, TRUE);
}
