/* cag-query.c — id lists for the window's lazy lists. */
#include "config.h"

#include <glib/gi18n.h>

#include "cag-fold.h"
#include "cag-query.h"
#include "cag-store-private.h"

/* A LIKE pattern matching keys that contain the folded SEARCH. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = cag_fold_key (search);
  GString *pattern = g_string_new ("%");
  const char *p;

  for (p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* One statement per order: SQL text is never built from user input. */
static const char *const org_queries[4][2] = {
#define ORG_QUERY(key) \
  "SELECT id FROM organization " \
  "WHERE (CAST (?1 AS TEXT) IS NULL OR name_key LIKE ?1 ESCAPE '\\' " \
  "OR short_key LIKE ?1 ESCAPE '\\' OR region_key LIKE ?1 ESCAPE '\\') " \
  "AND (?2 OR active = 1) ORDER BY " key
  { ORG_QUERY ("name_key"), ORG_QUERY ("name_key DESC") },
  { ORG_QUERY ("short_key IS NULL, short_key, name_key"),
    ORG_QUERY ("short_key IS NULL, short_key DESC, name_key") },
  { ORG_QUERY ("region_key IS NULL, region_key, name_key"),
    ORG_QUERY ("region_key IS NULL, region_key DESC, name_key") },
  { ORG_QUERY ("kind, name_key"), ORG_QUERY ("kind DESC, name_key") },
#undef ORG_QUERY
};

GArray *
cag_query_org_ids (CagStore   *store,
                   const char *search,
                   gboolean    include_inactive,
                   CagOrgSort  sort,
                   gboolean    descending,
                   GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = NULL;
  CagStmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  if (search != NULL && *search != '\0' && g_utf8_validate (search, -1, NULL))
    pattern = like_pattern (search);

  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (org_queries), NULL);
  stmt = cag_store_prepare (store, org_queries[sort][descending ? 1 : 0], error);
  if (stmt == NULL)
    return NULL;
  if (pattern != NULL)
    cag_stmt_bind_text (stmt, 1, pattern);
  else
    cag_stmt_bind_null (stmt, 1);
  cag_stmt_bind_int (stmt, 2, include_inactive ? 1 : 0);
  while ((rc = cag_stmt_step (store, stmt, _("reading the organizations"), error)) == CAG_STEP_ROW)
    {
      gint64 id = cag_stmt_column_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  cag_stmt_finish (stmt);
  if (rc == CAG_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}
