/* cag-csv.c — an RFC 4180 reader tolerant of what spreadsheets write, and a
 * strict writer.  See cag-csv.h for what is accepted. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
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

/* Windows-1252 0x80–0x9F as Unicode; 0 where the code page defines nothing.
 * 0xA0–0xFF are Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The first byte that is not Windows-1252 text, or -1. */
static gint
find_non_cp1252 (const guchar *p,
                 gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] >= 0x80 && p[i] < 0xA0 && cp1252_high[p[i] - 0x80] == 0)
      return p[i];
  return -1;
}

static void
append_cp1252 (GString      *out,
               const guchar *p,
               gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (p[i] < 0x80)
        g_string_append_c (out, (char) p[i]);
      else if (p[i] < 0xA0)
        g_string_append_unichar (out, cp1252_high[p[i] - 0x80]);
      else
        g_string_append_unichar (out, p[i]);
    }
}

static gboolean
has_high_byte (const guchar *p,
               gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] >= 0x80)
      return TRUE;
  return FALSE;
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

/* One allocation for the record's fields: the pointer array, then the
 * NUL-terminated texts of FIELDS (at OFFSETS). */
static CagCsvRecord *
record_from_buffer (const GString *fields,
                    const GArray  *offsets,
                    guint          line)
{
  CagCsvRecord *record = g_new0 (CagCsvRecord, 1);
  gsize head = (offsets->len + 1) * sizeof (char *);
  char *block = g_malloc (head + fields->len);

  memcpy (block + head, fields->str, fields->len);
  record->line = line;
  record->n_fields = offsets->len;
  record->fields = (char **) (gpointer) block;
  for (guint i = 0; i < offsets->len; i++)
    record->fields[i] = block + head + g_array_index (offsets, gsize, i);
  record->fields[offsets->len] = NULL;
  return record;
}

/* TRUE when TEXT, past its leading apostrophes, starts like a formula. */
static gboolean
looks_like_formula (const char *text,
                    gsize       skip_quotes_from)
{
  const char *p = text + skip_quotes_from;

  while (*p == '\'')
    p++;
  return *p == '=' || *p == '+' || *p == '-' || *p == '@' || *p == '\t' || *p == '\r';
}

/* ---- Reader: raw bytes into decoded lines ------------------------------- */

#define READ_CHUNK ((gsize) 256 * 1024)

struct _CagCsvReader
{
  FILE         *fp;
  guchar       *buf;          /* file bytes, or a whole converted UTF-16 file */
  const guchar *raw;          /* raw[raw_pos … raw_len) is not yet decoded */
  gsize         raw_len;
  gsize         raw_pos;
  gsize         buf_cap;
  gboolean      raw_eof;      /* nothing beyond raw_len */
  guint64       size;         /* bytes in the file (0 when unknown) */
  guint64       consumed;     /* bytes decoded so far */
  gboolean      strict_utf8;  /* a UTF-8 byte-order mark: every line must be UTF-8 */
  guint         raw_line;     /* physical lines decoded so far */
  guint         utf8_lines;   /* non-ASCII lines read as UTF-8 */

  GString      *text;         /* decoded text of the current record */
  GString      *fields;       /* its fields, each NUL-terminated */
  GArray       *offsets;      /* gsize: where each field starts in FIELDS */
  gsize         pos;
  guint         line;         /* line of the file at text[pos] */
  char          requested;    /* the delimiter asked for, or 0 */
  gboolean      started;
  CagCsvInfo    info;
  GError       *error;        /* sticky */
};

