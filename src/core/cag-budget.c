/* cag-budget.c — funders and budgets in the store: creating, finding,
 * listing, and loading one version for the rules (cag-proforma.c).  Edits
 * are in cag-budget-edit.c, campaign offers in cag-budget-campaign.c; see
 * docs/BUDGETS.md for the choices made.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
#include <json-glib/json-glib.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-money.h"
#include "cag-budget-private.h"


typedef struct
{
  const char *code;
  const char *label;
  gint64      amount_cents;
} PresetLine;

/* The seed, section 4.D: the network's working infrastructure. */
static const PresetLine preset_gesq_2003[] = {
  { "A", N_("Half-time coordinator, with workstation and communications"), 5000000 },
  { "B", N_("Travel and concertation and networking activities, Canadian and North American"),
    7500000 },
};

/* ---- Helpers ------------------------------------------------------------ */
char *
cag_budget_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Runs SQL with one integer parameter (nullable second) to completion. */
gboolean
cag_budget_exec_ids (CagStore   *store,
                     const char *sql,
                     gint64      a,
                     gint64      b,
                     GError    **error)
{
  CagStmt *stmt = cag_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, a);
  if (cag_stmt_param_count (stmt) >= 2)
    cag_stmt_bind_int (stmt, 2, b);
  return cag_stmt_step_done (store, stmt, _("saving the budget"), error);
}

/* The first column of the first row of SQL (one integer parameter), or
 * DEFAULT_VALUE when there is no row. */
gboolean
cag_budget_query_int (CagStore   *store,
                      const char *sql,
                      gint64      param,
                      gint64      default_value,
                      gint64     *out,
                      GError    **error)
{
  g_autoptr (CagStmt) stmt = cag_store_prepare (store, sql, error);
  CagStep rc;

  if (stmt == NULL)
    return FALSE;
  if (cag_stmt_param_count (stmt) >= 1)
    cag_stmt_bind_int (stmt, 1, param);
  rc = cag_stmt_step (store, stmt, _("reading the budgets"), error);
  if (rc == CAG_STEP_ERROR)
    return FALSE;
  *out = rc == CAG_STEP_ROW && !cag_stmt_column_is_null (stmt, 0) ? cag_stmt_column_int (stmt, 0)
                                                                  : default_value;
  return TRUE;
}

/* A trimmed copy of TEXT, or NULL (and ERROR) when blank, too long or not
 * UTF-8.  WHAT is the translated name of the field. */
char *
cag_budget_clean_required (const char *text,
                           glong       max_chars,
                           const char *what,
                           GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The %s is not valid text (UTF-8)."), what);
      return NULL;
    }
  if (*copy == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID, _("The %s is required."), what);
      return NULL;
    }
  if (g_utf8_strlen (copy, -1) > max_chars)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The %s is too long (at most %ld characters)."), what, max_chars);
      return NULL;
    }
  if (cag_text_has_control (copy, FALSE))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The %s contains a control character (a line break, a tab or an escape "
                     "sequence); type it on one line."), what);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

gboolean
cag_budget_check_amount (gint64       cents,
                         gboolean     allow_zero,
                         const char  *what,
                         GError     **error)
{
  if (cents < 0 || (cents == 0 && !allow_zero) || cents > CAG_MONEY_MAX_CENTS)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   allow_zero ? _("The %s must be zero or more, and at most one billion "
                                  "dollars.")
                              : _("The %s must be more than zero, and at most one billion "
                                  "dollars."),
                   what);
      return FALSE;
    }
  return TRUE;
}

