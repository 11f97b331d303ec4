/* test-csv.c — the CSV reader and writer on what spreadsheets write, and on
 * every malformed case. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cag-csv.h"
#include "cag-error.h"

static GPtrArray *
parse_ok (const char *data,
          gssize      length,
          char        delimiter,
          CagCsvInfo *info)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = cag_csv_parse (data, length < 0 ? strlen (data) : (gsize) length, delimiter,
                           info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static void
assert_record (GPtrArray  *records,
               guint       index,
               guint       line,
               const char *const *fields)
{
  CagCsvRecord *record;
  guint n = g_strv_length ((char **) fields);

  g_assert_cmpuint (index, <, records->len);
  record = records->pdata[index];
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpuint (record->n_fields, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (record->fields[i], ==, fields[i]);
}

static void
test_french_semicolon (void)
{
  /* LibreOffice in French: ';', decimal comma, CRLF, a separator and a line
   * break inside quoted fields, doubled quotes. */
  const char *data =
    "\xEF\xBB\xBF" "Date;Organisation;Montant;Note\r\n"
    "15/06/2004;\xC3\x89\x63of;\"1\xC2\xA0" "250,00 $\";\"dit \"\"merci\"\"; ok\"\r\n"
    "20/07/2004;\"Chantier; Mauricie\";125,00;\"ligne 1\r\nligne 2\"\r\n"
    "21/07/2004;Autre;5,00;\r\n";
  g_autoptr(GPtrArray) records = NULL;
  CagCsvInfo info = { 0 };

  records = parse_ok (data, -1, 0, &info);
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpstr (info.encoding, ==, "UTF-8");
  g_assert_true (info.had_bom);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1,
                 (const char *[]) { "Date", "Organisation", "Montant", "Note", NULL });
  assert_record (records, 1, 2,
                 (const char *[]) { "15/06/2004", "\xC3\x89\x63of", "1\xC2\xA0" "250,00 $",
                                    "dit \"merci\"; ok", NULL });
  assert_record (records, 2, 3,
                 (const char *[]) { "20/07/2004", "Chantier; Mauricie", "125,00",
                                    "ligne 1\r\nligne 2", NULL });
  /* The quoted line break moved the next record to line 5. */
  assert_record (records, 3, 5, (const char *[]) { "21/07/2004", "Autre", "5,00", "", NULL });
}

static void
test_english_comma (void)
{
  const char *data =
    "Date,Organization,Amount\n"
    "2004-06-15,\"CDEC, Montreal\",\"$1,250.00\"\n"
    "2004-06-16,X,12";
  g_autoptr(GPtrArray) records = NULL;
  CagCsvInfo info = { 0 };

  records = parse_ok (data, -1, 0, &info);
  g_assert_cmpint (info.delimiter, ==, ',');
  g_assert_false (info.had_bom);
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 1, 2,
                 (const char *[]) { "2004-06-15", "CDEC, Montreal", "$1,250.00", NULL });
  assert_record (records, 2, 3, (const char *[]) { "2004-06-16", "X", "12", NULL });
}

static void
test_windows_1252 (void)
{
  /* "Coopérative" and a no-break space in Windows-1252. */
  const char data[] = "Organisation;Montant\r\nCoop\xE9rative;1\xA0" "250,00 $\r\n";
  g_autoptr(GPtrArray) records = NULL;
  CagCsvInfo info = { 0 };

  records = parse_ok (data, sizeof data - 1, 0, &info);
  g_assert_cmpstr (info.encoding, ==, "WINDOWS-1252");
  assert_record (records, 1, 2,
                 (const char *[]) { "Coop\xC3\xA9rative", "1\xC2\xA0" "250,00 $", NULL });
}

static void
test_utf16 (void)
{
  const char *utf8 = "\xEF\xBB\xBF" "a\tb\r\n\xC3\xA9t\xC3\xA9\t2\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CagCsvInfo info = { 0 };
  gsize written = 0;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
  g_assert_nonnull (utf16);
  records = parse_ok (utf16, (gssize) written, 0, &info);
  g_assert_cmpstr (info.encoding, ==, "UTF-16LE");
  g_assert_cmpint (info.delimiter, ==, '\t');
  assert_record (records, 1, 2, (const char *[]) { "\xC3\xA9t\xC3\xA9", "2", NULL });
}

