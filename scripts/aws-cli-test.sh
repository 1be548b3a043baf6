#!/usr/bin/env bash
# The real AWS CLI against the AWS Backup emulator: every operation the product uses (backup, copy
# and restore jobs, protected resources, STS AssumeRole into a member account), filters, --page-size,
# --max-items with --starting-token, and invalid values. Prints ok/FAIL per check and exits non-zero
# on any failure. Needs `aws` (v1 or v2) and python3 on PATH.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v aws >/dev/null 2>&1; then
  echo "FAIL: the AWS CLI (aws) is not on PATH. Install it (pip install awscli, or the AWS CLI v2 installer) and run again." >&2
  exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "FAIL: python3 is not on PATH; this script reads the CLI's JSON with it." >&2
  exit 1
fi

work="$(mktemp -d)"
emulator_pid=""
stop_emulator() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    # The emulator runs in its own process group: stop npx, tsx and node together.
    kill -TERM -- "-$emulator_pid" 2>/dev/null || kill -TERM "$emulator_pid" 2>/dev/null
    wait "$emulator_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap stop_emulator EXIT

start=(npx tsx src/main.ts emulator --port 0 --seed 5 --jobs 2000 --accounts 3 --regions us-east-1,eu-west-1)
if command -v setsid >/dev/null 2>&1; then
  setsid "${start[@]}" >"$work/out" 2>"$work/err" &
else
  "${start[@]}" >"$work/out" 2>"$work/err" &
fi
emulator_pid=$!

port=""
for _ in $(seq 1 600); do
  port="$(sed -n 's#^AWS Backup emulator listening on http://127\.0\.0\.1:\([0-9]*\) .*#\1#p' "$work/out")"
  [ -n "$port" ] && break
  if ! kill -0 "$emulator_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "FAIL: the emulator did not start. Its output:" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
fi
echo "$(head -n 1 "$work/out")"

# Dummy credentials and a private config: nothing here can reach a real account.
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_BACKUP
export AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_CONFIG_FILE="$work/config"
printf '[default]\ncli_timestamp_format = iso8601\n' >"$AWS_CONFIG_FILE"
export AWS_PAGER=""

backup() { aws --endpoint-url "http://127.0.0.1:$port" --region "${REGION:-us-east-1}" --output json backup "$@"; }
sts() { aws --endpoint-url "http://127.0.0.1:$port" --region "${REGION:-us-east-1}" --output json sts "$@"; }
# admin <path> <file>: the emulator's admin API answer, for what a listing must hold.
admin() { python3 -c "import sys, urllib.request; open(sys.argv[2], 'wb').write(urllib.request.urlopen(sys.argv[1]).read())" "http://127.0.0.1:$port$1" "$2"; }
read -r management member dr <<<"$(sed -n 's#.* accounts \([0-9]*\), \([0-9]*\), \([0-9]*\), regions .*#\1 \2 \3#p' "$work/out")"
# json <file> <python expression over `d`>: prints the expression's value.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

failures=0
check() { # check <name> <command...>: ok when the command succeeds.
  local name="$1"
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

week_ago="$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S.500000Z"))')"

filters_ok() {
  backup list-backup-jobs --by-account-id '*' --by-state COMPLETED --by-resource-type EBS \
    --by-created-after "$week_ago" >"$work/filtered.json" || return 1
  [ "$(json "$work/filtered.json" "len(d['BackupJobs']) > 0 and all(j['State'] == 'COMPLETED' and j['ResourceType'] == 'EBS' for j in d['BackupJobs'])")" = True ]
}
check "list-backup-jobs with --by-state, --by-resource-type, --by-account-id, --by-created-after" filters_ok

timestamps_ok() {
  [ "$(json "$work/filtered.json" "d['BackupJobs'][0]['CreationDate'][:2] == '20' and d['BackupJobs'][0]['CreationDate'][10] == 'T'")" = True ]
}
check "timestamps parse as dates in the CLI" timestamps_ok

