/* cag-budget.c — funders, budgets with versions, offers, pledges and campaign
 * offers in the store.  The rules are in cag-proforma.c; see cag-budget.h
 * for the versioning rule and docs/BUDGETS.md for the choices made.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cag-budget.h"
#include "cag-error.h"
#include "cag-fold.h"
#include "cag-money.h"
#include "cag-store-private.h"

#define MAX_NAME_CHARS  200
#define MAX_CODE_CHARS  32
#define MAX_TEXT_CHARS  1000

/* A cached statement, reset when it goes out of scope. */
typedef sqlite3_stmt CagBudgetStmt;

static void
budget_stmt_reset (CagBudgetStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagBudgetStmt, budget_stmt_reset)

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

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static CagDate
column_date (sqlite3_stmt *stmt,
             int           column)
{
  CagDate date = { 0 };

  cag_date_parse_iso ((const char *) sqlite3_column_text (stmt, column), &date, NULL);
  return date;
}

static gboolean
step_done (CagStore     *store,
           sqlite3_stmt *stmt,
           const char   *context,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return cag_store_set_error (store, rc, context, error);
}

/* Runs SQL with one integer parameter (nullable second) to completion. */
static gboolean
exec_ids (CagStore   *store,
          const char *sql,
          gint64      a,
          gint64      b,
          GError    **error)
{
  sqlite3_stmt *stmt = cag_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return step_done (store, stmt, _("saving the budget"), error);
}

/* The first column of the first row of SQL (one integer parameter), or
 * DEFAULT_VALUE when there is no row. */
static gboolean
query_int (CagStore   *store,
           const char *sql,
           gint64      param,
           gint64      default_value,
           gint64     *out,
           GError    **error)
{
  g_autoptr (CagBudgetStmt) stmt = cag_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? default_value
                                                        : sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = default_value;
  else
    return cag_store_set_error (store, rc, _("reading the budgets"), error);
  return TRUE;
}

static gboolean
key_is_id (const char *key,
           gint64     *out)
{
  guint64 v;

  if (key == NULL || *key == '\0' || !g_ascii_isdigit (*key))
    return FALSE;
  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

/* A trimmed copy of TEXT, or NULL (and ERROR) when blank, too long or not
 * UTF-8.  WHAT is the translated name of the field. */
static char *
clean_required (const char *text,
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
  return g_steal_pointer (&copy);
}

static gboolean
check_amount (gint64       cents,
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

static char *
json_detail (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static JsonBuilder *
json_detail_begin (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  return builder;
}

/* Commits, or rolls back when OK is FALSE or the commit fails. */
static gboolean
finish (CagStore *store,
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
  return copy;
}

void
cag_funder_free (CagFunder *funder)
{
  if (funder == NULL)
    return;
  g_free (funder->name);
  g_free (funder);
}

#define FUNDER_COLUMNS "id, name, kind, requires_charity"

static CagFunder *
funder_from_row (sqlite3_stmt *stmt)
{
  CagFunder *funder = cag_funder_new ();

  funder->id = sqlite3_column_int64 (stmt, 0);
  funder->name = column_dup (stmt, 1);
  cag_funder_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &funder->kind);
  funder->requires_charity = sqlite3_column_int (stmt, 3) != 0;
  return funder;
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
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && funder != NULL, FALSE);

  name = clean_required (funder->name, MAX_NAME_CHARS, _("funder’s name"), error);
  if (name == NULL)
    return FALSE;
  key = cag_fold_key (name);

  if (!cag_store_begin (store, error))
    return FALSE;
  stmt = cag_store_prepare (store, "SELECT id FROM funder WHERE name_key = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, key);
      existing = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
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
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, key);
      bind_text (stmt, 3, cag_funder_kind_to_string (funder->kind));
      sqlite3_bind_int (stmt, 4, funder->requires_charity ? 1 : 0);
      ok = step_done (store, stmt, _("saving the funder"), error);
    }
  if (ok)
    {
      funder->id = sqlite3_last_insert_rowid (cag_store_get_db (store));
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, cag_funder_kind_to_string (funder->kind));
      json_builder_set_member_name (builder, "requires_charity");
      json_builder_add_boolean_value (builder, funder->requires_charity);
      detail = json_detail (builder);
      ok = cag_store_audit (store, "funder.add", "funder", funder->id, detail, error);
    }
  if (!finish (store, ok, error))
    return FALSE;
  g_free (funder->name);
  funder->name = g_steal_pointer (&name);
  return TRUE;
}

