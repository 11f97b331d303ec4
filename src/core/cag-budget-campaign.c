/* cag-budget-campaign.c — funders' offers on a campaign, which match each
 * fund's savings.  The store's fund figures read the terms that apply from
 * the campaign_match row of the campaign (cag-schema.c), which every change
 * here keeps current in the same transaction.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
#include <json-glib/json-glib.h>

#include "cag-budget.h"
#include "cag-budget-private.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-money.h"

/* ---- Campaign offers ---------------------------------------------------- */

/* Inside a transaction: the campaign_match row of CAMPAIGN_ID made to hold
 * the terms that apply (cag_budget_campaign_match), or removed when the
 * campaign has no offer left. */
static gboolean
sync_campaign_match (CagStore *store,
                     gint64    campaign_id,
                     GError  **error)
{
  CagStmt *stmt;
  gint num, den;
  gint64 cap;

  if (!cag_budget_campaign_match (store, campaign_id, &num, &den, &cap, error))
    return FALSE;
  if (den == 0)
    return cag_budget_exec_ids (store, "DELETE FROM campaign_match WHERE campaign_id = ?1",
                                campaign_id, 0, error);
  stmt = cag_store_prepare (store,
                            "INSERT INTO campaign_match (campaign_id, match_num, match_den, "
                            "cap_cents) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (campaign_id) DO UPDATE SET "
                            "match_num = excluded.match_num, match_den = excluded.match_den, "
                            "cap_cents = excluded.cap_cents", error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, campaign_id);
  cag_stmt_bind_int (stmt, 2, num);
  cag_stmt_bind_int (stmt, 3, den);
  cag_stmt_bind_int (stmt, 4, cap);
  return cag_stmt_step_done (store, stmt, _("saving the campaign offer"), error);
}

void
cag_campaign_offer_free (CagCampaignOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->funder_name);
  g_free (offer);
}

gboolean
cag_campaign_offer_set (CagStore         *store,
                        CagCampaignOffer *offer,
                        GError          **error)
{
  g_autoptr (CagCampaign) campaign = NULL;
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *ratio = NULL;
  CagStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && offer != NULL, FALSE);

  if (!cag_budget_check_offer_terms (offer->num, offer->den, offer->cap_per_fund_cents, 0, 0,
                                     error))
    return FALSE;
  campaign = cag_store_campaign_get (store, offer->campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  funder = cag_budget_funder_get (store, offer->funder_id, error);
  if (funder == NULL)
    return FALSE;

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = (stmt = cag_store_prepare (store,
                                  "INSERT INTO campaign_offer (campaign_id, funder_id, ratio_num, "
                                  "ratio_den, cap_per_fund_cents) VALUES (?1, ?2, ?3, ?4, ?5) "
                                  "ON CONFLICT (campaign_id, funder_id) DO UPDATE SET "
                                  "ratio_num = excluded.ratio_num, "
                                  "ratio_den = excluded.ratio_den, "
                                  "cap_per_fund_cents = excluded.cap_per_fund_cents", error))
    != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, campaign->id);
      cag_stmt_bind_int (stmt, 2, funder->id);
      cag_stmt_bind_int (stmt, 3, offer->num);
      cag_stmt_bind_int (stmt, 4, offer->den);
      cag_stmt_bind_int (stmt, 5, offer->cap_per_fund_cents);
      ok = cag_stmt_step_done (store, stmt, _("saving the campaign offer"), error)
        && sync_campaign_match (store, campaign->id, error);
    }
  if (ok)
    {
      g_autoptr (CagStmt) find =
        cag_store_prepare (store,
                           "SELECT id FROM campaign_offer "
                           "WHERE campaign_id = ?1 AND funder_id = ?2",
                           error);

      ok = find != NULL;
      if (ok)
        {
          CagStep step;

          cag_stmt_bind_int (find, 1, campaign->id);
          cag_stmt_bind_int (find, 2, funder->id);
          step = cag_stmt_step (store, find, _("reading the campaign offers"), error);
          ok = step != CAG_STEP_ERROR;
          if (step == CAG_STEP_ROW)
            id = cag_stmt_column_int (find, 0);
        }
    }
  if (ok)
    {
      ratio = g_strdup_printf ("%d:%d", offer->num, offer->den);
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "funder");
      json_builder_add_string_value (builder, funder->name);
      json_builder_set_member_name (builder, "ratio");
      json_builder_add_string_value (builder, ratio);
      json_builder_set_member_name (builder, "cap_per_fund_cents");
      json_builder_add_int_value (builder, offer->cap_per_fund_cents);
      detail = cag_budget_json_detail (builder);
      ok = cag_store_audit (store, "campaign.offer", "campaign", campaign->id, detail, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  offer->id = id;
  g_free (offer->funder_name);
  offer->funder_name = g_strdup (funder->name);
  return TRUE;
}

