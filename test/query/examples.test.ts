import { describe, expect, it } from 'vitest';
import { helpMessage } from '../../src/blocks/help.js';
import { NO_FACTS, QUERY_EXAMPLES, queryExamples, type WorkspaceFacts } from '../../src/query/examples.js';
import { parseQuery } from '../../src/query/parse.js';
import { stateChangeOf } from '../../src/query/state-changes.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
/** Every day of two weeks around the New York DST change, at 03:30 and 16:45 UTC. */
const NOWS = Array.from({ length: 14 }, (_, day) =>
  [3.5, 16.75].map((h) => Date.UTC(2026, 9, 26 + day) + h * 3_600_000),
).flat();
const NOW = new Date('2026-11-23T10:00:00Z');

const FACTS: WorkspaceFacts = {
  vaults: ['payments-vault', 'Default'],
  copyVaults: ['dr-eu-central'],
  resourceTypes: ['RDS', 'Storage Gateway', 'EBS'],
  accounts: ['210987654321'],
  regions: ['eu-west-1', 'us-east-1'],
  resource: { arn: 'arn:aws:rds:eu-west-1:210987654321:db:ledger', name: 'ledger' },
  backupJobId: 'D2C5C9A8-0B1E-4C11-9E37-6A5F0D8E2B11',
  copyJobId: '7E0A1B2C-3D4E-4F50-8A61-B7C8D9E0F1A2',
  rules: ['ledger-failures'],
};

function parsed(text: string) {
  const result = parseQuery(text, { now: NOW, timeZone: 'UTC' });
  if (!result.ok) throw new Error(`${text}: ${result.error.error}`);
  return result.query;
}

function shownValues(examples: readonly { text: string; description: string }[]): string[] {
  return [
    ...JSON.stringify(helpMessage(examples)).matchAll(/"action_id":"bj_help_example:\d+","value":"([^"]*)"/g),
  ].map((m) => m[1]!);
}

describe('help examples', () => {
  it.each([
    ['no facts', QUERY_EXAMPLES],
    ['a workspace', queryExamples(FACTS)],
  ])('%s: 10 to 25, each described and each shown with a button that runs it', (_name, examples) => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.length).toBeLessThanOrEqual(25);
    for (const example of examples) expect(example.description.length).toBeGreaterThan(10);
    expect(shownValues(examples).sort()).toEqual(examples.map((e) => e.text).sort());
  });

  it.each([...QUERY_EXAMPLES, ...queryExamples(FACTS)].map((e) => [e.text]))(
    '%s parses on any day, in any zone',
    (text) => {
      for (const timeZone of ZONES) {
        for (const now of NOWS) {
          const result = parseQuery(text, { now: new Date(now), timeZone });
          expect(result.ok ? '' : `${new Date(now).toISOString()} ${timeZone}: ${result.error.error}`).toBe(
            '',
          );
        }
      }
    },
  );

  it('without facts, names no vault, account, resource, job or rule it would have to make up', () => {
    const all = QUERY_EXAMPLES.map((e) => e.text).join('\n');
    expect(all).not.toMatch(
      /\d{12}|arn:|[0-9a-f]{8}-[0-9a-f]{4}|vault:|\b(job|mute|history|plan:|parent:)\b/i,
    );
    expect(queryExamples(NO_FACTS)).toEqual(QUERY_EXAMPLES);
  });

  it("is made of the workspace's vaults, types, accounts, Regions, resource, jobs and rules", () => {
    const texts = queryExamples(FACTS).map((e) => e.text);
    const all = texts.join('\n');
    for (const name of [
      'vault:payments-vault',
      'to vault:dr-eu-central',
      'type:rds',
      'account:210987654321',
    ]) {
      expect(all).toContain(name);
    }
    expect(all).toContain('region:eu-west-1 region:us-east-1');
    expect(all).toContain('resource:arn:aws:rds:eu-west-1:210987654321:db:ledger');
    expect(texts).toContain('resource ledger');
    expect(texts).toContain(`job ${FACTS.backupJobId}`);
    expect(texts).toContain(`copy job ${FACTS.copyJobId}`);
    expect(texts).toContain('alerts mute ledger-failures 2h');
    expect(texts).toContain('coverage type:rds,storage-gateway');
    const kinds = new Set(texts.map((t) => parsed(t).kind));
    expect([...kinds].sort()).toEqual(['alerts', 'coverage', 'job', 'list', 'resource', 'stale', 'summary']);
    const lists = texts.map(parsed).flatMap((q) => (q.kind === 'list' ? [q] : []));
    expect(new Set(lists.map((q) => q.jobKind))).toEqual(new Set(['backup', 'copy', 'restore']));
    expect(lists.find((q) => q.filters.vault === 'payments-vault')).toBeDefined();
  });

  it('leaves out names a query cannot carry as one word', () => {
    const texts = queryExamples({
      ...FACTS,
      vaults: ['my vault', 'x'],
      copyVaults: ['<!here>'],
      resourceTypes: ['SAP HANA on Amazon EC2', 'Some New Type'],
      accounts: ['12345'],
      resource: { arn: 'arn:aws:ec2:eu-west-1:210987654321:instance/i-1', name: 'web server' },
      backupJobId: 'not an id',
      copyJobId: '',
      rules: ['Not A Rule'],
    }).map((e) => e.text);
    const all = texts.join('\n');
    expect(all).not.toMatch(/vault:|<!here>|account:|web server|mute|history|\bjob\b/);
    expect(all).toContain('type:sap');
    expect(texts).toContain('resource arn:aws:ec2:eu-west-1:210987654321:instance/i-1');
  });

  it('only the mute example changes state, and it says what it changes', () => {
    const changes = queryExamples(FACTS).flatMap((e) => {
      const change = stateChangeOf(parsed(e.text));
      return change ? [[e.text, change] as const] : [];
    });
    expect(changes).toEqual([
      [
        'alerts mute ledger-failures 2h',
        {
          sentence: 'mutes the alert rule ledger-failures for 2 hours, for everyone',
          action: 'Mute for 2 hours',
          question: 'Mute ledger-failures?',
        },
      ],
    ]);
  });

  it('files the protection-gap examples under their topic, which help stale shows alone', () => {
    const result = parseQuery('help stale', { now: NOW, timeZone: 'UTC' });
    const topic = result.ok && result.query.kind === 'help' ? result.query.topic : undefined;
    const examples = queryExamples(FACTS);
    const shown = JSON.stringify(helpMessage(examples, { topic }));
    expect(shown).toContain('Protection gaps*');
    expect(shown).not.toContain('Summaries*');
    const gaps = examples.filter((e) => /^(stale|coverage|resource)\b/.test(e.text));
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    for (const { text } of gaps) expect(shown).toContain(`"value":${JSON.stringify(text)}`);
  });
});
