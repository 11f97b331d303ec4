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

/* Files larger than this are refused rather than read into memory. */
#define CAG_CSV_MAX_BYTES ((gsize) 512 * 1024 * 1024)

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
  const char *encoding;      /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" (static) */
  gboolean    had_bom;
} CagCsvInfo;

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
/* Appends one field to the current record (NULL is written as empty). */
void          cag_csv_writer_field    (CagCsvWriter *writer,
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
