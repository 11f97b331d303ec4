/* cag-error.c — the CAG_ERROR domain. */
#include "config.h"

#include "cag-error.h"

G_DEFINE_QUARK (cag-error-quark, cag_error)
