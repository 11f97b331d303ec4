/* fuzz-date.c — libFuzzer target for cag_date_parse_iso and
 * cag_date_parse_dmy.
 *
 * An accepted date must be valid and survive cag_date_to_iso; both parsers
 * must agree on the same day written both ways. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cag-date.h"
#include "fuzz-common.h"

static void
check_date (const CagDate *date)
{
  g_autofree char *iso = NULL;
  g_autofree char *dmy = NULL;
  g_autoptr(GError) error = NULL;
  CagDate again = { 0 };

  if (!cag_date_valid (date))
    abort ();
  iso = cag_date_to_iso (date);
  if (!cag_date_parse_iso (iso, &again, &error) || cag_date_compare (date, &again) != 0)
    {
      fprintf (stderr, "“%s” does not parse back\n", iso);
      abort ();
    }
  dmy = g_strdup_printf ("%02d/%02d/%04d", date->day, date->month, date->year);
  if (!cag_date_parse_dmy (dmy, &again, &error) || cag_date_compare (date, &again) != 0)
    {
      fprintf (stderr, "“%s” does not parse back\n", dmy);
      abort ();
    }
  again = cag_date_from_days (cag_date_to_days (date));
  if (cag_date_compare (date, &again) != 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) iso_error = NULL;
  g_autoptr(GError) dmy_error = NULL;
  CagDate date = { 0 };

  fuzz_init ();
  if (cag_date_parse_iso (text, &date, &iso_error))
    check_date (&date);
  else if (iso_error == NULL)
    abort ();

  if (cag_date_parse_dmy (text, &date, &dmy_error))
    check_date (&date);
  else if (dmy_error == NULL)
    abort ();
  return 0;
}
