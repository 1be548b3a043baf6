/** The views and blocks the test app of playground-views.test.ts sends, as Slack's docs shape them. */

type Json = Record<string, unknown>;
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });

export const KIND_OPTIONS = {
  backup: option('Backup jobs', 'backup'),
  copy: option('Copy jobs', 'copy'),
  restore: option('Restore jobs', 'restore'),
};
export const STATE_OPTIONS = ['FAILED', 'PARTIAL', 'ABORTED', 'EXPIRED'].map((s) => option(s, s));
export const FLAG_OPTIONS = [option('Mute at night', 'mute'), option('Mention the channel', 'mention')];
export const MODE_OPTIONS = [option('At once', 'now'), option('In a daily digest', 'digest')];
export const REGION_OPTIONS = [option('us-east-1', 'us-east-1'), option('eu-west-1', 'eu-west-1')];

const input = (blockId: string, label: string, element: Json, extra: Json = {}) => ({
  type: 'input',
  block_id: blockId,
  label: plain(label),
  element: { action_id: `${blockId}_input`, ...element },
  ...extra,
});

/** The rule form: every input the playground draws, and a note of the Region the app last heard of. */
export function ruleForm(picked?: string): Json {
  return {
    type: 'modal',
    callback_id: 'rule_form',
    notify_on_close: true,
    title: plain('New alert rule'),
    submit: plain('Save rule'),
    close: plain('Cancel'),
    blocks: [
      input('name', 'Rule name', { type: 'plain_text_input', placeholder: plain('nightly-failures') }),
      input(
        'notes',
        'Notes',
        { type: 'plain_text_input', multiline: true },
        { optional: true, hint: plain('Shown under each alert.') },
      ),
      input('threshold', 'Fire at', {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '100',
        initial_value: '3',
      }),
      input('kind', 'What it watches', {
        type: 'static_select',
        option_groups: [
          { label: plain('Jobs'), options: [KIND_OPTIONS.backup, KIND_OPTIONS.copy] },
          { label: plain('Tests'), options: [KIND_OPTIONS.restore] },
        ],
        initial_option: KIND_OPTIONS.backup,
      }),
      input('states', 'States', { type: 'multi_static_select', options: STATE_OPTIONS }, { optional: true }),
      input('channel', 'Post in', {
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      }),
      input('owner', 'Owner', { type: 'users_select', initial_user: 'U0ALICE' }),
      input('flags', 'Options', { type: 'checkboxes', options: FLAG_OPTIONS }, { optional: true }),
      input('mode', 'Delivery', {
        type: 'radio_buttons',
        options: MODE_OPTIONS,
        initial_option: MODE_OPTIONS[0],
      }),
      input(
        'region',
        'Region',
        { type: 'static_select', options: REGION_OPTIONS },
        { dispatch_action: true, optional: true },
      ),
      ...(picked
        ? [{ type: 'context', block_id: 'picked', elements: [{ type: 'mrkdwn', text: `Picked ${picked}` }] }]
        : []),
      {
        type: 'actions',
        block_id: 'more',
        elements: [{ type: 'button', action_id: 'preview', text: plain('Preview'), value: 'p' }],
      },
    ],
  };
}

export function previewModal(): Json {
  return {
    type: 'modal',
    callback_id: 'preview',
    title: plain('Preview'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'This is how the alert will look.' } }],
  };
}

export function savedModal(name: string): Json {
  return {
    type: 'modal',
    callback_id: 'saved',
    notify_on_close: true,
    title: plain('Rule saved'),
    close: plain('Done'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Saved *${name}*.` } }],
  };
}

export function homeView(user: string, refreshed: number): Json {
  return {
    type: 'home',
    callback_id: 'home',
    blocks: [
      { type: 'header', text: plain('Backup jobs') },
      { type: 'section', text: { type: 'mrkdwn', text: `Hello <@${user}>, refreshed ${refreshed} times.` } },
      {
        type: 'actions',
        block_id: 'home_nav',
        elements: [{ type: 'button', action_id: 'home_refresh', text: plain('Refresh'), value: 'r' }],
      },
    ],
  };
}

/** Twelve jobs, unsorted: sizes and names sort differently, so a sort by either is visible. */
export const JOBS = [
  ['job-07', 'COMPLETED', 700],
  ['job-02', 'FAILED', 20],
  ['job-11', 'COMPLETED', 1100],
  ['job-05', 'PARTIAL', 5],
  ['job-01', 'COMPLETED', 9000],
  ['job-09', 'FAILED', 90],
  ['job-03', 'COMPLETED', 300],
  ['job-12', 'ABORTED', 12],
  ['job-04', 'COMPLETED', 4],
  ['job-10', 'FAILED', 1000],
  ['job-06', 'COMPLETED', 60],
  ['job-08', 'EXPIRED', 8],
] as const;

const raw = (text: string) => ({ type: 'raw_text', text });
const rich = (text: string) => ({
  type: 'rich_text',
  elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text, style: { bold: true } }] }],
});

export function reportBlocks(): Json[] {
  return [
    {
      type: 'data_table',
      block_id: 'jobs_table',
      caption: 'Backup jobs, last 24 hours',
      page_size: 5,
      rows: [
        [raw('Job'), raw('State'), raw('Size (GB)')],
        ...JOBS.map(([job, state, size]) => [
          raw(job),
          rich(state),
          { type: 'raw_number', value: size, text: `${size}` },
        ]),
      ],
    },
    {
      type: 'data_visualization',
      block_id: 'jobs_chart',
      title: 'Jobs by day',
      chart: {
        type: 'bar',
        series: [
          {
            name: 'Completed',
            data: [
              { label: 'Mon', value: 12 },
              { label: 'Tue', value: 15 },
              { label: 'Wed', value: 9 },
              { label: 'Thu', value: 14 },
            ],
          },
          {
            name: 'Failed',
            data: [
              { label: 'Mon', value: 2 },
              { label: 'Tue', value: 0 },
              { label: 'Wed', value: 4 },
              { label: 'Thu', value: 1 },
            ],
          },
        ],
        axis_config: { categories: ['Mon', 'Tue', 'Wed', 'Thu'], x_label: 'Day', y_label: 'Jobs' },
      },
    },
    {
      type: 'data_visualization',
      block_id: 'state_pie',
      title: 'Jobs by state',
      chart: {
        type: 'pie',
        segments: [
          { label: 'Completed', value: 50 },
          { label: 'Failed', value: 7 },
          { label: 'Partial', value: 3 },
        ],
      },
    },
  ];
}

export function trendBlocks(): Json[] {
  const series = (name: string, values: number[]) => ({
    name,
    data: ['W1', 'W2', 'W3'].map((label, i) => ({ label, value: values[i] })),
  });
  const axis_config = { categories: ['W1', 'W2', 'W3'], x_label: 'Week', y_label: 'GB' };
  return [
    {
      type: 'data_visualization',
      title: 'Backed up per week',
      chart: {
        type: 'line',
        series: [series('Prod', [40, 55, 50]), series('Dev', [10, 12, 20])],
        axis_config,
      },
    },
    {
      type: 'data_visualization',
      title: 'Stored per week',
      chart: { type: 'area', series: [series('Vault A', [100, 120, 150])], axis_config },
    },
  ];
}
