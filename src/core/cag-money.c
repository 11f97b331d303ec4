/* cag-money.c — parsing and formatting of amounts in integer cents.
 *
 * The parser is written by hand so that no floating point and no C library
 * locale is involved: "4 500,00 $" and "$4,500.00" must mean the same on a
 * machine that has no fr_CA locale at all.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include "cag-i18n.h"

#include "cag-error.h"
#include "cag-money.h"

/* 128-bit intermediates for a × n / d; GCC and Clang have them. */
__extension__ typedef __int128 CagI128;

#define NBSP   "\xc2\xa0"       /* U+00A0 */
#define NNBSP  "\xe2\x80\xaf"   /* U+202F */

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

static gboolean
refuse (GError **error, const char *text, const char *why)
{
  g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
               /* Translators: %s is the amount typed, then the reason. */
               _("“%s” is not a valid amount: %s"), text, why);
  return FALSE;
}

gboolean
cag_money_parse (const char    *text,
                 CagMoneyFlags  flags,
                 gint64        *out_cents,
                 GError       **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);  /* digits and separators only */
  g_autofree char *shown = NULL;
  gboolean dollar_seen = FALSE;
  gboolean minus_seen = FALSE;
  const char *p;
  int last_sep = -1;     /* index in DIGITS of the last '.' or ',' */
  int n_dots = 0, n_commas = 0;
  gint64 units = 0, cents = 0;
  int frac_digits = 0;
  gboolean has_decimal;
  char decimal_mark = 0;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The amount contains characters that are not valid text."));
      return FALSE;
    }
  shown = g_strstrip (g_strdup (text));
  if (*shown == '\0')
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The amount is empty: type an amount such as 125,00 or 125.00."));
      return FALSE;
    }

  /* Pass 1: keep digits and '.'/','; drop blanks; accept one "$" at either
   * end and a leading minus (only to say negative amounts are refused). */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c))
        continue;
      if (c == '$')
        {
          if (dollar_seen)
            return refuse (error, shown, _("the dollar sign appears more than once."));
          dollar_seen = TRUE;
          continue;
        }
      if (c == '-' || c == 0x2212)
        {
          if (digits->len > 0 || minus_seen)
            return refuse (error, shown, _("it is not a number."));
          minus_seen = TRUE;
          continue;
        }
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          continue;
        }
      if (c == '.' || c == ',')
        {
          if (c == '.')
            n_dots++;
          else
            n_commas++;
          last_sep = (int) digits->len;
          g_string_append_c (digits, (char) c);
          continue;
        }
      return refuse (error, shown, _("it is not a number."));
    }

  if (digits->len == 0 || strspn (digits->str, ".,") == digits->len)
    return refuse (error, shown, _("it is not a number."));

  /* A "$" must stand at the start or the end, not between digits. */
  if (dollar_seen)
    {
      g_autofree char *compact = g_strdup (shown);
      const char *dollar = strchr (compact, '$');
      const char *before = compact;
      gboolean digit_before = FALSE, digit_after = FALSE;

      for (; before < dollar; before++)
        if (g_ascii_isdigit (*before))
          digit_before = TRUE;
      for (const char *q = dollar + 1; *q != '\0'; q++)
        if (g_ascii_isdigit (*q))
          digit_after = TRUE;
      if (digit_before && digit_after)
        return refuse (error, shown, _("the dollar sign must come before or after the number."));
    }

  if (minus_seen)
    return refuse (error, shown, _("amounts cannot be negative."));

  /* Which separator, if any, is the decimal mark?  The last one, when it is
   * followed by one or two digits and is the only one of its kind, or when
   * both kinds are present (then the other kind groups thousands).  Three
   * digits after a lone separator ("4,500", "4.500") are ambiguous. */
  has_decimal = FALSE;
  if (last_sep >= 0)
    {
      char mark = digits->str[last_sep];
      int after = (int) digits->len - last_sep - 1;
      int same_kind = mark == '.' ? n_dots : n_commas;
      int other_kind = mark == '.' ? n_commas : n_dots;

      if (other_kind > 0)
        {
          if (same_kind > 1)
            return refuse (error, shown, _("it mixes separators in a way that cannot be read."));
          has_decimal = TRUE;
          decimal_mark = mark;
        }
      else if (same_kind > 1)
        {
          /* "4,500,000" or "4.500.000": grouping only. */
          decimal_mark = 0;
        }
      else if (after == 3 && (last_sep == 0 || last_sep > 3))
        {
          return refuse (error, shown, _("it has more than two decimals (cents)."));
        }
      else if (after == 3)
        {
          return refuse (error, shown,
                         _("it is ambiguous: write 4500 or 4 500,00 or 4,500.00 so the decimal mark is clear."));
        }
      else
        {
          has_decimal = TRUE;
          decimal_mark = mark;
        }
    }

  /* Pass 2: read units and cents, checking grouping: groups of exactly three
   * digits after the first. */
  {
    const char *s = digits->str;
    gsize end = has_decimal ? (gsize) last_sep : digits->len;
    int group_len = -1;     /* digits since the last group separator; -1 before any */
    int first_group = 0;

    for (gsize i = 0; i < end; i++)
      {
        char c = s[i];

        if (c == '.' || c == ',')
          {
            if (has_decimal && c == decimal_mark)
              return refuse (error, shown, _("it has more than one decimal mark."));
            if (group_len == -1)
              {
                if (first_group == 0 || first_group > 3)
                  return refuse (error, shown, _("its thousands are not grouped by three."));
              }
            else if (group_len != 3)
              return refuse (error, shown, _("its thousands are not grouped by three."));
            group_len = 0;
            continue;
          }
        if (units > CAG_MONEY_MAX_CENTS / 100 + 1)
          return refuse (error, shown, _("it is over the maximum of $1,000,000,000.00."));
        units = units * 10 + (c - '0');
        if (group_len == -1)
          first_group++;
        else
          group_len++;
      }
    if (group_len != -1 && group_len != 3)
      return refuse (error, shown, _("its thousands are not grouped by three."));

    if (has_decimal)
      {
        for (gsize i = (gsize) last_sep + 1; i < digits->len; i++)
          {
            frac_digits++;
            if (frac_digits > 2)
              return refuse (error, shown, _("it has more than two decimals (cents)."));
            cents = cents * 10 + (s[i] - '0');
          }
        if (frac_digits == 1)
          cents *= 10;
        if (frac_digits == 0 && end == 0)
          return refuse (error, shown, _("it is not a number."));
      }
  }

  if (units > CAG_MONEY_MAX_CENTS / 100
      || units * 100 + cents > CAG_MONEY_MAX_CENTS)
    return refuse (error, shown, _("it is over the maximum of $1,000,000,000.00."));

  units = units * 100 + cents;
  if (units == 0 && !(flags & CAG_MONEY_ALLOW_ZERO))
    return refuse (error, shown, _("it must be greater than zero."));

  *out_cents = units;
  return TRUE;
}