char *
cag_budget_json_detail (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

JsonBuilder *
cag_budget_json_detail_begin (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  return builder;
}

/* Commits, or rolls back when OK is FALSE or the commit fails. */
gboolean
cag_budget_finish (CagStore *store,
                   gboolean  ok,
                   GError  **error)
{
  if (ok && cag_store_commit (store, error))
    return TRUE;
  cag_store_rollback (store);
  return FALSE;
}

/* ---- Funders ------------------------------------------------------------ */

CagFunder *
cag_funder_new (void)
{
  CagFunder *funder = g_new0 (CagFunder, 1);

  funder->kind = CAG_FUNDER_OTHER;
  return funder;
}

CagFunder *
cag_funder_copy (const CagFunder *funder)
{
  CagFunder *copy = g_new0 (CagFunder, 1);

  *copy = *funder;
  copy->name = g_strdup (funder->name);
  copy->short_name = g_strdup (funder->short_name);
  return copy;
}

void
cag_funder_free (CagFunder *funder)
{
  if (funder == NULL)
    return;
  g_free (funder->name);
  g_free (funder->short_name);
  g_free (funder);
}

#define FUNDER_COLUMNS "f.id, f.name, f.kind, f.requires_charity, n.short_name, n.article"
#define FUNDER_FROM "funder f LEFT JOIN funder_name n ON n.funder_id = f.id"

static CagFunder *
funder_from_row (CagStmt      *stmt)
{
  CagFunder *funder = cag_funder_new ();

  funder->id = cag_stmt_column_int (stmt, 0);
  funder->name = cag_stmt_column_dup (stmt, 1);
  cag_funder_kind_from_string (cag_stmt_column_text (stmt, 2), &funder->kind);
  funder->requires_charity = cag_stmt_column_int (stmt, 3) != 0;
  funder->short_name = cag_stmt_column_dup (stmt, 4);
  cag_article_from_string (cag_stmt_column_text (stmt, 5), &funder->article);
  return funder;
}

/* Inside the caller's transaction: stores FUNDER_ID's short name (NULL or
 * blank: none) and article, refusing a short name that names another
 * funder. */
static gboolean
write_names (CagStore    *store,
             gint64       funder_id,
             const char  *short_name,
             CagArticle   article,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (short_name != NULL ? short_name : ""));
  g_autofree char *key = NULL;
  CagStmt *stmt;
  CagStep step;

  if (*clean == '\0' && article == CAG_ARTICLE_NONE)
    {
      stmt = cag_store_prepare (store, "DELETE FROM funder_name WHERE funder_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      cag_stmt_bind_int (stmt, 1, funder_id);
      return cag_stmt_step_done (store, stmt, _("saving the funder"), error);
    }
  if (*clean != '\0')
    {
      g_autofree char *checked = cag_budget_clean_required (clean, CAG_BUDGET_MAX_CODE_CHARS,
                                                             _("funder’s short name"), error);
      if (checked == NULL)
        return FALSE;
      key = cag_fold_key (checked);
      stmt = cag_store_prepare (store, "SELECT f.id FROM " FUNDER_FROM " "
                                "WHERE (f.name_key = ?1 OR n.short_key = ?1) AND f.id != ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      cag_stmt_bind_text (stmt, 1, key);
      cag_stmt_bind_int (stmt, 2, funder_id);
      step = cag_stmt_step (store, stmt, _("reading the funders"), error);
      cag_stmt_finish (stmt);
      if (step == CAG_STEP_ERROR)
        return FALSE;
      if (step == CAG_STEP_ROW)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("Another funder is already named “%s”; choose another short name."),
                       checked);
          return FALSE;
        }
      g_free (clean);
      clean = g_steal_pointer (&checked);
    }
  stmt = cag_store_prepare (store,
                            "INSERT INTO funder_name "
                            "(funder_id, short_name, short_key, article) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (funder_id) DO UPDATE SET "
                            "short_name = excluded.short_name, short_key = excluded.short_key, "
                            "article = excluded.article",
                            error);
  if (stmt == NULL)
    return FALSE;
  cag_stmt_bind_int (stmt, 1, funder_id);
  cag_stmt_bind_text (stmt, 2, key != NULL ? clean : NULL);
  cag_stmt_bind_text (stmt, 3, key);
  cag_stmt_bind_text (stmt, 4, cag_article_to_string (article));
  return cag_stmt_step_done (store, stmt, _("saving the funder"), error);
}