page_size_ok() {
  backup list-backup-jobs --by-account-id '*' >"$work/all.json" || return 1
  backup list-backup-jobs --by-account-id '*' --page-size 7 >"$work/paged.json" || return 1
  local all paged
  all="$(json "$work/all.json" "sorted(j['BackupJobId'] for j in d['BackupJobs'])")"
  paged="$(json "$work/paged.json" "sorted(j['BackupJobId'] for j in d['BackupJobs'])")"
  [ "$all" = "$paged" ] && [ "$(json "$work/all.json" "len(d['BackupJobs']) > 100")" = True ]
}
check "list-backup-jobs --page-size 7 pages to the same jobs" page_size_ok

max_items_ok() {
  local token="" seen="$work/seen.txt" round=0
  : >"$seen"
  while :; do
    round=$((round + 1))
    if [ -z "$token" ]; then
      backup list-backup-jobs --by-account-id '*' --by-state COMPLETED --max-items 150 --page-size 40 >"$work/chunk.json" || return 1
    else
      backup list-backup-jobs --by-account-id '*' --by-state COMPLETED --max-items 150 --page-size 40 \
        --starting-token "$token" >"$work/chunk.json" || return 1
    fi
    json "$work/chunk.json" "'\n'.join(j['BackupJobId'] for j in d['BackupJobs'])" >>"$seen"
    token="$(json "$work/chunk.json" "d.get('NextToken', '')")"
    [ -z "$token" ] && break
    [ "$round" -gt 500 ] && return 1
  done
  local want
  want="$(json "$work/all.json" "len([j for j in d['BackupJobs'] if j['State'] == 'COMPLETED'])")"
  [ "$round" -gt 2 ] && [ "$(sort "$seen" | uniq | wc -l)" -eq "$want" ] && [ "$(wc -l <"$seen")" -eq "$want" ]
}
check "list-backup-jobs --max-items with --starting-token yields every job once" max_items_ok

summaries_ok() {
  backup list-backup-job-summaries --aggregation-period SEVEN_DAYS --account-id ANY --state AGGREGATE_ALL \
    --resource-type AGGREGATE_ALL --message-category AGGREGATE_ALL >"$work/summaries.json" || return 1
  [ "$(json "$work/summaries.json" "d['AggregationPeriod'] == 'SEVEN_DAYS' and len(d['BackupJobSummaries']) == 3 and all(r['Count'] > 0 for r in d['BackupJobSummaries'])")" = True ]
}
check "list-backup-job-summaries SEVEN_DAYS, one total per account" summaries_ok

daily_ok() {
  REGION=eu-west-1 backup list-backup-job-summaries --aggregation-period ONE_DAY --max-results 500 >"$work/daily.json" || return 1
  # The 14 days up to today (UTC); today's may be missing when no job has run yet since midnight.
  local check="(lambda days, want: days <= want and want - days <= {max(want)})"
  check="$check({str(r['StartTime'])[:10] for r in d['BackupJobSummaries']},"
  check="$check {(__import__('datetime').datetime.now(__import__('datetime').timezone.utc).date() - __import__('datetime').timedelta(days=i)).isoformat() for i in range(14)})"
  [ "$(json "$work/daily.json" "$check and all(r['Region'] == 'eu-west-1' for r in d['BackupJobSummaries'])")" = True ]
}
check "list-backup-job-summaries ONE_DAY, the daily windows of the last 14 days in eu-west-1" daily_ok

describe_ok() {
  local id
  id="$(json "$work/all.json" "next(j['BackupJobId'] for j in d['BackupJobs'] if j.get('IsParent'))")"
  backup describe-backup-job --backup-job-id "$id" >"$work/describe.json" || return 1
  [ "$(json "$work/describe.json" "d['BackupJobId'] == '$id' and d['NumberOfChildJobs'] >= 2 and sum(d['ChildJobsInState'].values()) == d['NumberOfChildJobs']")" = True ]
}
check "describe-backup-job of a parent job" describe_ok

vaults_ok() {
  backup list-backup-vaults >"$work/vaults.json" || return 1
  [ "$(json "$work/vaults.json" "'Default' in [v['BackupVaultName'] for v in d['BackupVaultList']]")" = True ]
}
check "list-backup-vaults" vaults_ok

