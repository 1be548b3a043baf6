/**
 * Queries shown by the help message: together they cover every form of the language, every kind
 * of job and the questions about protection gaps. Each one parses on any day (no fixed dates), which a test checks.
 */
export const QUERY_EXAMPLES: readonly { text: string; description: string }[] = [
  {
    text: 'failed or partial since monday 9am type:rds account:*',
    description: 'several states, a time since a weekday and hour, a resource type, every account',
  },
  { text: 'failures last 3 days vault:prod', description: 'a rolling window and one backup vault' },
  {
    text: 'completed with issues yesterday region:eu-west-1 region:us-east-1',
    description: 'COMPLETED jobs whose message is not SUCCESS, one calendar day, two regions',
  },
  {
    text: 'completed today 25 per page',
    description: 'jobs that completed today (completion time), 25 a page',
  },
  {
    text: 'failed completed this week account:123456789012',
    description: 'FAILED jobs that ended this week (weeks start Monday) in one account',
  },
  {
    text: 'running pending 24h public',
    description: 'jobs still going, created in the last 24 hours, posted in the channel',
  },
  { text: 'between 7 days ago and yesterday ebs', description: 'a range of whole days, EBS volumes' },
  {
    text: 'errors before yesterday category:AccessDenied',
    description: 'created before a day (back to the 30 days AWS keeps), one message category',
  },
  {
    text: 'aborted expired last week resource:arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc12 limit:20',
    description: 'last calendar week, one resource, 20 jobs a page',
  },
  {
    text: 'parent:4B7B3A0C-1234-5678-9ABC-DEF012345678 since 9am',
    description: 'child jobs of one parent job since 9:00 (yesterday if it is not 9 yet)',
  },
  {
    text: 'copies failed last 7 days to vault:dr-vault',
    description: 'copy jobs into one destination vault that failed this past week',
  },
  {
    text: 'copies from vault:prod with issues yesterday',
    description: 'copy jobs out of one vault that completed with a warning yesterday',
  },
  {
    text: 'restore tests failed this week',
    description: 'restore tests that failed, or whose validation failed, since Monday',
  },
  {
    text: 'restores timed out since friday plan:arn:aws:backup:eu-west-1:123456789012:restore-testing-plan:weekly-1a2b3c',
    description: 'restore tests of one restore testing plan whose validation timed out',
  },
  { text: 'summary daily type:ec2 failed', description: 'daily FAILED EC2 counts for the last 14 days' },
  { text: 'restore summary 7d', description: 'restore job totals by state for the last 7 days' },
  { text: 'summary 14d account:*', description: 'totals for the last 14 days across the organisation' },
  { text: 'job 4B7B3A0C-1234-5678-9ABC-DEF012345678', description: 'one job in detail, of any kind' },
  { text: 'copy job 9C0F6E1B-2D55-4E1A-8B7C-0123456789AB', description: 'one copy job in detail' },
  {
    text: 'stale 24h type:rds account:*',
    description: 'RDS resources across the organisation with no good backup in the last 24 hours',
  },
  {
    text: 'stale copies 2d region:eu-west-1',
    description: 'resources in eu-west-1 whose last copy is older than 2 days',
  },
  {
    text: 'coverage type:rds,ebs',
    description: 'RDS and EBS resources by account and Region: fresh, stale or never backed up',
  },
  {
    text: 'resource arn:aws:rds:eu-west-1:123456789012:db:orders',
    description: "one resource's last backups and copies (a name works too: resource orders)",
  },
  {
    text: 'alerts mute prod-failures 2h',
    description: 'silence an alert rule for two hours (also unmute, test)',
  },
  {
    text: 'alerts new',
    description: 'make an alert rule in a form (alert admins; also edit, pause, resume, delete, history)',
  },
];
