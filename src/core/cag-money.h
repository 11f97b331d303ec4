/* cag-money.h — amounts of money as gint64 cents (CAD).
 *
 * No floating point anywhere.  Parsing accepts French and English forms;
 * formatting is keyed on a CagLang, never on the C library's locale.
 */
#pragma once

#include <glib.h>
#include "cag-i18n.h"

G_BEGIN_DECLS

/* CAD 1,000,000,000.00: larger amounts are refused. */
#define CAG_MONEY_MAX_CENTS G_GINT64_CONSTANT (100000000000)

typedef enum
{
  CAG_MONEY_POSITIVE  = 0,       /* default: > 0 */
  CAG_MONEY_ALLOW_ZERO = 1 << 0, /* >= 0 */
} CagMoneyFlags;

/* Reads an amount exactly as written, or refuses it with CAG_ERROR_INVALID
 * and a message saying why (docs/RULES.md, "Amounts as typed"): "125",
 * "1250.5", "1 250,00", "1 234 567,89 $", "$1,250.00".  Spaces (U+0020,
 * U+00A0, U+202F), and commas before a decimal point or in English, group
 * thousands only between groups of exactly three digits counted from the
 * decimal mark; a period is only ever a decimal mark; at most two decimals;
 * one "$" before or after the number.  Also refused: empty, negative, zero
 * (unless ALLOW_ZERO), over CAG_MONEY_MAX_CENTS, not a number.  LANG decides
 * the one reading that differs: "4,500" is 4,500.00 in English and refused in
 * French (more than two decimals). */
gboolean cag_money_parse_lang     (const char    *text,
                                   CagLang        lang,
                                   CagMoneyFlags  flags,
                                   gint64        *out_cents,
                                   GError       **error);

/* cag_money_parse_lang() in the UI language (cag_i18n_get_language()). */
gboolean cag_money_parse          (const char    *text,
                                   CagMoneyFlags  flags,
                                   gint64        *out_cents,
                                   GError       **error);

/* fr: "4\u202F500,00\u00A0$", "-250,00\u00A0$"; en: "$4,500.00", "-$250.00".
 * Works for G_MININT64 too. */
char    *cag_money_format         (gint64 cents,
                                   CagLang lang);

/* Plain machine form for files: "4500.00" or "4500,00" (decimal_mark '.' or
 * ','), no grouping, no symbol, "-" for negatives. */
char    *cag_money_format_plain   (gint64 cents,
                                   char   decimal_mark);

/* The most all the contributions of the ledger may add up to: CAD
 * 10,000,000,000,000.00.  The store refuses a write that would pass it, so
 * every kept total, and every total times a matching ratio (at most 1000:1),
 * stays far inside a gint64 (docs/RULES.md, "Overflow"). */
#define CAG_MONEY_MAX_LEDGER_CENTS G_GINT64_CONSTANT (1000000000000000)

/* Checked arithmetic on amounts: the one place where sums and products of
 * money are guarded.  Each returns FALSE when the exact result does not fit
 * in a gint64, and then stores the nearest gint64 (G_MAXINT64 or
 * G_MININT64), never a wrapped value. */
gboolean cag_money_add_checked    (gint64  a,
                                   gint64  b,
                                   gint64 *out);
/* floor(amount × num / den), den > 0: a matching ratio applied to savings. */
gboolean cag_money_mul_ratio      (gint64  amount,
                                   gint64  num,
                                   gint64  den,
                                   gint64 *out);
/* a + b, saturated at G_MAXINT64 / G_MININT64 (for totals drawn on screen). */
gint64   cag_money_add_sat        (gint64 a,
                                   gint64 b);

/* Rounding helpers used by the rules; all exact on integers.  b > 0. */
gint64   cag_div_floor            (gint64 a,
                                   gint64 b);
gint64   cag_div_ceil             (gint64 a,
                                   gint64 b);
/* floor(a * n / d) and ceil(a * n / d) with 128-bit intermediates, d > 0; a
 * result outside gint64 is saturated, never wrapped. */
gint64   cag_mul_div_floor        (gint64 a,
                                   gint64 n,
                                   gint64 d);
gint64   cag_mul_div_ceil         (gint64 a,
                                   gint64 n,
                                   gint64 d);

G_END_DECLS
