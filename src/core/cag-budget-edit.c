/* cag-budget-edit.c — editing a budget: lines, offers, pledges, submitting
 * and approving.  An edit of a submitted or approved budget first copies its
 * latest version into a new draft (see cag-budget.h).
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

/* ---- Edits -------------------------------------------------------------- */

/* Inside a transaction: the id of the version to edit — the latest when it
 * is a draft, otherwise a new draft copied from it (lines, offers and
 * pledges, keeping their positions). */
static gboolean
editable_version (CagStore *store,
                  gint64    budget_id,
                  gint64   *out_version_id,
                  gint     *out_version,
                  GError  **error)
{
  g_autoptr (CagBudget) latest = cag_budget_get (store, budget_id, 0, error);
  g_autofree char *at = NULL;
  g_autofree char *detail = NULL;
  CagStmt *stmt;
  gint64 new_id;
  gboolean ok;

  if (latest == NULL)
    return FALSE;
  if (latest->status == CAG_BUDGET_DRAFT)
    {
      *out_version_id = latest->version_id;
      if (out_version != NULL)
        *out_version = latest->version;
      return TRUE;
    }

  at = cag_budget_now_iso ();
  stmt = cag_store_prepare (store,
                            "INSERT INTO budget_version (budget_id, version, status, start_date, "
                            "end_date, created_at) "
                            "SELECT budget_id, version + 1, 'draft', start_date, end_date, ?2 "
                            "FROM budget_version WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, latest->version_id);
  cag_stmt_bind_text (stmt, 2, at);
  if (!cag_stmt_step_done (store, stmt, _("saving the budget"), error))
    return FALSE;
  new_id = cag_store_last_insert_id (store);

  ok = cag_budget_exec_ids (store,
                            "INSERT INTO budget_line (version_id, position, code, code_key, "
                            "label, amount_cents) SELECT ?2, position, code, code_key, label, "
                            "amount_cents FROM budget_line WHERE version_id = ?1",
                            latest->version_id, new_id, error)
    && cag_budget_exec_ids (store,
                            "INSERT INTO budget_offer (version_id, position, funder_id, "
                            "ratio_num, ratio_den, lines, cash_only, cap_cents, "
                            "min_base_cents, max_share_bp) "
                            "SELECT ?2, position, funder_id, ratio_num, ratio_den, lines, "
                            "cash_only, cap_cents, min_base_cents, max_share_bp "
                            "FROM budget_offer WHERE version_id = ?1",
                            latest->version_id, new_id, error)
    && cag_budget_exec_ids (store,
                            "INSERT INTO budget_pledge (version_id, position, organization_id, "
                            "partner_name, line_code, kind, amount_cents, basis, status) "
                            "SELECT ?2, position, organization_id, partner_name, line_code, "
                            "kind, amount_cents, basis, status "
                            "FROM budget_pledge WHERE version_id = ?1",
                            latest->version_id, new_id, error);
  if (!ok)
    return FALSE;

  detail = g_strdup_printf ("{\"version\":%d,\"from_version\":%d}",
                            latest->version + 1, latest->version);
  if (!cag_store_audit (store, "budget.new_version", "budget", budget_id, detail, error))
    return FALSE;
  *out_version_id = new_id;
  if (out_version != NULL)
    *out_version = latest->version + 1;
  return TRUE;
}

/* A line's code as the version spells it, matched without regard to case
 * and accents; NULL when the version has no such line. */
static char *
line_code_lookup (CagStore   *store,
                  gint64      version_id,
                  const char *code,
                  GError    **error)
{
  g_autofree char *key = cag_fold_key (code);
  g_autoptr (CagStmt) stmt =
    cag_store_prepare (store,
                       "SELECT code FROM budget_line WHERE version_id = ?1 AND code_key = ?2",
                       error);

  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, version_id);
  cag_stmt_bind_text (stmt, 2, key);
  if (cag_stmt_step (store, stmt, _("reading the budget lines"), error) == CAG_STEP_ROW)
    return cag_stmt_column_dup (stmt, 0);
  return NULL;
}