gboolean
cag_funder_add (CagStore  *store,
                CagFunder *funder,
                GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  gint64 existing;
  CagStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && funder != NULL, FALSE);

  name = cag_budget_clean_required (funder->name, CAG_BUDGET_MAX_NAME_CHARS, _("funder’s name"),
                                    error);
  if (name == NULL)
    return FALSE;
  key = cag_fold_key (name);

  if (!cag_store_begin (store, error))
    return FALSE;
  stmt = cag_store_prepare (store, "SELECT f.id FROM " FUNDER_FROM " "
                            "WHERE f.name_key = ?1 OR n.short_key = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      CagStep step;

      cag_stmt_bind_text (stmt, 1, key);
      step = cag_stmt_step (store, stmt, _("reading the funders"), error);
      cag_stmt_finish (stmt);
      existing = step == CAG_STEP_ROW;
      ok = step != CAG_STEP_ERROR;
      if (existing)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("A funder named “%s” already exists."), name);
          ok = FALSE;
        }
    }
  if (ok)
    {
      stmt = cag_store_prepare (store,
                                "INSERT INTO funder (name, name_key, kind, requires_charity) "
                                "VALUES (?1, ?2, ?3, ?4)", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      cag_stmt_bind_text (stmt, 1, name);
      cag_stmt_bind_text (stmt, 2, key);
      cag_stmt_bind_text (stmt, 3, cag_funder_kind_to_string (funder->kind));
      cag_stmt_bind_int (stmt, 4, funder->requires_charity ? 1 : 0);
      ok = cag_stmt_step_done (store, stmt, _("saving the funder"), error);
    }
  if (ok)
    {
      funder->id = cag_store_last_insert_id (store);
      ok = write_names (store, funder->id, funder->short_name, funder->article, error);
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, cag_funder_kind_to_string (funder->kind));
      json_builder_set_member_name (builder, "requires_charity");
      json_builder_add_boolean_value (builder, funder->requires_charity);
      detail = cag_budget_json_detail (builder);
      ok = cag_store_audit (store, "funder.add", "funder", funder->id, detail, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;
  g_free (funder->name);
  funder->name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
cag_funder_set_names (CagStore   *store,
                      gint64      funder_id,
                      const char *short_name,
                      CagArticle  article,
                      GError    **error)
{
  g_autoptr (CagFunder) funder = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail ((guint) article <= CAG_ARTICLE_LES, FALSE);

  funder = cag_budget_funder_get (store, funder_id, error);
  if (funder == NULL || !cag_store_begin (store, error))
    return FALSE;
  ok = write_names (store, funder_id, short_name, article, error);
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "short_name");
      json_builder_add_string_value (builder, short_name);
      json_builder_set_member_name (builder, "article");
      json_builder_add_string_value (builder, cag_article_to_string (article));
      detail = cag_budget_json_detail (builder);
      ok = cag_store_audit (store, "funder.names", "funder", funder_id, detail, error);
    }
  return cag_budget_finish (store, ok, error);
}

CagFunder *
cag_budget_funder_get (CagStore *store,
                       gint64    id,
                       GError  **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr (CagStmt) stmt =
    cag_store_prepare (store, "SELECT " FUNDER_COLUMNS " FROM " FUNDER_FROM " WHERE f.id = ?1",
                       error);
  CagStep rc;

  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, id);
  rc = cag_stmt_step (store, stmt, _("reading the funders"), error);
  if (rc == CAG_STEP_ROW)
    return funder_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("There is no funder number %s."), id_text);
  return NULL;
}

CagFunder *
cag_funder_find (CagStore   *store,
                 const char *key,
                 GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (CagStmt) stmt = NULL;
  gint64 id;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name a funder (its name or number)."));
      return NULL;
    }
  if (cag_store_key_is_id (trimmed, &id))
    {
      CagFunder *funder = cag_budget_funder_get (store, id, NULL);

      if (funder != NULL)
        return funder;
    }
  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store,
                            "SELECT " FUNDER_COLUMNS " FROM " FUNDER_FROM " "
                            "WHERE f.name_key = ?1 OR n.short_key = ?1 "
                            "ORDER BY f.name_key = ?1 DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_text (stmt, 1, folded);
  rc = cag_stmt_step (store, stmt, _("reading the funders"), error);
  if (rc == CAG_STEP_ROW)
    return funder_from_row (stmt);
  if (rc == CAG_STEP_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No funder is named “%s”; add it first (funder add)."), trimmed);
  return NULL;
}

