/** The parts of the query language help explains, in the order it shows them. */
export const HELP_TOPICS = ['lists', 'windows', 'filters', 'summaries', 'details', 'alerts'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** What each topic says before its examples (mrkdwn, written here, so no escaping needed). */
export const TOPIC_TEXT: Readonly<Record<HelpTopic, { title: string; body: string }>> = {
  lists: {
    title: ':clipboard: Lists',
    body:
      'States and filters in any order: `failed` `partial` `completed` `running` `pending` `created` ' +
      '`aborted` `aborting` `expired`, several at once, and `with issues` (completed with a warning). ' +
      'Add `public` to post the answer in the channel.',
  },
  windows: {
    title: ':calendar: Time windows',
    body:
      'Rolling: `last 3 days`, `past 12 hours`, `24h`, `7d`. Calendar, in your time zone (weeks start ' +
      'Monday): `today`, `yesterday`, `this week`, `last week`, `this month`, `last month`. Ranges: ' +
      '`since monday`, `before nov 3`, `between nov 1 and nov 3`. `completed &lt;window&gt;` filters on ' +
      'completion time, otherwise on creation time. AWS keeps jobs for 30 days.',
  },
  filters: {
    title: ':mag: Filters',
    body:
      '`vault:NAME` `type:rds` `account:ID` (`account:*` for the whole organisation) `region:eu-west-1` ' +
      '`resource:ARN` `parent:JOB_ID` `category:AccessDenied`.',
  },
  summaries: {
    title: ':bar_chart: Summaries',
    body:
      '`summary` gives daily counts for 14 days; `summary 7d` and `summary 14d` give totals by state, ' +
      'account and resource type. Filters work here too.',
  },
  details: {
    title: ':page_facing_up: Job details',
    body: '`job &lt;backup-job-id&gt;`, or press *Details* beside any job in a list.',
  },
  alerts: {
    title: ':rotating_light: Alerts',
    body: '`alerts` shows the alert rules and what is firing; `alerts mute &lt;rule&gt; 2h` and `alerts unmute &lt;rule&gt;`.',
  },
};

const TOPIC_WORDS: Readonly<Record<string, HelpTopic>> = {
  list: 'lists',
  lists: 'lists',
  states: 'lists',
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
  alert: 'alerts',
  alerts: 'alerts',
};

/** The topic a word after `help` names, if any. */
export function topicOf(word: string | undefined): HelpTopic | undefined {
  return word === undefined ? undefined : TOPIC_WORDS[word.trim().toLowerCase()];
}

const WINDOW_WORDS =
  /\b(last|past|today|yesterday|since|after|before|until|between|from|week|month|\d+\s*[hdw])\b/i;

/** Which topic an example belongs to, read from its text when the caller did not say. */
export function classifyExample(text: string): HelpTopic {
  const t = text.trim().toLowerCase();
  if (t.startsWith('summary')) return 'summaries';
  if (t.startsWith('job ')) return 'details';
  if (t.startsWith('alerts')) return 'alerts';
  if (/\b[a-z]+:\S/.test(t)) return 'filters';
  if (WINDOW_WORDS.test(t)) return 'windows';
  return 'lists';
}