static void
reader_fail (CagCsvReader *self,
             GError       *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

/* Reads more bytes from the file; FALSE at its end or on error. */
static gboolean
reader_read_more (CagCsvReader *self)
{
  gsize keep, got;

  if (self->raw_eof)
    return FALSE;
  keep = self->raw_len - self->raw_pos;
  if (self->raw_pos > 0 && keep > 0)
    memmove (self->buf, self->buf + self->raw_pos, keep);
  self->raw_pos = 0;
  self->raw_len = keep;
  if (self->buf_cap - keep < READ_CHUNK)
    {
      self->buf_cap = keep + READ_CHUNK;
      self->buf = g_realloc (self->buf, self->buf_cap);
    }
  self->raw = self->buf;
  got = fread (self->buf + keep, 1, self->buf_cap - keep, self->fp);
  self->raw_len += got;
  if (got == 0)
    {
      if (ferror (self->fp))
        reader_fail (self, g_error_new (CAG_ERROR, CAG_ERROR_IO,
                                        _("The file cannot be read: %s"),
                                        g_strerror (errno)));
      self->raw_eof = TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
reader_decode_line (CagCsvReader *self,
                    const guchar *p,
                    gsize         n)
{
  guint line = self->raw_line + 1;
  const guchar *nul = memchr (p, '\0', n);
  gint odd;

  if (nul != NULL)
    {
      reader_fail (self, g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("Line %u: the file holds a NUL byte; it is not a text "
                                        "file."), line));
      return FALSE;
    }
  self->raw_line = line;
  self->consumed += n;
  if (g_utf8_validate_len ((const char *) p, n, NULL))
    {
      if (!self->strict_utf8 && has_high_byte (p, n) && self->utf8_lines++ == 0
          && self->info.legacy_lines > 0)
        self->info.encoding = "MIXED";
      g_string_append_len (self->text, (const char *) p, (gssize) n);
      return TRUE;
    }
  if (self->strict_utf8)
    {
      reader_fail (self, g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("Line %u: the file says it is UTF-8 but holds bytes "
                                        "that are not UTF-8."), line));
      return FALSE;
    }
  odd = find_non_cp1252 (p, n);
  if (odd >= 0)
    {
      reader_fail (self, g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                      _("Line %u: the byte 0x%02X is neither UTF-8 nor "
                                        "Windows-1252 text; save the file again from the "
                                        "spreadsheet as “CSV UTF-8”."), line, (guint) odd));
      return FALSE;
    }
  /* A line that is not UTF-8 was saved by a Windows spreadsheet; the lines
   * around it keep their own encoding (docs/IMPORT.md, "Reading"). */
  if (self->info.legacy_lines++ == 0)
    self->info.first_legacy_line = line;
  self->info.encoding = self->utf8_lines > 0 ? "MIXED" : "WINDOWS-1252";
  append_cp1252 (self->text, p, n);
  return TRUE;
}

/* Where the line starting at raw_pos ends (past its line end), or 0 when
 * more bytes are needed to know. */
static gsize
reader_find_line_end (CagCsvReader *self)
{
  const guchar *p = self->raw;

  for (gsize i = self->raw_pos; i < self->raw_len; i++)
    if (p[i] == '\n')
      return i + 1;
    else if (p[i] == '\r')
      {
        if (i + 1 < self->raw_len)
          return p[i + 1] == '\n' ? i + 2 : i + 1;
        return self->raw_eof ? i + 1 : 0;
      }
  return self->raw_eof && self->raw_pos < self->raw_len ? self->raw_len : 0;
}

/* Decodes the next line of the file (line end included) into the text;
 * FALSE at the end of the file or on error. */
static gboolean
reader_pull_line (CagCsvReader *self)
{
  if (self->error != NULL)
    return FALSE;
  for (;;)
    {
      gsize end = reader_find_line_end (self);

      if (end > 0)
        {
          gsize start = self->raw_pos;

          self->raw_pos = end;
          return reader_decode_line (self, self->raw + start, end - start);
        }
      if (self->raw_eof)
        return FALSE;
      if (self->raw_len - self->raw_pos > CAG_CSV_MAX_RECORD_BYTES)
        {
          reader_fail (self, g_error_new (CAG_ERROR, CAG_ERROR_INVALID,
                                          _("Line %u is longer than %u MB; this is not a "
                                            "spreadsheet’s CSV file."), self->raw_line + 1,
                                          (guint) (CAG_CSV_MAX_RECORD_BYTES >> 20)));
          return FALSE;
        }
      if (!reader_read_more (self) && self->error != NULL)
        return FALSE;
    }
}

/* Makes sure the text holds at least K bytes past the current position. */
static inline gboolean
reader_fill (CagCsvReader *self,
             gsize         k)
{
  while (self->text->len < self->pos + k)
    if (!reader_pull_line (self))
      return FALSE;
  return TRUE;
}

#define CUR(self) ((self)->text->str[(self)->pos])

/* The byte-order mark, if any, and the encoding it names. */
static gboolean
reader_read_bom (CagCsvReader *self,
                 GError      **error)
{
  const guchar *u;

  while (self->raw_len - self->raw_pos < 3 && reader_read_more (self))
    ;
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  u = self->raw + self->raw_pos;
  self->info.encoding = "UTF-8";
  if (self->raw_len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      self->info.had_bom = TRUE;
      self->strict_utf8 = TRUE;
      self->raw_pos += 3;
      return TRUE;
    }
  if (self->raw_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      g_autoptr(GError) local_error = NULL;
      const char *encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;
      char *text;

      /* UTF-16 files (Excel's "Unicode text") are converted whole. */
      while (reader_read_more (self))
        ;
      text = g_convert ((const char *) self->raw + self->raw_pos + 2,
                        (gssize) (self->raw_len - self->raw_pos - 2), "UTF-8",
                        encoding, NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("The file says it is UTF-16 but cannot be read as such: %s"),
                       local_error->message);
          return FALSE;
        }
      g_free (self->buf);
      self->buf = (guchar *) text;
      self->raw = self->buf;
      self->raw_pos = 0;
      self->raw_len = written;
      self->raw_eof = TRUE;
      self->info.had_bom = TRUE;
      self->info.encoding = encoding;
      self->strict_utf8 = TRUE;
    }
  return TRUE;
}

