/* cag-store-records.c — organizations, campaigns and funds: checks, writes
 * (one transaction each, with an audit entry) and lookups by id or by name
 * without regard to case and accents. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-util.h"

/* ---- Organizations ------------------------------------------------------ */

#define ORG_COLUMNS \
  "id, name, short_name, region, kind, contact_name, email, phone, notes, active, charity"

static CagOrganization *
org_from_row (CagStmt *stmt)
{
  CagOrganization *org = cag_organization_new ();

  org->id = cag_stmt_column_int (stmt, 0);
  org->name = column_dup (stmt, 1);
  org->short_name = column_dup (stmt, 2);
  org->region = column_dup (stmt, 3);
  cag_org_kind_from_string (cag_stmt_column_text (stmt, 4), &org->kind);
  org->contact_name = column_dup (stmt, 5);
  org->email = column_dup (stmt, 6);
  org->phone = column_dup (stmt, 7);
  org->notes = column_dup (stmt, 8);
  org->active = cag_stmt_column_int (stmt, 9) != 0;
  cag_charity_from_string (cag_stmt_column_text (stmt, 10), &org->charity);
  return org;
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* A cleaned copy of ORG, checked; keys computed. */
static CagOrganization *
org_validate (const CagOrganization *org,
              char                 **out_name_key,
              char                 **out_short_key,
              char                 **out_region_key,
              GError               **error)
{
  g_autoptr(CagOrganization) clean = cag_organization_new ();
  g_autofree char *name_key = NULL;

  clean->id = org->id;
  clean->name = clean_optional (org->name);
  clean->short_name = clean_optional (org->short_name);
  clean->region = clean_optional (org->region);
  clean->contact_name = clean_optional (org->contact_name);
  clean->email = clean_optional (org->email);
  clean->phone = clean_optional (org->phone);
  clean->notes = clean_optional (org->notes);
  clean->kind = org->kind;
  clean->charity = org->charity;
  clean->active = org->active;

  if (clean->name == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The organization needs a name."));
      return NULL;
    }
  if (!check_text (clean->name, MAX_NAME_CHARS, error)
      || !check_text (clean->short_name, MAX_NAME_CHARS, error)
      || !check_text (clean->region, MAX_NAME_CHARS, error)
      || !check_text (clean->contact_name, MAX_NAME_CHARS, error)
      || !check_text (clean->email, MAX_NAME_CHARS, error)
      || !check_text (clean->phone, MAX_NAME_CHARS, error)
      || !check_text (clean->notes, MAX_TEXT_CHARS, error))
    return NULL;
  name_key = cag_fold_key (clean->name);
  if (name_key == NULL || *name_key == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” cannot be used as a name: it has no letter or digit."), clean->name);
      return NULL;
    }
  if (clean->email != NULL && !email_is_valid (clean->email))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not an e-mail address (expected something like "
                     "name@example.org)."), clean->email);
      return NULL;
    }
  if ((guint) clean->kind > CAG_ORG_NETWORK || (guint) clean->charity > CAG_CHARITY_REGISTERED)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Unknown kind of organization or charitable status."));
      return NULL;
    }

  *out_name_key = g_steal_pointer (&name_key);
  *out_short_key = clean->short_name != NULL ? cag_fold_key (clean->short_name) : NULL;
  if (*out_short_key != NULL && **out_short_key == '\0')
    g_clear_pointer (out_short_key, g_free);
  *out_region_key = clean->region != NULL ? cag_fold_key (clean->region) : NULL;
  return g_steal_pointer (&clean);
}

/* EXISTS when another organization already has NAME_KEY or SHORT_KEY as its
 * name or short name. */