GPtrArray *
cag_campaign_offer_list (CagStore *store,
                         gint64    campaign_id,
                         GError  **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cag_campaign_offer_free);
  g_autoptr (CagStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT o.id, o.campaign_id, o.funder_id, f.name, o.ratio_num, "
                            "o.ratio_den, o.cap_per_fund_cents FROM campaign_offer o "
                            "JOIN funder f ON f.id = o.funder_id "
                            "WHERE o.campaign_id = ?1 ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, campaign_id);
  while ((rc = cag_stmt_step (store, stmt, _("reading the campaign offers"), error)) == CAG_STEP_ROW)
    {
      CagCampaignOffer *offer = g_new0 (CagCampaignOffer, 1);

      offer->id = cag_stmt_column_int (stmt, 0);
      offer->campaign_id = cag_stmt_column_int (stmt, 1);
      offer->funder_id = cag_stmt_column_int (stmt, 2);
      offer->funder_name = cag_stmt_column_dup (stmt, 3);
      offer->num = cag_stmt_column_int (stmt, 4);
      offer->den = cag_stmt_column_int (stmt, 5);
      offer->cap_per_fund_cents = cag_stmt_column_int (stmt, 6);
      g_ptr_array_add (list, offer);
    }
  if (rc == CAG_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
cag_budget_campaign_match (CagStore *store,
                           gint64    campaign_id,
                           gint     *num,
                           gint     *den,
                           gint64   *cap,
                           GError  **error)
{
  g_autoptr (CagStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL && num != NULL && den != NULL && cap != NULL, FALSE);

  *num = 0;
  *den = 0;
  *cap = 0;
  /* Each savings dollar is matched once: the highest ratio applies, compared
   * exactly on cross products; ties keep the first entered. */
  stmt = cag_store_prepare (store,
                            "SELECT ratio_num, ratio_den, cap_per_fund_cents FROM campaign_offer "
                            "WHERE campaign_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, campaign_id);
  while ((rc = cag_stmt_step (store, stmt, _("reading the campaign offers"), error))
         == CAG_STEP_ROW)
    {
      gint n = cag_stmt_column_int (stmt, 0);
      gint d = cag_stmt_column_int (stmt, 1);

      if (*den == 0 || (gint64) n * *den > (gint64) *num * d)
        {
          *num = n;
          *den = d;
          *cap = cag_stmt_column_int (stmt, 2);
        }
    }
  return rc != CAG_STEP_ERROR;
}

gboolean
cag_campaign_offer_remove (CagStore *store,
                           gint64    campaign_id,
                           gint64    funder_id,
                           GError  **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = cag_budget_exec_ids (store,
                            "DELETE FROM campaign_offer WHERE campaign_id = ?1 AND funder_id = ?2",
                            campaign_id, funder_id, error);
  if (ok && cag_store_changes (store) == 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                           _("This funder has no offer on this campaign."));
      ok = FALSE;
    }
  if (ok)
    ok = sync_campaign_match (store, campaign_id, error);
  if (ok)
    {
      detail = g_strdup_printf ("{\"funder_id\":%" G_GINT64_FORMAT ",\"removed\":true}",
                                funder_id);
      ok = cag_store_audit (store, "campaign.offer.remove", "campaign", campaign_id, detail,
                            error);
    }
  return cag_budget_finish (store, ok, error);
}
