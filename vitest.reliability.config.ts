import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Cases run one at a time in file-name order, so the log scan (the last case) sees every other log. */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

/** `npm run test:reliability`: whole-process failure cases; not part of `npm test` (`*.rel.ts`). */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.rel.ts'],
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    globalSetup: ['test/reliability/setup.ts'],
    testTimeout: 150_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    sequence: { sequencer: ByName },
    reporters: ['default', './test/reliability/reporter.ts'],
  },
});