static gboolean
org_check_unique (CagStore              *store,
                  const CagOrganization *org,
                  const char            *name_key,
                  const char            *short_key,
                  GError               **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  CagStep rc;

  stmt = cag_store_prepare (store,
                            "SELECT name, name_key, short_key FROM organization "
                            "WHERE (name_key = ?1 OR short_key = ?1 OR name_key = ?2 "
                            "OR short_key = ?2) AND id != ?3 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name_key);
  bind_text (stmt, 2, short_key);
  cag_stmt_bind_int (stmt, 3, org->id);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    {
      const char *other = cag_stmt_column_text (stmt, 0);
      const char *other_name_key = cag_stmt_column_text (stmt, 1);
      const char *other_short_key = cag_stmt_column_text (stmt, 2);
      gboolean by_name = g_strcmp0 (other_name_key, name_key) == 0
                         || g_strcmp0 (other_short_key, name_key) == 0;

      g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                   _("“%s” is already the name or short name of the organization “%s”."),
                   by_name ? org->name : org->short_name, other);
      return FALSE;
    }
  if (rc != CAG_STEP_DONE)
    return cag_store_set_error (store, _("saving the organization"), error);
  return TRUE;
}

static char *
org_detail (const CagOrganization *org)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_string (builder, "name", org->name);
  json_add_string (builder, "short_name", org->short_name);
  json_add_string (builder, "region", org->region);
  json_add_string (builder, "kind", cag_org_kind_to_string (org->kind));
  json_add_string (builder, "email", org->email);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, org->active);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

static gboolean
org_write (CagStore              *store,
           const CagOrganization *clean,
           const char            *name_key,
           const char            *short_key,
           const char            *region_key,
           gint64                *out_id,
           GError               **error)
{
  const char *context = N_("saving the organization");
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(CagStmt) stmt = NULL;

  if (!org_check_unique (store, clean, name_key, short_key, error))
    return FALSE;

  if (clean->id == 0)
    stmt = cag_store_prepare (store,
                              "INSERT INTO organization (name, name_key, short_name, short_key, "
                              "region, region_key, kind, contact_name, email, phone, notes, "
                              "active, charity, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error);
  else
    stmt = cag_store_prepare (store,
                              "UPDATE organization SET name = ?1, name_key = ?2, short_name = ?3, "
                              "short_key = ?4, region = ?5, region_key = ?6, kind = ?7, "
                              "contact_name = ?8, email = ?9, phone = ?10, notes = ?11, "
                              "active = ?12, charity = ?13 WHERE id = ?15",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, clean->name);
  bind_text (stmt, 2, name_key);
  bind_text (stmt, 3, clean->short_name);
  bind_text (stmt, 4, short_key);
  bind_text (stmt, 5, clean->region);
  bind_text (stmt, 6, region_key);
  bind_text (stmt, 7, cag_org_kind_to_string (clean->kind));
  bind_text (stmt, 8, clean->contact_name);
  bind_text (stmt, 9, clean->email);
  bind_text (stmt, 10, clean->phone);
  bind_text (stmt, 11, clean->notes);
  cag_stmt_bind_int (stmt, 12, clean->active ? 1 : 0);
  bind_text (stmt, 13, cag_charity_to_string (clean->charity));
  if (clean->id == 0)
    bind_text (stmt, 14, at);
  else
    cag_stmt_bind_int (stmt, 15, clean->id);
  if (!step_done (store, stmt, context, error))
    return FALSE;

  if (clean->id == 0)
    *out_id = cag_store_last_insert_id (store);
  else if (cag_store_changes (store) == 0)
    {
      g_autofree char *id = id_to_string (clean->id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no organization number %s."), id);
      return FALSE;
    }
  else
    *out_id = clean->id;

  detail = org_detail (clean);
  return cag_store_audit (store, clean->id == 0 ? "org.add" : "org.update",
                          "organization", *out_id, detail, error);
}

static gboolean
org_save (CagStore              *store,
          const CagOrganization *org,
          gint64                *out_id,
          GError               **error)
{
  g_autoptr(CagOrganization) clean = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *short_key = NULL;
  g_autofree char *region_key = NULL;

  clean = org_validate (org, &name_key, &short_key, &region_key, error);
  if (clean == NULL || !cag_store_begin (store, error))
    return FALSE;
  return finish_write (store,
                       org_write (store, clean, name_key, short_key, region_key, out_id, error),
                       error);
}

gboolean
cag_store_org_add (CagStore        *store,
                   CagOrganization *org,
                   GError         **error)
{
  gint64 id = 0;
  g_autoptr(CagOrganization) fresh = NULL;

  g_return_val_if_fail (store != NULL && org != NULL, FALSE);

  fresh = cag_organization_copy (org);
  fresh->id = 0;
  if (!org_save (store, fresh, &id, error))
    return FALSE;
  org->id = id;
  return TRUE;
}

gboolean
cag_store_org_update (CagStore              *store,
                      const CagOrganization *org,
                      GError               **error)
{
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && org != NULL && org->id > 0, FALSE);
  return org_save (store, org, &id, error);
}

gboolean
cag_store_org_set_active (CagStore *store,
                          gint64    org_id,
                          gboolean  active,
                          GError  **error)
{
  g_autoptr(CagOrganization) org = NULL;

  g_return_val_if_fail (store != NULL, FALSE);

  org = cag_store_org_get (store, org_id, error);
  if (org == NULL)
    return FALSE;
  org->active = active;
  return cag_store_org_update (store, org, error);
}

CagOrganization *
cag_store_org_get (CagStore *store,
                   gint64    org_id,
                   GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, "SELECT " ORG_COLUMNS " FROM organization WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, org_id);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    return org_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    {
      g_autofree char *id = id_to_string (org_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no organization number %s."), id);
    }
  else
    cag_store_set_error (store, _("reading the organizations"), error);
  return NULL;
}

/* TRUE and the number when KEY is only digits. */

CagOrganization *
cag_store_org_find (CagStore   *store,
                    const char *key,
                    GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_organization_free);
  gint64 id;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name an organization (its name, short name or number)."));
      return NULL;
    }
  if (cag_store_key_is_id (trimmed, &id))
    {
      CagOrganization *org = cag_store_org_get (store, id, NULL);

      if (org != NULL)
        return org;
    }

  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store,
                            "SELECT " ORG_COLUMNS " FROM organization "
                            "WHERE name_key = ?1 OR short_key = ?1 ORDER BY name_key", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folded);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    g_ptr_array_add (found, org_from_row (stmt));
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the organizations"), error);
      return NULL;
    }
  if (found->len == 1)
    return g_steal_pointer (&found->pdata[0]);
  if (found->len == 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No organization is named “%s”."), trimmed);
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                 _("“%s” matches several organizations; use the full name or the number."),
                 trimmed);
  return NULL;
}

