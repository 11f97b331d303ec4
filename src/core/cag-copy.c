/* cag-copy.c — moving a whole network from one store to another, ids kept
 * (docs/SERVER.md, "Moving a network between a file and a server").
 *
 * One generic loop over a table list in dependency order: each row is read
 * from the source by column and written to the target by column, through
 * the store's prepared statements.  The source is read inside one read
 * transaction (one snapshot); the target is written in one transaction that
 * ends with the recount of every kept total, so a copy is all or nothing.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cag-copy.h"
#include "cag-error.h"
#include "cag-i18n.h"
#include "cag-location.h"
#include "cag-store-private.h"

typedef struct
{
  const char *table;
  /* Space-separated column names; '#' marks an integer column, the others
   * are text.  Every column of the table. */
  const char *columns;
} CopyTable;

/* Parents before children, so that every reference finds its row. */
static const CopyTable copy_tables[] = {
  { "organization", "#id name name_key short_name short_key region region_key kind contact_name "
                    "email phone notes #active charity created_at" },
  { "campaign", "#id name name_key #delegation_cost_cents start_date #start_month deadline "
                "#deadline_month created_at" },
  { "fund", "#id #organization_id #campaign_id #delegations #target_override_cents "
            "#monthly_override_cents #saved_total_cents #contribution_count created_at" },
  { "contribution", "#id #fund_id date #month #amount_cents method reference note recorded_at "
                    "recorded_by #voided void_reason voided_at voided_by" },
  { "fund_month", "#fund_id #month #total_cents #count" },
  { "campaign_month", "#campaign_id #month #total_cents #count" },
  { "campaign_match", "#campaign_id #match_num #match_den #cap_cents" },
  { "audit_log", "#id at user action entity #entity_id detail" },
  { "network", "#id name address contact email phone charity_number website" },
  { "funder", "#id name name_key kind #requires_charity" },
  { "funder_name", "#funder_id short_name short_key article" },
  { "budget", "#id name name_key" },
  { "budget_version", "#id #budget_id #version status start_date end_date created_at "
                      "submitted_at" },
  { "budget_line", "#id #version_id #position code code_key label #amount_cents" },
  { "budget_offer", "#id #version_id #position #funder_id #ratio_num #ratio_den lines #cash_only "
                    "#cap_cents #min_base_cents #max_share_bp" },
  { "budget_pledge", "#id #version_id #position #organization_id partner_name line_code kind "
                     "#amount_cents basis status" },
  { "campaign_offer", "#id #campaign_id #funder_id #ratio_num #ratio_den #cap_per_fund_cents" },
};

/* ---- Statements ----------------------------------------------------------
 * The few statement calls the copy makes, in one place: reading a value of
 * either kind, binding it, stepping with the store's error mapping. */

#define CopyStmt CagStmt

/* TRUE on a row, FALSE at the end or on failure (*error set). */
static gboolean
copy_step_row (CagStore   *store,
               CopyStmt   *stmt,
               const char *context,
               gboolean   *failed,
               GError    **error)
{
  CagStep rc = cag_stmt_step (store, stmt, context, error);

  if (rc == CAG_STEP_ROW)
    return TRUE;
  if (rc == CAG_STEP_ERROR)
    *failed = TRUE;
  return FALSE;
}

static void
copy_value (CopyStmt *from,
            CopyStmt *to,
            int       column,
            gboolean  is_int)
{
  if (cag_stmt_column_is_null (from, column))
    cag_stmt_bind_null (to, column + 1);
  else if (is_int)
    cag_stmt_bind_int (to, column + 1, cag_stmt_column_int (from, column));
  else
    cag_stmt_bind_text (to, column + 1, cag_stmt_column_text (from, column));
}

/* A read transaction on the source: every read until read_end sees the
 * same state of the database. */
