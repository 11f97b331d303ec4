#!/bin/sh
# End-to-end: cagnotte-cli export statement|summary|statements|proforma on the
# demo database, in both languages, and the refusals.
# Usage: test-export-cli.sh CAGNOTTE-CLI
set -eu
cli=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/demo.db"
fail () { echo "FAIL: $*" >&2; exit 1; }
text () { pdftotext "$1" - 2>/dev/null | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | tr -s ' \n' '  '; }

"$cli" --db "$db" demo >/dev/null

# One statement, French and English.
"$cli" --db "$db" export statement "Atelier du chômeur" --output "$dir/fr.pdf" \
  --as-of 2005-06-15 --lang fr >/dev/null
qpdf --check "$dir/fr.pdf" >/dev/null || fail "qpdf on the French statement"
t=$(text "$dir/fr.pdf")
case $t in *"Relevé du fonds de délégation"*"Atelier du chômeur"*) ;; *) fail "French statement text: $t" ;; esac
case $t in *"15 juin 2005"*) ;; *) fail "French date" ;; esac
case $t in *"4 500,00 \$"*) ;; *) fail "French amount" ;; esac

"$cli" --db "$db" export statement "Atelier du chômeur" --output "$dir/en.pdf" \
  --as-of 2005-06-15 --lang en >/dev/null
t=$(text "$dir/en.pdf")
case $t in *"Delegation fund statement"*'$4,500.00'*) ;; *) fail "English statement text" ;; esac

# The summary and the batch.
"$cli" --db "$db" export summary "Dakar 2005" --output "$dir/summary.pdf" --lang fr >/dev/null
t=$(text "$dir/summary.pdf")
case $t in *"Sommaire de la campagne"*"Total du réseau"*) ;; *) fail "summary text" ;; esac

"$cli" --db "$db" --json export statements "Dakar 2005" --dir "$dir/batch" --lang en \
  --as-of 2005-06-15 > "$dir/out.json"
n=$(ls "$dir/batch" | wc -l)
[ "$n" -ge 2 ] || fail "batch wrote $n files"
grep -q '"written"' "$dir/out.json" || fail "batch JSON"
if ls "$dir/batch" | grep -q '[^a-z0-9.-]'; then fail "unsafe file names: $(ls "$dir/batch")"; fi

# A batch stopped midway (the third file's name is taken by a folder) says
# which statements it wrote, and fails.
third=$(grep '\.pdf"' "$dir/out.json" | sed -n 3p | sed 's/.*\/\([^/]*\.pdf\)".*/\1/')
[ -n "$third" ] || fail "no third statement in $(cat "$dir/out.json")"
mkdir -p "$dir/partial/$third"
if "$cli" --db "$db" export statements "Dakar 2005" --dir "$dir/partial" --lang en \
  --as-of 2005-06-15 >"$dir/partial.out" 2>"$dir/err"; then
  fail "a batch that failed midway succeeded"
fi
grep -q "Wrote 2 statements into $dir/partial before the error:" "$dir/partial.out" \
  || fail "partial batch report: $(cat "$dir/partial.out")"
[ "$(grep -c '\.pdf$' "$dir/partial.out")" -eq 2 ] || fail "partial batch list: $(cat "$dir/partial.out")"
[ "$(wc -l < "$dir/err")" -eq 1 ] || fail "partial batch error: $(cat "$dir/err")"

# Reminder letters: one per fund behind, as many as `status` counts, in
# French; the count is printed with the plural.
behind=$("$cli" --db "$db" --json status --as-of 2004-09-15 | grep -c '"behind"')
[ "$behind" -ge 2 ] || fail "the demo has $behind funds behind"
out=$(LANGUAGE=fr "$cli" --db "$db" export reminders --as-of 2004-09-15 --output-dir "$dir/rappels")
[ "$out" = "$behind lettres de rappel écrites dans $dir/rappels." ] || fail "reminders: $out"
[ "$(ls "$dir/rappels" | grep -c '^rappel-.*-2004-09-15\.pdf$')" -eq "$behind" ] \
  || fail "reminder files: $(ls "$dir/rappels")"
t=$(text "$dir/rappels/rappel-la-spirale-dakar-2005-2004-09-15.pdf")
case $t in *"Rappel : votre fonds accuse un retard"*"La Spirale a épargné"*"Hélène Exemple"*) ;;
  *) fail "reminder text: $t" ;; esac
out=$("$cli" --db "$db" export reminders --campaign "Dakar 2005" --as-of 2003-05-01 \
  --output-dir "$dir/none" --lang en)
[ "$out" = "No fund is behind its plan: no letter written." ] || fail "no reminders: $out"
if "$cli" --db "$db" export reminders 2>/dev/null; then fail "reminders without --output-dir"; fi

# The pro-forma of the demo budget, for all funders and for one.
budget=$("$cli" --db "$db" --json budget list | sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p' | head -n 1)
[ -n "$budget" ] || fail "no budget in the demo data"
"$cli" --db "$db" export proforma "$budget" --output "$dir/proforma.pdf" --lang fr >/dev/null
qpdf --check "$dir/proforma.pdf" >/dev/null || fail "qpdf on the pro-forma"
t=$(text "$dir/proforma.pdf")
case $t in *"Budget pro forma"*"Version 1"*) ;; *) fail "pro-forma text: $t" ;; esac
"$cli" --db "$db" export proforma "$budget" --funder "Agence canadienne de développement international (ACDI)" --output "$dir/proforma-acdi.pdf" \
  --lang en >/dev/null
t=$(text "$dir/proforma-acdi.pdf")
case $t in *"Request submitted to Agence canadienne"*) ;; *) fail "pro-forma to a funder: $t" ;; esac
if "$cli" --db "$db" export proforma "$budget" --funder "Nobody" --output "$dir/x.pdf" 2>/dev/null; then
  fail "unknown funder accepted"
fi

# Refusals: one clear line on stderr, exit status 1, no file.
if "$cli" --db "$db" export statement "Atelier du chômeur" --output "$dir/x.pdf" --lang xx 2>"$dir/err"; then
  fail "--lang xx accepted"
fi
[ "$(wc -l < "$dir/err")" -eq 1 ] || fail "error not on one line: $(cat "$dir/err")"
if "$cli" --db "$db" export statement "Nobody" --output "$dir/x.pdf" 2>/dev/null; then
  fail "unknown organization accepted"
fi
if "$cli" --db "$dir/nowhere.db" export summary --output "$dir/x.pdf" 2>/dev/null; then
  fail "missing database accepted"
fi
[ ! -e "$dir/nowhere.db" ] || fail "export created a database"
if "$cli" --db "$db" export statement "Atelier du chômeur" --output "$dir/no/such/dir/x.pdf" 2>"$dir/err"; then
  fail "missing folder accepted"
fi
grep -q "does not exist" "$dir/err" || fail "missing folder message: $(cat "$dir/err")"
[ ! -e "$dir/x.pdf" ] || fail "a file was left behind"
if "$cli" --db "$db" export statement 2>/dev/null; then fail "no ORG accepted"; fi
if "$cli" --db "$db" export nonsense 2>/dev/null; then fail "unknown sub-command accepted"; fi
echo "ok"