GPtrArray *
cag_funder_list (CagStore *store,
                 GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_funder_free);
  g_autoptr (CagStmt) stmt = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT " FUNDER_COLUMNS " FROM " FUNDER_FROM " ORDER BY f.name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = cag_stmt_step (store, stmt, _("reading the funders"), error)) == CAG_STEP_ROW)
    g_ptr_array_add (list, funder_from_row (stmt));
  if (rc == CAG_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- Budgets ------------------------------------------------------------ */

static const char *const budget_status_names[] = { "draft", "submitted", "approved" };

const char *
cag_budget_status_to_string (CagBudgetStatus s)
{
  g_return_val_if_fail ((guint) s < G_N_ELEMENTS (budget_status_names), "draft");
  return budget_status_names[s];
}

CagBudgetStatus
cag_budget_status_from_string (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (budget_status_names); i++)
    if (g_strcmp0 (s, budget_status_names[i]) == 0)
      return (CagBudgetStatus) i;
  return CAG_BUDGET_DRAFT;
}

const char *
cag_budget_status_label (CagBudgetStatus s)
{
  switch (s)
    {
    case CAG_BUDGET_SUBMITTED:
      return C_("budget status", "Submitted");
    case CAG_BUDGET_APPROVED:
      return C_("budget status", "Approved");
    case CAG_BUDGET_DRAFT:
    default:
      return C_("budget status", "Draft");
    }
}

CagBudget *
cag_budget_new (void)
{
  return g_new0 (CagBudget, 1);
}

CagBudget *
cag_budget_copy (const CagBudget *budget)
{
  CagBudget *copy = g_new0 (CagBudget, 1);

  *copy = *budget;
  copy->name = g_strdup (budget->name);
  copy->submitted_at = g_strdup (budget->submitted_at);
  return copy;
}

void
cag_budget_free (CagBudget *budget)
{
  if (budget == NULL)
    return;
  g_free (budget->name);
  g_free (budget->submitted_at);
  g_free (budget);
}

gboolean
cag_budget_preset_exists (const char *preset)
{
  return g_strcmp0 (preset, "gesq-2003") == 0;
}

#define BUDGET_COLUMNS \
  "b.id, v.id, b.name, v.version, " \
  "(SELECT max (version) FROM budget_version WHERE budget_id = b.id), " \
  "v.status, v.start_date, v.end_date, v.submitted_at"

static CagBudget *
budget_from_row (CagStmt      *stmt)
{
  CagBudget *budget = cag_budget_new ();

  budget->id = cag_stmt_column_int (stmt, 0);
  budget->version_id = cag_stmt_column_int (stmt, 1);
  budget->name = cag_stmt_column_dup (stmt, 2);
  budget->version = cag_stmt_column_int (stmt, 3);
  budget->latest_version = cag_stmt_column_int (stmt, 4);
  budget->status = cag_budget_status_from_string (cag_stmt_column_text (stmt, 5));
  budget->start = cag_stmt_column_date (stmt, 6);
  budget->end = cag_stmt_column_date (stmt, 7);
  budget->submitted_at = cag_stmt_column_dup (stmt, 8);
  return budget;
}

