/* cag-bench-data.h — a deterministic stream of realistic ledger rows for the
 * benchmarks, and the schema of the plain SQLite database they are compared
 * with.
 *
 * The same (organizations, months, seed) always gives the same rows, so the
 * Cagnotte database and the raw SQLite database of one size hold exactly the
 * same contributions and the same voids.
 */
#pragma once

#include <glib.h>
#include "cag-model.h"

G_BEGIN_DECLS

#define CAG_BENCH_DEFAULT_SEED   G_GUINT64_CONSTANT (20030615)
#define CAG_BENCH_CHUNK_ROWS     10000
#define CAG_BENCH_VOID_REASON    "Montant saisi par erreur"

/* The raw comparison database: one table, one plain index, the same
 * connection settings as the store (WAL, synchronous NORMAL, foreign keys,
 * busy timeout), so that both pay the same price for durability. */
#define CAG_BENCH_RAW_PRAGMAS \
  "PRAGMA journal_mode=WAL;" \
  "PRAGMA synchronous=NORMAL;" \
  "PRAGMA foreign_keys=ON;"
#define CAG_BENCH_RAW_SCHEMA \
  "CREATE TABLE fund (id INTEGER PRIMARY KEY, organization TEXT NOT NULL);" \
  "CREATE TABLE contribution (" \
  "  id INTEGER PRIMARY KEY," \
  "  fund_id INTEGER NOT NULL REFERENCES fund (id)," \
  "  date TEXT NOT NULL," \
  "  amount_cents INTEGER NOT NULL," \
  "  method TEXT NOT NULL," \
  "  reference TEXT," \
  "  note TEXT," \
  "  recorded_at TEXT NOT NULL," \
  "  voided INTEGER NOT NULL DEFAULT 0," \
  "  void_reason TEXT);" \
  "CREATE INDEX contribution_fund_date ON contribution (fund_id, date);"

/* The raw aggregates the store's figures are set beside. */
#define CAG_BENCH_RAW_ALL_SQL \
  "SELECT fund_id, SUM(amount_cents) FROM contribution" \
  " WHERE voided = 0 AND date <= ?1 GROUP BY fund_id"
#define CAG_BENCH_RAW_ONE_SQL \
  "SELECT SUM(amount_cents) FROM contribution" \
  " WHERE fund_id = ?1 AND voided = 0 AND date <= ?2"
#define CAG_BENCH_RAW_INSERT_SQL \
  "INSERT INTO contribution (fund_id, date, amount_cents, method, reference," \
  " note, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define CAG_BENCH_RAW_VOID_SQL \
  "UPDATE contribution SET voided = 1, void_reason = ?2" \
  " WHERE id = ?1 AND voided = 0"

typedef struct _CagBenchGen CagBenchGen;

/* The order rows come in: month after month, each month organization after
 * organization (as a network records them over the years), or organization
 * after organization, each with its whole history (as a treasurer enters past
 * years after the fact).  Either way the rows are the same. */
typedef enum
{
  CAG_BENCH_ORDER_MONTH,
  CAG_BENCH_ORDER_ORG,
} CagBenchOrder;

/* One contribution of the stream.  The strings belong to the generator and
 * stay valid until the next call to cag_bench_gen_next(). */
typedef struct
{
  guint        org;            /* 0-based organization index */
  CagDate      date;
  gint64       amount_cents;
  CagMethod    method;
  const char  *reference;      /* nullable */
  const char  *note;           /* nullable */
  gboolean     to_void;        /* a typing mistake, voided after loading */
} CagBenchRow;

CagBenchGen     *cag_bench_gen_new         (guint   n_orgs,
                                            guint   n_months,
                                            guint64 seed);
void             cag_bench_gen_free        (CagBenchGen *gen);
/* Before the first cag_bench_gen_next(); CAG_BENCH_ORDER_MONTH by default. */
void             cag_bench_gen_set_order   (CagBenchGen   *gen,
                                            CagBenchOrder  order);

guint            cag_bench_gen_n_orgs      (CagBenchGen *gen);
guint            cag_bench_gen_n_months    (CagBenchGen *gen);

/* The campaign the stream saves toward: M months of saving, CAD 4,500 a
 * delegation.  Newly allocated. */
CagCampaign     *cag_bench_gen_campaign    (CagBenchGen *gen);
/* The date figures are computed as of: the 20th of the last saving month. */
CagDate          cag_bench_gen_as_of       (CagBenchGen *gen);

/* Organization I (0-based), with a unique name.  Newly allocated. */
CagOrganization *cag_bench_gen_org         (CagBenchGen *gen,
                                            guint        i);
/* Delegations its fund aims for (1 to 3). */
gint             cag_bench_gen_delegations (CagBenchGen *gen,
                                            guint        i);

/* The next contribution, in the order set; FALSE at the end. */
gboolean         cag_bench_gen_next        (CagBenchGen *gen,
                                            CagBenchRow *row);

/* Peak resident set size of this process, in KiB (getrusage). */
glong            cag_bench_maxrss_kib      (void);
/* CPU time this process has used so far (user + system), in µs.  On a
 * machine shared with other work it tells the work done from the waiting. */
gint64           cag_bench_cpu_us          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CagBenchGen, cag_bench_gen_free)

G_END_DECLS
