/* cag-pdf-reminder.c — the reminder letter (lettre de rappel) sent to an
 * organization whose fund is behind its plan: what was saved, the arrears,
 * the new monthly amount that reaches the target by the deadline, and whom
 * to call; signed by the network's contact person.  Every figure comes from
 * the core's rules (cag_fund_compute, docs/RULES.md), never recomputed here.
 * See docs/DOCUMENTS.md.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-i18n.h"
#include "cag-pdf-private.h"
#include "cag-money.h"
#include "cag-date.h"

#define BODY_SIZE    10.5
#define BODY_LEADING 15.0

static double
paragraph (CagPdfDoc  *doc,
           double      y,
           const char *text)
{
  return cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR,
                            BODY_SIZE, BODY_LEADING, &cag_pdf_ink, text) - 8;
}

/* Who the letter goes to: the organization's contact, then its name. */
static double
draw_addressee (CagPdfDoc               *doc,
                const CagReminderData   *data,
                double                   y)
{
  const CagOrganization *org = data->organization;

  if (org->contact_name != NULL && *org->contact_name != '\0')
    {
      cag_pdf_text_fit (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, BODY_SIZE,
                        &cag_pdf_ink, CAG_PDF_CONTENT_WIDTH, org->contact_name);
      y -= BODY_LEADING;
    }
  y = cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, BODY_SIZE,
                         BODY_LEADING, &cag_pdf_ink, org->name);
  if (org->email != NULL && *org->email != '\0')
    {
      cag_pdf_text_fit (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 9,
                        &cag_pdf_muted, CAG_PDF_CONTENT_WIDTH, org->email);
      y -= BODY_LEADING;
    }
  return y - 14;
}

/* The figures the letter speaks of, in a shaded box. */
static double
draw_figures_box (CagPdfDoc             *doc,
                  const CagReminderData *data,
                  double                 y)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  g_autofree char *saved = cag_money_format (f->saved_cents + f->matched_cents, lang);
  g_autofree char *target = cag_money_format (f->target_cents, lang);
  g_autofree char *expected = cag_money_format (f->expected_cents, lang);
  g_autofree char *arrears = cag_money_format (f->arrears_cents, lang);
  g_autofree char *needed = cag_money_format (f->monthly_needed_cents, lang);
  g_autofree char *planned = cag_money_format (f->planned_monthly_cents, lang);
  const char *labels[] = {
    C_("pdf", "Saved"), C_("pdf", "Target"), C_("pdf", "Expected at the start of the month"),
    C_("pdf", "Arrears against the plan"), C_("pdf", "Planned contribution per month"),
    C_("pdf", "Needed per month from now on"),
  };
  const char *values[] = { saved, target, expected, arrears, planned, needed };
  double row = 17;
  double h = G_N_ELEMENTS (labels) * row + 12;
  double x = CAG_PDF_LEFT + 40;
  double w = CAG_PDF_CONTENT_WIDTH - 80;

  cag_pdf_fill_rect (doc, x, y - h, w, h, &cag_pdf_shade);
  y -= 18;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++, y -= row)
    {
      gboolean strong = i == 3 || i == 5;
      const CagRgb *color = strong ? &cag_pdf_warn : &cag_pdf_ink;
      double vw = cag_pdf_text (doc, x + w - 12, y, CAG_PDF_ALIGN_RIGHT, CAG_PDF_BOLD, 10,
                                color, values[i]);

      cag_pdf_text_fit (doc, x + 12, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 10, &cag_pdf_muted,
                        w - vw - 36, labels[i]);
    }
  return y - 16;
}

static char *
body_situation (CagPdfDoc             *doc,
                const CagReminderData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  g_autofree char *as_of = cag_date_format (&data->as_of, lang);
  g_autofree char *saved = cag_money_format (f->saved_cents + f->matched_cents, lang);
  g_autofree char *target = cag_money_format (f->target_cents, lang);
  g_autofree char *expected = cag_money_format (f->expected_cents, lang);
  g_autofree char *arrears = cag_money_format (f->arrears_cents, lang);

  /* TRANSLATORS: first paragraph of a reminder letter: date, organization,
   * amount saved, target, campaign, amount expected, arrears. */
  return g_strdup_printf (C_("pdf",
                             "On %s, %s has saved %s toward its target of %s for %s. "
                             "According to the saving plan, %s should have been put aside by "
                             "the start of this month: the fund is %s behind."),
                          as_of, data->organization->name, saved, target, data->campaign->name,
                          expected, arrears);
}

static char *body_needed_sentence (const CagFundFigures *f,
                                   const char           *deadline,
                                   const char           *needed,
                                   const char           *planned);

static char *
body_needed (CagPdfDoc             *doc,
             const CagReminderData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagFundFigures *f = &data->status->figures;
  g_autofree char *deadline = cag_date_format (&data->campaign->deadline, lang);
  g_autofree char *needed = cag_money_format (f->monthly_needed_cents, lang);
  g_autofree char *planned = cag_money_format (f->planned_monthly_cents, lang);

  if (f->months_left <= 0)
    /* TRANSLATORS: reminder letter, when the deadline's month has come. */
    return g_strdup_printf (C_("pdf",
                               "The deadline (%s) has come: the %s still missing are needed "
                               "now to send the delegation."),
                            deadline, needed);
  if (f->paid_this_month_cents > 0)
    {
      /* The current month is one of the months left (docs/RULES.md): say
       * what was already paid towards it, so that the figures add up. */
      g_autofree char *paid = cag_money_format (f->paid_this_month_cents, lang);
      g_autofree char *first = body_needed_sentence (f, deadline, needed, planned);

      /* TRANSLATORS: reminder letter, after "the fund now needs X per month
       * for each of the N months left"; %s is what was paid this month. */
      return g_strdup_printf (C_("pdf", "%s This month counts as the first of them: %s has "
                                        "already been paid towards it."),
                              first, paid);
    }
  return body_needed_sentence (f, deadline, needed, planned);
}

