#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the tests' files (tests/data, assessments/). The corpora
# grow as the fuzzer runs and are not committed; run this again on a clean clone.
set -euo pipefail
cd "$(dirname "$0")"
root=..
seed() { mkdir -p "corpus/$1"; cp "$2" "corpus/$1/$(basename "$2")"; }
# Files joined with the NUL byte that separates files in a multi-file input.
joined() {
  local target=$1 name=$2; shift 2
  mkdir -p "corpus/$target"
  local out="corpus/$target/$name" first=1
  : > "$out"
  for f in "$@"; do
    if [ $first = 0 ]; then printf '\0' >> "$out"; fi
    cat "$f" >> "$out"; first=0
  done
}
for f in "$root"/tests/data/profiles/*.yaml "$root"/tests/data/bad/profile-*.yaml; do seed profile "$f"; done
for f in "$root"/tests/data/assessments/*.yaml "$root"/tests/data/cycles/*.yaml "$root"/tests/data/warnings/*.yaml \
         "$root"/assessments/examples/*.yaml "$root"/assessments/examples/*/*.yaml; do
  seed assessment "$f"; seed migrate "$f"; seed report "$f"
done
for f in "$root"/tests/data/bad/*; do
  case "$(basename "$f")" in profile-*) ;; *) seed assessment "$f" ;; esac
done
joined merge consensus "$root"/assessments/examples/consensus/*.yaml
joined merge consensus-2 "$root"/assessments/examples/consensus/borovia-2026-border-operations.yaml "$root"/assessments/examples/consensus/borovia-2026-risk-intelligence.yaml
joined merge demo "$root"/tests/data/assessments/demo-2025.yaml "$root"/tests/data/assessments/demo-2025.yaml
joined report workshop "$root"/assessments/examples/workshop/*.yaml
joined report northland "$root"/assessments/examples/northland-*.yaml
joined report demo-cycles "$root"/tests/data/cycles/demo-2024.yaml "$root"/tests/data/assessments/demo-2025.yaml
# The JSON fast path: generated assessments written as JSON.
(cd "$root" && cargo run -q --release -p tradeready-tests --example generate -- "fuzz/corpus/json_fast_path" 40 --json)
