import { COPY_JOB_STATES, RESTORE_JOB_STATES } from '../domain/index.js';

/** The parts of the query language help explains, in the order it shows them. */
export const HELP_TOPICS = [
  'lists',
  'kinds',
  'windows',
  'filters',
  'summaries',
  'details',
  'protection',
  'alerts',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** `created` `running` …: states as people type them. */
function wordsOf(states: readonly string[]): string {
  return states.map((s) => `\`${s.toLowerCase()}\``).join(' ');
}

/** What each topic says before its examples (mrkdwn, written here, so no escaping needed). */
export const TOPIC_TEXT: Readonly<Record<HelpTopic, { title: string; body: string }>> = {
  lists: {
    title: ':clipboard: Lists',
    body:
      'States and filters in any order: `failed` `partial` `completed` `running` `pending` `created` ' +
      '`aborted` `aborting` `expired`, several at once, and `with issues` (completed with a warning). ' +
      'Add `public` (or `share`, `in channel`) to post the answer in the channel. Plain words work too: ' +
      '`failed in the prod vault`, `failed rds instances in all accounts`, `failed with access denied`, ' +
      '`running right now`; a misspelt word is read as the one word it is near, and the answer says so.',
  },
  kinds: {
    title: ':arrows_counterclockwise: Copies and restores',
    body:
      'Backup jobs unless you name another kind, first or anywhere: `copies` (or `copy jobs`), ' +
      '`restores`, `restore tests` (restores a restore testing plan started). ' +
      `Copies: \`to vault:NAME\`, \`from vault:NAME\` (\`vault:\` is either side); states ${wordsOf(COPY_JOB_STATES)}. ` +
      `Restores: states ${wordsOf(RESTORE_JOB_STATES)}, and \`failed\` includes restore tests whose validation ` +
      'failed; `timed out` is a validation that timed out; filters `type:` `account:` `parent:` `plan:ARN`. ' +
      'Also `copy summary 7d`, `restore job &lt;id&gt;`.',
  },
  windows: {
    title: ':calendar: Time windows',
    body:
      'Rolling: `last 3 days`, `past 12 hours`, `24h`, `7d`. Calendar, in your time zone (weeks start ' +
      'Monday): `today`, `yesterday`, `this week`, `last week`, `this month`, `last month`. Ranges: ' +
      '`since monday`, `before nov 3`, `between nov 1 and nov 3`. `completed &lt;window&gt;` filters on ' +
      'completion time, otherwise on creation time. Also `within the last 6 hours`, `over the weekend` ' +
      '(Saturday and Sunday), `last night` (18:00–06:00), `this morning` (06:00–12:00), `afternoon` ' +
      '(12:00–18:00), `evening` (18:00–24:00), `on the 20th`, `from yesterday` (that day), ' +
      '`yesterday between 1am and 3am`, `friday 9-17`, and dates as your region writes them (`20/11`, ' +
      '`11/20` in the Americas; `2026-11-20` everywhere). AWS keeps jobs for 30 days.',
  },
  filters: {
    title: ':mag: Filters',
    body:
      '`vault:NAME` `type:rds` `account:ID` (`account:*` for the whole organisation) `region:eu-west-1` ' +
      '`resource:ARN` `parent:JOB_ID` `category:AccessDenied`. Copies also take `to vault:NAME` ' +
      '(`dest:`), `from vault:NAME` (`source:`) and `recovery-point:ARN`; restores `plan:ARN`.',
  },
  summaries: {
    title: ':bar_chart: Summaries',
    body:
      '`summary` gives daily counts for 14 days; `summary 7d` and `summary 14d` give totals by state, ' +
      'account and resource type; `summary by account` (or `region`, `resource type`, `state`) one of them. ' +
      'Filters work here too, and so do kinds: `copy summary 7d`, `weekly summary`. Questions: ' +
      '`how many failed last 24h` counts by state, `top failing resources last 7 days` ranks resources.',
  },
  details: {
    title: ':page_facing_up: Job details',
    body:
      '`job &lt;job-id&gt;` finds a backup, copy or restore job by its id, in any case, or by its first ' +
      '8 characters or more (jobs of the last 30 days); when several ids start that way, it lists them to ' +
      'pick from. `copy job &lt;id&gt;` and `restore job &lt;id&gt;` look for that kind only. Or press ' +
      '*Details* beside any job in a list.',
  },
  protection: {
    title: ':shield: Protection gaps',
    body:
      '`stale 24h` lists resources whose last good backup is older than the age (26 hours when none is ' +
      'given); `stale copies 48h` looks at their copies instead. `coverage` counts resources by type, ' +
      'account and Region: fresh, stale or never backed up. `resource &lt;ARN or name&gt;` shows one ' +
      "resource's backups and copies. Filters: `account:` (`account:*`), `region:`, `type:`, `vault:`, " +
      'several at once (`type:rds,ebs`). Ages reach back 365 days, copies 30 (what AWS keeps of copy jobs).',
  },
  alerts: {
    title: ':rotating_light: Alerts',
    body:
      '`alerts` shows the alert rules and what is firing; `alerts mute &lt;rule&gt; 2h` and `alerts unmute &lt;rule&gt;` ' +
      '(from a button, they ask first). ' +
      'Alert admins make and change rules in a form: `alerts new`, `alerts edit &lt;rule&gt;`, `alerts pause|resume|delete &lt;rule&gt;`; ' +
      '`alerts history [rule]` shows who changed what. The Home tab of the app shows it all at a glance.',
  },
};

const TOPIC_WORDS: Readonly<Record<string, HelpTopic>> = {
  list: 'lists',
  lists: 'lists',
  states: 'lists',
  kinds: 'kinds',
  kind: 'kinds',
  copies: 'kinds',
  copy: 'kinds',
  restores: 'kinds',
  restore: 'kinds',
  tests: 'kinds',
  window: 'windows',
  windows: 'windows',
  time: 'windows',
  dates: 'windows',
  date: 'windows',
  filter: 'filters',
  filters: 'filters',
  summary: 'summaries',
  summaries: 'summaries',
  job: 'details',
  details: 'details',
  protection: 'protection',
  protected: 'protection',
  gaps: 'protection',
  gap: 'protection',
  stale: 'protection',
  coverage: 'protection',
  resource: 'protection',
  resources: 'protection',
  alert: 'alerts',
  alerts: 'alerts',
};

/** The topic a word after `help` names, if any. */
export function topicOf(word: string | undefined): HelpTopic | undefined {
  return word === undefined ? undefined : TOPIC_WORDS[word.trim().toLowerCase()];
}

const WINDOW_WORDS =
  /\b(last|past|today|yesterday|since|after|before|until|between|from|week|month|\d+\s*[hdw])\b/i;

const KIND_LEAD = /^(cop(y|ies)|restores?)\b/;
const GAP_LEAD = /^(stale|coverage|resource)\b/;

/** Which topic an example belongs to, read from its text when the caller did not say. */
export function classifyExample(text: string): HelpTopic {
  const t = text.trim().toLowerCase();
  if (GAP_LEAD.test(t)) return 'protection';
  if (KIND_LEAD.test(t)) return 'kinds';
  if (t.startsWith('summary')) return 'summaries';
  if (t.startsWith('job ')) return 'details';
  if (t.startsWith('alerts')) return 'alerts';
  if (/\b[a-z]+:\S/.test(t)) return 'filters';
  if (WINDOW_WORDS.test(t)) return 'windows';
  return 'lists';
}
