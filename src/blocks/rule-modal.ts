import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { COUNTABLE_OF_KIND, JOB_KINDS, RESOURCE_TYPES } from '../domain/index.js';
import { context, plain, section } from './kit.js';
import { MAX_PRIVATE_METADATA } from './query-modal.js';
import { plainText } from './text.js';

/** The callback_id of the rule modal; each input's block_id is `bj_rule_<field>`, its action `v`. */
export const RULE_MODAL = { callbackId: 'bj_rule', action: 'v' } as const;

/** The fields of the form, by the rules-file names that FieldErrors use. */
export const RULE_FORM_FIELDS = [
  'name',
  'kind',
  'channel',
  'states',
  'threshold',
  'window',
  'maxAge',
  'copies',
  'accounts',
  'regions',
  'resourceTypes',
  'vaults',
  'every',
  'renotify',
  'mention',
] as const;
export type RuleFormField = (typeof RULE_FORM_FIELDS)[number];

export function ruleBlockId(field: RuleFormField): string {
  return `bj_rule_${field}`;
}

/** The value the form shows for a field: text, a list, a number or a switch. */
export type RuleFormValue = string | number | boolean | readonly string[] | undefined;

export interface RuleModalInput {
  /** `create` starts empty (or from `values`); `edit` keeps the name fixed. */
  mode: 'create' | 'edit';
  values: Partial<Record<RuleFormField, RuleFormValue>>;
  /** The Regions the app reads: the Regions picker offers them. */
  regions: readonly string[];
  /** Where the answer goes and which version is edited, at most 3,000 characters. */
  metadata: string;
}

const KIND_LABEL: Record<string, string> = {
  backup: 'Backup jobs: count the jobs that ended in a window',
  copy: 'Copy jobs: count the copies that ended in a window',
  restore: 'Restore jobs: count restores and restore tests',
  stale: 'Stale resources: no good backup within an age',
};

function option(value: string, text = value): PlainTextOption {
  return { text: plain(text, 75), value };
}

const STATE_OPTIONS: PlainTextOption[] = [...new Set(JOB_KINDS.flatMap((k) => COUNTABLE_OF_KIND[k]))].map(
  (s) => option(s),
);

function text(value: RuleFormValue): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : undefined;
  return String(value);
}

function list(value: RuleFormValue): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function input(field: RuleFormField, label: string, element: InputBlock['element'], hint?: string) {
  return {
    type: 'input',
    block_id: ruleBlockId(field),
    label: plain(label, 2000),
    element,
    optional: field !== 'name' && field !== 'kind' && field !== 'channel',
    ...(hint ? { hint: plain(hint, 2000) } : {}),
  } satisfies InputBlock;
}

function textInput(value: RuleFormValue, placeholder: string) {
  const initial = text(value);
  return {
    type: 'plain_text_input' as const,
    action_id: RULE_MODAL.action,
    max_length: 500,
    placeholder: plain(placeholder, 150),
    ...(initial ? { initial_value: plainText(initial, 500) } : {}),
  };
}

function multiSelect(options: PlainTextOption[], chosen: string[], placeholder: string) {
  const initial = options.filter((o) => chosen.includes(o.value ?? ''));
  const extra = chosen.filter((c) => !options.some((o) => o.value === c)).map((c) => option(c));
  return {
    type: 'multi_static_select' as const,
    action_id: RULE_MODAL.action,
    placeholder: plain(placeholder, 150),
    options: [...options, ...extra].slice(0, 100),
    ...(initial.length + extra.length > 0 ? { initial_options: [...initial, ...extra] } : {}),
  };
}

function kindInput(value: RuleFormValue) {
  const options = [...JOB_KINDS, 'stale'].map((k) => option(k, KIND_LABEL[k]));
  const chosen = options.find((o) => o.value === (text(value) ?? 'backup'));
  return input('kind', 'What it watches', {
    type: 'radio_buttons',
    action_id: RULE_MODAL.action,
    options,
    ...(chosen ? { initial_option: chosen } : {}),
  });
}

function channelInput(value: RuleFormValue) {
  const initial = text(value);
  return input(
    'channel',
    'Post alerts in',
    {
      type: 'conversations_select',
      action_id: RULE_MODAL.action,
      placeholder: plain('Pick a channel', 150),
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(initial ? { initial_conversation: initial } : {}),
    },
    'In a private channel, invite me first with /invite @backup-jobs.',
  );
}