/* Excel's "sep=;" first line, and the separator of the first record. */
static gboolean
reader_start (CagCsvReader *self)
{
  gboolean quoted = FALSE;
  gsize scanned;

  self->started = TRUE;
  self->line = 1;
  if (reader_fill (self, 5) && strncmp (self->text->str, "sep=", 4) == 0
      && (self->text->str[4] == ',' || self->text->str[4] == ';' || self->text->str[4] == '\t')
      && (!reader_fill (self, 6) || self->text->str[5] == '\r' || self->text->str[5] == '\n'))
    {
      if (self->requested == 0)
        self->requested = self->text->str[4];
      self->pos = 5;
      if (reader_fill (self, 1) && CUR (self) == '\r')
        self->pos++;
      if (reader_fill (self, 1) && CUR (self) == '\n')
        self->pos++;
      self->line = 2;
    }
  if (self->error != NULL)
    return FALSE;

  /* The whole first record, to count its separators. */
  scanned = self->pos;
  for (;;)
    {
      for (; scanned < self->text->len; scanned++)
        if (self->text->str[scanned] == '"')
          quoted = !quoted;
      if (!quoted && self->text->len > self->pos)
        break;
      if (!reader_pull_line (self))
        break;
    }
  if (self->error != NULL)
    return FALSE;
  self->info.delimiter = self->requested != 0
                         ? self->requested
                         : detect_delimiter (self->text->str + self->pos,
                                             self->text->len - self->pos);
  return TRUE;
}

/* ---- Reader: records ---------------------------------------------------- */

static gboolean
reader_quoted_field (CagCsvReader *self,
                     GString      *field,
                     GError      **error)
{
  guint quote_line = self->line;

  self->pos++;
  for (;;)
    {
      char c;

      if (!reader_fill (self, 1))
        {
          if (self->error == NULL)
            g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                         _("Line %u: a quote opened here is never closed."), quote_line);
          return FALSE;
        }
      if (field->len > CAG_CSV_MAX_RECORD_BYTES)
        {
          g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                       _("Line %u: a quote opened here is never closed."), quote_line);
          return FALSE;
        }
      c = CUR (self);
      if (c == '"')
        {
          if (reader_fill (self, 2) && self->text->str[self->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              self->pos += 2;
              continue;
            }
          self->pos++;
          break;
        }
      if (c == '\n' || (c == '\r' && !(reader_fill (self, 2)
                                       && self->text->str[self->pos + 1] == '\n')))
        self->line++;
      g_string_append_c (field, c);
      self->pos++;
    }
  if (reader_fill (self, 1) && CUR (self) != self->info.delimiter && CUR (self) != '\r'
      && CUR (self) != '\n')
    {
      g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
                   _("Line %u: unexpected text after a closing quote."), self->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
reader_next_record (CagCsvReader  *self,
                    CagCsvRecord **out_record,
                    GError       **error)
{
  GString *field = self->fields;
  guint record_line;

  /* Forget the records already returned. */
  g_string_erase (self->text, 0, (gssize) self->pos);
  self->pos = 0;
  g_string_truncate (self->fields, 0);
  g_array_set_size (self->offsets, 0);

  if (!reader_fill (self, 1))
    {
      *out_record = NULL;
      return self->error == NULL;
    }
  record_line = self->line;

  for (;;)
    {
      gsize start_of_field = field->len;

      g_array_append_val (self->offsets, start_of_field);
      if (CUR (self) == '"')
        {
          if (!reader_quoted_field (self, field, error))
            return FALSE;
        }
      else
        {
          gsize start = self->pos;

          while (reader_fill (self, 1) && CUR (self) != self->info.delimiter
                 && CUR (self) != '\r' && CUR (self) != '\n')
            self->pos++;
          g_string_append_len (field, self->text->str + start, (gssize) (self->pos - start));
        }
      if (self->error != NULL)
        return FALSE;
      /* The writer's mark that a cell is text, not a formula. */
      if (field->str[start_of_field] == '\''
          && looks_like_formula (field->str + start_of_field, 1))
        g_string_erase (field, (gssize) start_of_field, 1);
      g_string_append_c (field, '\0');

      if (!reader_fill (self, 1))
        break;
      if (CUR (self) == self->info.delimiter)
        {
          self->pos++;
          /* A separator at the very end of the file still opens a field. */
          if (!reader_fill (self, 1))
            {
              gsize empty = field->len;

              g_array_append_val (self->offsets, empty);
              g_string_append_c (field, '\0');
              break;
            }
          continue;
        }
      if (CUR (self) == '\r' && reader_fill (self, 2) && self->text->str[self->pos + 1] == '\n')
        self->pos++;
      self->pos++;
      self->line++;
      break;
    }
  if (self->error != NULL)
    return FALSE;
  *out_record = record_from_buffer (field, self->offsets, record_line);
  return TRUE;
}

/* ---- Reader: public API ------------------------------------------------- */

CagCsvReader *
cag_csv_reader_new_for_data (const char *data,
                             gsize       length,
                             char        delimiter)
{
  CagCsvReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';'
                        || delimiter == '\t', NULL);

  self = g_new0 (CagCsvReader, 1);
  self->raw = (const guchar *) (data != NULL ? data : "");
  self->raw_len = length;
  self->raw_eof = TRUE;
  self->size = length;
  self->requested = delimiter;
  self->text = g_string_new (NULL);
  self->fields = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->info.encoding = "UTF-8";
  return self;
}

