/** What a restore's messages may mention. */
export interface RestoreContext {
  type: string;
  account: string;
  region: string;
  role: string;
  /** The resource the restore creates (or would have created). */
  createdArn: string;
  name: string;
}

const DB_TYPES = new Set(['RDS', 'Aurora', 'DocumentDB', 'Neptune']);

/** Why a restore failed, as AWS reports it in StatusMessage. */
export function restoreFailure(c: RestoreContext, pick: number): string {
  if (pick % 3 === 0) {
    return `Access denied: ${c.role} is not authorized to perform iam:PassRole for the restored ${c.type} resource.`;
  }
  if (DB_TYPES.has(c.type)) {
    return "Restore failed: the DB subnet group 'default' does not exist. Set DBSubnetGroupName in the restore metadata.";
  }
  if (c.type === 'EBS' || c.type === 'EC2') {
    return `Restore failed: there is not enough capacity in the Availability Zone ${c.region}a for the requested volume type.`;
  }
  if (c.type === 'DynamoDB')
    return `Restore failed: the table limit of 2500 tables per account in ${c.region} was reached.`;
  if (c.type === 'S3') {
    return `Restore failed: access denied to the KMS key that encrypts the source objects; ${c.role} needs kms:Decrypt.`;
  }
  return `Restore failed: a resource named ${c.name} already exists. Choose another name for the restored resource.`;
}

/** A failed validation, as a restore testing validation reports it with PutRestoreValidationResult. */
export function validationFailure(c: RestoreContext): string {
  if (c.type === 'DynamoDB')
    return 'Validation failed: the restored table holds 0 items; expected at least 1000.';
  if (DB_TYPES.has(c.type)) {
    return 'Validation failed: could not connect to the restored database on port 5432 within 300 seconds.';
  }
  if (c.type === 'EBS')
    return 'Validation failed: the restored volume has a corrupt file system (fsck exit code 4).';
  if (c.type === 'EC2')
    return 'Validation failed: the restored instance did not pass its reachability status check.';
  if (c.type === 'S3') return 'Validation failed: 3 of 500 sampled objects did not match their checksums.';
  return 'Validation failed: the expected directory /data is missing from the restored file system.';
}

export function validationTimeout(windowHours: number): string {
  return `No validation result was received within the validation window of ${windowHours} hours.`;
}

/** Why the resource a restore test created could not be deleted. */
export function deletionFailure(c: RestoreContext): string {
  if (DB_TYPES.has(c.type)) {
    return `Deletion of the restored resource failed: deletion protection is enabled on ${c.createdArn}.`;
  }
  if (c.type === 'S3') {
    return `Deletion of the restored bucket failed: Object Lock retention still protects objects in ${c.createdArn}.`;
  }
  return `Deletion of the restored resource failed: ${c.createdArn} is still in use.`;
}

export function restoreAborted(c: RestoreContext): string {
  return `Restore job was stopped by arn:aws:sts::${c.account}:assumed-role/OpsAdmin/oncall.`;
}
