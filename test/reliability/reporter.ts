import { rm } from 'node:fs/promises';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

function line(test: TestCase): { passed: boolean; text: string } {
  const result = test.result();
  const passed = result.state === 'passed';
  const seconds = ((test.diagnostic()?.duration ?? 0) / 1000).toFixed(1);
  const name = test.name.split(':')[0] ?? test.name;
  const measured = test.meta().reliability;
  const failure =
    result.state === 'failed'
      ? (result.errors[0]?.message ?? 'failed').split('\n')[0]?.slice(0, 300)
      : undefined;
  const detail = [measured, failure ? `failure: ${failure}` : undefined].filter(Boolean).join(' — ');
  const state = passed ? 'PASS' : result.state === 'skipped' ? 'SKIP' : 'FAIL';
  return { passed, text: `${state} ${name} ${seconds}s${detail ? ` — ${detail}` : ''}` };
}

/** One line per case with what it measured, then `N passed, N failed`. */
export default class ReliabilityReporter implements Reporter {
  async onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    const lines = modules
      .flatMap((m) => [...m.children.allTests()])
      .filter((t) => t.result().state !== 'pending')
      .map(line);
    const passed = lines.filter((l) => l.passed).length;
    const failed = lines.length - passed + errors.length;
    const out = ['', 'Reliability cases:', ...lines.map((l) => `  ${l.text}`)];
    for (const error of errors) out.push(`  FAIL unhandled error — ${error.message.split('\n')[0]}`);
    out.push(`${passed} passed, ${failed} failed`);
    const logDir = process.env.RELIABILITY_LOG_DIR;
    if (logDir && failed === 0 && !process.env.RELIABILITY_KEEP_LOGS)
      await rm(logDir, { recursive: true, force: true });
    else if (logDir) out.push(`Logs of every bot and worker process: ${logDir}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