static char *
clean_code (const char *code,
            GError    **error)
{
  g_autofree char *clean = cag_budget_clean_required (code, CAG_BUDGET_MAX_CODE_CHARS,
                                                      _("line code"), error);

  if (clean == NULL)
    return NULL;
  if (strchr (clean, ',') != NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("A line code cannot contain a comma (“%s”)."), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static gboolean
audit_edit (CagStore    *store,
            const char  *action,
            gint64       budget_id,
            gint         version,
            JsonBuilder *builder,
            GError     **error)
{
  g_autofree char *detail = NULL;

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  detail = cag_budget_json_detail (builder);
  return cag_store_audit (store, action, "budget", budget_id, detail, error);
}

gboolean
cag_budget_line_set (CagStore   *store,
                     gint64      budget_id,
                     const char *code,
                     const char *label,
                     gint64      amount_cents,
                     gint       *out_version,
                     GError    **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *existing = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  GError *local = NULL;
  CagStmt *stmt;
  gint64 version_id;
  gint version = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  clean = clean_code (code, error);
  if (clean == NULL)
    return FALSE;
  text = cag_budget_clean_required (label, CAG_BUDGET_MAX_TEXT_CHARS, _("line label"), error);
  if (text == NULL || !cag_budget_check_amount (amount_cents, FALSE, _("line amount"), error))
    return FALSE;
  key = cag_fold_key (clean);

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error);
  if (ok)
    {
      existing = line_code_lookup (store, version_id, clean, &local);
      ok = local == NULL;
      if (!ok)
        g_propagate_error (error, local);
    }
  if (ok && existing != NULL)
    {
      ok = (stmt = cag_store_prepare (store,
                                      "UPDATE budget_line SET label = ?4, amount_cents = ?5 "
                                      "WHERE version_id = ?1 AND code_key = ?2",
                                      error)) != NULL;
    }
  else if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_line (version_id, code_key, code, label, "
                                    "amount_cents, position) VALUES (?1, ?2, ?3, ?4, ?5, "
                                    "(SELECT coalesce (max (position), 0) + 1 FROM budget_line "
                                    " WHERE version_id = ?1))", error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, version_id);
      cag_stmt_bind_text (stmt, 2, key);
      cag_stmt_bind_text (stmt, 3, clean);
      cag_stmt_bind_text (stmt, 4, text);
      cag_stmt_bind_int (stmt, 5, amount_cents);
      ok = cag_stmt_step_done (store, stmt, _("saving the budget line"), error);
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, clean);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "amount_cents");
      json_builder_add_int_value (builder, amount_cents);
      ok = audit_edit (store, existing != NULL ? "budget.line.update" : "budget.line.add",
                       budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

gboolean
cag_budget_line_remove (CagStore   *store,
                        gint64      budget_id,
                        const char *code,
                        gint       *out_version,
                        GError    **error)
{
  g_autofree char *existing = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  GError *local = NULL;
  gint64 version_id, pledges = 0;
  gint version = 0;
  CagStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error);
  if (ok)
    {
      existing = line_code_lookup (store, version_id, code != NULL ? code : "", &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          ok = FALSE;
        }
      else if (existing == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("This budget has no line “%s”."), code);
          ok = FALSE;
        }
    }
  if (ok)
    {
      g_autoptr (CagStmt) count =
        cag_store_prepare (store,
                           "SELECT count (*) FROM budget_pledge "
                           "WHERE version_id = ?1 AND line_code = ?2", error);

      ok = count != NULL;
      if (ok)
        {
          cag_stmt_bind_int (count, 1, version_id);
          cag_stmt_bind_text (count, 2, existing);
          switch (cag_stmt_step (store, count, _("reading the pledges"), error))
            {
            case CAG_STEP_ROW:
              pledges = cag_stmt_column_int (count, 0);
              break;
            case CAG_STEP_DONE:
              break;
            case CAG_STEP_ERROR:
            default:
              ok = FALSE;
              break;
            }
          if (ok && pledges > 0)
            {
              g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Line “%s” has partner pledges; remove them first."), existing);
              ok = FALSE;
            }
        }
    }
  if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "DELETE FROM budget_line WHERE version_id = ?1 AND code = ?2",
                                    error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, version_id);
      cag_stmt_bind_text (stmt, 2, existing);
      ok = cag_stmt_step_done (store, stmt, _("saving the budget"), error);
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, existing);
      ok = audit_edit (store, "budget.line.remove", budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

gboolean
cag_budget_check_offer_terms (gint      num,
                              gint      den,
                              gint64    cap,
                              gint64    min_base,
                              gint      share,
                              GError  **error)
{
  if (num < 1 || den < 1 || num > CAG_RATIO_MAX || den > CAG_RATIO_MAX)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("A ratio A:B needs whole numbers from 1 to %d."), CAG_RATIO_MAX);
      return FALSE;
    }
  if (!cag_budget_check_amount (cap, TRUE, _("cap"), error)
      || !cag_budget_check_amount (min_base, TRUE, _("minimum base"), error))
    return FALSE;
  if (share < 0 || share > 10000)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The ceiling must be a share from 0 to 100 %."));
      return FALSE;
    }
  return TRUE;
}

