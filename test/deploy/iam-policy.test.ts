import * as backupSdk from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import { ROOT, readText, repoPath } from './repo.js';
import { operationsIn, productionOperations } from './sdk-imports.js';

interface Statement {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: string | string[];
  NotResource?: unknown;
  Condition?: unknown;
}

const policy = JSON.parse(readText(repoPath('manifests', 'iam-policy.json'))) as {
  Version: string;
  Statement: Statement[];
};
const actions = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action ?? '']));

describe('manifests/iam-policy.json', () => {
  it('allows exactly the backup: actions of the commands the code sends', () => {
    const { operations } = productionOperations(ROOT);
    expect(operations.size).toBeGreaterThan(0);
    const needed = [...operations.keys()].map((op) => `backup:${op}`).sort();
    expect([...actions].sort()).toEqual(needed);
  });

  it('is a plain allow-list: no wildcards, denials, NotAction or other services', () => {
    expect(policy.Version).toBe('2012-10-17');
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
      // These reads have no resource-level permissions in AWS Backup: "*" is the only resource.
      expect(statement.Resource).toBe('*');
    }
    for (const action of actions) expect(action).toMatch(/^backup:[A-Z][A-Za-z]+$/);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('names operations the installed SDK knows', () => {
    const sdk = backupSdk as unknown as Record<string, unknown>;
    for (const action of actions) {
      expect(typeof sdk[`${action.slice('backup:'.length)}Command`], action).toBe('function');
    }
  });

  it('matches the design: only src/backup/ talks to AWS Backup', () => {
    const { importers } = productionOperations(ROOT);
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('src/backup/'))).toEqual([]);
  });
});

describe('the SDK import scan', () => {
  it('finds commands and paginators imported as values, across lines and with aliases', () => {
    const source = `import { BackupClient } from '@aws-sdk/client-backup';
import {
  ListBackupJobsCommand,
  type ListBackupJobsCommandInput,
  paginateListRestoreJobs as pages,
  StartBackupJobCommand as Start,
} from "@aws-sdk/client-backup";
import type { DeleteBackupVaultCommand } from '@aws-sdk/client-backup';
import { DeleteRecoveryPointCommand } from './elsewhere.js';`;
    expect(operationsIn(source)).toEqual(['ListBackupJobs', 'ListRestoreJobs', 'StartBackupJob']);
  });

  it('refuses imports it cannot follow', () => {
    expect(() => operationsIn(`import * as aws from '@aws-sdk/client-backup';`)).toThrow(
      /cannot be followed/,
    );
    expect(() => operationsIn(`import { Backup } from '@aws-sdk/client-backup';`)).toThrow(/aggregated/);
    expect(() => operationsIn(`const m = await import('@aws-sdk/client-backup');`)).toThrow(/dynamic/);
    expect(() => operationsIn(`export * from '@aws-sdk/client-backup';`)).toThrow(/cannot be followed/);
  });
});
