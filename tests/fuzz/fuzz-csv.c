/* fuzz-csv.c — libFuzzer target for the CSV reader.
 *
 * Any input must either parse or fail with an error, never crash; what
 * parses must survive the writer and parse back to the same records. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cag-csv.h"
#include "fuzz-common.h"

static void
check_round_trip (GPtrArray *records,
                  char       delimiter)
{
  g_autoptr(CagCsvWriter) writer = cag_csv_writer_new (delimiter);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      CagCsvRecord *record = records->pdata[i];

      for (guint f = 0; f < record->n_fields; f++)
        cag_csv_writer_field (writer, record->fields[f]);
      cag_csv_writer_end_row (writer);
    }
  g_string_append (text, cag_csv_writer_peek (writer));

  again = cag_csv_parse (text->str, text->len, delimiter, NULL, &error);
  if (again == NULL)
    {
      fprintf (stderr, "written CSV does not parse back: %s\n", error->message);
      abort ();
    }
  if (again->len != records->len)
    {
      fprintf (stderr, "%u records became %u\n", records->len, again->len);
      abort ();
    }
  for (guint i = 0; i < records->len; i++)
    {
      CagCsvRecord *a = records->pdata[i];
      CagCsvRecord *b = again->pdata[i];

      if (a->n_fields != b->n_fields)
        {
          fprintf (stderr, "record %u: %u fields became %u\n", i, a->n_fields, b->n_fields);
          abort ();
        }
      for (guint f = 0; f < a->n_fields; f++)
        if (strcmp (a->fields[f], b->fields[f]) != 0)
          {
            fprintf (stderr, "record %u field %u changed\n", i, f);
            abort ();
          }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };

  fuzz_init ();
  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      CagCsvInfo info = { 0 };

      records = cag_csv_parse ((const char *) data, size, delimiters[d], &info, &error);
      if (records == NULL)
        {
          if (error == NULL || error->message == NULL)
            abort ();
          continue;
        }
      for (guint i = 0; i < records->len; i++)
        {
          CagCsvRecord *record = records->pdata[i];

          if (record->n_fields == 0 || record->line == 0)
            abort ();
          for (guint f = 0; f < record->n_fields; f++)
            if (!g_utf8_validate (record->fields[f], -1, NULL))
              abort ();
          (void) cag_csv_record_is_blank (record);
        }
      check_round_trip (records, info.delimiter);
    }
  return 0;
}