gboolean
cag_budget_add (CagStore   *store,
                CagBudget  *budget,
                const char *preset,
                GError    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *at = cag_budget_now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  CagStmt *stmt;
  gint64 budget_id = 0, version_id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && budget != NULL, FALSE);

  name = cag_budget_clean_required (budget->name, CAG_BUDGET_MAX_NAME_CHARS, _("budget’s name"),
                                    error);
  if (name == NULL)
    return FALSE;
  if (!cag_date_valid (&budget->start) || !cag_date_valid (&budget->end))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("A budget needs the start and end dates of its period."));
      return FALSE;
    }
  if (cag_date_compare (&budget->start, &budget->end) > 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The budget’s period ends before it starts."));
      return FALSE;
    }
  if (preset != NULL && !cag_budget_preset_exists (preset))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("There is no preset “%s”; the preset available is “gesq-2003”."), preset);
      return FALSE;
    }
  key = cag_fold_key (name);
  start = cag_date_to_iso (&budget->start);
  end = cag_date_to_iso (&budget->end);

  if (!cag_store_begin (store, error))
    return FALSE;
  stmt = cag_store_prepare (store, "SELECT 1 FROM budget WHERE name_key = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      gboolean exists;

      cag_stmt_bind_text (stmt, 1, key);
      CagStep step = cag_stmt_step (store, stmt, _("reading the budgets"), error);

      cag_stmt_finish (stmt);
      exists = step == CAG_STEP_ROW;
      ok = step != CAG_STEP_ERROR;
      if (exists)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("A budget named “%s” already exists."), name);
          ok = FALSE;
        }
    }
  if (ok)
    ok = (stmt = cag_store_prepare (store, "INSERT INTO budget (name, name_key) VALUES (?1, ?2)",
                                    error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_text (stmt, 1, name);
      cag_stmt_bind_text (stmt, 2, key);
      ok = cag_stmt_step_done (store, stmt, _("saving the budget"), error);
      budget_id = cag_store_last_insert_id (store);
    }
  if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_version (budget_id, version, status, "
                                    "start_date, end_date, created_at) "
                                    "VALUES (?1, 1, 'draft', ?2, ?3, ?4)", error)) != NULL;
  if (ok)
    {
      cag_stmt_bind_int (stmt, 1, budget_id);
      cag_stmt_bind_text (stmt, 2, start);
      cag_stmt_bind_text (stmt, 3, end);
      cag_stmt_bind_text (stmt, 4, at);
      ok = cag_stmt_step_done (store, stmt, _("saving the budget"), error);
      version_id = cag_store_last_insert_id (store);
    }
  if (ok && preset != NULL)
    {
      for (guint i = 0; ok && i < G_N_ELEMENTS (preset_gesq_2003); i++)
        {
          const PresetLine *line = &preset_gesq_2003[i];
          g_autofree char *code_key = cag_fold_key (line->code);

          ok = (stmt = cag_store_prepare (store,
                                          "INSERT INTO budget_line (version_id, position, code, "
                                          "code_key, label, amount_cents) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) != NULL;
          if (!ok)
            break;
          cag_stmt_bind_int (stmt, 1, version_id);
          cag_stmt_bind_int (stmt, 2, (int) i + 1);
          cag_stmt_bind_text (stmt, 3, line->code);
          cag_stmt_bind_text (stmt, 4, code_key);
          cag_stmt_bind_text (stmt, 5, _(line->label));
          cag_stmt_bind_int (stmt, 6, line->amount_cents);
          ok = cag_stmt_step_done (store, stmt, _("saving the budget"), error);
        }
    }
  if (ok)
    {
      builder = cag_budget_json_detail_begin ();
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end);
      if (preset != NULL)
        {
          json_builder_set_member_name (builder, "preset");
          json_builder_add_string_value (builder, preset);
        }
      detail = cag_budget_json_detail (builder);
      ok = cag_store_audit (store, "budget.add", "budget", budget_id, detail, error);
    }
  if (!cag_budget_finish (store, ok, error))
    return FALSE;

  budget->id = budget_id;
  budget->version_id = version_id;
  budget->version = 1;
  budget->latest_version = 1;
  budget->status = CAG_BUDGET_DRAFT;
  g_free (budget->name);
  budget->name = g_steal_pointer (&name);
  return TRUE;
}

CagBudget *
cag_budget_get (CagStore *store,
                gint64    budget_id,
                gint      version,
                GError  **error)
{
  g_autoptr (CagStmt) stmt = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  if (version > 0)
    stmt = cag_store_prepare (store,
                              "SELECT " BUDGET_COLUMNS " FROM budget b "
                              "JOIN budget_version v ON v.budget_id = b.id "
                              "WHERE b.id = ?1 AND v.version = ?2", error);
  else
    stmt = cag_store_prepare (store,
                              "SELECT " BUDGET_COLUMNS " FROM budget b "
                              "JOIN budget_version v ON v.budget_id = b.id "
                              "WHERE b.id = ?1 ORDER BY v.version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  cag_stmt_bind_int (stmt, 1, budget_id);
  if (version > 0)
    cag_stmt_bind_int (stmt, 2, version);
  rc = cag_stmt_step (store, stmt, _("reading the budgets"), error);
  if (rc == CAG_STEP_ROW)
    return budget_from_row (stmt);
  if (rc == CAG_STEP_ERROR)
    return NULL;
  if (version > 0)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("Budget number %s has no version %d."), id_text, version);
  else
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("There is no budget number %s."), id_text);
  return NULL;
}