/* A LIKE pattern matching keys that contain the folded SEARCH. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = cag_fold_key (search);
  GString *pattern = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
cag_store_org_list (CagStore   *store,
                    const char *search,
                    gboolean    include_inactive,
                    GError    **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_organization_free);
  g_autofree char *pattern = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  if (search != NULL && *search != '\0' && g_utf8_validate (search, -1, NULL))
    pattern = like_pattern (search);

  stmt = cag_store_prepare (store,
                            "SELECT " ORG_COLUMNS " FROM organization "
                            "WHERE (CAST (?1 AS TEXT) IS NULL OR name_key LIKE ?1 ESCAPE '\\' "
                            "OR short_key LIKE ?1 ESCAPE '\\' OR region_key LIKE ?1 ESCAPE '\\') "
                            "AND (?2 OR active = 1) ORDER BY name_key", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, pattern);
  cag_stmt_bind_int (stmt, 2, include_inactive ? 1 : 0);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    g_ptr_array_add (list, org_from_row (stmt));
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the organizations"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
cag_store_org_count (CagStore *store)
{
  g_autoptr(CagStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL, 0);

  stmt = cag_store_prepare (store, "SELECT count(*) FROM organization", NULL);
  if (stmt == NULL || cag_stmt_step (store, stmt, NULL, NULL) != CAG_STEP_ROW)
    return 0;
  return cag_stmt_column_int (stmt, 0);
}

/* ---- Campaigns ---------------------------------------------------------- */

#define CAMPAIGN_COLUMNS "id, name, delegation_cost_cents, start_date, deadline"

static CagCampaign *
campaign_from_row (CagStmt *stmt)
{
  CagCampaign *campaign = cag_campaign_new ();

  campaign->id = cag_stmt_column_int (stmt, 0);
  campaign->name = column_dup (stmt, 1);
  campaign->delegation_cost_cents = cag_stmt_column_int (stmt, 2);
  campaign->start = column_date (stmt, 3);
  campaign->deadline = column_date (stmt, 4);
  return campaign;
}



