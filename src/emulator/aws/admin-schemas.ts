import { z } from 'zod';
import { OPERATIONS } from './types.js';
import { JOB_STATES, RESOURCE_TYPES } from './vocabulary.js';

export const Time = z.union([z.string(), z.number().nonnegative()]);
export const Text = z.string().min(1).max(2048);
export const Count = z.number().int().nonnegative();

export const Creator = z
  .object({
    BackupPlanId: Text,
    BackupPlanArn: Text,
    BackupPlanName: Text,
    BackupPlanVersion: Text,
    BackupRuleId: Text,
    BackupRuleName: Text,
    BackupRuleCron: Text,
    BackupRuleTimezone: Text,
  })
  .partial()
  .strict();

/** A job to add, in AWS field names plus Region; every field is optional. */
export const AdminJob = z
  .object({
    Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'a region like eu-west-1'),
    AccountId: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
    BackupJobId: z.string().regex(/^[\x21-\x7e]{1,1024}$/, 'printable characters without spaces'),
    BackupVaultName: z.string().regex(/^[a-zA-Z0-9\-_]{2,50}$/, '2 to 50 letters, digits, - or _'),
    BackupVaultArn: Text,
    VaultType: Text,
    RecoveryPointArn: Text,
    ResourceArn: Text,
    ResourceName: Text,
    ResourceType: z.enum(RESOURCE_TYPES),
    CreationDate: Time,
    CompletionDate: Time,
    ExpectedCompletionDate: Time,
    StartBy: Time,
    InitiationDate: Time,
    State: z.enum(JOB_STATES),
    StatusMessage: Text,
    MessageCategory: Text,
    PercentDone: z.string().regex(/^\d{1,3}(\.\d+)?$/, 'a percentage string like "42.0"'),
    BackupSizeInBytes: Count,
    BytesTransferred: Count,
    IamRoleArn: Text,
    CreatedBy: Creator,
    BackupType: Text,
    BackupOptions: z.record(z.string(), z.string()),
    ParentJobId: Text,
    IsParent: z.boolean(),
    IsEncrypted: z.boolean(),
    EncryptionKeyArn: Text,
  })
  .partial()
  .strict();

/** `POST /_emulator/jobs` takes an array of jobs, or this wrapper: `{"jobs": [...]}`. */
export const AdminJobList = z.array(AdminJob);
export const AdminJobsWrapper = z.object({ jobs: AdminJobList }).strict();

const Rate = z.number().min(0).max(1);

/** `POST /_emulator/faults`; `{}` clears every fault. */
export const AdminFaults = z
  .object({
    throttleRate: Rate,
    errorRate: Rate,
    latencyMs: z.number().int().min(0).max(120_000),
    regions: z.array(z.string().min(1)),
    operations: z.array(z.enum(OPERATIONS)),
    denyOperations: z.array(z.enum(OPERATIONS)),
    expiredToken: z.boolean(),
    denyAssumeRole: z.array(z.string().regex(/^\d{12}$/, 'a 12-digit account id')),
  })
  .partial()
  .strict();

/** `POST /_emulator/resources/stale` and `/_emulator/resources/recover`. */
export const AdminResourceRef = z.object({ resourceArn: Text }).strict();
