import { type AwsCallContext, type BackupOperation, classifyAwsError } from './aws-errors.js';
import type { BackupClients } from './clients.js';

/** Reported after every AWS call: feeds metrics, logs and the call-count tests. */
export type CallObserver = (event: {
  operation: BackupOperation;
  region: string;
  outcome: 'ok' | string;
  ms: number;
}) => void;

export interface CallRunner {
  clients: BackupClients;
  observe?: CallObserver | undefined;
}

/**
 * Runs one SDK call for a region, reports it, and turns any failure into a CodedError. Each call
 * counts once here, however many retries the SDK made inside it.
 */
export async function callAws<T>(
  runner: CallRunner,
  ctx: AwsCallContext,
  send: (client: ReturnType<BackupClients['get']>) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    const client = runner.clients.get(ctx.region);
    const result = await send(client);
    runner.observe?.({ ...ctx, outcome: 'ok', ms: performance.now() - started });
    return result;
  } catch (err) {
    if ((err as Error | undefined)?.name === 'AbortError') {
      // Cancelled by the caller (another Region found the job first): not a failure of AWS.
      runner.observe?.({ ...ctx, outcome: 'cancelled', ms: performance.now() - started });
      throw err;
    }
    const coded = classifyAwsError(err, ctx);
    runner.observe?.({ ...ctx, outcome: coded.code, ms: performance.now() - started });
    throw coded;
  }
}