/* Moving a campaign's start after contributions already recorded would
 * leave them before the start (docs/RULES.md, "Dates inside the campaign"):
 * refused, naming the earliest.  Only the months up to the new start are
 * read, through the kept campaign_month totals and the (month, fund_id)
 * index. */
static gboolean
check_start_after_contributions (CagStore          *store,
                                 const CagCampaign *campaign,
                                 GError           **error)
{
  g_autoptr(CagStmt) stmt = cag_store_prepare (store,
    "SELECT min(x.date) FROM campaign_month cm "
    "CROSS JOIN fund f ON f.campaign_id = cm.campaign_id "
    "CROSS JOIN contribution x ON x.month = cm.month AND x.fund_id = f.id "
    "WHERE cm.campaign_id = ?1 AND cm.month <= ?2 AND cm.count > 0 AND x.voided = 0", error);
  CagDate earliest;
  CagStep rc;

  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, campaign->id);
  cag_stmt_bind_int (stmt, 2, cag_month_index (&campaign->start));
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc != CAG_STEP_ROW)
    return cag_store_set_error (store, _("saving the campaign"), error);
  if (cag_stmt_column_is_null (stmt, 0))
    return TRUE;
  earliest = column_date (stmt, 0);
  if (cag_date_compare (&earliest, &campaign->start) >= 0)
    return TRUE;
  {
    CagLang lang = cag_i18n_get_language ();
    g_autofree char *start = cag_date_format (&campaign->start, lang);
    g_autofree char *first = cag_date_format (&earliest, lang);

    g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                 _("The campaign cannot start on %s: contributions are already recorded from "
                   "%s on. Choose a start on or before %s, or void those contributions."),
                 start, first, first);
  }
  return FALSE;
}

static gboolean
campaign_save (CagStore          *store,
               const CagCampaign *campaign,
               gint64            *out_id,
               GError           **error)
{
  const char *context = N_("saving the campaign");
  g_autofree char *name = clean_optional (campaign->name);
  g_autofree char *name_key = NULL;
  g_autofree char *start = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  CagStmt *stmt;
  gboolean ok;
  CagStep rc;

  if (name == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID, _("The campaign needs a name."));
      return FALSE;
    }
  if (!check_text (name, MAX_NAME_CHARS, error)
      || !check_amount (campaign->delegation_cost_cents, FALSE, error)
      || !check_date (&campaign->start, error) || !check_date (&campaign->deadline, error))
    return FALSE;
  name_key = cag_fold_key (name);
  if (*name_key == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” cannot be used as a name: it has no letter or digit."), name);
      return FALSE;
    }
  start = cag_date_to_iso (&campaign->start);
  deadline = cag_date_to_iso (&campaign->deadline);
  if (cag_date_compare (&campaign->deadline, &campaign->start) <= 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The deadline (%s) must come after the start of saving (%s)."),
                   deadline, start);
      return FALSE;
    }

  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store, "SELECT name FROM campaign WHERE name_key = ?1 AND id != ?2",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, name_key);
      cag_stmt_bind_int (stmt, 2, campaign->id);
      rc = cag_stmt_step (store, stmt, NULL, NULL);
      if (rc == CAG_STEP_ROW)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("A campaign named “%s” already exists."),
                       cag_stmt_column_text (stmt, 0));
          ok = FALSE;
        }
      else if (rc != CAG_STEP_DONE)
        ok = cag_store_set_error (store, _(context), error);
      cag_stmt_finish (stmt);
    }
  if (ok && campaign->id > 0)
    ok = check_start_after_contributions (store, campaign, error);

  if (ok)
    {
      if (campaign->id == 0)
        stmt = cag_store_prepare (store,
                                  "INSERT INTO campaign (name, name_key, delegation_cost_cents, "
                                  "start_date, start_month, deadline, deadline_month, created_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      else
        stmt = cag_store_prepare (store,
                                  "UPDATE campaign SET name = ?1, name_key = ?2, "
                                  "delegation_cost_cents = ?3, start_date = ?4, start_month = ?5, "
                                  "deadline = ?6, deadline_month = ?7 WHERE id = ?9", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, name_key);
      cag_stmt_bind_int (stmt, 3, campaign->delegation_cost_cents);
      bind_text (stmt, 4, start);
      cag_stmt_bind_int (stmt, 5, cag_month_index (&campaign->start));
      bind_text (stmt, 6, deadline);
      cag_stmt_bind_int (stmt, 7, cag_month_index (&campaign->deadline));
      if (campaign->id == 0)
        bind_text (stmt, 8, at);
      else
        cag_stmt_bind_int (stmt, 9, campaign->id);
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    {
      if (campaign->id == 0)
        *out_id = cag_store_last_insert_id (store);
      else if (cag_store_changes (store) == 0)
        {
          g_autofree char *id = id_to_string (campaign->id);

          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("There is no campaign number %s."), id);
          ok = FALSE;
        }
      else
        *out_id = campaign->id;
    }
  if (ok)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_add_string (builder, "name", name);
      json_add_int (builder, "delegation_cost_cents", campaign->delegation_cost_cents);
      json_add_string (builder, "start", start);
      json_add_string (builder, "deadline", deadline);
      json_builder_end_object (builder);
      detail = builder_to_json (builder);
      ok = cag_store_audit (store, campaign->id == 0 ? "campaign.add" : "campaign.update",
                            "campaign", *out_id, detail, error);
    }
  return finish_write (store, ok, error);
}