CagCsvReader *
cag_csv_reader_new_for_path (const char  *path,
                             char         delimiter,
                             GError     **error)
{
  CagCsvReader *self;
  GStatBuf st;
  FILE *fp;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == ';'
                        || delimiter == '\t', NULL);

  fp = g_fopen (path, "rb");
  if (fp == NULL || fstat (fileno (fp), &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved = fp == NULL ? errno : EISDIR;

      if (fp != NULL)
        fclose (fp);
      g_set_error (error, CAG_ERROR, CAG_ERROR_IO, C_("csv", "“%s” cannot be read: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  self = cag_csv_reader_new_for_data (NULL, 0, delimiter);
  self->fp = fp;
  self->raw_eof = FALSE;
  self->size = (guint64) st.st_size;
  return self;
}

void
cag_csv_reader_free (CagCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->fp != NULL)
    fclose (self->fp);
  g_free (self->buf);
  g_string_free (self->text, TRUE);
  g_string_free (self->fields, TRUE);
  g_array_unref (self->offsets);
  g_clear_error (&self->error);
  g_free (self);
}

gboolean
cag_csv_reader_next (CagCsvReader  *self,
                     CagCsvRecord **out_record,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL && out_record != NULL, FALSE);

  *out_record = NULL;
  if (!self->started && (!reader_read_bom (self, error) || !reader_start (self)))
    {
      if (self->error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (!reader_next_record (self, out_record, error))
    {
      if (self->error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

const CagCsvInfo *
cag_csv_reader_get_info (CagCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->info;
}

void
cag_csv_reader_get_progress (CagCsvReader *self,
                             guint64      *out_done,
                             guint64      *out_size)
{
  g_return_if_fail (self != NULL);
  if (out_done != NULL)
    *out_done = self->consumed;
  if (out_size != NULL)
    *out_size = self->size;
}

void
cag_csv_record_free (CagCsvRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->fields);
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

static GPtrArray *
read_all (CagCsvReader *reader,
          CagCsvInfo   *out_info,
          GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  CagCsvRecord *record = NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) cag_csv_record_free);
  for (;;)
    {
      if (!cag_csv_reader_next (reader, &record, error))
        return NULL;
      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
    }
  if (out_info != NULL)
    *out_info = *cag_csv_reader_get_info (reader);
  return g_steal_pointer (&records);
}

GPtrArray *
cag_csv_parse (const char  *data,
               gsize        length,
               char         delimiter,
               CagCsvInfo  *out_info,
               GError     **error)
{
  g_autoptr(CagCsvReader) reader = NULL;

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
  reader = cag_csv_reader_new_for_data (data, length, delimiter);
  return read_all (reader, out_info, error);
}

GPtrArray *
cag_csv_parse_file (const char  *path,
                    char         delimiter,
                    CagCsvInfo  *out_info,
                    GError     **error)
{
  g_autoptr(CagCsvReader) reader = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  reader = cag_csv_reader_new_for_path (path, delimiter, error);
  if (reader == NULL)
    return NULL;
  return read_all (reader, out_info, error);
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

static void
writer_append (CagCsvWriter *writer,
               const char   *text)
{
  gboolean quote;
  gsize len;

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
cag_csv_writer_field (CagCsvWriter *writer,
                      const char   *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (writer != NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  /* Text that a spreadsheet would run as a formula is marked as text with
   * an apostrophe; the reader takes it off again (docs/IMPORT.md,
   * "Exporting CSV"). */
  if (text != NULL && looks_like_formula (text, 0))
    text = escaped = g_strconcat ("'", text, NULL);
  writer_append (writer, text);
}

void
cag_csv_writer_number (CagCsvWriter *writer,
                       const char   *text)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (text == NULL || text[strspn (text, "-0123456789.,")] == '\0');

  writer_append (writer, text);
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