CagBudget *
cag_budget_find (CagStore   *store,
                 const char *key,
                 gint        version,
                 GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  gint64 id = 0;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name a budget (its name or number)."));
      return NULL;
    }
  folded = cag_fold_key (trimmed);
  {
    g_autoptr (CagStmt) stmt =
      cag_store_prepare (store, "SELECT id FROM budget WHERE name_key = ?1", error);
    CagStep rc;

    if (stmt == NULL)
      return NULL;
    cag_stmt_bind_text (stmt, 1, folded);
    rc = cag_stmt_step (store, stmt, _("reading the budgets"), error);
    if (rc == CAG_STEP_ROW)
      id = cag_stmt_column_int (stmt, 0);
    else if (rc == CAG_STEP_ERROR)
      return NULL;
  }
  if (id == 0)
    {
      gint64 numeric, found = 0;

      if (cag_store_key_is_id (trimmed, &numeric)
          && !cag_budget_query_int (store, "SELECT id FROM budget WHERE id = ?1", numeric, 0,
                                    &found, error))
        return NULL;
      id = found;
    }
  if (id == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("No budget is named “%s”."), trimmed);
      return NULL;
    }
  return cag_budget_get (store, id, version, error);
}

static GPtrArray *
budget_query (CagStore   *store,
              const char *sql,
              gint64      param,
              GError    **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_budget_free);
  g_autoptr (CagStmt) stmt = cag_store_prepare (store, sql, error);
  CagStep rc;

  if (stmt == NULL)
    return NULL;
  if (cag_stmt_param_count (stmt) >= 1)
    cag_stmt_bind_int (stmt, 1, param);
  while ((rc = cag_stmt_step (store, stmt, _("reading the budgets"), error)) == CAG_STEP_ROW)
    g_ptr_array_add (list, budget_from_row (stmt));
  if (rc == CAG_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
cag_budget_list (CagStore *store,
                 GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  return budget_query (store,
                       "SELECT " BUDGET_COLUMNS " FROM budget b "
                       "JOIN budget_version v ON v.budget_id = b.id "
                       "WHERE v.version = (SELECT max (version) FROM budget_version "
                       "                   WHERE budget_id = b.id) "
                       "ORDER BY b.name_key", 0, error);
}

GPtrArray *
cag_budget_versions (CagStore *store,
                     gint64    budget_id,
                     GError  **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  return budget_query (store,
                       "SELECT " BUDGET_COLUMNS " FROM budget b "
                       "JOIN budget_version v ON v.budget_id = b.id "
                       "WHERE b.id = ?1 ORDER BY v.version", budget_id, error);
}

/* ---- Reading a version -------------------------------------------------- */

gboolean
cag_budget_network_has_charity (CagStore *store,
                                GError  **error)
{
  gint64 found = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cag_budget_query_int (store,
                             "SELECT EXISTS (SELECT 1 FROM organization WHERE kind = 'network' "
                             "AND charity = 'registered' AND active = 1)",
                             0, 0, &found, error))
    return FALSE;
  return found != 0;
}

