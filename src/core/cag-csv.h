/* cag-csv.h — reading and writing CSV files as spreadsheets make them.
 *
 * The reader takes what LibreOffice Calc and Excel write (RFC 4180 and a
 * little more): comma, semicolon or tab separators (detected from the first
 * record when not given), quoted fields holding separators, doubled quotes
 * and line breaks, CRLF or LF line ends, UTF-8 with or without a byte-order
 * mark, UTF-16 with a byte-order mark, and Windows-1252 (used whenever the
 * bytes are not valid UTF-8).  Every record carries the line of the file it
 * starts on, so problems can be reported where a person will look.
 *
 * The writer follows RFC 4180 (CRLF line ends, quotes doubled, a field
 * quoted only when it must be) and saves UTF-8 with a byte-order mark, which
 * makes Excel and LibreOffice pick the right encoding.
 */
#pragma once

#include <glib.h>
#include "cag-i18n.h"

G_BEGIN_DECLS

/* Data larger than this is refused by cag_csv_parse (which holds every
 * record); the streaming reader has no limit on the file. */
#define CAG_CSV_MAX_BYTES ((gsize) 512 * 1024 * 1024)
/* One line, or one record, longer than this is refused (a quote never
 * closed, or not a text file). */
#define CAG_CSV_MAX_RECORD_BYTES ((gsize) 4 * 1024 * 1024)

typedef struct
{
  guint   line;        /* 1-based line of the file where the record starts */
  guint   n_fields;
  char  **fields;      /* n_fields UTF-8 strings, NULL-terminated */
} CagCsvRecord;

void cag_csv_record_free (CagCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCsvRecord, cag_csv_record_free)

typedef struct
{
  char        delimiter;     /* the separator used */
  /* "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" (every line that is not
   * ASCII), or "MIXED": UTF-8 lines and Windows-1252 lines (static). */
  const char *encoding;
  gboolean    had_bom;
  guint       legacy_lines;      /* lines read as Windows-1252 */
  guint       first_legacy_line; /* the first of them, or 0 */
} CagCsvInfo;

/* A reader that returns one record at a time, so that a file of any size
 * is read in little memory.  The encoding is decided line by line: a line
 * that is valid UTF-8 is UTF-8, any other line is Windows-1252 (and a byte
 * that Windows-1252 does not define is an error naming the line); after a
 * UTF-8 byte-order mark every line must be UTF-8.  A field that starts with
 * an apostrophe followed by = + - @ tab or CR loses that apostrophe (the
 * mark cag_csv_writer_field puts on text that looks like a formula). */
typedef struct _CagCsvReader CagCsvReader;

/* DATA must outlive the reader. */
CagCsvReader     *cag_csv_reader_new_for_data  (const char    *data,
                                                gsize          length,
                                                char           delimiter);
/* CAG_ERROR_IO ("cannot be read") when PATH cannot be opened. */
CagCsvReader     *cag_csv_reader_new_for_path  (const char    *path,
                                                char           delimiter,
                                                GError       **error);
void              cag_csv_reader_free          (CagCsvReader  *reader);
/* The next record in *OUT_RECORD (the caller frees it), or NULL at the end
 * of the file; FALSE with CAG_ERROR_INVALID (naming the line) or
 * CAG_ERROR_IO. */
gboolean          cag_csv_reader_next          (CagCsvReader  *reader,
                                                CagCsvRecord **out_record,
                                                GError       **error);
/* What was found so far (complete at the end of the file). */
const CagCsvInfo *cag_csv_reader_get_info      (CagCsvReader  *reader);
/* Bytes read so far, and the size of the file or data. */
void              cag_csv_reader_get_progress  (CagCsvReader  *reader,
                                                guint64       *out_done,
                                                guint64       *out_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCsvReader, cag_csv_reader_free)

/* Parses DATA (LENGTH bytes, any encoding above).  DELIMITER is ',', ';' or
 * '\t', or 0 to detect it from the first record.  Returns an array of
 * CagCsvRecord (empty for an empty file) or NULL with CAG_ERROR_INVALID and
 * the line at fault: an unterminated quote, text after a closing quote, NUL
 * bytes, an encoding that is neither UTF-8 nor Windows-1252.  OUT_INFO is
 * nullable. */
GPtrArray *cag_csv_parse        (const char  *data,
                                 gsize        length,
                                 char         delimiter,
                                 CagCsvInfo  *out_info,
                                 GError     **error);

/* Reads PATH and parses it; CAG_ERROR_IO when the file cannot be read. */
GPtrArray *cag_csv_parse_file   (const char  *path,
                                 char         delimiter,
                                 CagCsvInfo  *out_info,
                                 GError     **error);

/* TRUE when every field of RECORD is empty or white space. */
gboolean   cag_csv_record_is_blank (const CagCsvRecord *record);

/* The separator and the decimal mark a spreadsheet expects in LANG:
 * ';' and ',' in French, ',' and '.' in English. */
char       cag_csv_delimiter_for_lang    (CagLang lang);
char       cag_csv_decimal_mark_for_lang (CagLang lang);

typedef struct _CagCsvWriter CagCsvWriter;

CagCsvWriter *cag_csv_writer_new      (char delimiter);
void          cag_csv_writer_free     (CagCsvWriter *writer);
/* Appends one field to the current record (NULL is written as empty).
 * Invalid UTF-8 is replaced with U+FFFD.  Text that starts with = + - @ tab
 * or CR (after any apostrophes) gets a leading apostrophe, so that a
 * spreadsheet shows it as text instead of running it as a formula; the
 * reader removes it. */
void          cag_csv_writer_field    (CagCsvWriter *writer,
                                       const char   *text);
/* Appends a number written by Cagnotte (digits, a minus sign, a decimal
 * mark) as is, so that a negative amount stays a number. */
void          cag_csv_writer_number   (CagCsvWriter *writer,
                                       const char   *text);
/* Ends the current record with CRLF. */
void          cag_csv_writer_end_row  (CagCsvWriter *writer);
/* The text written so far, without a byte-order mark. */
const char   *cag_csv_writer_peek     (CagCsvWriter *writer);
/* Writes a UTF-8 byte-order mark and the text to PATH, atomically (a file
 * that is never half written); CAG_ERROR_IO on failure. */
gboolean      cag_csv_writer_save     (CagCsvWriter *writer,
                                       const char   *path,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagCsvWriter, cag_csv_writer_free)

G_END_DECLS