static void
test_line_ends_and_blanks (void)
{
  g_autoptr(GPtrArray) cr = NULL;
  g_autoptr(GPtrArray) blanks = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  cr = parse_ok ("a,b\r1,2\r3,4", -1, 0, NULL);
  g_assert_cmpuint (cr->len, ==, 3);
  assert_record (cr, 2, 3, (const char *[]) { "3", "4", NULL });

  blanks = parse_ok ("a;b\n\n;\n1;2\n", -1, 0, NULL);
  g_assert_cmpuint (blanks->len, ==, 4);
  g_assert_true (cag_csv_record_is_blank (blanks->pdata[1]));
  g_assert_true (cag_csv_record_is_blank (blanks->pdata[2]));
  g_assert_false (cag_csv_record_is_blank (blanks->pdata[3]));
  assert_record (blanks, 3, 4, (const char *[]) { "1", "2", NULL });

  empty = parse_ok ("", 0, 0, NULL);
  g_assert_cmpuint (empty->len, ==, 0);

  /* A trailing separator opens an empty last field. */
  {
    g_autoptr(GPtrArray) trailing = parse_ok ("a;b;\n1;2;", -1, 0, NULL);

    assert_record (trailing, 1, 2, (const char *[]) { "1", "2", "", NULL });
  }
}

static void
test_excel_sep_line (void)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) forced = NULL;
  CagCsvInfo info = { 0 };

  /* "sep=;" names the separator even when commas dominate the header. */
  records = parse_ok ("sep=;\r\na,b;c,d\r\n1;2\r\n", -1, 0, &info);
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 2, (const char *[]) { "a,b", "c,d", NULL });
  assert_record (records, 1, 3, (const char *[]) { "1", "2", NULL });

  /* An explicit separator wins; the hint line is still skipped. */
  forced = parse_ok ("sep=;\na,b\n", -1, ',', &info);
  g_assert_cmpint (info.delimiter, ==, ',');
  assert_record (forced, 0, 2, (const char *[]) { "a", "b", NULL });
}

