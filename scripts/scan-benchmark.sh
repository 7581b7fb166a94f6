#!/usr/bin/env bash
# Times `opsbot scan --state FILE --format json` as a whole process on generated inventories.
#
# Usage: scripts/scan-benchmark.sh [--runs N] [--groups "0 10000 100000"] COMMAND...
#   COMMAND is how opsbot is started, e.g. `opsbot` (the installed tool) or
#   `dotnet cli/OpsBot.Cli/bin/Release/net10.0/opsbot.dll`.
#
# For each inventory size it writes the inventory once (tests/OpsBot.Benchmarks/Inventory/
# generate-inventory.py), runs one discarded warm-up (page cache), then N timed runs, and prints
# min / median / max wall clock, the median CPU time (user + system, all threads), the median
# peak RSS and the number of findings, after checking that they are exactly the violating groups.
set -euo pipefail

runs=5
sizes="0 10000 100000"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --groups) sizes="$2"; shift 2 ;;
    *) break ;;
  esac
done
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--runs N] [--groups \"0 10000 100000\"] COMMAND..." >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf '%-8s %5s %9s %9s %9s %10s %10s %9s\n' groups runs "min s" "median s" "max s" "CPU s" "RSS MB" findings
for n in $sizes; do
  inventory="$work/inventory-$n.json"
  python3 "$root/tests/OpsBot.Benchmarks/Inventory/generate-inventory.py" "$n" "$inventory"
  "$@" scan --policies "$root/policies" --state "$inventory" --format json > "$work/findings.json"
  # The generator opens SSH to the world on every 10th group and nowhere else: exactly those are found.
  findings="$(python3 - "$work/findings.json" "$n" <<'PY'
import json, sys
found = [(f["policy"], f["resource"]) for f in json.load(open(sys.argv[1]))["findings"]]
expected = [("ec2-sg-admin-ports-public", f"sg-{i:017x}") for i in range(0, int(sys.argv[2]), 10)]
if sorted(found) != sorted(expected):
    sys.exit(f"wrong findings: {len(found)} found, {len(expected)} expected")
print(len(found))
PY
)"
  : > "$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M %U %S' -a -o "$work/times" "$@" scan --policies "$root/policies" --state "$inventory" --format json > /dev/null
  done
  python3 - "$work/times" "$n" "$runs" "$findings" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip() and line[0].isdigit()]
wall = sorted(float(r[0]) for r in rows)
rss = statistics.median(int(r[1]) for r in rows) / 1024
cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows)
print(f"{sys.argv[2]:<8} {sys.argv[3]:>5} {wall[0]:9.2f} {statistics.median(wall):9.2f} {wall[-1]:9.2f} {cpu:10.2f} {rss:10.0f} {sys.argv[4]:>9}")
PY
done