static CagFunder *
funder_get (CagStore *store,
            gint64    id,
            GError  **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr (CagBudgetStmt) stmt =
    cag_store_prepare (store, "SELECT " FUNDER_COLUMNS " FROM funder WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return funder_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("There is no funder number %s."), id_text);
  else
    cag_store_set_error (store, rc, _("reading the funders"), error);
  return NULL;
}

CagFunder *
cag_funder_find (CagStore   *store,
                 const char *key,
                 GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (CagBudgetStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));
  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Name a funder (its name or number)."));
      return NULL;
    }
  if (key_is_id (trimmed, &id))
    {
      CagFunder *funder = funder_get (store, id, NULL);

      if (funder != NULL)
        return funder;
    }
  folded = cag_fold_key (trimmed);
  stmt = cag_store_prepare (store, "SELECT " FUNDER_COLUMNS " FROM funder WHERE name_key = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folded);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return funder_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                 _("No funder is named “%s”; add it first (funder add)."), trimmed);
  else
    cag_store_set_error (store, rc, _("reading the funders"), error);
  return NULL;
}

GPtrArray *
cag_funder_list (CagStore *store,
                 GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_funder_free);
  g_autoptr (CagBudgetStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store, "SELECT " FUNDER_COLUMNS " FROM funder ORDER BY name_key",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, funder_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the funders"), error);
      return NULL;
    }
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

