#!/usr/bin/env bash
# Rolls infra/member-account.yaml out to the member accounts: uploads it under a key named after
# its content and points the organization stack's StackSet at that URL. CloudFormation compares
# TemplateURL as text, so re-uploading to the same key and deploying again is "no changes" and the
# stack instances keep the old template; a new key per version makes every change an update.
# The other parameters of the organization stack keep their values.
#
# Usage: scripts/update-member-stackset.sh BUCKET [ORGANIZATION_STACK]
#   BUCKET              S3 bucket in this (management or delegated administrator) account
#   ORGANIZATION_STACK  the stack of infra/organization.yaml (default opsbot-organization)
# Needs the stack to exist already (the first deploy is in docs/deploy.md step 4).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || -z "$1" ]]; then
  echo "usage: $0 BUCKET [ORGANIZATION_STACK]" >&2
  exit 2
fi
bucket="$1"
stack="${2:-opsbot-organization}"
cd "$(dirname "$0")/.."

version="$(sha256sum infra/member-account.yaml | cut -c1-12)"
key="opsbot/member-account-$version.yaml"
url="https://$bucket.s3.amazonaws.com/$key"

aws s3 cp --only-show-errors infra/member-account.yaml "s3://$bucket/$key"
aws cloudformation deploy --stack-name "$stack" \
  --template-file infra/organization.yaml \
  --parameter-overrides "MemberTemplateURL=$url" \
  --no-fail-on-empty-changeset

echo "update-member-stackset: $stack's StackSet now uses $url"