types_ok() {
  backup get-supported-resource-types >"$work/types.json" || return 1
  [ "$(json "$work/types.json" "len(d['ResourceTypes']) == 17 and 'SAP HANA on Amazon EC2' in d['ResourceTypes']")" = True ]
}
check "get-supported-resource-types" types_ok

invalid_ok() {
  if backup list-backup-jobs --by-state DONE >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q InvalidParameterValueException "$work/invalid.err"
}
check "an invalid --by-state fails with InvalidParameterValueException" invalid_ok

not_found_ok() {
  if backup describe-backup-job --backup-job-id NO-SUCH-JOB >"$work/missing.out" 2>"$work/missing.err"; then return 1; fi
  grep -q ResourceNotFoundException "$work/missing.err"
}
check "an unknown job id fails with ResourceNotFoundException" not_found_ok

# Copy jobs: ListCopyJobs (GET /copy-jobs/), DescribeCopyJob, ListCopyJobSummaries.
# ts <expression>: a python expression turning an ISO-8601 string into epoch seconds.
ts="__import__('datetime').datetime.fromisoformat"

copy_filters_ok() {
  backup list-copy-jobs --by-account-id '*' >"$work/copies.json" || return 1
  backup list-copy-jobs --by-account-id '*' --by-state COMPLETED --by-resource-type EBS \
    --by-created-after "$week_ago" >"$work/copies-filtered.json" || return 1
  [ "$(json "$work/copies-filtered.json" "len(d['CopyJobs']) > 0 and all(j['State'] == 'COMPLETED' and j['ResourceType'] == 'EBS' and $ts(j['CreationDate']) >= $ts('$week_ago'.replace('Z', '+00:00')) for j in d['CopyJobs'])")" = True ]
}
check "list-copy-jobs with --by-state, --by-resource-type, --by-account-id, --by-created-after" copy_filters_ok

copy_vault_ok() {
  local vault want
  vault="$(json "$work/copies.json" "next(j['DestinationBackupVaultArn'] for j in d['CopyJobs'] if j['DestinationBackupVaultArn'].endswith(':dr-vault'))")"
  backup list-copy-jobs --by-account-id '*' --by-destination-vault-arn "$vault" >"$work/copies-vault.json" || return 1
  want="$(json "$work/copies.json" "sorted(j['CopyJobId'] for j in d['CopyJobs'] if j['DestinationBackupVaultArn'] == '$vault')")"
  [ "$(json "$work/copies-vault.json" "sorted(j['CopyJobId'] for j in d['CopyJobs'])")" = "$want" ] && [ "$want" != "[]" ]
}
check "list-copy-jobs --by-destination-vault-arn" copy_vault_ok

copy_page_size_ok() {
  backup list-copy-jobs --by-account-id '*' --page-size 7 >"$work/copies-paged.json" || return 1
  [ "$(json "$work/copies.json" "sorted(j['CopyJobId'] for j in d['CopyJobs'])")" = "$(json "$work/copies-paged.json" "sorted(j['CopyJobId'] for j in d['CopyJobs'])")" ] &&
    [ "$(json "$work/copies.json" "len(d['CopyJobs']) > 50")" = True ]
}
check "list-copy-jobs --page-size 7 pages to the same copy jobs" copy_page_size_ok

# max_items_once <operation> <member> <id field> <expected count> <args...>: --max-items with
# --starting-token, page after page, yields each job once.
max_items_once() {
  local op="$1" member="$2" field="$3" want="$4" token="" seen="$work/seen-$1.txt" round=0
  shift 4
  : >"$seen"
  while :; do
    round=$((round + 1))
    if [ -z "$token" ]; then
      backup "$op" "$@" >"$work/chunk.json" || return 1
    else
      backup "$op" "$@" --starting-token "$token" >"$work/chunk.json" || return 1
    fi
    json "$work/chunk.json" "'\n'.join(j['$field'] for j in d['$member'])" >>"$seen"
    token="$(json "$work/chunk.json" "d.get('NextToken', '')")"
    [ -z "$token" ] && break
    [ "$round" -gt 500 ] && return 1
  done
  [ "$round" -gt 2 ] && [ "$(sort "$seen" | uniq | wc -l)" -eq "$want" ] && [ "$(wc -l <"$seen")" -eq "$want" ]
}

