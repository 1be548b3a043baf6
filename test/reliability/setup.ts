import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { newSecrets } from './support/suite.js';

/** Before any case: one log dir for every child process of the run, and the secrets they all use. */
export default async function setup(project: TestProject) {
  const logDir = await mkdtemp(join(tmpdir(), 'bj-reliability-logs-'));
  // The reporter (same process) removes it when every case passed, else prints where it is.
  process.env.RELIABILITY_LOG_DIR = logDir;
  project.provide('reliability', { logDir, secrets: newSecrets() });
}
