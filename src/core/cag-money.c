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

/* ---- Parsing ----------------------------------------------------------
 *
 * The grammar is in docs/RULES.md ("Amounts as typed").  The text is cut
 * into the number alone (sign and "$" taken off), the decimal mark is chosen,
 * then the whole part (groups of three) and the cents are read.  Each step
 * refuses with the reason. */

typedef struct
{
  const char *shown;         /* the text as typed, trimmed: for messages */
  CagLang     lang;
  GString    *number;        /* digits, '.', ',' and ' ' (any group space) */
  gssize      mark;          /* index of the decimal mark in NUMBER, or -1 */
  gboolean    comma_groups;  /* ',' separates thousands */
} Amount;

/* The spaces that may group thousands (and surround "$"). */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F;
}

static gboolean
refuse (GError    **error,
        const char *text,
        const char *why)
{
  g_set_error (error, CAG_ERROR, CAG_ERROR_INVALID,
               /* Translators: %s is the amount typed, then the reason. */
               _("“%s” is not a valid amount: %s"), text, why);
  return FALSE;
}

/* TEXT without the spaces (ASCII or group spaces) at either end. */
static char *
trim_spaces (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start != '\0' && (g_ascii_isspace (*start) || is_group_space (g_utf8_get_char (start))))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_ascii_isspace (*prev) && !is_group_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

/* Takes a leading minus and one "$" at the start or the end off SHOWN, and
 * keeps the number alone in A->number. */
static gboolean
take_number (Amount  *a,
             GError **error)
{
  const char *p = a->shown;
  const char *end = a->shown + strlen (a->shown);
  gboolean minus = FALSE, dollar = FALSE;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '-' || c == 0x2212) && !minus)
        minus = TRUE;
      else if (c == '$' && !dollar)
        dollar = TRUE;
      else if (!is_group_space (c))
        break;
    }
  while (end > p && (end[-1] == '$' || is_group_space (g_utf8_get_char (g_utf8_prev_char (end)))))
    {
      if (end[-1] == '$' && dollar)
        return refuse (error, a->shown, _("the dollar sign appears more than once."));
      dollar = dollar || end[-1] == '$';
      end = g_utf8_prev_char (end);
    }

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '$')
        return refuse (error, a->shown,
                       _("the dollar sign must come before or after the number."));
      if ((c >= '0' && c <= '9') || c == '.' || c == ',')
        g_string_append_c (a->number, (char) c);
      else if (is_group_space (c))
        g_string_append_c (a->number, ' ');
      else
        return refuse (error, a->shown, _("it is not a number."));
    }
  if (a->number->len == 0 || strspn (a->number->str, "., ") == a->number->len)
    return refuse (error, a->shown, _("it is not a number."));
  if (minus)
    return refuse (error, a->shown, _("amounts cannot be negative."));
  return TRUE;
}

/* Which '.' or ',' is the decimal mark, and whether ',' groups thousands.
 * '.' is only ever a decimal mark.  ',' groups thousands before a '.', and
 * in English before exactly three digits; otherwise it is the decimal mark
 * (the only one in French). */
static gboolean
choose_decimal_mark (Amount  *a,
                     GError **error)
{
  const char *s = a->number->str;
  const char *dot = strchr (s, '.'), *comma = strrchr (s, ',');
  guint n_dots = 0, n_commas = 0;

  for (const char *q = s; *q != '\0'; q++)
    {
      n_dots += *q == '.';
      n_commas += *q == ',';
    }
  a->mark = -1;
  if (n_dots > 1)
    return refuse (error, a->shown,
                   _("it has more than one period; a period marks the cents and never "
                     "separates thousands."));
  if (dot != NULL)
    {
      if (comma != NULL && comma > dot)
        return refuse (error, a->shown, _("it has a comma after the decimal point."));
      a->mark = dot - s;
      a->comma_groups = comma != NULL;
      return TRUE;
    }
  if (comma == NULL)
    return TRUE;
  if (a->lang == CAG_LANG_EN
      && (n_commas > 1 || (strlen (comma + 1) == 3 && strspn (comma + 1, "0123456789") == 3)))
    {
      a->comma_groups = TRUE;
      return TRUE;
    }
  if (n_commas > 1)
    return refuse (error, a->shown,
                   _("it has more than one comma; in French the comma marks the cents: "
                     "separate thousands with spaces, as in 1 234 567,89."));
  a->mark = comma - s;
  return TRUE;
}

static gboolean
refuse_grouping (Amount  *a,
                 GError **error)
{
  return refuse (error, a->shown,
                 _("thousands separators must stand between groups of exactly three "
                   "digits, as in 1 250 or 1 234 567,89."));
}

/* Whole dollars: the digits before the decimal mark, where a separator
 * stands only between groups of exactly three digits counted from the mark.
 * A space and a comma cannot both group thousands in one amount. */
static gboolean
read_units (Amount  *a,
            gint64  *out_units,
            GError **error)
{
  const char *s = a->number->str;
  gsize end = a->mark >= 0 ? (gsize) a->mark : a->number->len;
  char separator = 0;
  gint group = 0, groups = 0;
  gint64 units = 0;

  for (gsize i = 0; i < end; i++)
    {
      if (s[i] == ' ' || s[i] == ',')
        {
          if (separator != 0 && separator != s[i])
            return refuse (error, a->shown,
                           _("it mixes spaces and commas between thousands."));
          separator = s[i];
          if (group == 0 || group > 3 || (groups > 0 && group != 3))
            return refuse_grouping (a, error);
          groups++;
          group = 0;
          continue;
        }
      if (units > CAG_MONEY_MAX_CENTS / 100)
        break;  /* over the maximum: said below */
      units = units * 10 + (s[i] - '0');
      group++;
    }
  if (groups > 0 && group != 3)
    return refuse_grouping (a, error);
  *out_units = units;
  return TRUE;
}

