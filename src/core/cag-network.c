/* cag-network.c — the network's identity (docs/DOCUMENTS.md): one row of the
 * network table (migration 2 → 3, cag-schema.c), read and replaced whole. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"
#include <json-glib/json-glib.h>

#include "cag-error.h"
#include "cag-network.h"
#include "cag-store-private.h"

#define NETWORK_MAX_CHARS          200
#define NETWORK_MAX_ADDRESS_CHARS  400

typedef struct
{
  const char *column;
  const char *label;          /* N_(): names the field in error messages */
  gsize       offset;
  glong       max_chars;
} NetworkField;

static const NetworkField network_fields[] = {
  { "name", N_("Name"), G_STRUCT_OFFSET (CagNetwork, name), NETWORK_MAX_CHARS },
  { "address", N_("Address"), G_STRUCT_OFFSET (CagNetwork, address), NETWORK_MAX_ADDRESS_CHARS },
  { "contact", N_("Contact"), G_STRUCT_OFFSET (CagNetwork, contact), NETWORK_MAX_CHARS },
  { "email", N_("E-mail"), G_STRUCT_OFFSET (CagNetwork, email), NETWORK_MAX_CHARS },
  { "phone", N_("Phone"), G_STRUCT_OFFSET (CagNetwork, phone), NETWORK_MAX_CHARS },
  { "charity_number", N_("Charity number"), G_STRUCT_OFFSET (CagNetwork, charity_number),
    NETWORK_MAX_CHARS },
  { "website", N_("Website"), G_STRUCT_OFFSET (CagNetwork, website), NETWORK_MAX_CHARS },
};

static inline char **
field_ptr (const CagNetwork   *network,
           const NetworkField *field)
{
  return (char **) G_STRUCT_MEMBER_P ((gpointer) network, field->offset);
}

/* ---- Checks ------------------------------------------------------------- */

/* Trimmed copy; NULL when blank.  In the address, each line is trimmed and
 * Windows line ends become "\n". */
static char *
clean_field (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
email_shape_ok (const char *email)
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

static gboolean
check_field (const NetworkField *field,
             const char         *value,
             GError            **error)
{
  gboolean multiline = strcmp (field->column, "address") == 0;

  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("%s: the text contains invalid characters (it is not UTF-8)."),
                   _(field->label));
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > field->max_chars)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("%s is too long: at most %ld characters are allowed."),
                   _(field->label), field->max_chars);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' && multiline) || !g_unichar_iscntrl (c))
        continue;
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   multiline ? _("%s contains a control character (tab or similar): "
                                 "type plain text, one line per address line.")
                             : _("%s contains a line break or another control character: "
                                 "type it on one line."),
                   _(field->label));
      return FALSE;
    }
  return TRUE;
}

/* A cleaned, checked copy of NETWORK. */
static CagNetwork *
network_validate (const CagNetwork *network,
                  GError          **error)
{
  g_autoptr(CagNetwork) clean = cag_network_new ();

  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    {
      const NetworkField *field = &network_fields[i];
      char **slot = field_ptr (clean, field);

      *slot = clean_field (*field_ptr (network, field));
      if (!check_field (field, *slot, error))
        return NULL;
    }
  if (clean->email != NULL && !email_shape_ok (clean->email))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not an e-mail address (expected something like "
                     "name@example.org)."), clean->email);
      return NULL;
    }
  if (clean->website != NULL && strpbrk (clean->website, " \t<>\"") != NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("“%s” is not a website address (expected something like "
                     "www.example.org)."), clean->website);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

static char *
network_detail (const CagNetwork *network)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    {
      const char *value = *field_ptr (network, &network_fields[i]);

      json_builder_set_member_name (builder, network_fields[i].column);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
network_write (CagStore         *store,
               const CagNetwork *clean,
               GError          **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autofree char *detail = NULL;
  CagStep rc;

  stmt = cag_store_prepare (store,
                            "INSERT INTO network (id, name, address, contact, email, "
                            "phone, charity_number, website) "
                            "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                            "address = excluded.address, contact = excluded.contact, "
                            "email = excluded.email, phone = excluded.phone, "
                            "charity_number = excluded.charity_number, "
                            "website = excluded.website", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    {
      const char *value = *field_ptr (clean, &network_fields[i]);

      if (value != NULL)
        cag_stmt_bind_text (stmt, (int) i + 1, value);
      else
        cag_stmt_bind_null (stmt, (int) i + 1);
    }
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc != CAG_STEP_DONE)
    return cag_store_set_error (store, _("saving the network profile"), error);
  detail = network_detail (clean);
  return cag_store_audit (store, "network.set", "network", 1, detail, error);
}

/* ---- Public API --------------------------------------------------------- */

CagNetwork *
cag_network_new (void)
{
  return g_new0 (CagNetwork, 1);
}

void
cag_network_free (CagNetwork *network)
{
  if (network == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    g_free (*field_ptr (network, &network_fields[i]));
  g_free (network);
}

CagNetwork *
cag_network_copy (const CagNetwork *network)
{
  CagNetwork *copy = cag_network_new ();

  if (network == NULL)
    return copy;
  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    *field_ptr (copy, &network_fields[i]) = g_strdup (*field_ptr (network, &network_fields[i]));
  return copy;
}

gboolean
cag_network_is_empty (const CagNetwork *network)
{
  if (network == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
    if (*field_ptr (network, &network_fields[i]) != NULL)
      return FALSE;
  return TRUE;
}

CagNetwork *
cag_store_network_get (CagStore *store,
                       GError  **error)
{
  g_autoptr(CagStmt) stmt = NULL;
  g_autoptr(CagNetwork) network = cag_network_new ();
  CagStep rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = cag_store_prepare (store,
                            "SELECT name, address, contact, email, phone, charity_number, "
                            "website FROM network WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = cag_stmt_step (store, stmt, NULL, NULL);
  if (rc == CAG_STEP_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (network_fields); i++)
        *field_ptr (network, &network_fields[i])
          = g_strdup (cag_stmt_column_text (stmt, (int) i));
    }
  else if (rc != CAG_STEP_DONE)
    {
      cag_store_set_error (store, _("reading the network profile"), error);
      return NULL;
    }
  return g_steal_pointer (&network);
}

gboolean
cag_store_network_set (CagStore         *store,
                       const CagNetwork *network,
                       GError          **error)
{
  g_autoptr(CagNetwork) clean = NULL;

  g_return_val_if_fail (store != NULL && network != NULL, FALSE);

  clean = network_validate (network, error);
  if (clean == NULL || !cag_store_begin (store, error))
    return FALSE;
  if (network_write (store, clean, error) && cag_store_commit (store, error))
    return TRUE;
  cag_store_rollback (store);
  return FALSE;
}