gboolean
cag_store_campaign_add (CagStore    *store,
                        CagCampaign *campaign,
                        GError     **error)
{
  g_autoptr(CagCampaign) fresh = NULL;
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && campaign != NULL, FALSE);

  fresh = cag_campaign_copy (campaign);
  fresh->id = 0;
  if (!campaign_save (store, fresh, &id, error))
    return FALSE;
  campaign->id = id;
  return TRUE;
}

gboolean
cag_store_campaign_update (CagStore          *store,
                           const CagCampaign *campaign,
                           GError           **error)
{
  gint64 id = 0;

  g_return_val_if_fail (store != NULL && campaign != NULL && campaign->id > 0, FALSE);
  return campaign_save (store, campaign, &id, error);
}

CagCampaign *
cag_store_campaign_get (CagStore *store,
                        gint64    campaign_id,
                        GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, campaign_id);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    return campaign_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    {
      g_autofree char *id = id_to_string (campaign_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("There is no campaign number %s."), id);
    }
  else
    cag_store_set_error (store, _("reading the campaigns"), error);
  return NULL;
}

CagCampaign *
cag_store_campaign_find (CagStore   *store,
                         const char *key,
                         GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(CagStmt) stmt = NULL;
  gint64 id;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name a campaign (its name or number)."));
      return NULL;
    }
  if (cag_store_key_is_id (trimmed, &id))
    {
      CagCampaign *campaign = cag_store_campaign_get (store, id, NULL);

      if (campaign != NULL)
        return campaign;
    }

  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store,
                            "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE name_key = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folded);
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    return campaign_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No campaign is named “%s”."), trimmed);
  else
    cag_store_set_error (store, _("reading the campaigns"), error);
  return NULL;
}

GPtrArray *
cag_store_campaign_list (CagStore *store,
                         GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_campaign_free);
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT " CAMPAIGN_COLUMNS " FROM campaign "
                            "ORDER BY start_date, name_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the campaigns"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Funds -------------------------------------------------------------- */

#define FUND_SELECT \
  "SELECT f.id, f.organization_id, f.campaign_id, f.delegations, f.target_override_cents, " \
  "f.monthly_override_cents, o.name, c.name, " \
  "CASE WHEN f.target_override_cents > 0 THEN f.target_override_cents " \
  "ELSE f.delegations * c.delegation_cost_cents END " \
  "FROM fund f JOIN organization o ON o.id = f.organization_id " \
  "JOIN campaign c ON c.id = f.campaign_id "
#define FUND_ORDER " ORDER BY o.name_key, c.start_date, c.name_key, f.id"