copy_max_items_ok() {
  max_items_once list-copy-jobs CopyJobs CopyJobId "$(json "$work/copies.json" "len(d['CopyJobs'])")" \
    --by-account-id '*' --max-items 60 --page-size 25
}
check "list-copy-jobs --max-items with --starting-token yields every copy job once" copy_max_items_ok

copy_describe_ok() {
  local id backup_id point
  id="$(json "$work/copies.json" "next(j['CopyJobId'] for j in d['CopyJobs'] if j['State'] == 'FAILED')")"
  backup describe-copy-job --copy-job-id "$id" >"$work/copy.json" || return 1
  [ "$(json "$work/copy.json" "d['CopyJob']['CopyJobId'] == '$id' and d['CopyJob']['MessageCategory'] != 'SUCCESS' and len(d['CopyJob']['StatusMessage']) > 20")" = True ] || return 1
  backup_id="$(json "$work/copy.json" "d['CopyJob']['CreatedByBackupJobId']")"
  point="$(json "$work/copy.json" "d['CopyJob']['SourceRecoveryPointArn']")"
  backup describe-backup-job --backup-job-id "$backup_id" >"$work/copy-source.json" || return 1
  [ "$(json "$work/copy-source.json" "d['RecoveryPointArn'] == '$point' and d['State'] == 'COMPLETED'")" = True ]
}
check "describe-copy-job of a failed copy, whose CreatedByBackupJobId describes as its backup job" copy_describe_ok

copy_summaries_ok() {
  backup list-copy-job-summaries --aggregation-period SEVEN_DAYS --account-id AGGREGATE_ALL --state AGGREGATE_ALL \
    --resource-type AGGREGATE_ALL --message-category AGGREGATE_ALL >"$work/copy-summaries.json" || return 1
  local want
  want="$(json "$work/copies.json" "len([j for j in d['CopyJobs'] if $ts(j['CreationDate']).timestamp() >= $ts(__import__('datetime').datetime.now(__import__('datetime').timezone.utc).date().isoformat() + 'T00:00:00+00:00').timestamp() - 6 * 86400])")"
  [ "$(json "$work/copy-summaries.json" "d['AggregationPeriod'] == 'SEVEN_DAYS' and len(d['CopyJobSummaries']) == 1 and d['CopyJobSummaries'][0]['Count'] == $want and $want > 0")" = True ]
}
check "list-copy-job-summaries SEVEN_DAYS counts every copy job of the week" copy_summaries_ok

# Restore jobs: ListRestoreJobs (GET /restore-jobs/), DescribeRestoreJob, ListRestoreJobSummaries.
restore_filters_ok() {
  backup list-restore-jobs --by-account-id '*' >"$work/restores.json" || return 1
  backup list-restore-jobs --by-account-id '*' --by-status COMPLETED --by-created-after "$week_ago" \
    >"$work/restores-filtered.json" || return 1
  [ "$(json "$work/restores-filtered.json" "len(d['RestoreJobs']) > 0 and all(j['Status'] == 'COMPLETED' and $ts(j['CreationDate']) >= $ts('$week_ago'.replace('Z', '+00:00')) for j in d['RestoreJobs'])")" = True ]
}
check "list-restore-jobs with --by-status, --by-account-id, --by-created-after" restore_filters_ok

restore_plan_ok() {
  local plan want
  plan="$(json "$work/restores.json" "next(j['CreatedBy']['RestoreTestingPlanArn'] for j in d['RestoreJobs'] if 'CreatedBy' in j)")"
  backup list-restore-jobs --by-account-id '*' --by-restore-testing-plan-arn "$plan" >"$work/restores-plan.json" || return 1
  want="$(json "$work/restores.json" "sorted(j['RestoreJobId'] for j in d['RestoreJobs'] if j.get('CreatedBy', {}).get('RestoreTestingPlanArn') == '$plan')")"
  [ "$(json "$work/restores-plan.json" "sorted(j['RestoreJobId'] for j in d['RestoreJobs'])")" = "$want" ] && [ "$want" != "[]" ]
}
check "list-restore-jobs --by-restore-testing-plan-arn" restore_plan_ok

