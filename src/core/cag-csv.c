/* cag-csv.c — an RFC 4180 reader tolerant of what spreadsheets write, and a
 * strict writer.  See cag-csv.h for what is accepted. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cag-csv.h"
#include "cag-error.h"

struct _CagCsvWriter
{
  char     delimiter;
  GString *text;
  gboolean row_started;
};

/* ---- Helpers ------------------------------------------------------------ */

static guint
count_line (const char *s,
            gsize       upto)
{
  guint line = 1;

  for (gsize i = 0; i < upto; i++)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= upto || s[i + 1] != '\n')))
      line++;
  return line;
}

/* Converts RAW to a UTF-8 string without byte-order mark; sets *encoding. */
static char *
decode_text (const char  *raw,
             gsize        length,
             gsize       *out_length,
             CagCsvInfo  *info,
             GError     **error)
{
  const guchar *u = (const guchar *) raw;
  const char *end = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  info->had_bom = FALSE;

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      info->had_bom = TRUE;
      info->encoding = "UTF-8";
      if (!g_utf8_validate_len (raw + 3, length - 3, &end))
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("Line %u: the file says it is UTF-8 but holds bytes that are not UTF-8."),
                       count_line (raw + 3, (gsize) (end - (raw + 3))));
          return NULL;
        }
      *out_length = length - 3;
      return g_strndup (raw + 3, length - 3);
    }

  if (length >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      info->had_bom = TRUE;
      info->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      text = g_convert (raw + 2, (gssize) (length - 2), "UTF-8", info->encoding,
                        NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("The file says it is UTF-16 but cannot be read as such: %s"),
                       local_error->message);
          return NULL;
        }
      *out_length = written;
      return text;
    }

  if (g_utf8_validate_len (raw, length, NULL))
    {
      info->encoding = "UTF-8";
      *out_length = length;
      return g_strndup (raw, length);
    }

  /* Not UTF-8: spreadsheets on Windows save in Windows-1252. */
  info->encoding = "WINDOWS-1252";
  text = g_convert (raw, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, &written,
                    &local_error);
  if (text == NULL)
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The file is neither UTF-8 nor Windows-1252 text: save it again "
                             "from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }
  *out_length = written;
  return text;
}

/* Counts separators outside quotes in the first record and picks the most
 * frequent; a tie goes to ';', then ','. */
static char
detect_delimiter (const char *s,
                  gsize       n)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (semicolons > 0 && semicolons >= commas && semicolons >= tabs)
    return ';';
  if (commas > 0 && commas >= tabs)
    return ',';
  if (tabs > 0)
    return '\t';
  return ',';
}

static CagCsvRecord *
record_from_fields (GPtrArray *fields,
                    guint      line)
{
  CagCsvRecord *record = g_new0 (CagCsvRecord, 1);

  record->line = line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_free (fields, FALSE);
  return record;
}

/* ---- Reader ------------------------------------------------------------- */

