import type { AwsRecoveryPointCreator, TimeInput } from './types.js';
import type {
  CopyJobState,
  RestoreDeletionStatus,
  RestoreJobStatus,
  RestoreValidationStatus,
} from './vocabulary.js';

/** `Lifecycle` in the API model: when a recovery point moves to cold storage and when it is deleted. */
export interface AwsLifecycle {
  MoveToColdStorageAfterDays?: number;
  DeleteAfterDays?: number;
  OptInToArchiveForSupportedResources?: boolean;
  DeleteAfterEvent?: string;
}

/**
 * One copy job as the emulator keeps it: the `CopyJob` members of the API model plus the Region it
 * runs in (the source Region). NumberOfChildJobs and ChildJobsInState are counted when described.
 */
export interface AwsCopyJob {
  Region: string;
  AccountId: string;
  CopyJobId: string;
  SourceBackupVaultArn: string;
  SourceRecoveryPointArn: string;
  DestinationBackupVaultArn: string;
  DestinationVaultType?: string;
  DestinationVaultLockState?: string;
  DestinationRecoveryPointArn?: string;
  DestinationEncryptionKeyArn?: string;
  DestinationRecoveryPointLifecycle?: AwsLifecycle;
  ResourceArn: string;
  ResourceName?: string;
  ResourceType: string;
  CreationDate: Date;
  CompletionDate?: Date;
  State: CopyJobState;
  StatusMessage?: string;
  MessageCategory?: string;
  BackupSizeInBytes?: number;
  IamRoleArn?: string;
  CreatedBy?: AwsRecoveryPointCreator;
  CreatedByBackupJobId?: string;
  ParentJobId?: string;
  IsParent: boolean;
  CompositeMemberIdentifier?: string;
}

/** `RestoreJobCreator` in the API model: the restore testing plan that started a restore test. */
export interface AwsRestoreJobCreator {
  RestoreTestingPlanArn?: string;
}

/** One restore job as the emulator keeps it: the `RestoreJobsListMember` members plus its Region. */
export interface AwsRestoreJob {
  Region: string;
  AccountId: string;
  RestoreJobId: string;
  RecoveryPointArn: string;
  RecoveryPointCreationDate?: Date;
  SourceResourceArn?: string;
  BackupVaultArn?: string;
  CreationDate: Date;
  CompletionDate?: Date;
  Status: RestoreJobStatus;
  StatusMessage?: string;
  PercentDone?: string;
  BackupSizeInBytes?: number;
  IamRoleArn?: string;
  ExpectedCompletionTimeMinutes?: number;
  CreatedResourceArn?: string;
  ResourceType: string;
  CreatedBy?: AwsRestoreJobCreator;
  ValidationStatus?: RestoreValidationStatus;
  ValidationStatusMessage?: string;
  DeletionStatus?: RestoreDeletionStatus;
  DeletionStatusMessage?: string;
  IsParent: boolean;
  ParentJobId?: string;
}

/** A copy job to add: any subset of the fields (times in any `TimeInput` form); the rest get defaults. */
export type AwsCopyJobInput = Omit<AwsCopyJob, 'CreationDate' | 'CompletionDate'> & {
  CreationDate?: TimeInput;
  CompletionDate?: TimeInput;
};

type RestoreTimeField = 'CreationDate' | 'CompletionDate' | 'RecoveryPointCreationDate';

/** A restore job to add: any subset of the fields; the rest get defaults. */
export type AwsRestoreJobInput = Omit<AwsRestoreJob, RestoreTimeField> & {
  [K in RestoreTimeField]?: TimeInput;
};
