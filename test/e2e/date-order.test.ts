import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNELS, DEFAULT_USERS } from '../../src/emulator/slack/index.js';
import { type Stack, startStack, textOf } from '../helpers/stack.js';

// Each writes dates the way their Slack language does, not the way their zone's people mostly do.
const DAN = 'U0DAN';
const ERIN = 'U0ERIN';
const DAY_MS = 86_400_000;

/** A recent day whose day of month could be a month too (and is not its own month): 3/4 or 4/3. */
function ambiguousDay(): Date {
  for (let back = 2; back < 30; back++) {
    const day = new Date(Date.now() - back * DAY_MS);
    if (day.getUTCDate() <= 12 && day.getUTCDate() !== day.getUTCMonth() + 1) return day;
  }
  throw new Error('no ambiguous day in the last 30');
}

describe('numeric dates read in the order of the Slack language of who types them', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      slack: {
        users: [
          ...DEFAULT_USERS,
          { id: DAN, name: 'dan', realName: 'Dan Doyle', tz: 'America/New_York', locale: 'en-GB' },
          { id: ERIN, name: 'erin', realName: 'Erin Evans', tz: 'Europe/London', locale: 'en-US' },
        ],
        channels: DEFAULT_CHANNELS.map((c) =>
          c.id === 'C0OPS' ? { ...c, members: [...c.members, DAN, ERIN] } : c,
        ),
      },
    });
  });
  afterAll(() => stack.close());

  async function heading(user: string, text: string) {
    const before = stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length;
    await stack.slack.sendCommand({ channel: 'C0OPS', user, text });
    const answer = await stack.slack.waitForMessage(
      (m) =>
        m.ephemeralFor === user &&
        m.via === 'response_url' &&
        stack.slack.messages('C0OPS', { includeEphemeralFor: user }).length > before,
      10_000,
    );
    return textOf(answer).split('\n')[0];
  }

  it.each([
    { who: DAN, language: 'British English', zone: 'New York', dayFirst: true },
    { who: ERIN, language: 'American English', zone: 'London', dayFirst: false },
  ])('reads numeric dates as $language writes them, though the zone is $zone', async ({ who, dayFirst }) => {
    const day = ambiguousDay();
    const [d, m] = [day.getUTCDate(), day.getUTCMonth() + 1];
    const [right, wrong] = dayFirst ? [`${d}/${m}`, `${m}/${d}`] : [`${m}/${d}`, `${d}/${m}`];
    const typed = await heading(who, `failed on ${right}`);
    expect(typed).toBe(await heading(who, `failed on ${day.toISOString().slice(0, 10)}`));
    expect(await heading(who, `failed on ${wrong}`)).not.toBe(typed);
  });
});
