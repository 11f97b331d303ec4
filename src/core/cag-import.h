/* cag-import.h — bringing contributions in from a treasurer's spreadsheet.
 *
 * The first non-blank record of the CSV file names the columns; they are
 * found by name in French or English, without regard to case and accents
 * (date, organisation/organization, montant/amount, mode/méthode/method,
 * référence/reference, note, campagne/campaign, annulé/voided), unless the
 * caller maps a field to a column explicitly.  Every row is checked before
 * anything is written; the import is all or nothing, in one transaction.
 * Rows already in the database (same fund, date, amount and reference) are
 * skipped and counted, so importing the same file twice adds nothing.
 * docs/IMPORT.md describes the accepted formats and every choice.
 */
#pragma once

#include <gio/gio.h>
#include "cag-csv.h"
#include "cag-store.h"

G_BEGIN_DECLS

typedef enum
{
  CAG_IMPORT_FIELD_DATE,
  CAG_IMPORT_FIELD_ORGANIZATION,
  CAG_IMPORT_FIELD_AMOUNT,
  CAG_IMPORT_FIELD_METHOD,
  CAG_IMPORT_FIELD_REFERENCE,
  CAG_IMPORT_FIELD_NOTE,
  CAG_IMPORT_FIELD_CAMPAIGN,
  CAG_IMPORT_FIELD_VOIDED,
  CAG_IMPORT_N_FIELDS,
} CagImportField;

/* "date", "organization", "amount", "method", "reference", "note",
 * "campaign", "voided". */
const char *cag_import_field_to_string   (CagImportField field);
/* Translated name used in messages ("montant" in French). */
const char *cag_import_field_label       (CagImportField field);
/* A field from any of its French or English names (case and accents
 * ignored); FALSE when unknown. */
gboolean    cag_import_field_from_string (const char     *name,
                                          CagImportField *out_field);

/* Longest reference and organization name, and longest note, in
 * characters: what the store accepts. */
#define CAG_IMPORT_MAX_NAME_CHARS 200
#define CAG_IMPORT_MAX_TEXT_CHARS 4000
/* Problems kept in a report; more are only counted (problems_total). */
#define CAG_IMPORT_MAX_PROBLEMS   10000

/* Told every few thousand rows, in the thread running the import: DONE
 * bytes of the file read out of SIZE. */
typedef void (*CagImportProgressFunc) (guint64  done,
                                       guint64  size,
                                       gpointer user_data);

typedef struct
{
  /* Campaign (id or name) for rows whose campaign cell is empty or when the
   * file has no campaign column.  NULL: the database's only campaign. */
  const char *campaign;
  /* Create unknown organizations, and open the missing funds, instead of
   * reporting them as problems. */
  gboolean    create_organizations;
  /* Check everything, write nothing. */
  gboolean    dry_run;
  /* ',' ';' '\t', or 0 to detect. */
  char        delimiter;
  /* Explicit mapping, per field: a column's header (matched without regard
   * to case and accents) or its 1-based number; NULL to find it by name. */
  const char *columns[CAG_IMPORT_N_FIELDS];
  /* Nullable.  A cancelled import fails with G_IO_ERROR_CANCELLED and
   * leaves the database as it was. */
  GCancellable          *cancellable;
  CagImportProgressFunc  progress;
  gpointer               progress_data;
} CagImportOptions;

typedef struct
{
  guint  line;      /* line of the file (0: the file as a whole) */
  gint   field;     /* CagImportField, or -1 for the whole row */
  char  *message;   /* translated sentence */
} CagImportProblem;

void cag_import_problem_free (CagImportProblem *problem);

/* "line 12, column amount: …" (translated). */
char *cag_import_problem_to_string (const CagImportProblem *problem);

typedef struct
{
  CagCsvInfo  csv;
  guint       rows;                 /* non-blank data rows */
  guint       added;                /* added, or to add in a dry run */
  gint64      added_cents;          /* their total */
  guint       already_present;      /* skipped: already in the database */
  guint       voided;               /* skipped: marked voided in the file */
  guint       organizations_created;/* or to create in a dry run */
  guint       funds_opened;         /* or to open in a dry run */
  GPtrArray  *problems;             /* CagImportProblem, in line order (the first
                                     * CAG_IMPORT_MAX_PROBLEMS) */
  guint       problems_total;       /* all of them, kept or not */
  GPtrArray  *warnings;             /* CagImportProblem: imported, but worth a look */
  GPtrArray  *skipped_lines;        /* guint lines (GUINT_TO_POINTER) already present */
  gboolean    dry_run;
  gboolean    imported;             /* TRUE once committed */
} CagImportReport;

void cag_import_report_free (CagImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagImportReport, cag_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagImportProblem, cag_import_problem_free)

/* Checks DATA (a CSV file's bytes) and, unless OPTIONS->dry_run, imports it.
 * Returns FALSE when the file has problems (CAG_ERROR_INVALID, saying how
 * many; the problems are in the report), when the file cannot be read as CSV
 * (no report), or when the database fails (nothing written).  A dry run
 * without problems returns TRUE.  *OUT_REPORT (nullable) is set whenever the
 * rows could be checked. */
gboolean cag_import_contributions_data (CagStore                *store,
                                        const char              *data,
                                        gsize                    length,
                                        const CagImportOptions  *options,
                                        CagImportReport        **out_report,
                                        GError                 **error);

/* The same, reading PATH. */
gboolean cag_import_contributions      (CagStore                *store,
                                        const char              *path,
                                        const CagImportOptions  *options,
                                        CagImportReport        **out_report,
                                        GError                 **error);

G_END_DECLS