static CagFund *
fund_from_row (CagStmt *stmt)
{
  CagFund *fund = cag_fund_new ();

  fund->id = cag_stmt_column_int (stmt, 0);
  fund->organization_id = cag_stmt_column_int (stmt, 1);
  fund->campaign_id = cag_stmt_column_int (stmt, 2);
  fund->delegations = cag_stmt_column_int (stmt, 3);
  fund->target_override_cents = cag_stmt_column_int (stmt, 4);
  fund->monthly_override_cents = cag_stmt_column_int (stmt, 5);
  fund->organization_name = column_dup (stmt, 6);
  fund->campaign_name = column_dup (stmt, 7);
  fund->target_cents = cag_stmt_column_int (stmt, 8);
  return fund;
}

static gboolean
fund_validate (const CagFund *fund,
               GError       **error)
{
  if (fund->delegations < 1 || fund->delegations > MAX_DELEGATIONS)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The number of delegations must be between 1 and %d."), MAX_DELEGATIONS);
      return FALSE;
    }
  return check_amount (fund->target_override_cents, TRUE, error)
         && check_amount (fund->monthly_override_cents, TRUE, error);
}

static char *
fund_detail (const CagFund *fund)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_add_int (builder, "organization_id", fund->organization_id);
  json_add_int (builder, "campaign_id", fund->campaign_id);
  json_add_int (builder, "delegations", fund->delegations);
  json_add_int (builder, "target_override_cents", fund->target_override_cents);
  json_add_int (builder, "monthly_override_cents", fund->monthly_override_cents);
  json_builder_end_object (builder);
  return builder_to_json (builder);
}