gboolean
cag_budget_offer_set (CagStore             *store,
                      gint64                budget_id,
                      const CagBudgetOffer *offer,
                      gint                 *out_version,
                      GError              **error)
{
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lines = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  gint64 version_id, existing = 0;
  gint version = 0;
  CagStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && offer != NULL, FALSE);

  if (!cag_budget_check_offer_terms (offer->num, offer->den, offer->cap_cents,
                                     offer->min_base_cents, offer->max_share_bp, error))
    return FALSE;
  funder = cag_budget_funder_get (store, offer->funder_id, error);
  if (funder == NULL)
    return FALSE;

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error);
  for (guint i = 0; ok && offer->lines != NULL && offer->lines[i] != NULL; i++)
    {
      GError *local = NULL;
      g_autofree char *clean = clean_code (offer->lines[i], error);
      char *known;

      if (clean == NULL)
        {
          ok = FALSE;
          break;
        }
      known = line_code_lookup (store, version_id, clean, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          ok = FALSE;
          break;
        }
      if (known == NULL)
        known = g_steal_pointer (&clean);
      for (guint j = 0; known != NULL && j < codes->len; j++)
        if (strcmp (codes->pdata[j], known) == 0)
          g_clear_pointer (&known, g_free);
      if (known != NULL)
        g_ptr_array_add (codes, known);
    }
  if (ok && offer->lines != NULL)
    {
      g_ptr_array_add (codes, NULL);
      lines = g_strjoinv (",", (char **) codes->pdata);
    }
  if (ok)
    {
      g_autoptr (CagStmt) find =
        cag_store_prepare (store,
                           "SELECT id FROM budget_offer WHERE version_id = ?1 AND funder_id = ?2",
                           error);

      ok = find != NULL;
      if (ok)
        {
          CagStep step;

          cag_stmt_bind_int (find, 1, version_id);
          cag_stmt_bind_int (find, 2, funder->id);
          step = cag_stmt_step (store, find, _("reading the offers"), error);
          ok = step != CAG_STEP_ERROR;
          if (step == CAG_STEP_ROW)
            existing = cag_stmt_column_int (find, 0);
        }
    }
  if (ok && existing > 0)
    ok = (stmt = cag_store_prepare (store,
                                    "UPDATE budget_offer SET ratio_num = ?3, ratio_den = ?4, "
                                    "lines = ?5, cash_only = ?6, cap_cents = ?7, "
                                    "min_base_cents = ?8, max_share_bp = ?9 "
                                    "WHERE version_id = ?1 AND funder_id = ?2", error)) != NULL;
  else if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_offer (version_id, funder_id, ratio_num, "
                                    "ratio_den, lines, cash_only, cap_cents, min_base_cents, "
                                    "max_share_bp, position) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                    "(SELECT coalesce (max (position), 0) + 1 FROM budget_offer "
                                    " WHERE version_id = ?1))", error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, version_id);
      cag_stmt_bind_int (stmt, 2, funder->id);
      cag_stmt_bind_int (stmt, 3, offer->num);
      cag_stmt_bind_int (stmt, 4, offer->den);
      cag_stmt_bind_text (stmt, 5, lines);
      cag_stmt_bind_int (stmt, 6, offer->cash_only ? 1 : 0);
      cag_stmt_bind_int (stmt, 7, offer->cap_cents);
      cag_stmt_bind_int (stmt, 8, offer->min_base_cents);
      cag_stmt_bind_int (stmt, 9, offer->max_share_bp);
      ok = cag_stmt_step_done (store, stmt, _("saving the offer"), error);
    }
  if (ok)
    {
      g_autofree char *ratio = g_strdup_printf ("%d:%d", offer->num, offer->den);

      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "funder");
      json_builder_add_string_value (builder, funder->name);
      json_builder_set_member_name (builder, "ratio");
      json_builder_add_string_value (builder, ratio);
      json_builder_set_member_name (builder, "lines");
      if (lines != NULL)
        json_builder_add_string_value (builder, lines);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "cash_only");
      json_builder_add_boolean_value (builder, offer->cash_only);
      json_builder_set_member_name (builder, "cap_cents");
      json_builder_add_int_value (builder, offer->cap_cents);
      json_builder_set_member_name (builder, "min_base_cents");
      json_builder_add_int_value (builder, offer->min_base_cents);
      json_builder_set_member_name (builder, "max_share_bp");
      json_builder_add_int_value (builder, offer->max_share_bp);
      ok = audit_edit (store, existing > 0 ? "budget.offer.update" : "budget.offer.add",
                       budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

gboolean
cag_budget_offer_remove (CagStore *store,
                         gint64    budget_id,
                         gint64    funder_id,
                         gint     *out_version,
                         GError  **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  gint64 version_id;
  gint version = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error)
    && cag_budget_exec_ids (store,
                            "DELETE FROM budget_offer WHERE version_id = ?1 AND funder_id = ?2",
                 version_id, funder_id, error);
  if (ok && cag_store_changes (store) == 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                           _("This funder has no offer on this budget."));
      ok = FALSE;
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "funder_id");
      json_builder_add_int_value (builder, funder_id);
      ok = audit_edit (store, "budget.offer.remove", budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

/* The position of pledge PLEDGE_ID of budget BUDGET_ID, in whichever
 * version it was read from (a new version keeps positions); 0 and ERROR when
 * the budget has no such pledge. */
static gint64
pledge_position (CagStore *store,
                 gint64    budget_id,
                 gint64    pledge_id,
                 GError  **error)
{
  g_autoptr (CagStmt) stmt = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, pledge_id);
  gint64 position = 0;

  stmt = cag_store_prepare (store,
                            "SELECT p.position FROM budget_pledge p "
                            "JOIN budget_version v ON v.id = p.version_id "
                            "WHERE p.id = ?1 AND v.budget_id = ?2", error);
  if (stmt == NULL)
    return 0;
  cag_stmt_bind_int (stmt, 1, pledge_id);
  cag_stmt_bind_int (stmt, 2, budget_id);
  switch (cag_stmt_step (store, stmt, _("reading the pledges"), error))
    {
    case CAG_STEP_ROW:
      position = cag_stmt_column_int (stmt, 0);
      break;
    case CAG_STEP_ERROR:
      return 0;
    case CAG_STEP_DONE:
    default:
      break;
    }
  if (position == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("This budget has no pledge number %s."), id_text);
  return position;
}