static char *
body_needed_sentence (const CagFundFigures *f,
                      const char           *deadline,
                      const char           *needed,
                      const char           *planned)
{
  /* TRANSLATORS: reminder letter: the deadline, the new monthly amount, the
   * number of months left, the amount planned so far. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "To reach the target by the deadline (%s), the fund "
                                      "now needs %s per month for the %d month left, "
                                      "instead of the %s planned.",
                                      "To reach the target by the deadline (%s), the fund "
                                      "now needs %s per month for each of the %d months "
                                      "left, instead of the %s planned.",
                                      (gulong) f->months_left),
                          deadline, needed, f->months_left, planned);
}

/* Whom to call: the network's contact, telephone and e-mail (those known). */
static char *
body_contact (const CagReminderData *data)
{
  const CagNetwork *n = data->network;
  const char *who = n->contact != NULL ? n->contact : n->name;
  g_autofree char *phone = cag_pdf_unbreakable (n->phone);

  if (who == NULL)
    return g_strdup (C_("pdf", "For any question, please answer this letter."));
  if (n->phone != NULL && n->email != NULL)
    return g_strdup_printf (C_("pdf", "For any question, or to agree on another way to catch "
                                      "up, please call %s at %s or write to %s."),
                            who, phone, n->email);
  if (n->phone != NULL || n->email != NULL)
    return g_strdup_printf (C_("pdf", "For any question, or to agree on another way to catch "
                                      "up, please contact %s (%s)."),
                            who, phone != NULL ? phone : n->email);
  return g_strdup_printf (C_("pdf", "For any question, or to agree on another way to catch "
                                    "up, please contact %s."), who);
}

static void
draw_signature (CagPdfDoc             *doc,
                const CagReminderData *data,
                double                 y)
{
  const CagNetwork *n = data->network;

  y = paragraph (doc, y, C_("pdf", "Thank you for your commitment to the delegation."));
  y -= 18;
  if (n->contact != NULL)
    {
      cag_pdf_text_fit (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_BOLD, BODY_SIZE,
                        &cag_pdf_ink, CAG_PDF_CONTENT_WIDTH, n->contact);
      y -= BODY_LEADING;
    }
  if (n->name != NULL)
    cag_pdf_paragraph (doc, CAG_PDF_LEFT, y, CAG_PDF_CONTENT_WIDTH, CAG_PDF_REGULAR, BODY_SIZE,
                       BODY_LEADING, &cag_pdf_muted, n->name);
}

void
cag_pdf_draw_reminder (CagPdfDoc             *doc,
                       const CagReminderData *data)
{
  CagLang lang = cag_pdf_doc_get_lang (doc);
  const CagOrganization *org = data->organization;
  g_autofree char *date = cag_date_format (&data->as_of, lang);
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *greeting = NULL;
  g_autofree char *situation = body_situation (doc, data);
  g_autofree char *needed = body_needed (doc, data);
  g_autofree char *contact = body_contact (data);
  double y;

  /* TRANSLATORS: bottom left of a reminder letter: organization, campaign. */
  footer = g_strdup_printf (C_("pdf", "Reminder — %s — %s"), org->name, data->campaign->name);
  cag_pdf_doc_set_footer (doc, footer);
  cag_pdf_doc_add_page (doc);
  /* TRANSLATORS: under the title of a reminder letter; %s is a campaign. */
  subtitle = g_strdup_printf (C_("pdf", "Delegation fund for %s"), data->campaign->name);
  y = cag_pdf_draw_letterhead (doc, data->network, C_("pdf", "Reminder: your fund is behind"),
                               subtitle, date);
  if (data->network->address != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (data->network->address, "\n", 4);

      for (guint i = 0; parts[i] != NULL; i++, y -= 11)
        cag_pdf_text_fit (doc, CAG_PDF_LEFT, y, CAG_PDF_ALIGN_LEFT, CAG_PDF_REGULAR, 8.5,
                          &cag_pdf_muted, CAG_PDF_CONTENT_WIDTH, parts[i]);
      y -= 12;
    }
  y = draw_addressee (doc, data, y - 6);

  if (org->contact_name != NULL && *org->contact_name != '\0')
    /* TRANSLATORS: greeting of a reminder letter; %s is a person's name. */
    greeting = g_strdup_printf (C_("pdf", "Dear %s,"), org->contact_name);
  else
    greeting = g_strdup (C_("pdf", "Dear treasurer,"));
  y = paragraph (doc, y, greeting);
  y = paragraph (doc, y, situation);
  y = draw_figures_box (doc, data, y - 4);
  y = paragraph (doc, y, needed);
  y = paragraph (doc, y, contact);
  draw_signature (doc, data, y - 4);
}