static CagProformaInput *
budget_load_snapshot (CagStore *store,
                      gint64    budget_id,
                      gint      version,
                      GError  **error)
{
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagProformaInput) in = NULL;
  GError *local = NULL;
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  budget = cag_budget_get (store, budget_id, version, error);
  if (budget == NULL)
    return NULL;
  in = cag_proforma_input_new ();

  {
    g_autoptr (CagStmt) stmt =
      cag_store_prepare (store,
                         "SELECT id, code, label, amount_cents FROM budget_line "
                         "WHERE version_id = ?1 ORDER BY position", error);

    if (stmt == NULL)
      return NULL;
    cag_stmt_bind_int (stmt, 1, budget->version_id);
    while ((rc = cag_stmt_step (store, stmt, _("reading the budget"), error)) == CAG_STEP_ROW)
      {
        CagBudgetLine *line = cag_budget_line_new (cag_stmt_column_text (stmt, 1),
                                                   cag_stmt_column_text (stmt, 2),
                                                   cag_stmt_column_int (stmt, 3));

        line->id = cag_stmt_column_int (stmt, 0);
        g_ptr_array_add (in->lines, line);
      }
    if (rc == CAG_STEP_ERROR)
      return NULL;
  }

  {
    g_autoptr (CagStmt) stmt =
      cag_store_prepare (store,
                         "SELECT o.id, o.funder_id, f.name, f.requires_charity, o.ratio_num, "
                         "o.ratio_den, o.lines, o.cash_only, o.cap_cents, o.min_base_cents, "
                         "o.max_share_bp FROM budget_offer o JOIN funder f ON f.id = o.funder_id "
                         "WHERE o.version_id = ?1 ORDER BY o.position", error);

    if (stmt == NULL)
      return NULL;
    cag_stmt_bind_int (stmt, 1, budget->version_id);
    while ((rc = cag_stmt_step (store, stmt, _("reading the budget"), error)) == CAG_STEP_ROW)
      {
        CagBudgetOffer *offer = cag_budget_offer_new ();
        const char *lines = cag_stmt_column_text (stmt, 6);

        offer->id = cag_stmt_column_int (stmt, 0);
        offer->funder_id = cag_stmt_column_int (stmt, 1);
        offer->funder_name = cag_stmt_column_dup (stmt, 2);
        offer->requires_charity = cag_stmt_column_int (stmt, 3) != 0;
        offer->num = cag_stmt_column_int (stmt, 4);
        offer->den = cag_stmt_column_int (stmt, 5);
        if (lines != NULL)
          offer->lines = *lines != '\0' ? g_strsplit (lines, ",", -1) : g_new0 (char *, 1);
        offer->cash_only = cag_stmt_column_int (stmt, 7) != 0;
        offer->cap_cents = cag_stmt_column_int (stmt, 8);
        offer->min_base_cents = cag_stmt_column_int (stmt, 9);
        offer->max_share_bp = cag_stmt_column_int (stmt, 10);
        g_ptr_array_add (in->offers, offer);
      }
    if (rc == CAG_STEP_ERROR)
      return NULL;
  }

  {
    g_autoptr (CagStmt) stmt =
      cag_store_prepare (store,
                         "SELECT id, organization_id, partner_name, line_code, kind, "
                         "amount_cents, basis, status FROM budget_pledge "
                         "WHERE version_id = ?1 ORDER BY position", error);

    if (stmt == NULL)
      return NULL;
    cag_stmt_bind_int (stmt, 1, budget->version_id);
    while ((rc = cag_stmt_step (store, stmt, _("reading the budget"), error)) == CAG_STEP_ROW)
      {
        CagPledge *pledge = cag_pledge_new ();

        pledge->id = cag_stmt_column_int (stmt, 0);
        pledge->organization_id = cag_stmt_column_int (stmt, 1);
        pledge->partner_name = cag_stmt_column_dup (stmt, 2);
        pledge->line_code = cag_stmt_column_dup (stmt, 3);
        cag_pledge_kind_from_string (cag_stmt_column_text (stmt, 4), &pledge->kind);
        pledge->amount_cents = cag_stmt_column_int (stmt, 5);
        pledge->basis = cag_stmt_column_dup (stmt, 6);
        cag_pledge_status_from_string (cag_stmt_column_text (stmt, 7),
                                       &pledge->status);
        g_ptr_array_add (in->pledges, pledge);
      }
    if (rc == CAG_STEP_ERROR)
      return NULL;
  }

  in->network_has_charity = cag_budget_network_has_charity (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&in);
}

CagProformaInput *
cag_budget_load (CagStore *store,
                 gint64    budget_id,
                 gint      version,
                 GError  **error)
{
  CagProformaInput *result;

  g_return_val_if_fail (store != NULL, NULL);
  if (!cag_store_read_begin (store, error))
    return NULL;
  result = budget_load_snapshot (store, budget_id, version, error);
  cag_store_read_end (store);
  return result;
}