restore_max_items_ok() {
  max_items_once list-restore-jobs RestoreJobs RestoreJobId "$(json "$work/restores.json" "len(d['RestoreJobs'])")" \
    --by-account-id '*' --max-items 20 --page-size 8
}
check "list-restore-jobs --max-items with --starting-token yields every restore job once" restore_max_items_ok

restore_describe_ok() {
  local id
  id="$(json "$work/restores.json" "next(j['RestoreJobId'] for j in d['RestoreJobs'] if j.get('ValidationStatus') in ('FAILED', 'TIMED_OUT'))")"
  backup describe-restore-job --restore-job-id "$id" >"$work/restore.json" || return 1
  [ "$(json "$work/restore.json" "d['RestoreJobId'] == '$id' and d['Status'] == 'COMPLETED' and len(d['ValidationStatusMessage']) > 10 and d['ExpectedCompletionTimeMinutes'] > 0 and 'restore-testing-plan:' in d['CreatedBy']['RestoreTestingPlanArn']")" = True ]
}
check "describe-restore-job of a restore test whose validation failed or timed out" restore_describe_ok

restore_summaries_ok() {
  backup list-restore-job-summaries --aggregation-period FOURTEEN_DAYS --account-id ANY --state ANY \
    --max-results 500 >"$work/restore-summaries.json" || return 1
  [ "$(json "$work/restore-summaries.json" "len(d['RestoreJobSummaries']) > 3 and all('MessageCategory' not in r and r['Count'] > 0 for r in d['RestoreJobSummaries'])")" = True ]
}
check "list-restore-job-summaries FOURTEEN_DAYS per account and state, without MessageCategory" restore_summaries_ok

kind_invalid_ok() {
  if backup list-copy-jobs --by-state PENDING >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q InvalidParameterValueException "$work/invalid.err" || return 1
  if backup list-restore-jobs --by-status PARTIAL >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q InvalidParameterValueException "$work/invalid.err" || return 1
  if backup describe-copy-job --copy-job-id NO-SUCH-COPY >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q ResourceNotFoundException "$work/invalid.err"
}
check "a backup-job state for copies, a copy state for restores and an unknown copy id are refused" kind_invalid_ok

# Protected resources: ListProtectedResources (GET /resources/), ListProtectedResourcesByBackupVault,
# and the same through a member account's credentials from STS AssumeRole.
arns() { json "$1" "sorted(r['ResourceArn'] for r in d['${2:-Results}'])"; }

resources_ok() {
  backup list-protected-resources >"$work/resources.json" || return 1
  admin "/_emulator/resources?accountId=$management&region=us-east-1" "$work/resources-admin.json" || return 1
  [ "$(arns "$work/resources.json")" = "$(arns "$work/resources-admin.json" resources)" ] &&
    [ "$(json "$work/resources.json" "len(d['Results']) > 5 and all(r['LastBackupVaultArn'].startswith('arn:aws:backup:us-east-1:$management:') and r['LastBackupTime'][:2] == '20' for r in d['Results'])")" = True ]
}
check "list-protected-resources lists the management account's resources in the Region" resources_ok

resources_pages_ok() {
  backup list-protected-resources --page-size 3 >"$work/resources-paged.json" || return 1
  [ "$(arns "$work/resources.json")" = "$(arns "$work/resources-paged.json")" ] &&
    max_items_once list-protected-resources Results ResourceArn "$(json "$work/resources.json" "len(d['Results'])")" \
      --max-items 4 --page-size 2
}
check "list-protected-resources --page-size, and --max-items with --starting-token, yield each resource once" resources_pages_ok

