#!/usr/bin/env bash
# Builds the package template.yaml deploys (CodeUri publish/): the Native AOT executable `bootstrap`
# of functions/OpsBot.Lambda and the policies it reads at run time (OPSBOT_POLICIES=/var/task/policies).
# docs/deploy.md, .ci/run and tests/OpsBot.Infra.Tests all build it with this one command.
#
# Usage: scripts/build-lambda.sh OUTDIR [RID]
#   OUTDIR  folder to publish into (created; for sam deploy: publish)
#   RID     linux-arm64 or linux-x64; defaults to this machine's. Native AOT does not cross-compile
#           between architectures, so build arm64 on an arm64 host.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || -z "$1" ]]; then
  echo "usage: $0 OUTDIR [linux-arm64|linux-x64]" >&2
  exit 2
fi

host_rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
rid="${2:-$host_rid}"
case "$rid" in
  linux-arm64 | linux-x64) ;;
  *) echo "build-lambda: RID '$rid' is not linux-arm64 or linux-x64" >&2; exit 2 ;;
esac
if [[ "$rid" != "$host_rid" ]]; then
  echo "build-lambda: this machine builds $host_rid; Native AOT cannot build $rid here (use a $rid host)" >&2
  exit 2
fi

mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."

dotnet publish functions/OpsBot.Lambda -c Release -r "$rid" -o "$out"

# The functions load the policies from the package; a fresh copy, so a deleted policy does not linger.
rm -rf "$out/policies"
cp -r policies "$out/policies"

echo "build-lambda: $out/bootstrap ($rid) and $out/policies"