static CagBudgetStatus
budget_status_from_string (const char *s)
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
budget_from_row (sqlite3_stmt *stmt)
{
  CagBudget *budget = cag_budget_new ();

  budget->id = sqlite3_column_int64 (stmt, 0);
  budget->version_id = sqlite3_column_int64 (stmt, 1);
  budget->name = column_dup (stmt, 2);
  budget->version = sqlite3_column_int (stmt, 3);
  budget->latest_version = sqlite3_column_int (stmt, 4);
  budget->status = budget_status_from_string ((const char *) sqlite3_column_text (stmt, 5));
  budget->start = column_date (stmt, 6);
  budget->end = column_date (stmt, 7);
  budget->submitted_at = column_dup (stmt, 8);
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
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  gint64 budget_id = 0, version_id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && budget != NULL, FALSE);

  name = clean_required (budget->name, MAX_NAME_CHARS, _("budget’s name"), error);
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

      bind_text (stmt, 1, key);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
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
      bind_text (stmt, 1, name);
      bind_text (stmt, 2, key);
      ok = step_done (store, stmt, _("saving the budget"), error);
      budget_id = sqlite3_last_insert_rowid (cag_store_get_db (store));
    }
  if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_version (budget_id, version, status, "
                                    "start_date, end_date, created_at) "
                                    "VALUES (?1, 1, 'draft', ?2, ?3, ?4)", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, budget_id);
      bind_text (stmt, 2, start);
      bind_text (stmt, 3, end);
      bind_text (stmt, 4, at);
      ok = step_done (store, stmt, _("saving the budget"), error);
      version_id = sqlite3_last_insert_rowid (cag_store_get_db (store));
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
          sqlite3_bind_int64 (stmt, 1, version_id);
          sqlite3_bind_int (stmt, 2, (int) i + 1);
          bind_text (stmt, 3, line->code);
          bind_text (stmt, 4, code_key);
          bind_text (stmt, 5, _(line->label));
          sqlite3_bind_int64 (stmt, 6, line->amount_cents);
          ok = step_done (store, stmt, _("saving the budget"), error);
        }
    }
  if (ok)
    {
      builder = json_detail_begin ();
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
      detail = json_detail (builder);
      ok = cag_store_audit (store, "budget.add", "budget", budget_id, detail, error);
    }
  if (!finish (store, ok, error))
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
  g_autoptr (CagBudgetStmt) stmt = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, budget_id);
  int rc;

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
  sqlite3_bind_int64 (stmt, 1, budget_id);
  if (version > 0)
    sqlite3_bind_int (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return budget_from_row (stmt);
  if (rc != SQLITE_DONE)
    cag_store_set_error (store, rc, _("reading the budgets"), error);
  else if (version > 0)
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
    g_autoptr (CagBudgetStmt) stmt =
      cag_store_prepare (store, "SELECT id FROM budget WHERE name_key = ?1", error);
    int rc;

    if (stmt == NULL)
      return NULL;
    bind_text (stmt, 1, folded);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      id = sqlite3_column_int64 (stmt, 0);
    else if (rc != SQLITE_DONE)
      {
        cag_store_set_error (store, rc, _("reading the budgets"), error);
        return NULL;
      }
  }
  if (id == 0)
    {
      gint64 numeric, found = 0;

      if (key_is_id (trimmed, &numeric)
          && !query_int (store, "SELECT id FROM budget WHERE id = ?1", numeric, 0, &found, error))
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
  g_autoptr (CagBudgetStmt) stmt = cag_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, budget_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the budgets"), error);
      return NULL;
    }
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
  sqlite3_stmt *stmt;
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

  at = now_iso ();
  stmt = cag_store_prepare (store,
                            "INSERT INTO budget_version (budget_id, version, status, start_date, "
                            "end_date, created_at) "
                            "SELECT budget_id, version + 1, 'draft', start_date, end_date, ?2 "
                            "FROM budget_version WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, latest->version_id);
  bind_text (stmt, 2, at);
  if (!step_done (store, stmt, _("saving the budget"), error))
    return FALSE;
  new_id = sqlite3_last_insert_rowid (cag_store_get_db (store));

  ok = exec_ids (store,
                 "INSERT INTO budget_line (version_id, position, code, code_key, label, "
                 "amount_cents) SELECT ?2, position, code, code_key, label, amount_cents "
                 "FROM budget_line WHERE version_id = ?1", latest->version_id, new_id, error)
    && exec_ids (store,
                 "INSERT INTO budget_offer (version_id, position, funder_id, ratio_num, "
                 "ratio_den, lines, cash_only, cap_cents, min_base_cents, max_share_bp) "
                 "SELECT ?2, position, funder_id, ratio_num, ratio_den, lines, cash_only, "
                 "cap_cents, min_base_cents, max_share_bp "
                 "FROM budget_offer WHERE version_id = ?1", latest->version_id, new_id, error)
    && exec_ids (store,
                 "INSERT INTO budget_pledge (version_id, position, organization_id, "
                 "partner_name, line_code, kind, amount_cents, basis, status) "
                 "SELECT ?2, position, organization_id, partner_name, line_code, kind, "
                 "amount_cents, basis, status "
                 "FROM budget_pledge WHERE version_id = ?1", latest->version_id, new_id, error);
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
  g_autoptr (CagBudgetStmt) stmt =
    cag_store_prepare (store,
                       "SELECT code FROM budget_line WHERE version_id = ?1 AND code_key = ?2",
                       error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  bind_text (stmt, 2, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return column_dup (stmt, 0);
  return NULL;
}

static char *
clean_code (const char *code,
            GError    **error)
{
  g_autofree char *clean = clean_required (code, MAX_CODE_CHARS, _("line code"), error);

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
  detail = json_detail (builder);
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
  sqlite3_stmt *stmt;
  gint64 version_id;
  gint version = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  clean = clean_code (code, error);
  if (clean == NULL)
    return FALSE;
  text = clean_required (label, MAX_TEXT_CHARS, _("line label"), error);
  if (text == NULL || !check_amount (amount_cents, FALSE, _("line amount"), error))
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
      sqlite3_bind_int64 (stmt, 1, version_id);
      bind_text (stmt, 2, key);
      bind_text (stmt, 3, clean);
      bind_text (stmt, 4, text);
      sqlite3_bind_int64 (stmt, 5, amount_cents);
      ok = step_done (store, stmt, _("saving the budget line"), error);
    }
  if (ok)
    {
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, clean);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "amount_cents");
      json_builder_add_int_value (builder, amount_cents);
      ok = audit_edit (store, existing != NULL ? "budget.line.update" : "budget.line.add",
                       budget_id, version, builder, error);
    }
  if (!finish (store, ok, error))
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
  sqlite3_stmt *stmt;
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
      g_autoptr (CagBudgetStmt) count =
        cag_store_prepare (store,
                           "SELECT count (*) FROM budget_pledge "
                           "WHERE version_id = ?1 AND line_code = ?2", error);

      ok = count != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (count, 1, version_id);
          bind_text (count, 2, existing);
          if (sqlite3_step (count) == SQLITE_ROW)
            pledges = sqlite3_column_int64 (count, 0);
          if (pledges > 0)
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
      sqlite3_bind_int64 (stmt, 1, version_id);
      bind_text (stmt, 2, existing);
      ok = step_done (store, stmt, _("saving the budget"), error);
    }
  if (ok)
    {
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, existing);
      ok = audit_edit (store, "budget.line.remove", budget_id, version, builder, error);
    }
  if (!finish (store, ok, error))
    return FALSE;
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

