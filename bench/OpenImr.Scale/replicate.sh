#!/usr/bin/env bash
# Grows an imported synthetic letter set tenfold for the search benchmark, in SQL (minutes, where a
# tenfold import takes an hour on a loaded machine): nine copies of every letter under new case numbers
# (suffix R1..R9), with their items and (SQLite) full-text rows. Every copy is as synthetic as its original,
# and every term occurs in the same share of letters, so a selective query matches ten times as many.
#   bench/OpenImr.Scale/replicate.sh sqlite SOURCE.db TARGET.db    copies SOURCE.db to TARGET.db, then grows TARGET.db
#   bench/OpenImr.Scale/replicate.sh postgres LIBPQ-CONNINFO        grows that database in place
# Only for a set imported once (case numbers without an R); the import benchmark is `OpenImr.Scale import`.
set -euo pipefail
cols="source, format, assigned_date, injury_date, decision_date, ur_denial_date, application_received_date, priority, reviewer_licensure, reviewer_specialties, patient_age, patient_sex, clinical_summary, content_hash, letter_json, imported_at"
letters="INSERT INTO letters (case_number, $cols) SELECT case_number || 'R%s', $cols FROM letters WHERE case_number NOT LIKE '%%R%%' ORDER BY id;"
items="INSERT INTO letter_items (letter_id, ordinal, request, decision, service, guideline_source, guideline_title, rationale)
  SELECT nl.id, i.ordinal, i.request, i.decision, i.service, i.guideline_source, i.guideline_title, i.rationale
  FROM letter_items i JOIN letters ol ON ol.id = i.letter_id JOIN letters nl ON nl.case_number = ol.case_number || 'R%s'
  WHERE ol.case_number NOT LIKE '%%R%%' ORDER BY nl.id, i.ordinal;"

case "${1:-}" in
  sqlite)
    source=${2:?source database}; target=${3:?target database}
    sqlite3 "$source" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    rm -f "$target" "$target-wal" "$target-shm"
    cp "$source" "$target"
    for r in 1 2 3 4 5 6 7 8 9; do
      # shellcheck disable=SC2059
      sqlite3 "$target" "BEGIN; CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS last FROM letter_items;
        $(printf "$letters" "$r") $(printf "$items" "$r")
        INSERT INTO letter_item_search(rowid, request, rationale, summary)
          SELECT id, request, rationale, summary FROM letter_item_search_source WHERE id > (SELECT last FROM temp.mark);
        COMMIT;"
      echo "$(date -u +%T) copy $r of 9; load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    sqlite3 "$target" "PRAGMA wal_checkpoint(TRUNCATE); SELECT count(*) || ' letters' FROM letters;"
    ;;
  postgres)
    conninfo=${2:?connection}
    for r in 1 2 3 4 5 6 7 8 9; do
      # shellcheck disable=SC2059
      psql "$conninfo" -v ON_ERROR_STOP=1 -q -c "BEGIN; $(printf "$letters" "$r") $(printf "$items" "$r") COMMIT;"
      echo "$(date -u +%T) copy $r of 9; load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    psql "$conninfo" -q -c "VACUUM ANALYZE letters" -c "VACUUM ANALYZE letter_items" -At -c "SELECT count(*) || ' letters' FROM letters"
    ;;
  *)
    echo "usage: replicate.sh sqlite SOURCE.db TARGET.db | replicate.sh postgres CONNINFO" >&2
    exit 2
    ;;
esac