resources_token_ok() {
  if backup list-protected-resources --no-paginate --next-token forged >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q InvalidParameterValueException "$work/invalid.err"
}
check "list-protected-resources refuses a forged --next-token with InvalidParameterValueException" resources_token_ok

vault_resources_ok() {
  backup list-protected-resources-by-backup-vault --backup-vault-name Default \
    --backup-vault-account-id "$management" >"$work/vault-resources.json" || return 1
  [ "$(json "$work/vault-resources.json" "len(d['Results']) > 0 and all(r['LastBackupVaultArn'] == 'arn:aws:backup:us-east-1:$management:backup-vault:Default' for r in d['Results'])")" = True ] || return 1
  if backup list-protected-resources-by-backup-vault --backup-vault-name no-such-vault >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q ResourceNotFoundException "$work/invalid.err" || return 1
  if backup list-protected-resources-by-backup-vault --backup-vault-name dr-vault --backup-vault-account-id "$dr" \
    >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q AccessDeniedException "$work/invalid.err"
}
check "list-protected-resources-by-backup-vault: a vault's resources; an unknown vault and another account's refused" vault_resources_ok

# as_member <account> <command...>: runs the command with the credentials AssumeRole gives for the account.
as_member() {
  local account="$1"
  shift
  sts assume-role --role-arn "arn:aws:iam::$account:role/OrganizationAccountAccessRole" \
    --role-session-name aws-cli-test >"$work/assumed.json" || return 1
  AWS_ACCESS_KEY_ID="$(json "$work/assumed.json" "d['Credentials']['AccessKeyId']")" \
    AWS_SECRET_ACCESS_KEY="$(json "$work/assumed.json" "d['Credentials']['SecretAccessKey']")" \
    AWS_SESSION_TOKEN="$(json "$work/assumed.json" "d['Credentials']['SessionToken']")" "$@"
}

member_resources_ok() {
  as_member "$member" backup list-protected-resources >"$work/member-resources.json" || return 1
  [ "$(json "$work/assumed.json" "d['AssumedRoleUser']['Arn']")" = "arn:aws:sts::$member:assumed-role/OrganizationAccountAccessRole/aws-cli-test" ] || return 1
  admin "/_emulator/resources?accountId=$member&region=us-east-1" "$work/member-admin.json" || return 1
  [ "$(arns "$work/member-resources.json")" = "$(arns "$work/member-admin.json" resources)" ] &&
    [ "$(arns "$work/member-resources.json")" != "$(arns "$work/resources.json")" ] &&
    [ "$(json "$work/member-resources.json" "len(d['Results']) > 5 and all(':$member:' in r['LastBackupVaultArn'] for r in d['Results'])")" = True ]
}
check "sts assume-role into a member account, then list-protected-resources lists that account's" member_resources_ok

member_jobs_ok() {
  as_member "$dr" backup list-backup-jobs --by-account-id '*' >"$work/member-jobs.json" || return 1
  as_member "$dr" sts get-caller-identity >"$work/identity.json" || return 1
  [ "$(json "$work/identity.json" "d['Account']")" = "$dr" ] &&
    [ "$(json "$work/member-jobs.json" "len(d['BackupJobs']) > 0 and all(j['AccountId'] == '$dr' for j in d['BackupJobs'])")" = True ]
}
check "a member account's credentials list its own backup jobs only, and get-caller-identity names it" member_jobs_ok

assume_denied_ok() {
  if sts assume-role --role-arn "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole" \
    --role-session-name aws-cli-test >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q AccessDenied "$work/invalid.err" || return 1
  if sts assume-role --role-arn "arn:aws:iam::$member:role/SomeOtherRole" \
    --role-session-name aws-cli-test >"$work/invalid.out" 2>"$work/invalid.err"; then return 1; fi
  grep -q AccessDenied "$work/invalid.err"
}
check "sts assume-role into an account outside the organisation, or another role, is AccessDenied" assume_denied_ok

if [ "$failures" -gt 0 ]; then
  echo "$failures AWS CLI check(s) failed." >&2
  exit 1
fi
echo "All AWS CLI checks passed."