static gboolean
check_offer_terms (gint      num,
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
  if (!check_amount (cap, TRUE, _("cap"), error)
      || !check_amount (min_base, TRUE, _("minimum base"), error))
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
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (store != NULL && offer != NULL, FALSE);

  if (!check_offer_terms (offer->num, offer->den, offer->cap_cents, offer->min_base_cents,
                          offer->max_share_bp, error))
    return FALSE;
  funder = funder_get (store, offer->funder_id, error);
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
      g_autoptr (CagBudgetStmt) find =
        cag_store_prepare (store,
                           "SELECT id FROM budget_offer WHERE version_id = ?1 AND funder_id = ?2",
                           error);

      ok = find != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (find, 1, version_id);
          sqlite3_bind_int64 (find, 2, funder->id);
          if (sqlite3_step (find) == SQLITE_ROW)
            existing = sqlite3_column_int64 (find, 0);
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
      sqlite3_bind_int64 (stmt, 1, version_id);
      sqlite3_bind_int64 (stmt, 2, funder->id);
      sqlite3_bind_int (stmt, 3, offer->num);
      sqlite3_bind_int (stmt, 4, offer->den);
      bind_text (stmt, 5, lines);
      sqlite3_bind_int (stmt, 6, offer->cash_only ? 1 : 0);
      sqlite3_bind_int64 (stmt, 7, offer->cap_cents);
      sqlite3_bind_int64 (stmt, 8, offer->min_base_cents);
      sqlite3_bind_int (stmt, 9, offer->max_share_bp);
      ok = step_done (store, stmt, _("saving the offer"), error);
    }
  if (ok)
    {
      g_autofree char *ratio = g_strdup_printf ("%d:%d", offer->num, offer->den);

      builder = json_detail_begin ();
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
  if (!finish (store, ok, error))
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
    && exec_ids (store, "DELETE FROM budget_offer WHERE version_id = ?1 AND funder_id = ?2",
                 version_id, funder_id, error);
  if (ok && sqlite3_changes (cag_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                           _("This funder has no offer on this budget."));
      ok = FALSE;
    }
  if (ok)
    {
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "funder_id");
      json_builder_add_int_value (builder, funder_id);
      ok = audit_edit (store, "budget.offer.remove", budget_id, version, builder, error);
    }
  if (!finish (store, ok, error))
    return FALSE;
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
  g_autofree char *partner = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *code = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  GError *local = NULL;
  gint64 version_id, pledge_id = 0;
  gint version = 0;
  sqlite3_stmt *stmt;
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
      partner = clean_required (pledge->partner_name, MAX_NAME_CHARS, _("partner’s name"), error);
      if (partner == NULL)
        return FALSE;
    }
  if (!check_amount (pledge->amount_cents, FALSE, _("pledge amount"), error))
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
  if (basis != NULL && g_utf8_strlen (basis, -1) > MAX_TEXT_CHARS)
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
  if (ok)
    ok = (stmt = cag_store_prepare (store,
                                    "INSERT INTO budget_pledge (version_id, organization_id, "
                                    "partner_name, line_code, kind, amount_cents, basis, status, "
                                    "position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                    "(SELECT coalesce (max (position), 0) + 1 FROM budget_pledge "
                                    " WHERE version_id = ?1))", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, version_id);
      if (pledge->organization_id > 0)
        sqlite3_bind_int64 (stmt, 2, pledge->organization_id);
      else
        sqlite3_bind_null (stmt, 2);
      bind_text (stmt, 3, partner);
      bind_text (stmt, 4, code);
      bind_text (stmt, 5, cag_pledge_kind_to_string (pledge->kind));
      sqlite3_bind_int64 (stmt, 6, pledge->amount_cents);
      bind_text (stmt, 7, basis);
      bind_text (stmt, 8, cag_pledge_status_to_string (pledge->status));
      ok = step_done (store, stmt, _("saving the pledge"), error);
      pledge_id = sqlite3_last_insert_rowid (cag_store_get_db (store));
    }
  if (ok)
    {
      builder = json_detail_begin ();
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
      ok = audit_edit (store, "budget.pledge.add", budget_id, version, builder, error);
    }
  if (!finish (store, ok, error))
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
  {
    g_autoptr (CagBudgetStmt) stmt =
      cag_store_prepare (store,
                         "SELECT p.position FROM budget_pledge p "
                         "JOIN budget_version v ON v.id = p.version_id "
                         "WHERE p.id = ?1 AND v.budget_id = ?2", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, pledge_id);
    sqlite3_bind_int64 (stmt, 2, budget_id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      position = sqlite3_column_int64 (stmt, 0);
  }
  if (position == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("This budget has no pledge number %s."), id_text);
      return FALSE;
    }

  if (!cag_store_begin (store, error))
    return FALSE;
  ok = editable_version (store, budget_id, &version_id, &version, error)
    && exec_ids (store, "DELETE FROM budget_pledge WHERE version_id = ?1 AND position = ?2",
                 version_id, position, error);
  if (ok && sqlite3_changes (cag_store_get_db (store)) == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_NOT_FOUND,
                   _("This budget has no pledge number %s."), id_text);
      ok = FALSE;
    }
  if (ok)
    {
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "pledge_id");
      json_builder_add_int_value (builder, pledge_id);
      ok = audit_edit (store, "budget.pledge.remove", budget_id, version, builder, error);
    }
  if (!finish (store, ok, error))
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
  g_autofree char *at = now_iso ();
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
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
      ok = query_int (store, "SELECT count (*) FROM budget_line WHERE version_id = ?1",
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
      sqlite3_bind_int64 (stmt, 1, latest->version_id);
      bind_text (stmt, 2, cag_budget_status_to_string (to));
      if (to == CAG_BUDGET_SUBMITTED)
        bind_text (stmt, 3, at);
      ok = step_done (store, stmt, _("saving the budget"), error);
    }
  if (ok)
    {
      detail = g_strdup_printf ("{\"version\":%d}", latest->version);
      ok = cag_store_audit (store, to == CAG_BUDGET_SUBMITTED ? "budget.submit" : "budget.approve",
                            "budget", budget_id, detail, error);
    }
  return finish (store, ok, error);
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

