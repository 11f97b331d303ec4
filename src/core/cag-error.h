/* cag-error.h — the error domain every core failure travels in.
 *
 * Messages are complete, translated sentences that say what is wrong and what
 * to do; front ends print them as they are.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAG_ERROR (cag_error_quark ())

typedef enum
{
  CAG_ERROR_INVALID,      /* user input that does not parse or breaks a rule */
  CAG_ERROR_NOT_FOUND,    /* no such organization, campaign, fund, … */
  CAG_ERROR_AMBIGUOUS,    /* a name that matches several records */
  CAG_ERROR_EXISTS,       /* a duplicate (same name, same fund, …) */
  CAG_ERROR_DB_LOCKED,    /* another program holds the database */
  CAG_ERROR_DB_READONLY,  /* the file or its folder cannot be written */
  CAG_ERROR_DB_CORRUPT,   /* not a Cagnotte database, or damaged */
  CAG_ERROR_DB_TOO_NEW,   /* written by a newer Cagnotte */
  CAG_ERROR_IO,           /* files, folders, disk full */
  CAG_ERROR_FAILED,       /* anything else */
} CagError;

GQuark cag_error_quark (void);

G_END_DECLS