static void
test_delimiter_detection (void)
{
  const struct
  {
    const char *data;
    char        delimiter;
  } cases[] = {
    { "a;b;c\n1,5;2,5;3\n", ';' },
    { "a,b,c\n1;2;3\n", ',' },
    { "\"x;y\",b,c\n", ',' },
    { "a\tb\n", '\t' },
    { "single\n", ',' },
    { "a;b,c\n", ';' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      CagCsvInfo info = { 0 };

      records = parse_ok (cases[i].data, -1, 0, &info);
      g_assert_cmpint (info.delimiter, ==, cases[i].delimiter);
    }
}

static void
test_malformed (void)
{
  const struct
  {
    const char *data;
    gsize       length;
    const char *needle;   /* in the message */
  } cases[] = {
    { "a;b\n1;\"never closed\n2;3\n", 0, "Line 2" },
    { "a,b\n\"x\"y,2\n", 0, "Line 2" },
    { "a,b\n1,\0" "2\n", 9, "Line 2" },
    { "\xEF\xBB\xBF" "a\n\xFF\n", 0, "Line 2" },
    { "a,b\n\x81\x8D\x8F,1\n", 0, "Windows-1252" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].data);

      records = cag_csv_parse (cases[i].data, length, 0, NULL, &error);
      g_assert_null (records);
      g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

static void
test_writer (void)
{
  g_autoptr(CagCsvWriter) writer = cag_csv_writer_new (';');
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  CagCsvInfo info = { 0 };
  gsize length = 0;

  cag_csv_writer_field (writer, "plain");
  cag_csv_writer_field (writer, "a;b");
  cag_csv_writer_field (writer, "say \"hi\"");
  cag_csv_writer_field (writer, "two\nlines");
  cag_csv_writer_field (writer, NULL);
  cag_csv_writer_field (writer, " padded");
  cag_csv_writer_field (writer, "1,5");
  cag_csv_writer_end_row (writer);
  g_assert_cmpstr (cag_csv_writer_peek (writer), ==,
                   "plain;\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";;\" padded\";1,5\r\n");

  dir = g_dir_make_tmp ("cagnotte-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "out.csv", NULL);
  g_assert_true (cag_csv_writer_save (writer, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "plain;"));

  back = parse_ok (contents, (gssize) length, 0, &info);
  g_assert_true (info.had_bom);
  g_assert_cmpint (info.delimiter, ==, ';');
  assert_record (back, 0, 1,
                 (const char *[]) { "plain", "a;b", "say \"hi\"", "two\nlines", "", " padded",
                                    "1,5", NULL });

  /* Writing into a missing folder fails with IO. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "out.csv", NULL);
    g_autoptr(GError) io_error = NULL;

    g_assert_false (cag_csv_writer_save (writer, bad, &io_error));
    g_assert_error (io_error, CAG_ERROR, CAG_ERROR_IO);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_lang (void)
{
  g_assert_cmpint (cag_csv_delimiter_for_lang (CAG_LANG_FR), ==, ';');
  g_assert_cmpint (cag_csv_delimiter_for_lang (CAG_LANG_EN), ==, ',');
  g_assert_cmpint (cag_csv_decimal_mark_for_lang (CAG_LANG_FR), ==, ',');
  g_assert_cmpint (cag_csv_decimal_mark_for_lang (CAG_LANG_EN), ==, '.');
}

static void
test_sample_files (void)
{
  const struct
  {
    const char *name;
    const char *encoding;
    char        delimiter;
    guint       records;
  } files[] = {
    { "fr-libreoffice-cp1252.csv", "WINDOWS-1252", ';', 14 },
    { "fr-excel-utf8-bom.csv", "UTF-8", ';', 6 },
    { "en-libreoffice.csv", "UTF-8", ',', 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (CSV_TEST_DATA, files[i].name, NULL);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      CagCsvInfo info = { 0 };

      records = cag_csv_parse_file (path, 0, &info, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (info.encoding, ==, files[i].encoding);
      g_assert_cmpint (info.delimiter, ==, files[i].delimiter);
      g_assert_cmpuint (records->len, ==, files[i].records);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (cag_csv_parse_file ("/nonexistent/file.csv", 0, NULL, &error));
    g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
  }
}

/* A UTF-8 file with one line saved by a Windows program: each line keeps
 * its own encoding, and the header's "Référence" survives. */
static void
test_mixed_encoding (void)
{
  const char *data = "date;organisation;montant;Référence\n"
                     "2004-01-05;Écof;10,00;R1\n"
                     "2004-01-06;Caf\xE9 Chantier;11,00;R\xE9" "f 2\n"
                     "2004-01-07;Économie;12,00;Réf 3\n";
  g_autoptr(GPtrArray) records = NULL;
  CagCsvInfo info = { 0 };

  records = parse_ok (data, -1, 0, &info);
  g_assert_cmpstr (info.encoding, ==, "MIXED");
  g_assert_cmpuint (info.legacy_lines, ==, 1);
  g_assert_cmpuint (info.first_legacy_line, ==, 3);
  assert_record (records, 0, 1,
                 (const char *[]) { "date", "organisation", "montant", "Référence", NULL });
  assert_record (records, 2, 3,
                 (const char *[]) { "2004-01-06", "Café Chantier", "11,00", "Réf 2", NULL });
  assert_record (records, 3, 4,
                 (const char *[]) { "2004-01-07", "Économie", "12,00", "Réf 3", NULL });
}

/* A byte that is neither UTF-8 nor Windows-1252 refuses the file, naming
 * its line. */
static void
test_odd_byte_refused (void)
{
  const char *data = "date;organisation;montant;Référence\n"
                     "2004-01-05;Écof;10,00;R1\n"
                     "2004-01-06;Chantier\x81;11,00;R2\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = cag_csv_parse (data, strlen (data), 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, CAG_ERROR, CAG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "0x81"));
}

/* Cells that a spreadsheet would run as formulas are written as text and
 * read back unchanged; numbers, negative ones too, stay numbers. */
static void
test_formula_cells (void)
{
  const char *cells[] = { "=SUM(A1:A9)", "+1 514", "-5 $ de frais", "@cmd", "\t=1", "\r=2",
                          "'=x", "''-y", "'plain", "Écof", "=", NULL };
  const char *expected = "'=SUM(A1:A9);'+1 514;'-5 $ de frais;'@cmd;'\t=1;\"'\r=2\";"
                         "''=x;'''-y;'plain;Écof;'=;-250,00;-1\r\n";
  g_autoptr(CagCsvWriter) writer = cag_csv_writer_new (';');
  g_autoptr(GPtrArray) records = NULL;
  CagCsvRecord *record;

  for (guint i = 0; cells[i] != NULL; i++)
    cag_csv_writer_field (writer, cells[i]);
  cag_csv_writer_number (writer, "-250,00");
  cag_csv_writer_number (writer, "-1");
  cag_csv_writer_end_row (writer);
  g_assert_cmpstr (cag_csv_writer_peek (writer), ==, expected);

  records = parse_ok (cag_csv_writer_peek (writer), -1, ';', NULL);
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpuint (record->n_fields, ==, g_strv_length ((char **) cells) + 2);
  for (guint i = 0; cells[i] != NULL; i++)
    g_assert_cmpstr (record->fields[i], ==, cells[i]);
  g_assert_cmpstr (record->fields[record->n_fields - 2], ==, "-250,00");
}

/* Invalid UTF-8 never reaches a written file. */
static void
test_writer_invalid_utf8 (void)
{
  g_autoptr(CagCsvWriter) writer = cag_csv_writer_new (',');

  cag_csv_writer_field (writer, "caf\xE9 cr\xC3");
  cag_csv_writer_end_row (writer);
  g_assert_true (g_utf8_validate (cag_csv_writer_peek (writer), -1, NULL));
  g_assert_cmpstr (cag_csv_writer_peek (writer), ==, "caf\xEF\xBF\xBD cr\xEF\xBF\xBD\r\n");
}

/* The streaming reader on a file larger than its read buffer gives the same
 * records, lines and encoding as the whole-text parser, whatever the line
 * ends (CRLF split across two reads, lone CR, quoted line breaks). */
static void
test_streaming_file (void)
{
  const char *ends[] = { "\r\n", "\n", "\r" };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_autoptr(GString) text = g_string_new ("date;organisation;montant;note");
      g_autofree char *dir = g_dir_make_tmp ("cagnotte-csv-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
      g_autoptr(GPtrArray) whole = NULL;
      g_autoptr(GPtrArray) streamed = NULL;
      g_autoptr(GError) error = NULL;
      CagCsvInfo a = { 0 }, b = { 0 };

      g_string_append (text, ends[e]);
      for (guint i = 0; text->len < 700 * 1024; i++)
        g_string_append_printf (text, "2004-01-%02u;Org %u%s;%u,00;%s%s", 1 + i % 28, i,
                                i % 1000 == 7 ? " caf\xE9" : "", i,
                                i % 13 == 0 ? "\"deux\nlignes\"" : "n", ends[e]);
      g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
      whole = parse_ok (text->str, (gssize) text->len, 0, &a);
      streamed = cag_csv_parse_file (path, 0, &b, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (whole->len, ==, streamed->len);
      g_assert_cmpuint (whole->len, >, 10000);
      g_assert_cmpstr (a.encoding, ==, b.encoding);
      g_assert_cmpuint (a.legacy_lines, ==, b.legacy_lines);
      g_assert_cmpuint (a.legacy_lines, >, 10);
      for (guint i = 0; i < whole->len; i++)
        {
          CagCsvRecord *x = whole->pdata[i], *y = streamed->pdata[i];

          g_assert_cmpuint (x->line, ==, y->line);
          g_assert_cmpuint (x->n_fields, ==, y->n_fields);
          for (guint f = 0; f < x->n_fields; f++)
            g_assert_cmpstr (x->fields[f], ==, y->fields[f]);
        }
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* A folder or a missing file "cannot be read". */
static void
test_unreadable (void)
{
  const char *paths[] = { "/nonexistent/file.csv", "/tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (cag_csv_parse_file (paths[i], 0, NULL, &error));
      g_assert_error (error, CAG_ERROR, CAG_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "cannot be read"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/french-semicolon", test_french_semicolon);
  g_test_add_func ("/csv/english-comma", test_english_comma);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/line-ends-and-blanks", test_line_ends_and_blanks);
  g_test_add_func ("/csv/delimiter-detection", test_delimiter_detection);
  g_test_add_func ("/csv/excel-sep-line", test_excel_sep_line);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/lang", test_lang);
  g_test_add_func ("/csv/sample-files", test_sample_files);
  g_test_add_func ("/csv/mixed-encoding", test_mixed_encoding);
  g_test_add_func ("/csv/odd-byte-refused", test_odd_byte_refused);
  g_test_add_func ("/csv/formula-cells", test_formula_cells);
  g_test_add_func ("/csv/writer-invalid-utf8", test_writer_invalid_utf8);
  g_test_add_func ("/csv/streaming-file", test_streaming_file);
  g_test_add_func ("/csv/unreadable", test_unreadable);

  return g_test_run ();
}