static gboolean
read_begin (CagStore *store,
            GError  **error)
{
  g_autoptr(CopyStmt) stmt = cag_store_prepare (store, "BEGIN", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  copy_step_row (store, stmt, _("reading the source"), &failed, error);
  return !failed;
}

static void
read_end (CagStore *store)
{
  g_autoptr(CopyStmt) stmt = cag_store_prepare (store, "ROLLBACK", NULL);

  if (stmt != NULL)
    cag_stmt_step (store, stmt, NULL, NULL);
}

/* ---- Copying ------------------------------------------------------------ */

static gboolean
check_location (const char *location,
                GError    **error)
{
  if (location == NULL || *location == '\0')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Name both the source and the target of the copy."));
      return FALSE;
    }
  return cag_location_check_supported (location, error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
target_is_empty (CagStore   *target,
                 const char *location,
                 GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", copy_tables[i].table);
      g_autoptr(CopyStmt) stmt = cag_store_prepare (target, sql, error);
      gboolean failed = FALSE;

      if (stmt == NULL)
        return FALSE;
      if (copy_step_row (target, stmt, _("reading the target"), &failed, error))
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_EXISTS,
                       _("“%s” already holds data (table “%s”); copy into a new file or an "
                         "empty database. Nothing was copied."),
                       location, copy_tables[i].table);
          return FALSE;
        }
      if (failed)
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_table (CagStore        *source,
            CagStore        *target,
            const CopyTable *table,
            gint64          *rows,
            GError         **error)
{
  g_auto(GStrv) names = g_strsplit (table->columns, " ", -1);
  guint n = g_strv_length (names);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO ");
  g_autoptr(CopyStmt) read = NULL;
  g_autoptr(CopyStmt) write = NULL;
  gboolean failed = FALSE;

  g_string_append_printf (insert, "%s (", table->table);
  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i][0] == '#' ? names[i] + 1 : names[i];

      /* Quoted: "user" is a reserved word on PostgreSQL. */
      g_string_append_printf (select, "%s\"%s\"", i > 0 ? ", " : "", name);
      g_string_append_printf (insert, "%s\"%s\"", i > 0 ? ", " : "", name);
    }
  g_string_append_printf (select, " FROM %s", table->table);
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (insert, ")");

  read = cag_store_prepare (source, select->str, error);
  if (read == NULL)
    return FALSE;
  write = cag_store_prepare (target, insert->str, error);
  if (write == NULL)
    return FALSE;
  while (copy_step_row (source, read, _("reading the source"), &failed, error))
    {
      for (guint i = 0; i < n; i++)
        copy_value (read, write, (int) i, names[i][0] == '#');
      copy_step_row (target, write, _("writing the copy"), &failed, error);
      cag_stmt_finish (write);
      if (failed)
        return FALSE;
      (*rows)++;
    }
  return !failed;
}

static gboolean
copy_all (CagStore   *source,
          CagStore   *target,
          const char *to,
          gint64     *rows,
          GError    **error)
{
  if (!cag_store_begin (target, error))
    return FALSE;
  /* Inside the write: nobody can fill the target between check and copy. */
  if (!target_is_empty (target, to, error))
    {
      cag_store_rollback (target);
      return FALSE;
    }
  if (!read_begin (source, error))
    {
      cag_store_rollback (target);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    if (!copy_table (source, target, &copy_tables[i], rows, error))
      goto fail;
  read_end (source);
  /* The copied totals must agree with the copied ledger. */
  if (!cag_store_check_totals (target, error) || !cag_store_after_copy (target, error))
    goto fail;
  return cag_store_commit (target, error);

fail:
  read_end (source);
  cag_store_rollback (target);
  return FALSE;
}

static void
remove_new_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* ---- Public API --------------------------------------------------------- */

const char * const *
cag_copy_tables (void)
{
  static const char *names[G_N_ELEMENTS (copy_tables) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (copy_tables); i++)
    names[i] = copy_tables[i].table;
  return names;
}

gboolean
cag_copy_network (const char *from,
                  const char *to,
                  gint64     *out_rows,
                  GError    **error)
{
  CagStore *source = NULL;
  CagStore *target = NULL;
  gboolean created = FALSE;
  gboolean ok = FALSE;
  gint64 rows = 0;

  if (!check_location (from, error) || !check_location (to, error))
    return FALSE;
  if (same_file (from, to) || g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The source and the target are the same database; name another "
                     "target."));
      return FALSE;
    }
  source = cag_store_open_existing (from, error);
  if (source == NULL)
    return FALSE;
  created = !g_file_test (to, G_FILE_TEST_EXISTS);
  target = cag_store_open (to, error);
  if (target != NULL)
    ok = copy_all (source, target, to, &rows, error);
  cag_store_close (target);
  cag_store_close (source);
  if (!ok && created)
    remove_new_file (to);
  if (ok && out_rows != NULL)
    *out_rows = rows;
  return ok;
}