void
cag_csv_record_free (CagCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

gboolean
cag_csv_record_is_blank (const CagCsvRecord *record)
{
  g_return_val_if_fail (record != NULL, TRUE);

  for (guint i = 0; i < record->n_fields; i++)
    for (const char *p = record->fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

GPtrArray *
cag_csv_parse (const char  *data,
               gsize        length,
               char         delimiter,
               CagCsvInfo  *out_info,
               GError     **error)
{
  CagCsvInfo info = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *nul;
  gsize n = 0;
  gsize i = 0;
  guint line = 1;
  guint record_line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';'
                        || delimiter == '\t', NULL);

  if (length > CAG_CSV_MAX_BYTES)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("The file is too large (more than %u MB)."),
                   (guint) (CAG_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  text = decode_text (data != NULL ? data : "", length, &n, &info, error);
  if (text == NULL)
    return NULL;

  nul = memchr (text, '\0', n);
  if (nul != NULL)
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Line %u: the file holds a NUL byte; it is not a text file."),
                   count_line (text, (gsize) (nul - text)));
      return NULL;
    }

  /* Excel may start a file with a "sep=;" line naming the separator. */
  if (n >= 5 && strncmp (text, "sep=", 4) == 0
      && (text[4] == ',' || text[4] == ';' || text[4] == '\t')
      && (n == 5 || text[5] == '\r' || text[5] == '\n'))
    {
      if (delimiter == 0)
        delimiter = text[4];
      i = 5;
      if (i < n && text[i] == '\r')
        i++;
      if (i < n && text[i] == '\n')
        i++;
      line = record_line = 2;
    }

  info.delimiter = delimiter != 0 ? delimiter : detect_delimiter (text + i, n - i);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_csv_record_free);
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  while (i < n)
    {
      gboolean end_of_record = FALSE;

      /* One field. */
      g_string_truncate (field, 0);
      if (text[i] == '"')
        {
          guint quote_line = line;

          i++;
          for (;;)
            {
              if (i >= n)
                {
                  g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                               _("Line %u: a quote opened here is never closed."),
                               quote_line);
                  return NULL;
                }
              if (text[i] == '"')
                {
                  if (i + 1 < n && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] != '\n')))
                line++;
              g_string_append_c (field, text[i]);
              i++;
            }
          if (i < n && text[i] != info.delimiter && text[i] != '\r' && text[i] != '\n')
            {
              g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("Line %u: unexpected text after a closing quote."), line);
              return NULL;
            }
        }
      else
        {
          gsize start = i;

          while (i < n && text[i] != info.delimiter && text[i] != '\r' && text[i] != '\n')
            i++;
          g_string_append_len (field, text + start, (gssize) (i - start));
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      /* What ends the field. */
      if (i >= n)
        end_of_record = TRUE;
      else if (text[i] == info.delimiter)
        {
          i++;
          /* A separator at the very end of the file still opens a field. */
          if (i >= n)
            g_ptr_array_add (fields, g_strdup (""));
        }
      else
        {
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')
            i++;
          i++;
          line++;
          end_of_record = TRUE;
        }

      if (end_of_record || i >= n)
        {
          g_ptr_array_add (records, record_from_fields (g_steal_pointer (&fields), record_line));
          fields = g_ptr_array_new_with_free_func (g_free);
          record_line = line;
        }
    }

  if (out_info != NULL)
    *out_info = info;
  return g_steal_pointer (&records);
}

GPtrArray *
cag_csv_parse_file (const char  *path,
                    char         delimiter,
                    CagCsvInfo  *out_info,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("csv", "Cannot read “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  return cag_csv_parse (data, length, delimiter, out_info, error);
}

char
cag_csv_delimiter_for_lang (CagLang lang)
{
  return lang == CAG_LANG_FR ? ';' : ',';
}

char
cag_csv_decimal_mark_for_lang (CagLang lang)
{
  return lang == CAG_LANG_FR ? ',' : '.';
}

/* ---- Writer ------------------------------------------------------------- */

CagCsvWriter *
cag_csv_writer_new (char delimiter)
{
  CagCsvWriter *writer;

  g_return_val_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t', NULL);

  writer = g_new0 (CagCsvWriter, 1);
  writer->delimiter = delimiter;
  writer->text = g_string_new (NULL);
  return writer;
}

void
cag_csv_writer_free (CagCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_free (writer);
}

void
cag_csv_writer_field (CagCsvWriter *writer,
                      const char   *text)
{
  gboolean quote;
  gsize len;

  g_return_if_fail (writer != NULL);

  if (writer->row_started)
    g_string_append_c (writer->text, writer->delimiter);
  writer->row_started = TRUE;

  if (text == NULL || *text == '\0')
    return;

  len = strlen (text);
  /* A first field starting with "sep=" would read back as Excel's hint. */
  quote = strchr (text, writer->delimiter) != NULL || strpbrk (text, "\"\r\n") != NULL
          || g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1])
          || (writer->text->len == 0 && g_str_has_prefix (text, "sep="));
  if (!quote)
    {
      g_string_append_len (writer->text, text, (gssize) len);
      return;
    }

  g_string_append_c (writer->text, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (writer->text, '"');
      g_string_append_c (writer->text, *p);
    }
  g_string_append_c (writer->text, '"');
}

void
cag_csv_writer_end_row (CagCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  g_string_append (writer->text, "\r\n");
  writer->row_started = FALSE;
}

const char *
cag_csv_writer_peek (CagCsvWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  return writer->text->str;
}

gboolean
cag_csv_writer_save (CagCsvWriter *writer,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(GString) contents = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  contents = g_string_sized_new (writer->text->len + 3);
  g_string_append (contents, "\xEF\xBB\xBF");
  g_string_append_len (contents, writer->text->str, (gssize) writer->text->len);

  if (!g_file_set_contents (path, contents->str, (gssize) contents->len, &local_error))
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("csv", "Cannot write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
