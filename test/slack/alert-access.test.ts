import { describe, expect, it } from 'vitest';
import { type ControlRefusal, controlRefusedMessage } from '../../src/blocks/alert-replies.js';
import { type ControlSurface, controlVerdict } from '../../src/slack/alert-access.js';

const rule = { name: 'prod-failures', channel: 'C0ALERTS' };
const inAlerts: ControlSurface = { kind: 'channel', channelId: 'C0ALERTS' };
const inOps: ControlSurface = { kind: 'channel', channelId: 'C0OPS' };
const home: ControlSurface = { kind: 'home' };

describe('who may acknowledge, mute and unmute an alert, and from where', () => {
  it.each([
    // surface, admin, member, verdict
    ['its channel', inAlerts, false, true, 'allowed'],
    ['the App Home', home, false, true, 'allowed'],
    ['another channel', inOps, false, true, 'elsewhere'],
    ['its channel', inAlerts, false, false, 'not_member'],
    ['another channel', inOps, false, false, 'not_member'],
    ['the App Home', home, false, false, 'not_member'],
    ['another channel', inOps, true, false, 'allowed'],
    ['the App Home', home, true, false, 'allowed'],
    ['its channel', inAlerts, true, false, 'allowed'],
  ] as const)('from %s, admin %s, member %s: %s', (_where, surface, admin, member, verdict) => {
    expect(controlVerdict({ rule, surface }, { admin, member })).toBe(verdict);
  });
});

function refusal(extra: Partial<ControlRefusal> & Pick<ControlRefusal, 'reason'>): ControlRefusal {
  return {
    control: 'mute',
    rule: 'prod-failures',
    channel: 'C0ALERTS',
    admins: [],
    ...extra,
  } as ControlRefusal;
}

describe('the refusal says why and what to do', () => {
  it('names the channel whose members may, and the admins to ask', () => {
    const message = controlRefusedMessage(refusal({ reason: 'not_member', admins: ['U0ADMIN', 'U0ROOT'] }));
    expect(message.text).toBe(
      'Only members of <#C0ALERTS> can mute prod-failures. Ask one of them, or one of the admins: <@U0ADMIN>, <@U0ROOT>.',
    );
    expect(message).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(message.blocks)).toContain('*Only members of <#C0ALERTS> can mute prod-failures.*');
  });

  it('offers joining the channel when there is no admin to ask', () => {
    const message = controlRefusedMessage(refusal({ reason: 'not_member', control: 'ack' }));
    expect(message.text).toBe(
      'Only members of <#C0ALERTS> can acknowledge prod-failures. Ask one of them, or join <#C0ALERTS> if you look after these alerts.',
    );
  });

  it('sends a member to the channel where the alerts are posted', () => {
    expect(controlRefusedMessage(refusal({ reason: 'elsewhere' })).text).toBe(
      'Mute prod-failures from <#C0ALERTS>, where its alerts are posted. Type the same command there, or use the Mute buttons on the alert.',
    );
    expect(controlRefusedMessage(refusal({ reason: 'elsewhere', control: 'unmute' })).text).toMatch(
      /^Unmute prod-failures from <#C0ALERTS>/,
    );
  });

  it('says what Slack refused when it would not list the members, and who can still do it', () => {
    const scope = controlRefusedMessage(
      refusal({
        reason: 'unchecked',
        slackError: 'missing_scope',
        needed: 'channels:read',
        admins: ['U0ADMIN'],
      }),
    );
    expect(scope.text).toBe(
      'I cannot check who is in <#C0ALERTS>, so I cannot let you mute prod-failures. I lack a Slack permission this needs (`channels:read`). A workspace admin can reinstall the app from its manifest to grant it. Meanwhile, ask an admin: <@U0ADMIN>.',
    );
    const hidden = controlRefusedMessage(refusal({ reason: 'unchecked', slackError: 'channel_not_found' }));
    expect(hidden.text).toMatch(/it is private and I am not in it, or it no longer exists\. Invite me there/);
    const unknown = controlRefusedMessage(refusal({ reason: 'unchecked', slackError: 'fatal<error>' }));
    expect(unknown.text).toMatch(/Slack answered `fatalerror`\. Try again in a minute/);
    const silent = controlRefusedMessage(refusal({ reason: 'unchecked', slackError: undefined }));
    expect(silent.text).toMatch(/Slack did not answer\. Try again in a minute/);
  });

  it('mentions only what look like user ids, at most five of them', () => {
    const admins = ['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', '<!here>'];
    const text = controlRefusedMessage(refusal({ reason: 'not_member', admins })).text;
    expect(text).toMatch(/<@U01>, <@U02>, <@U03>, <@U04>, <@U05> and 2 more\.$/);
    expect(text).not.toContain('here');
  });
});