/* Cents: one or two digits after the decimal mark (none is 0). */
static gboolean
read_cents (Amount  *a,
            gint64  *out_cents,
            GError **error)
{
  const char *frac;
  gsize n;

  *out_cents = 0;
  if (a->mark < 0)
    return TRUE;
  frac = a->number->str + a->mark + 1;
  n = strlen (frac);
  if (strspn (frac, "0123456789") != n)
    return refuse (error, a->shown, _("only digits may follow the decimal mark."));
  if (n > 2 && a->lang == CAG_LANG_FR && frac[-1] == ',')
    return refuse (error, a->shown,
                   _("it has more than two decimals (cents); in French the comma marks the "
                     "cents: write 4 500 for four thousand five hundred."));
  if (n > 2)
    return refuse (error, a->shown, _("it has more than two decimals (cents)."));
  if (n >= 1)
    *out_cents = (frac[0] - '0') * 10 + (n == 2 ? frac[1] - '0' : 0);
  if (n == 0 && a->mark == 0)
    return refuse (error, a->shown, _("it is not a number."));
  return TRUE;
}

static gboolean
check_range (Amount        *a,
             gint64         units,
             gint64         cents,
             CagMoneyFlags  flags,
             GError       **error)
{
  if (units > CAG_MONEY_MAX_CENTS / 100 || units * 100 + cents > CAG_MONEY_MAX_CENTS)
    {
      g_autofree char *max = cag_money_format (CAG_MONEY_MAX_CENTS, a->lang);
      g_autofree char *why = g_strdup_printf (_("it is over the maximum of %s."), max);

      return refuse (error, a->shown, why);
    }
  if (units == 0 && cents == 0 && !(flags & CAG_MONEY_ALLOW_ZERO))
    return refuse (error, a->shown, _("it must be greater than zero."));
  return TRUE;
}

gboolean
cag_money_parse_lang (const char    *text,
                      CagLang        lang,
                      CagMoneyFlags  flags,
                      gint64        *out_cents,
                      GError       **error)
{
  g_autoptr(GString) number = g_string_new (NULL);
  g_autofree char *shown = NULL;
  Amount a = { NULL, lang, number, -1, FALSE };
  gint64 units = 0, cents = 0;

  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The amount contains characters that are not valid text."));
      return FALSE;
    }
  shown = trim_spaces (text);
  a.shown = shown;
  if (*shown == '\0')
    {
      g_set_error_literal (error, CAG_ERROR, CAG_ERROR_INVALID,
                           _("The amount is empty: type an amount such as 125,00 or 125.00."));
      return FALSE;
    }
  if (!take_number (&a, error)
      || !choose_decimal_mark (&a, error)
      || !read_units (&a, &units, error)
      || !read_cents (&a, &cents, error)
      || !check_range (&a, units, cents, flags, error))
    return FALSE;

  *out_cents = units * 100 + cents;
  return TRUE;
}

gboolean
cag_money_parse (const char    *text,
                 CagMoneyFlags  flags,
                 gint64        *out_cents,
                 GError       **error)
{
  return cag_money_parse_lang (text, cag_i18n_get_language (), flags, out_cents, error);
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

/* Q as a gint64, saturated; FALSE when it had to be. */
static gboolean
narrow_i128 (CagI128  q,
             gint64  *out)
{
  if (q > (CagI128) G_MAXINT64)
    {
      *out = G_MAXINT64;
      return FALSE;
    }
  if (q < (CagI128) G_MININT64)
    {
      *out = G_MININT64;
      return FALSE;
    }
  *out = (gint64) q;
  return TRUE;
}

static CagI128
div_floor_i128 (CagI128 p,
                CagI128 d)
{
  CagI128 q = p / d;

  if (p % d != 0 && ((p < 0) != (d < 0)))
    q--;
  return q;
}

gint64
cag_mul_div_floor (gint64 a,
                   gint64 n,
                   gint64 d)
{
  gint64 out;

  narrow_i128 (div_floor_i128 ((CagI128) a * n, d), &out);
  return out;
}

gint64
cag_mul_div_ceil (gint64 a,
                  gint64 n,
                  gint64 d)
{
  CagI128 p = (CagI128) a * n;
  CagI128 q = p / d;
  gint64 out;

  if (p % d != 0 && ((p < 0) == (d < 0)))
    q++;
  narrow_i128 (q, &out);
  return out;
}

gboolean
cag_money_add_checked (gint64  a,
                       gint64  b,
                       gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!__builtin_add_overflow (a, b, out))
    return TRUE;
  *out = b > 0 ? G_MAXINT64 : G_MININT64;
  return FALSE;
}

gint64
cag_money_add_sat (gint64 a,
                   gint64 b)
{
  gint64 out;

  cag_money_add_checked (a, b, &out);
  return out;
}

gboolean
cag_money_mul_ratio (gint64  amount,
                     gint64  num,
                     gint64  den,
                     gint64 *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (den > 0, FALSE);

  return narrow_i128 (div_floor_i128 ((CagI128) amount * num, den), out);
}