function countFields(v: RuleModalInput['values']): KnownBlock[] {
  const threshold = text(v.threshold);
  return [
    input(
      'states',
      'States to count (job rules)',
      multiSelect(STATE_OPTIONS, list(v.states), 'FAILED, PARTIAL…'),
      'Backup: FAILED, PARTIAL, ABORTED, EXPIRED, COMPLETED_WITH_ISSUES. Restore: also VALIDATION_FAILED, VALIDATION_TIMED_OUT.',
    ),
    input(
      'threshold',
      'Fire at this many or more',
      {
        type: 'number_input',
        action_id: RULE_MODAL.action,
        is_decimal_allowed: false,
        min_value: '1',
        ...(threshold ? { initial_value: threshold } : {}),
      },
      'Default 1.',
    ),
    input(
      'window',
      'Count what ended in the last (job rules)',
      textInput(v.window, '1h'),
      'Like 30m, 1h or 24h.',
    ),
    input(
      'maxAge',
      'Stale when the last good backup is older than (stale rules)',
      textInput(v.maxAge, '26h'),
      'Like 26h or 2d.',
    ),
    input('copies', 'Copies (stale rules)', {
      type: 'checkboxes',
      action_id: RULE_MODAL.action,
      options: [option('true', 'Watch copies to another Region or account, not backups')],
      ...(v.copies === true
        ? { initial_options: [option('true', 'Watch copies to another Region or account, not backups')] }
        : {}),
    }),
  ];
}

function scopeFields(v: RuleModalInput['values'], regions: readonly string[]): KnownBlock[] {
  return [
    input(
      'accounts',
      'Accounts',
      textInput(v.accounts, '123456789012, 210987654321 — or * for all'),
      'Comma-separated 12-digit ids; * for every account of the organisation. Empty: the default account.',
    ),
    input(
      'regions',
      'Regions',
      multiSelect(
        regions.map((r) => option(r)),
        list(v.regions),
        'Every Region',
      ),
    ),
    input(
      'resourceTypes',
      'Resource types',
      multiSelect(
        RESOURCE_TYPES.map((t) => option(t)),
        list(v.resourceTypes),
        'Every type',
      ),
    ),
    input('vaults', 'Vaults', textInput(v.vaults, 'prod, dr-vault'), 'Comma-separated vault names.'),
  ];
}

/**
 * The modal that makes or changes an alert rule: what it watches, where it posts, its threshold
 * and window (or age), its filters, how often it is evaluated, renotify and mention. Fields that
 * belong to one kind say so; a value that does not fit is answered under its field when submitted.
 */
export function ruleModal(m: RuleModalInput): ModalView {
  if (m.metadata.length > MAX_PRIVATE_METADATA)
    throw new RangeError('private_metadata over 3,000 characters');
  const v = m.values;
  const name = text(v.name);
  const blocks: KnownBlock[] = [
    m.mode === 'create'
      ? input(
          'name',
          'Rule name',
          textInput(v.name, 'prod-failures'),
          'Lower-case letters, digits and dashes.',
        )
      : section(`*Rule* \`${name ?? ''}\``, 'bj_rule_title'),
    kindInput(v.kind),
    channelInput(v.channel),
    ...countFields(v),
    ...scopeFields(v, m.regions),
    input('every', 'Evaluate every', textInput(v.every, '5m'), 'Default 5m; at least 5s.'),
    input('renotify', 'Remind while it fires, every', textInput(v.renotify, '4h'), 'Empty: no reminders.'),
    input(
      'mention',
      'Mention when it fires',
      textInput(v.mention, '@here'),
      '@here, @channel, <@U0123ABCD> or <!subteam^S0123ABCD>.',
    ),
    context([
      'Saved rules apply within seconds, without a restart. Every change is kept: `/backup-jobs alerts history`.',
    ]),
  ];
  return {
    type: 'modal',
    callback_id: RULE_MODAL.callbackId,
    private_metadata: m.metadata,
    title: plain(m.mode === 'create' ? 'New alert rule' : 'Edit alert rule', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
