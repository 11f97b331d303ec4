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

/* Parses "4500", "4500.00", "4 500,00", "4 500,00 $", "$4,500.00", "4500,5"
 * (spaces may be U+0020, U+00A0 or U+202F; a "$" before or after; "CAD"/"$CAN"
 * suffixes are not accepted).  Refuses with CAG_ERROR_INVALID and a message
 * saying why: empty, negative, zero (unless ALLOW_ZERO), more than two
 * decimals, over CAG_MONEY_MAX_CENTS, ambiguous ("4,500" or "4.500" alone:
 * a group or a decimal mark?) and non-numeric input. */
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

/* Rounding helpers used by the rules; all exact on integers.  b > 0. */
gint64   cag_div_floor            (gint64 a,
                                   gint64 b);
gint64   cag_div_ceil             (gint64 a,
                                   gint64 b);
/* floor(a * n / d) and ceil(a * n / d) without overflow for the amounts we
 * allow (uses 128-bit intermediates). d > 0. */
gint64   cag_mul_div_floor        (gint64 a,
                                   gint64 n,
                                   gint64 d);
gint64   cag_mul_div_ceil         (gint64 a,
                                   gint64 n,
                                   gint64 d);

G_END_DECLS
