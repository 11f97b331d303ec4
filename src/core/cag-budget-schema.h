/* cag-budget-schema.h — the SQL of the budget tables, for cag-schema.c. */
#pragma once

/* Migration step 1 → 2. */
extern const char cag_budget_schema_sql[];
/* Migration step 3 → 4: a funder's short name and French article. */
extern const char cag_budget_funder_names_sql[];
