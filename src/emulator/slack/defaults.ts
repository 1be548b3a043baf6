import type { StandInBot, StandInChannel, StandInTeam, StandInUser } from './types.js';
import { appDm } from './workspace.js';

/** The demo workspace. */
export const DEFAULT_TEAM: StandInTeam = { id: 'T0DEMO', domain: 'backup-demo' };

export const DEFAULT_BOT: StandInBot = {
  userId: 'U0BOT',
  botId: 'B0BOT',
  appId: 'A0BACKUPJOBS',
  name: 'backup-jobs',
};

export const DEFAULT_USERS: readonly StandInUser[] = [
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Archer', tz: 'America/New_York', locale: 'en-US' },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Becker', tz: 'Europe/Berlin', locale: 'de-DE' },
];

/** #ops and #backup-alerts (public), #secret-project (private, bot not in it), and every user's DM with the app. */
export const DEFAULT_CHANNELS: readonly StandInChannel[] = [
  { id: 'C0OPS', name: 'ops', kind: 'public', botMember: true, members: ['U0ALICE', 'U0BOB'] },
  {
    id: 'C0ALERTS',
    name: 'backup-alerts',
    kind: 'public',
    botMember: false,
    members: ['U0ALICE', 'U0BOB'],
  },
  {
    id: 'G0SECRET',
    name: 'secret-project',
    kind: 'private',
    botMember: false,
    members: ['U0ALICE', 'U0BOB'],
  },
  // Made from the users, so that whoever is added to the demo has a DM with the app too.
  ...DEFAULT_USERS.map(appDm),
];

/** Author id of Slack's own notices (e.g. a command that timed out). */
export const SLACKBOT_USER = 'USLACKBOT';

/** Slack gives up on a command or click that is not acknowledged within 3 s. */
export const ACK_TIMEOUT_MS = 3000;

/** response_url: at most 5 uses within 30 minutes. */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** The legacy verification token Slack still puts in every command and payload (unused by Bolt). */
export const VERIFICATION_TOKEN = 'vErIfIcAtIoNtOkEn0dEmO';