/* Digits of |cents| as units and two-digit cents, without overflow for
 * G_MININT64. */
static void
split_cents (gint64   cents,
             gboolean *negative,
             guint64  *units,
             guint     *frac)
{
  guint64 magnitude;

  *negative = cents < 0;
  magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  *units = magnitude / 100;
  *frac = (guint) (magnitude % 100);
}

static void
append_grouped (GString    *out,
                guint64     units,
                const char *group_sep)
{
  char buf[32];
  int len = g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, units);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, group_sep);
      g_string_append_c (out, buf[i]);
    }
}

char *
cag_money_format (gint64  cents,
                  CagLang lang)
{
  GString *out = g_string_new (NULL);
  gboolean negative;
  guint64 units;
  guint frac;

  split_cents (cents, &negative, &units, &frac);
  if (negative)
    g_string_append_c (out, '-');

  if (lang == CAG_LANG_FR)
    {
      append_grouped (out, units, NNBSP);
      g_string_append_printf (out, ",%02u" NBSP "$", frac);
    }
  else
    {
      g_string_append_c (out, '$');
      append_grouped (out, units, ",");
      g_string_append_printf (out, ".%02u", frac);
    }
  return g_string_free (out, FALSE);
}

char *
cag_money_format_plain (gint64 cents,
                        char   decimal_mark)
{
  gboolean negative;
  guint64 units;
  guint frac;

  split_cents (cents, &negative, &units, &frac);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02u", negative ? "-" : "", units,
                          decimal_mark == ',' ? ',' : '.', frac);
}

gint64
cag_div_floor (gint64 a,
               gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

gint64
cag_div_ceil (gint64 a,
              gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) == (b < 0)))
    q++;
  return q;
}

gint64
cag_mul_div_floor (gint64 a,
                   gint64 n,
                   gint64 d)
{
  CagI128 p = (CagI128) a * n;
  CagI128 q = p / d;

  if (p % d != 0 && ((p < 0) != (d < 0)))
    q--;
  return (gint64) q;
}

gint64
cag_mul_div_ceil (gint64 a,
                  gint64 n,
                  gint64 d)
{
  CagI128 p = (CagI128) a * n;
  CagI128 q = p / d;

  if (p % d != 0 && ((p < 0) == (d < 0)))
    q++;
  return (gint64) q;
}
