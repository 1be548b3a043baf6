/** One change as the playground streams it. */
export interface StreamedChange {
  event: string;
  seq: number;
  message: { id: string; text: string; files: { name: string; url: string }[] };
}

/**
 * Reads the playground's Server-Sent Events with fetch, as a browser's EventSource would. Resolves
 * once the stream said `ready` (the server listens for changes from then on).
 */
export async function openEvents(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (!res.body) throw new Error('no event stream');
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const changes: StreamedChange[] = [];
  let buffer = '';
  let ready = false;

  async function pump(): Promise<void> {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = new Map(
        block
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const event = fields.get('event');
      if (event === 'ready') ready = true;
      else if (event)
        changes.push({ event, ...(JSON.parse(fields.get('data') ?? '{}') as Omit<StreamedChange, 'event'>) });
      end = buffer.indexOf('\n\n');
    }
  }

  while (!ready) await pump();
  return {
    /** The next `n` changes, waiting for them to arrive. */
    async take(n: number): Promise<StreamedChange[]> {
      while (changes.length < n) await pump();
      return changes.splice(0, n);
    },
    close() {
      controller.abort();
    },
  };
}
