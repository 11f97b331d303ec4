/* cag-store-util.h — what the store's own files share (cag-store*.c).
 * Not part of the API: modules built on the store use cag-store-private.h. */
#pragma once

#include <string.h>
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-fold.h"
#include "cag-i18n.h"
#include "cag-money.h"
#include "cag-store-backend.h"

G_BEGIN_DECLS

/* The limits of every text field are in cag-fold.h. */
#define MAX_NAME_CHARS   CAG_MAX_NAME_CHARS
#define MAX_TEXT_CHARS   CAG_MAX_TEXT_CHARS
#define MAX_DELEGATIONS  1000

struct _CagStore
{
  const CagStoreBackend *backend;
  gpointer    conn;         /* the backend's connection (sqlite3 *, PGconn *) */
  char       *path;         /* a file name or a server URI */
  GHashTable *statements;   /* SQL text → CagStmt */
  int         last_code;    /* the backend's last failure (cag_store_record_error) */
  char       *last_state;   /* its SQLSTATE, on a server */
  char       *last_message;
  gint64      changes;      /* rows changed by the last write (server) */
  guint       tx_depth;     /* nesting of cag_store_begin (savepoints inside) */
  guint       read_depth;   /* nesting of cag_store_read_begin */
  gboolean    read_owns_tx; /* the outermost read_begin opened a transaction */
};

/* ---- Helpers ------------------------------------------------------------ */

static inline char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static inline const char *
user_name (void)
{
  const char *name = g_get_user_name ();

  return name != NULL && *name != '\0' ? name : "unknown";
}

static inline char *
id_to_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Short names for the statement API (cag-store-private.h). */
#define bind_text   cag_stmt_bind_text
#define column_dup  cag_stmt_column_dup
#define column_date cag_stmt_column_date

/* Trimmed copy of TEXT, NULL when TEXT is NULL or blank. */
static inline char *
clean_optional (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static inline gboolean
check_text (const char  *text,
            glong        max_chars,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The text contains invalid characters (it is not UTF-8)."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("A text is too long: at most %ld characters are allowed."), max_chars);
      return FALSE;
    }
  /* A field no longer than a name (names, references, e-mail…) is one line;
   * longer ones (notes, reasons) may hold line breaks and tabs. */
  if (cag_text_has_control (text, max_chars > MAX_NAME_CHARS))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           max_chars > MAX_NAME_CHARS
                           ? _("A note contains a control character (such as an escape "
                               "sequence); remove it.")
                           : _("A name or reference contains a control character (a line "
                               "break, a tab or an escape sequence); type it on one line."));
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns no row; FALSE with an error otherwise.
 * CONTEXT is marked with N_() and translated only on failure (this runs for
 * every row of a bulk load). */
static inline gboolean
step_done (CagStore   *store,
           CagStmt    *stmt,
           const char *context,
           GError    **error)
{
  CagStep rc = cag_stmt_step (store, stmt, NULL, NULL);

  cag_stmt_finish (stmt);
  if (rc == CAG_STEP_ERROR)
    return cag_store_set_error (store, _(context), error);
  return TRUE;
}

static inline char *
builder_to_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static inline void
json_add_string (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
json_add_int (JsonBuilder *builder,
              const char  *name,
              gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Ends a write: commits, or rolls back when OK is FALSE or the commit fails. */
static inline gboolean
finish_write (CagStore *store,
              gboolean  ok,
              GError  **error)
{
  if (ok && cag_store_commit (store, error))
    return TRUE;
  cag_store_rollback (store);
  return FALSE;
}

static inline gboolean
check_amount (gint64   cents,
              gboolean allow_zero,
              GError **error)
{
  if (cents < 0 || (cents == 0 && !allow_zero))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           allow_zero ? _("The amount cannot be negative.")
                                      : _("The amount must be more than zero."));
      return FALSE;
    }
  if (cents > CAG_MONEY_MAX_CENTS)
    {
      g_autofree char *max = cag_money_format (CAG_MONEY_MAX_CENTS, cag_i18n_get_language ());

      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The amount is too large (at most %s)."), max);
      return FALSE;
    }
  return TRUE;
}

static inline gboolean
check_date (const CagDate *date,
            GError       **error)
{
  if (!cag_date_valid (date))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The date %04d-%02d-%02d does not exist."),
                   date->year, date->month, date->day);
      return FALSE;
    }
  return TRUE;
}

G_END_DECLS
