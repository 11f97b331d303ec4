/* test-proforma-dialog.c — the window's "Export Pro-forma" dialog under
 * Xvfb: the funder copy of the first funder is the default, the drop-down
 * is named by its label, the working copy is the last choice, in English and
 * in French.  CAGNOTTE_SHOTS=DIR saves a screenshot per language.  Skipped
 * without a display. */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "cag-i18n.h"
#include "cag-proforma.h"
#include "cag-proforma-dialog.h"

static void
flush (void)
{
  gint64 deadline = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

static CagProformaInput *
two_offers (void)
{
  CagProformaInput *in = cag_proforma_input_new ();
  const char *names[] = { "Ministère des Relations internationales", "ACDI" };
  gint64 ids[] = { 7, 9 };

  for (guint i = 0; i < 2; i++)
    {
      CagBudgetOffer *offer = cag_budget_offer_new ();

      offer->funder_id = ids[i];
      offer->funder_name = g_strdup (names[i]);
      g_ptr_array_add (in->offers, offer);
    }
  return in;
}

static void
shoot (GtkWidget *dialog, const char *lang)
{
  const char *dir = g_getenv ("CAGNOTTE_SHOTS");
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  GdkWindow *window = gtk_widget_get_window (dialog);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || window == NULL)
    return;
  pixbuf = gdk_pixbuf_get_from_window (window, 0, 0, gdk_window_get_width (window),
                                       gdk_window_get_height (window));
  name = g_strdup_printf ("%s-proforma-dialog.png", lang);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
}

static GtkWidget *
child (GtkWidget *dialog, const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (dialog, CAG_TYPE_PROFORMA_DIALOG, id));
}

static void
check_dialog (CagLang lang, const char *label_text, const char *working)
{
  g_autoptr (CagProformaInput) in = two_offers ();
  GtkWidget *dialog;
  GtkWidget *combo, *label, *explain;
  g_autofree char *funder_text = NULL;
  g_autofree char *working_text = NULL;
  g_autofree char *last = NULL;
  GtkTreeModel *model;

  cag_i18n_set_language (lang);
  dialog = cag_proforma_dialog_new (NULL, in);
  combo = child (dialog, "funder_combo");
  label = child (dialog, "funder_label");
  explain = child (dialog, "explain_label");

  /* The funder copy of the first funder is the default. */
  g_assert_cmpint (cag_proforma_dialog_get_funder_id (CAG_PROFORMA_DIALOG (dialog)), ==, 7);
  /* Named by its label, and reached with its mnemonic. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, label_text);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == combo);
  {
    /* The accessible name is the label without its mnemonic mark. */
    g_autofree char *plain = g_strdup (label_text);
    char *mark = strchr (plain, '_');

    memmove (mark, mark + 1, strlen (mark));
    g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (combo)), ==, plain);
  }

  /* Three choices, the working copy last. */
  model = gtk_combo_box_get_model (GTK_COMBO_BOX (combo));
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, 3);
  gtk_combo_box_set_active (GTK_COMBO_BOX (combo), 2);
  last = gtk_combo_box_text_get_active_text (GTK_COMBO_BOX_TEXT (combo));
  g_assert_cmpstr (last, ==, working);
  g_assert_cmpint (cag_proforma_dialog_get_funder_id (CAG_PROFORMA_DIALOG (dialog)), ==, 0);
  working_text = g_strdup (gtk_label_get_text (GTK_LABEL (explain)));
  cag_proforma_dialog_set_funder_id (CAG_PROFORMA_DIALOG (dialog), 9);
  g_assert_cmpint (cag_proforma_dialog_get_funder_id (CAG_PROFORMA_DIALOG (dialog)), ==, 9);
  funder_text = g_strdup (gtk_label_get_text (GTK_LABEL (explain)));
  /* The line under the drop-down says what the chosen copy holds. */
  g_assert_cmpstr (funder_text, !=, working_text);

  gtk_combo_box_set_active (GTK_COMBO_BOX (combo), 0);
  gtk_widget_show (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  flush ();
  gtk_test_widget_wait_for_draw (dialog);
  shoot (dialog, cag_lang_to_code (lang));
  gtk_widget_destroy (dialog);
  cag_i18n_set_language (CAG_LANG_EN);
}

static void
test_english (void)
{
  check_dialog (CAG_LANG_EN, "_For which funder?",
                "Working copy (every funder, warnings included)");
}

static void
test_french (void)
{
  check_dialog (CAG_LANG_FR, "_Pour quel bailleur de fonds ?",
                "Copie de travail (tous les bailleurs de fonds, avertissements compris)");
}

int
main (int argc, char **argv)
{
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  cag_i18n_init ();

  g_test_add_func ("/proforma-dialog/english", test_english);
  g_test_add_func ("/proforma-dialog/french", test_french);
  return g_test_run ();
}