/* ---- Reading a version -------------------------------------------------- */

gboolean
cag_budget_network_has_charity (CagStore *store,
                                GError  **error)
{
  gint64 found = 0;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!query_int (store,
                  "SELECT EXISTS (SELECT 1 FROM organization WHERE kind = 'network' "
                  "AND charity = 'registered' AND active = 1)",
                  0, 0, &found, error))
    return FALSE;
  return found != 0;
}

CagProformaInput *
cag_budget_load (CagStore *store,
                 gint64    budget_id,
                 gint      version,
                 GError  **error)
{
  g_autoptr (CagBudget) budget = NULL;
  g_autoptr (CagProformaInput) in = NULL;
  GError *local = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  budget = cag_budget_get (store, budget_id, version, error);
  if (budget == NULL)
    return NULL;
  in = cag_proforma_input_new ();

  {
    g_autoptr (CagBudgetStmt) stmt =
      cag_store_prepare (store,
                         "SELECT id, code, label, amount_cents FROM budget_line "
                         "WHERE version_id = ?1 ORDER BY position", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, budget->version_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        CagBudgetLine *line = cag_budget_line_new ((const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2),
                                                   sqlite3_column_int64 (stmt, 3));

        line->id = sqlite3_column_int64 (stmt, 0);
        g_ptr_array_add (in->lines, line);
      }
    if (rc != SQLITE_DONE)
      {
        cag_store_set_error (store, rc, _("reading the budget"), error);
        return NULL;
      }
  }

  {
    g_autoptr (CagBudgetStmt) stmt =
      cag_store_prepare (store,
                         "SELECT o.id, o.funder_id, f.name, f.requires_charity, o.ratio_num, "
                         "o.ratio_den, o.lines, o.cash_only, o.cap_cents, o.min_base_cents, "
                         "o.max_share_bp FROM budget_offer o JOIN funder f ON f.id = o.funder_id "
                         "WHERE o.version_id = ?1 ORDER BY o.position", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, budget->version_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        CagBudgetOffer *offer = cag_budget_offer_new ();
        const char *lines = (const char *) sqlite3_column_text (stmt, 6);

        offer->id = sqlite3_column_int64 (stmt, 0);
        offer->funder_id = sqlite3_column_int64 (stmt, 1);
        offer->funder_name = column_dup (stmt, 2);
        offer->requires_charity = sqlite3_column_int (stmt, 3) != 0;
        offer->num = sqlite3_column_int (stmt, 4);
        offer->den = sqlite3_column_int (stmt, 5);
        if (lines != NULL)
          offer->lines = *lines != '\0' ? g_strsplit (lines, ",", -1) : g_new0 (char *, 1);
        offer->cash_only = sqlite3_column_int (stmt, 7) != 0;
        offer->cap_cents = sqlite3_column_int64 (stmt, 8);
        offer->min_base_cents = sqlite3_column_int64 (stmt, 9);
        offer->max_share_bp = sqlite3_column_int (stmt, 10);
        g_ptr_array_add (in->offers, offer);
      }
    if (rc != SQLITE_DONE)
      {
        cag_store_set_error (store, rc, _("reading the budget"), error);
        return NULL;
      }
  }

  {
    g_autoptr (CagBudgetStmt) stmt =
      cag_store_prepare (store,
                         "SELECT id, organization_id, partner_name, line_code, kind, "
                         "amount_cents, basis, status FROM budget_pledge "
                         "WHERE version_id = ?1 ORDER BY position", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, budget->version_id);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        CagPledge *pledge = cag_pledge_new ();

        pledge->id = sqlite3_column_int64 (stmt, 0);
        pledge->organization_id = sqlite3_column_int64 (stmt, 1);
        pledge->partner_name = column_dup (stmt, 2);
        pledge->line_code = column_dup (stmt, 3);
        cag_pledge_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &pledge->kind);
        pledge->amount_cents = sqlite3_column_int64 (stmt, 5);
        pledge->basis = column_dup (stmt, 6);
        cag_pledge_status_from_string ((const char *) sqlite3_column_text (stmt, 7),
                                       &pledge->status);
        g_ptr_array_add (in->pledges, pledge);
      }
    if (rc != SQLITE_DONE)
      {
        cag_store_set_error (store, rc, _("reading the budget"), error);
        return NULL;
      }
  }

  in->network_has_charity = cag_budget_network_has_charity (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&in);
}

