import type { RequestListener } from 'node:http';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLAYGROUND_API,
  playgroundHandler,
  type UserSurfaces,
} from '../../../src/emulator/playground/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../../src/emulator/slack/index.js';
import { type CaptureApp, startCaptureApp } from './capture.js';
import { openEvents } from './events.js';

const TOKEN = 'xoxb-playground-views-api';
const plain = (text: string) => ({ type: 'plain_text', text });
const modal = {
  type: 'modal',
  callback_id: 'ask',
  private_metadata: 'for the app only',
  title: plain('Ask'),
  submit: plain('Send'),
  blocks: [
    {
      type: 'input',
      block_id: 'q',
      label: plain('Question'),
      element: { type: 'plain_text_input', action_id: 'q_in' },
    },
  ],
};

type Snapshot = UserSurfaces & { seq: number; event: string };

describe('the playground API for modals and the Home tab', () => {
  let slack: SlackStandIn;
  let app: CaptureApp;
  let web: WebClient;
  const api = (path: string) => `${slack.baseUrl}${PLAYGROUND_API}/${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  async function openModal(user: string) {
    const command = app.nextCommand();
    const { triggerId } = await slack.sendCommand({ channel: 'C0OPS', user, text: 'ask' });
    await command;
    return ((await web.views.open({ trigger_id: triggerId, view: modal as never })).view as { id: string })
      .id;
  }

  beforeAll(async () => {
    app = await startCaptureApp();
    let playground: RequestListener | undefined;
    slack = await startSlackStandIn({
      signingSecret: 'playground-views-api-secret',
      botToken: TOKEN,
      botUrl: app.url,
      fallback: (req, res) => playground?.(req, res),
    });
    playground = playgroundHandler({ slack });
    web = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });

  afterAll(async () => {
    await slack?.close();
    await app?.close();
  });

  it('lists a user’s modal stack and Home tab, and streams each change to that user only', async () => {
    const bob = await openEvents(api('events?user=U0BOB'));
    const alice = await openEvents(api('events?user=U0ALICE'));
    try {
      const id = await openModal('U0BOB');
      const [opened] = (await bob.take(1)) as unknown as Snapshot[];
      expect(opened).toMatchObject({
        event: 'views',
        home: null,
        modals: [{ id, callbackId: 'ask', errors: {} }],
      });
      expect(opened!.modals[0]).not.toHaveProperty('privateMetadata');
      const listed = (await (await fetch(api('views?user=U0BOB'))).json()) as Snapshot;
      expect(listed).toMatchObject({
        user: 'U0BOB',
        seq: opened!.seq,
        modals: [{ id, title: plain('Ask') }],
      });
      expect((await fetch(api('views?user=UNOBODY'))).status).toBe(404);

      await web.views.publish({ user_id: 'U0ALICE', view: { type: 'home', blocks: [] } as never });
      // Alice's stream skipped Bob's modal: her first change is her own Home tab.
      const [home] = (await alice.take(1)) as unknown as Snapshot[];
      expect(home).toMatchObject({ modals: [], home: { type: 'home' } });
      expect(home!.seq).toBeGreaterThan(opened!.seq);
    } finally {
      bob.close();
      alice.close();
    }
  });

  it('submits the top modal with what was entered: required fields first, then the app’s answer', async () => {
    const id = slack.openViews('U0BOB')[0]!.id;
    const empty = await post('view-submit', { user: 'U0BOB', viewId: id, values: {} });
    expect(await empty.json()).toMatchObject({
      ok: true,
      sent: false,
      errors: { q: 'Please complete this required field.' },
    });
    const submitted = app.nextClick();
    const sent = await post('view-submit', { user: 'U0BOB', viewId: id, values: { q: { q_in: 'why?' } } });
    expect(await sent.json()).toMatchObject({
      ok: true,
      sent: true,
      action: 'close',
      closed: true,
      status: 200,
    });
    const payload = (await submitted) as unknown as { type: string; view: { state: { values: unknown } } };
    expect(payload.type).toBe('view_submission');
    expect(payload.view.state.values).toEqual({ q: { q_in: { type: 'plain_text_input', value: 'why?' } } });
    expect(slack.openViews('U0BOB')).toEqual([]);
    const gone = await post('view-submit', { user: 'U0BOB', viewId: id, values: {} });
    expect([gone.status, ((await gone.json()) as { error: string }).error]).toEqual([409, 'submit_refused']);
  });

  it('closes the top view or the whole stack', async () => {
    const id = await openModal('U0ALICE');
    const closed = await post('view-close', { user: 'U0ALICE', viewId: id, all: true });
    expect(await closed.json()).toEqual({ ok: true, closed: [id], notified: false });
    expect((await post('view-close', { user: 'U0ALICE', viewId: id })).status).toBe(409);
  });

  it('sends app_home_opened for the tab the user opened, without waiting for the app', async () => {
    const event = app.nextEvent();
    const res = await post('home-open', { user: 'U0BOB', tab: 'home' });
    expect([res.status, await res.json()]).toEqual([202, { ok: true }]);
    expect((await event).event).toMatchObject({
      type: 'app_home_opened',
      user: 'U0BOB',
      tab: 'home',
      channel: 'D0BOB',
    });
  });

  it('refuses bad requests, and requests from other sites like every action of the page', async () => {
    const bad = [
      post('view-submit', { user: 'U0BOB', viewId: 'not-a-view', values: {} }),
      post('view-close', { user: 'U0BOB' }),
      post('home-open', { user: 'U0BOB', tab: 'about' }),
      post('click', { user: 'U0BOB', actionId: 'a', messageId: 'M1', viewId: 'V123' }),
    ];
    expect((await Promise.all(bad)).map((r) => r.status)).toEqual([400, 400, 400, 400]);
    const unknown = await post('home-open', { user: 'U0NOBODY', tab: 'home' });
    expect(unknown.status).toBe(400);
    const foreign = await post(
      'home-open',
      { user: 'U0BOB', tab: 'home' },
      { Origin: 'http://evil.example' },
    );
    expect([foreign.status, await foreign.text()]).toEqual([403, 'refused: a request from another origin']);
    const cross = await post(
      'view-close',
      { user: 'U0BOB', viewId: 'V1' },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(cross.status).toBe(403);
  });
});