gboolean
cag_store_fund_open (CagStore *store,
                     CagFund  *fund,
                     GError  **error)
{
  const char *context = N_("opening the fund");
  g_autoptr(CagOrganization) org = NULL;
  g_autoptr(CagCampaign) campaign = NULL;
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  CagStmt *stmt;
  gint64 id = 0;
  gboolean ok;
  CagStep rc;

  g_return_val_if_fail (store != NULL && fund != NULL, FALSE);

  if (!fund_validate (fund, error))
    return FALSE;
  org = cag_store_org_get (store, fund->organization_id, error);
  if (org == NULL)
    return FALSE;
  campaign = cag_store_campaign_get (store, fund->campaign_id, error);
  if (campaign == NULL)
    return FALSE;

  if (!cag_store_begin (store, error))
    return FALSE;

  stmt = cag_store_prepare (store,
                            "SELECT id FROM fund WHERE organization_id = ?1 AND campaign_id = ?2",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, fund->organization_id);
      cag_stmt_bind_int (stmt, 2, fund->campaign_id);
      rc = cag_stmt_step (store, stmt, NULL, NULL);
      cag_stmt_finish (stmt);
      if (rc == CAG_STEP_ROW)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("“%s” already has a fund for “%s”."), org->name, campaign->name);
          ok = FALSE;
        }
      else if (rc != CAG_STEP_DONE)
        ok = cag_store_set_error (store, _(context), error);
    }
  if (ok)
    {
      stmt = cag_store_prepare (store,
                                "INSERT INTO fund (organization_id, campaign_id, delegations, "
                                "target_override_cents, monthly_override_cents, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, fund->organization_id);
      cag_stmt_bind_int (stmt, 2, fund->campaign_id);
      cag_stmt_bind_int (stmt, 3, fund->delegations);
      cag_stmt_bind_int (stmt, 4, fund->target_override_cents);
      cag_stmt_bind_int (stmt, 5, fund->monthly_override_cents);
      bind_text (stmt, 6, at);
      ok = step_done (store, stmt, context, error);
    }
  if (ok)
    {
      id = cag_store_last_insert_id (store);
      detail = fund_detail (fund);
      ok = cag_store_audit (store, "fund.open", "fund", id, detail, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  fund->id = id;
  g_free (fund->organization_name);
  fund->organization_name = g_strdup (org->name);
  g_free (fund->campaign_name);
  fund->campaign_name = g_strdup (campaign->name);
  fund->target_cents = fund->target_override_cents > 0
                       ? fund->target_override_cents
                       : fund->delegations * campaign->delegation_cost_cents;
  return TRUE;
}

gboolean
cag_store_fund_update (CagStore      *store,
                       const CagFund *fund,
                       GError       **error)
{
  g_autofree char *detail = NULL;
  CagStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && fund != NULL, FALSE);

  if (!fund_validate (fund, error))
    return FALSE;
  if (!cag_store_begin (store, error))
    return FALSE;
  stmt = cag_store_prepare (store,
                            "UPDATE fund SET delegations = ?2, target_override_cents = ?3, "
                            "monthly_override_cents = ?4 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, fund->id);
      cag_stmt_bind_int (stmt, 2, fund->delegations);
      cag_stmt_bind_int (stmt, 3, fund->target_override_cents);
      cag_stmt_bind_int (stmt, 4, fund->monthly_override_cents);
      ok = step_done (store, stmt, N_("saving the fund"), error);
    }
  if (ok && cag_store_changes (store) == 0)
    {
      g_autofree char *id = id_to_string (fund->id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      ok = FALSE;
    }
  if (ok)
    {
      detail = fund_detail (fund);
      ok = cag_store_audit (store, "fund.update", "fund", fund->id, detail, error);
    }
  return finish_write (store, ok, error);
}

static GPtrArray *
fund_query (CagStore     *store,
            const char   *sql,
            gint64        a,
            gint64        b,
            GError      **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_fund_free);
  CagStep rc;

  stmt = cag_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (cag_stmt_param_count (stmt) >= 1)
    cag_stmt_bind_int (stmt, 1, a);
  if (cag_stmt_param_count (stmt) >= 2)
    cag_stmt_bind_int (stmt, 2, b);
  while ((rc = cag_stmt_step (store, stmt, NULL, NULL)) == CAG_STEP_ROW)
    g_ptr_array_add (list, fund_from_row (stmt));
  if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the funds"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

CagFund *
cag_store_fund_get (CagStore *store,
                    gint64    fund_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  list = fund_query (store, FUND_SELECT "WHERE f.id = ?1", fund_id, 0, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_autofree char *id = id_to_string (fund_id);

      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND, _("There is no fund number %s."), id);
      return NULL;
    }
  return g_steal_pointer (&list->pdata[0]);
}

CagFund *
cag_store_fund_find (CagStore *store,
                     gint64    org_id,
                     gint64    campaign_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CagOrganization) org = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  org = cag_store_org_get (store, org_id, error);
  if (org == NULL)
    return NULL;
  if (campaign_id > 0)
    {
      g_autoptr(CagCampaign) campaign = cag_store_campaign_get (store, campaign_id, error);

      if (campaign == NULL)
        return NULL;
      list = fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1 AND f.campaign_id = ?2",
                         org_id, campaign_id, error);
      if (list == NULL)
        return NULL;
      if (list->len == 0)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                       _("“%s” has no fund for “%s”."), org->name, campaign->name);
          return NULL;
        }
      return g_steal_pointer (&list->pdata[0]);
    }

  list = fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1" FUND_ORDER,
                     org_id, 0, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("“%s” has no fund yet."), org->name);
      return NULL;
    }
  if (list->len > 1)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_AMBIGUOUS,
                   _("“%s” has funds in several campaigns; name the campaign."), org->name);
      return NULL;
    }
  return g_steal_pointer (&list->pdata[0]);
}

GPtrArray *
cag_store_fund_list (CagStore *store,
                     gint64    campaign_id,
                     gint64    org_id,
                     GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  if (campaign_id > 0 && org_id > 0)
    return fund_query (store,
                       FUND_SELECT "WHERE f.campaign_id = ?1 AND f.organization_id = ?2"
                       FUND_ORDER, campaign_id, org_id, error);
  if (campaign_id > 0)
    return fund_query (store, FUND_SELECT "WHERE f.campaign_id = ?1" FUND_ORDER,
                       campaign_id, 0, error);
  if (org_id > 0)
    return fund_query (store, FUND_SELECT "WHERE f.organization_id = ?1" FUND_ORDER,
                       org_id, 0, error);
  return fund_query (store, FUND_SELECT FUND_ORDER, 0, 0, error);
}