/* ---- Campaign offers ---------------------------------------------------- */

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
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (store != NULL && offer != NULL, FALSE);

  if (!check_offer_terms (offer->num, offer->den, offer->cap_per_fund_cents, 0, 0, error))
    return FALSE;
  campaign = cag_store_campaign_get (store, offer->campaign_id, error);
  if (campaign == NULL)
    return FALSE;
  funder = funder_get (store, offer->funder_id, error);
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
      sqlite3_bind_int64 (stmt, 1, campaign->id);
      sqlite3_bind_int64 (stmt, 2, funder->id);
      sqlite3_bind_int (stmt, 3, offer->num);
      sqlite3_bind_int (stmt, 4, offer->den);
      sqlite3_bind_int64 (stmt, 5, offer->cap_per_fund_cents);
      ok = step_done (store, stmt, _("saving the campaign offer"), error);
    }
  if (ok)
    {
      g_autoptr (CagBudgetStmt) find =
        cag_store_prepare (store,
                           "SELECT id FROM campaign_offer WHERE campaign_id = ?1 AND funder_id = ?2",
                           error);

      ok = find != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (find, 1, campaign->id);
          sqlite3_bind_int64 (find, 2, funder->id);
          if (sqlite3_step (find) == SQLITE_ROW)
            id = sqlite3_column_int64 (find, 0);
        }
    }
  if (ok)
    {
      ratio = g_strdup_printf ("%d:%d", offer->num, offer->den);
      builder = json_detail_begin ();
      json_builder_set_member_name (builder, "funder");
      json_builder_add_string_value (builder, funder->name);
      json_builder_set_member_name (builder, "ratio");
      json_builder_add_string_value (builder, ratio);
      json_builder_set_member_name (builder, "cap_per_fund_cents");
      json_builder_add_int_value (builder, offer->cap_per_fund_cents);
      detail = json_detail (builder);
      ok = cag_store_audit (store, "campaign.offer", "campaign", campaign->id, detail, error);
    }
  if (!finish (store, ok, error))
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
  g_autoptr (CagBudgetStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT o.id, o.campaign_id, o.funder_id, f.name, o.ratio_num, "
                            "o.ratio_den, o.cap_per_fund_cents FROM campaign_offer o "
                            "JOIN funder f ON f.id = o.funder_id "
                            "WHERE o.campaign_id = ?1 ORDER BY o.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CagCampaignOffer *offer = g_new0 (CagCampaignOffer, 1);

      offer->id = sqlite3_column_int64 (stmt, 0);
      offer->campaign_id = sqlite3_column_int64 (stmt, 1);
      offer->funder_id = sqlite3_column_int64 (stmt, 2);
      offer->funder_name = column_dup (stmt, 3);
      offer->num = sqlite3_column_int (stmt, 4);
      offer->den = sqlite3_column_int (stmt, 5);
      offer->cap_per_fund_cents = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (list, offer);
    }
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the campaign offers"), error);
      return NULL;
    }
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
  g_autoptr (CagBudgetStmt) stmt = NULL;
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
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint n = sqlite3_column_int (stmt, 0);
      gint d = sqlite3_column_int (stmt, 1);

      if (*den == 0 || (gint64) n * *den > (gint64) *num * d)
        {
          *num = n;
          *den = d;
          *cap = sqlite3_column_int64 (stmt, 2);
        }
    }
  if (rc != SQLITE_DONE)
    return cag_store_set_error (store, rc, _("reading the campaign offers"), error);
  return TRUE;
}

GHashTable *
cag_budget_campaign_matches (CagStore *store,
                             GError  **error)
{
  g_autoptr (GHashTable) matches = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  g_autoptr (CagBudgetStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT campaign_id, ratio_num, ratio_den, cap_per_fund_cents "
                            "FROM campaign_offer ORDER BY campaign_id, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 campaign_id = sqlite3_column_int64 (stmt, 0);
      gint n = sqlite3_column_int (stmt, 1);
      gint d = sqlite3_column_int (stmt, 2);
      CagCampaignMatch *m = g_hash_table_lookup (matches, &campaign_id);

      if (m == NULL)
        {
          m = g_new0 (CagCampaignMatch, 1);
          g_hash_table_insert (matches, g_memdup2 (&campaign_id, sizeof campaign_id), m);
        }
      if (m->den == 0 || (gint64) n * m->den > (gint64) m->num * d)
        {
          m->num = n;
          m->den = d;
          m->cap_cents = sqlite3_column_int64 (stmt, 3);
        }
    }
  if (rc != SQLITE_DONE)
    {
      cag_store_set_error (store, rc, _("reading the campaign offers"), error);
      return NULL;
    }
  return g_steal_pointer (&matches);
}
