import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../src/slack/app.js';
import { check } from './json-schema.js';
import { readText, readYaml, repoPath } from './repo.js';

type Schema = Record<string, unknown>;

/** Slack's published manifest schema, copied so the test runs on a clean clone. */
const schema = JSON.parse(
  readText(repoPath('test', 'deploy', 'fixtures', 'slack-manifest.schema.json')),
) as Schema;
const manifest = readYaml(repoPath('slack-app-manifest.yaml')) as {
  _metadata?: { major_version?: number };
  features: {
    slash_commands: { command: string; url: string; description: string; usage_hint?: string }[];
    bot_user?: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    event_subscriptions?: unknown;
  };
};

const EVENTS_URL = 'https://YOUR-HOST/slack/events';

describe('slack-app-manifest.yaml', () => {
  it("is valid against Slack's manifest schema", () => {
    expect(manifest._metadata?.major_version).toBe(1);
    expect(check(schema, schema, manifest)).toEqual([]);
  });

  it('asks for exactly the bot scopes the app uses, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'channels:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'groups:read',
        'im:write',
        'users:read',
      ].sort(),
    );
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('defines /backup-jobs with a description and a usage hint, sent to the bot', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: '/backup-jobs', url: EVENTS_URL });
    expect(command!.description.length).toBeGreaterThan(10);
    expect(command!.usage_hint).toMatch(/summary/);
    expect(manifest.features.bot_user?.display_name).toBeTruthy();
    expect(new URL(EVENTS_URL).pathname).toBe(SLACK_EVENTS_PATH);
  });

  it('turns interactivity on over HTTP, with Socket Mode off and explained', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const text = readText(repoPath('slack-app-manifest.yaml'));
    expect(text).toMatch(/#.*socket_mode_enabled/);
    expect(text).toMatch(/#.*SLACK_APP_TOKEN/);
    expect(text).toMatch(/#.*connections:write/);
  });
});

describe('the schema check', () => {
  const valid = () => structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;

  it('reports what Slack would refuse', () => {
    const noName = valid();
    delete noName.display_information!.name;
    expect(check(schema, schema, noName)).toEqual(['$.display_information: missing required "name"']);

    const badCommand = valid();
    (badCommand.features!.slash_commands as { command: string }[])[0]!.command = 'backup-jobs';
    expect(check(schema, schema, badCommand)).toEqual([
      '$.features.slash_commands[0].command: does not match ^\\/',
    ]);

    const stray = valid();
    stray.settings!.socket_mode = true;
    expect(check(schema, schema, stray)).toEqual(['$.settings.socket_mode: not allowed here']);

    const wrongType = valid();
    wrongType.settings!.interactivity = { is_enabled: 'yes' };
    expect(check(schema, schema, wrongType)).toEqual([
      '$.settings.interactivity.is_enabled: expected boolean',
    ]);

    const longName = valid();
    longName.display_information!.name = 'x'.repeat(36);
    expect(check(schema, schema, longName)).toEqual(['$.display_information.name: longer than 35']);
  });

  it('refuses a schema keyword it does not implement', () => {
    const richer = { type: 'object', if: { required: ['a'] } };
    expect(() => check(richer, richer, {})).toThrow(/unsupported schema keywords/);
  });
});
