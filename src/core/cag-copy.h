/* cag-copy.h — moving a whole network from one store to another
 * (docs/SERVER.md, "Moving a network between a file and a server").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies every record of the store at FROM (a file, which must exist) into
 * the store at TO (a file that does not exist yet or holds no record), ids
 * kept: organizations, campaigns, funds, contributions with their voids, the
 * kept totals (then recounted and checked), funders, budgets with every
 * version, the network profile and the audit log.  The source is read in one
 * snapshot; the target is written in one transaction.  Refused, with nothing
 * written (a target file created by the copy is removed again), when the
 * source is missing or damaged, when both name the same database, when the
 * target holds data or cannot be written.  *OUT_ROWS (nullable) receives the
 * number of rows copied. */
gboolean            cag_copy_network (const char *from,
                                      const char *to,
                                      gint64     *out_rows,
                                      GError    **error);

/* The tables the copy moves, in the order it writes them (parents before
 * children); NULL-terminated.  For tests. */
const char * const *cag_copy_tables  (void);

G_END_DECLS