/* Adds PLEDGE, or with POSITION > 0 changes the pledge at that position. */
static gboolean
pledge_write (CagStore  *store,
              gint64     budget_id,
              CagPledge *pledge,
              gint64     position,
              gint      *out_version,
              GError   **error)
{
  g_autofree char *partner = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *code = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  GError *local = NULL;
  gint64 version_id, pledge_id = 0;
  gint version = 0;
  CagStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && pledge != NULL, FALSE);

  if (pledge->organization_id > 0)
    {
      g_autoptr (CagOrganization) org = cag_store_org_get (store, pledge->organization_id, error);

      if (org == NULL)
        return FALSE;
      partner = g_strdup (org->name);
    }
  else
    {
      partner = cag_budget_clean_required (pledge->partner_name, CAG_BUDGET_MAX_NAME_CHARS,
                                           _("partner’s name"), error);
      if (partner == NULL)
        return FALSE;
    }
  if (!cag_budget_check_amount (pledge->amount_cents, FALSE, _("pledge amount"), error))
    return FALSE;
  if (pledge->basis != NULL)
    basis = g_strstrip (g_strdup (pledge->basis));
  if (basis != NULL && *basis == '\0')
    g_clear_pointer (&basis, g_free);
  if (pledge->kind == CAG_PLEDGE_IN_KIND && basis == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("An in-kind pledge needs its valuation basis (for example "
                             "“40 h × 35 $” or “fair market value”)."));
      return FALSE;
    }
  if (basis != NULL && g_utf8_strlen (basis, -1) > CAG_BUDGET_MAX_TEXT_CHARS)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The valuation basis is too long."));
      return FALSE;
    }

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error);
  if (ok)
    {
      code = line_code_lookup (store, version_id,
                               pledge->line_code != NULL ? pledge->line_code : "", &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          ok = FALSE;
        }
      else if (code == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("This budget has no line “%s”; add the line first."),
                       pledge->line_code != NULL ? pledge->line_code : "");
          ok = FALSE;
        }
    }
  if (ok && position > 0)
    ok = (stmt = cag_store_prepare (store,
                                    "UPDATE budget_pledge SET organization_id = ?2, "
                                    "partner_name = ?3, line_code = ?4, kind = ?5, "
                                    "amount_cents = ?6, basis = ?7, status = ?8 "
                                    "WHERE version_id = ?1 AND position = ?9", error)) != NULL;
  else if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_pledge (version_id, organization_id, "
                                    "partner_name, line_code, kind, amount_cents, basis, status, "
                                    "position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                    "(SELECT coalesce (max (position), 0) + 1 FROM budget_pledge "
                                    " WHERE version_id = ?1))", error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, version_id);
      if (pledge->organization_id > 0)
        cag_stmt_bind_int (stmt, 2, pledge->organization_id);
      else
        cag_stmt_bind_null (stmt, 2);
      cag_stmt_bind_text (stmt, 3, partner);
      cag_stmt_bind_text (stmt, 4, code);
      cag_stmt_bind_text (stmt, 5, cag_pledge_kind_to_string (pledge->kind));
      cag_stmt_bind_int (stmt, 6, pledge->amount_cents);
      cag_stmt_bind_text (stmt, 7, basis);
      cag_stmt_bind_text (stmt, 8, cag_pledge_status_to_string (pledge->status));
      if (position > 0)
        cag_stmt_bind_int (stmt, 9, position);
      ok = cag_stmt_step_done (store, stmt, _("saving the pledge"), error);
      if (ok && position > 0)
        {
          g_autoptr (CagStmt) find =
            cag_store_prepare (store,
                               "SELECT id FROM budget_pledge WHERE version_id = ?1 "
                               "AND position = ?2", error);

          ok = find != NULL;
          if (ok)
            {
              CagStep step;

              cag_stmt_bind_int (find, 1, version_id);
              cag_stmt_bind_int (find, 2, position);
              step = cag_stmt_step (store, find, _("reading the pledges"), error);
              ok = step != CAG_STEP_ERROR;
              if (step == CAG_STEP_ROW)
                pledge_id = cag_stmt_column_int (find, 0);
            }
        }
      else
        pledge_id = cag_store_last_insert_id (store);
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "pledge_id");
      json_builder_add_int_value (builder, pledge_id);
      json_builder_set_member_name (builder, "partner");
      json_builder_add_string_value (builder, partner);
      json_builder_set_member_name (builder, "line");
      json_builder_add_string_value (builder, code);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, cag_pledge_kind_to_string (pledge->kind));
      json_builder_set_member_name (builder, "amount_cents");
      json_builder_add_int_value (builder, pledge->amount_cents);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, cag_pledge_status_to_string (pledge->status));
      ok = audit_edit (store, position > 0 ? "budget.pledge.update" : "budget.pledge.add",
                       budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;

  pledge->id = pledge_id;
  g_free (pledge->partner_name);
  pledge->partner_name = g_steal_pointer (&partner);
  g_free (pledge->line_code);
  pledge->line_code = g_steal_pointer (&code);
  g_free (pledge->basis);
  pledge->basis = g_steal_pointer (&basis);
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

gboolean
cag_budget_pledge_add (CagStore  *store,
                       gint64     budget_id,
                       CagPledge *pledge,
                       gint      *out_version,
                       GError   **error)
{
  g_return_val_if_fail (store != NULL && pledge != NULL, FALSE);
  return pledge_write (store, budget_id, pledge, 0, out_version, error);
}

gboolean
cag_budget_pledge_update (CagStore        *store,
                          gint64           budget_id,
                          const CagPledge *pledge,
                          gint            *out_version,
                          GError         **error)
{
  g_autoptr (CagPledge) copy = NULL;
  gint64 position;

  g_return_val_if_fail (store != NULL && pledge != NULL, FALSE);

  position = pledge_position (store, budget_id, pledge->id, error);
  if (position == 0)
    return FALSE;
  copy = cag_pledge_copy (pledge);
  return pledge_write (store, budget_id, copy, position, out_version, error);
}

gboolean
cag_budget_pledge_remove (CagStore *store,
                          gint64    budget_id,
                          gint64    pledge_id,
                          gint     *out_version,
                          GError  **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, pledge_id);
  gint64 version_id, position = 0;
  gint version = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  /* A pledge keeps its position when a new version copies it: the position
   * names it across versions. */
  position = pledge_position (store, budget_id, pledge_id, error);
  if (position == 0)
    return FALSE;

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error)
    && cag_budget_exec_ids (store,
                            "DELETE FROM budget_pledge WHERE version_id = ?1 AND position = ?2",
                            version_id, position, error);
  if (ok && cag_store_changes (store) == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("This budget has no pledge number %s."), id_text);
      ok = FALSE;
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "pledge_id");
      json_builder_add_int_value (builder, pledge_id);
      ok = audit_edit (store, "budget.pledge.remove", budget_id, version, builder, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

static gboolean
set_status (CagStore        *store,
            gint64           budget_id,
            CagBudgetStatus  from,
            CagBudgetStatus  to,
            GError         **error)
{
  g_autoptr (CagBudget) latest = NULL;
  g_autofree char *at = cag_budget_now_iso ();
  g_autofree char *detail = NULL;
  CagStmt *stmt;
  gint64 lines = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_store_begin (store, error))
    return FALSE;
  latest = cag_budget_get (store, budget_id, 0, error);
  ok = latest != NULL;
  if (ok && latest->status != from)
    {
      if (to == CAG_BUDGET_SUBMITTED)
        g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                     _("Version %d of “%s” has already been submitted; edit the budget to "
                       "make a new version, then submit that one."),
                     latest->version, latest->name);
      else
        g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                     _("Version %d of “%s” is not submitted; only a submitted version can be "
                       "approved."),
                     latest->version, latest->name);
      ok = FALSE;
    }
  if (ok && to == CAG_BUDGET_SUBMITTED)
    {
      ok = cag_budget_query_int (store,
                                 "SELECT count (*) FROM budget_line WHERE version_id = ?1",
                                 latest->version_id, 0, &lines, error);
      if (ok && lines == 0)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("“%s” has no lines yet; add its lines before submitting it."),
                       latest->name);
          ok = FALSE;
        }
    }
  if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    to == CAG_BUDGET_SUBMITTED
                                    ? "UPDATE budget_version SET status = ?2, submitted_at = ?3 "
                                      "WHERE id = ?1"
                                    : "UPDATE budget_version SET status = ?2 WHERE id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, latest->version_id);
      cag_stmt_bind_text (stmt, 2, cag_budget_status_to_string (to));
      if (to == CAG_BUDGET_SUBMITTED)
        cag_stmt_bind_text (stmt, 3, at);
      ok = cag_stmt_step_done (store, stmt, _("saving the budget"), error);
    }
  if (ok)
    {
      detail = g_strdup_printf ("{\"version\":%d}", latest->version);
      ok = cag_store_audit (store, to == CAG_BUDGET_SUBMITTED ? "budget.submit" : "budget.approve",
                            "budget", budget_id, detail, error);
    }
  return cag_budget_finish (store, ok, error);
}

gboolean
cag_budget_submit (CagStore *store,
                   gint64    budget_id,
                   GError  **error)
{
  return set_status (store, budget_id, CAG_BUDGET_DRAFT, CAG_BUDGET_SUBMITTED, error);
}

gboolean
cag_budget_approve (CagStore *store,
                    gint64    budget_id,
                    GError  **error)
{
  return set_status (store, budget_id, CAG_BUDGET_SUBMITTED, CAG_BUDGET_APPROVED, error);
}

