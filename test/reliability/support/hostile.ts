import { ACTION } from '../../../src/blocks/index.js';
import { seeded } from '../../helpers/fuzz.js';

/** A block_actions payload as Slack sends it for U0ALICE in #ops; `patch` replaces top-level fields. */
export function clickPayload(
  responseUrl: string,
  action: Record<string, unknown>,
  patch: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U0ALICE', username: 'alice', team_id: 'T0DEMO' },
    team: { id: 'T0DEMO', domain: 'demo' },
    channel: { id: 'C0OPS', name: 'ops' },
    container: { type: 'message', message_ts: '1.000001', channel_id: 'C0OPS', is_ephemeral: true },
    api_app_id: 'A0BJB',
    token: 'x',
    response_url: responseUrl,
    trigger_id: '1.2.3',
    actions: [{ block_id: 'b', type: 'button', action_ts: '1.2', ...action }],
    ...patch,
  };
}

export function formOf(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A click the bot must answer at its response_url (`answered`), or may just acknowledge. */
export interface HostileClick {
  label: string;
  payload(responseUrl: string): unknown;
  answered: boolean;
  /** A broken shape: a 400 is as right as an acknowledged no-op. */
  mayRefuse?: boolean;
  /** The answer must match this, when given. */
  says?: RegExp;
}

function flip(text: string, at: number): string {
  const c = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + c + text.slice(at + 1);
}

/**
 * `count` clicks with tampered values and shapes: forged cursor ids, someone else's cursor, odd
 * types, unknown action ids, missing or broken fields. `cursor` is Alice's, `othersCursor` Bob's.
 */
export function tamperedClicks(
  count: number,
  cursor: string,
  othersCursor: string,
  seed = 5,
): HostileClick[] {
  const rand = seeded(seed);
  const paging = [ACTION.next, ACTION.prev, ACTION.share, ACTION.exportCsv, ACTION.chart];
  const values: [string, unknown, RegExp | undefined][] = [
    ['one character changed', () => flip(cursor, Math.floor(rand() * cursor.length)), /expired/i],
    ['cut short', cursor.slice(0, 21), /expired/i],
    ['someone else’s cursor', othersCursor, /someone else/],
    ['random id', 'Zm9yZ2VkLWN1cnNvci1pZA', /expired/i],
    ['empty', '', undefined],
    ['2,000 characters', 'A'.repeat(2000), undefined],
    ['path', '../../../etc/passwd', undefined],
    ['JSON', '{"$gt":""}', undefined],
    ['emoji', '🦄'.repeat(100), undefined],
    ['null', null, undefined],
    ['number', 12345, undefined],
    ['object', { id: cursor }, undefined],
  ];
  const clicks: HostileClick[] = [];
  for (let i = 0; clicks.length < count; i++) {
    const kind = i % 4;
    if (kind <= 1) {
      const actionId = paging[Math.floor(rand() * paging.length)]!;
      const [name, raw, says] = values[Math.floor(rand() * values.length)]!;
      const value = typeof raw === 'function' ? (raw as () => string)() : raw;
      const byString = typeof value === 'string' && value !== '';
      clicks.push({
        label: `${actionId} with ${name}`,
        payload: (url) => clickPayload(url, { action_id: actionId, value }),
        answered: byString,
        // Chart buttons carry saved-query ids, not cursor ids: any clear refusal will do there.
        ...(byString && says && actionId !== ACTION.chart ? { says } : {}),
      });
    } else if (kind === 2) {
      const target = [
        '',
        'x',
        'eu-west-1/',
        'eu-west-1/../../x',
        `us-east-1/${'9'.repeat(300)}`,
        'mars-1/ABC',
      ];
      const value = target[Math.floor(rand() * target.length)]!;
      clicks.push({
        label: `details of "${value.slice(0, 20)}"`,
        payload: (url) => clickPayload(url, { action_id: `${ACTION.details}:0`, value }),
        answered: true,
      });
    } else {
      const shapes: [string, (url: string) => unknown][] = [
        ['unknown action id', (url) => clickPayload(url, { action_id: 'bj_does_not_exist', value: cursor })],
        ['long action id', (url) => clickPayload(url, { action_id: 'a'.repeat(300), value: cursor })],
        ['no actions', (url) => clickPayload(url, {}, { actions: [] })],
        ['actions not a list', (url) => clickPayload(url, {}, { actions: 'next' })],
        [
          'no user',
          (url) => clickPayload(url, { action_id: ACTION.next, value: cursor }, { user: undefined }),
        ],
        [
          'user id a number',
          (url) => clickPayload(url, { action_id: ACTION.next, value: cursor }, { user: { id: 7 } }),
        ],
        [
          'no channel',
          (url) =>
            clickPayload(
              url,
              { action_id: ACTION.next, value: cursor },
              { channel: undefined, container: undefined },
            ),
        ],
        [
          'no response_url',
          () => clickPayload('', { action_id: ACTION.next, value: cursor }, { response_url: undefined }),
        ],
        [
          'response_url not a URL',
          () => clickPayload('javascript:alert(1)', { action_id: ACTION.next, value: cursor }),
        ],
        [
          'unknown type',
          (url) => clickPayload(url, { action_id: ACTION.next, value: cursor }, { type: 'x' }),
        ],
        ['a view submission', (url) => clickPayload(url, {}, { type: 'view_submission', view: {} })],
        [
          '50 actions',
          (url) =>
            clickPayload(url, {}, { actions: Array(50).fill({ action_id: ACTION.next, value: cursor }) }),
        ],
      ];
      const [name, payload] = shapes[Math.floor(rand() * shapes.length)]!;
      clicks.push({ label: name, payload, answered: false, mayRefuse: true });
    }
  }
  return clicks;
}
