import { ACTION } from '../../../src/blocks/index.js';
import { buttons, detailValues, textOf } from '../../helpers/stack.js';
import { clickBody, commandBody, type HttpOutcome, postSigned } from './signed.js';
import type { Answer, Sink } from './sink.js';

/** A request sent and its first answer at the response_url (absent when none came in time). */
export interface Exchange {
  id: string;
  label: string;
  sentAt: number;
  ack: HttpOutcome;
  answer?: Answer;
}

/** How an answer reads to the person who asked. */
export type AnswerKind = 'page' | 'slow-down' | 'storage-unavailable' | 'unexpected' | 'other';

export function answerText(answer: Answer): string {
  return textOf({ text: String(answer.body.text ?? ''), blocks: answer.body.blocks ?? [] });
}

export function kindOf(answer: Answer): AnswerKind {
  const text = answerText(answer);
  if (/cannot reach its storage/.test(text)) return 'storage-unavailable';
  if (/Something went wrong on our side|TypeError|\bat .+\.ts:\d+/.test(text)) return 'unexpected';
  if (/Slow down: (you|this channel) sent more than \d+ requests/.test(text)) return 'slow-down';
  if (/Page \d+/.test(text)) return 'page';
  return 'other';
}

export function pageNumber(answer: Answer): number | undefined {
  const found = /Page (\d+)/.exec(answerText(answer));
  return found ? Number(found[1]) : undefined;
}

export function nextValue(answer: Answer): string | undefined {
  return buttons({ blocks: answer.body.blocks ?? [] }).get(ACTION.next)?.value;
}

/** The value of the page's Export CSV button: the cursor and page it exports. */
export function exportValue(answer: Answer): string | undefined {
  return buttons({ blocks: answer.body.blocks ?? [] }).get(ACTION.exportCsv)?.value;
}

export function prevValue(answer: Answer): string | undefined {
  return buttons({ blocks: answer.body.blocks ?? [] }).get(ACTION.prev)?.value;
}

/** The `{region}/{jobId}` of every job a page shows. */
export function jobsOf(answer: Answer): string[] {
  return detailValues({ blocks: answer.body.blocks ?? [] });
}

/** Signed commands and clicks by `user` in #ops, each with a response_url of its own on the sink. */
export function conversation(botUrl: string, secret: string, sink: Sink, tag: string, user = 'U0ALICE') {
  let n = 0;
  async function exchange(label: string, body: (responseUrl: string) => string): Promise<Exchange> {
    const id = `${tag}-${++n}`;
    const sentAt = performance.now();
    const ack = await postSigned(botUrl, secret, body(sink.urlFor(id)));
    return { id, label, sentAt, ack };
  }
  return {
    /** Sends any signed form body (built around its response_url) without waiting for the answer. */
    sendForm: exchange,
    /** Sends without waiting for the answer. */
    sendCommand: (text: string) => exchange(`command ${text}`, (url) => commandBody(text, url, user)),
    sendClick: (actionId: string, value: string) =>
      exchange(`click ${actionId}`, (url) => clickBody(actionId, value, url, user)),
    /** Sends and waits for the first answer. */
    async command(text: string, timeoutMs = 10_000): Promise<Answer> {
      const sent = await exchange(`command ${text}`, (url) => commandBody(text, url, user));
      return sink.waitFor(sent.id, timeoutMs);
    },
    async click(actionId: string, value: string, timeoutMs = 10_000): Promise<Answer> {
      const sent = await exchange(`click ${actionId}`, (url) => clickBody(actionId, value, url, user));
      return sink.waitFor(sent.id, timeoutMs);
    },
  };
}

export type Conversation = ReturnType<typeof conversation>;

/** Pages with Next from `first` to the last page; a refusal or an error ends it with a thrown Error. */
export async function pageToEnd(talk: Conversation, first: Answer, limit = 200): Promise<Answer[]> {
  const pages = [first];
  for (let i = 0; i < limit; i++) {
    const value = nextValue(pages.at(-1)!);
    if (!value) return pages;
    const next = await talk.click(ACTION.next, value);
    if (kindOf(next) !== 'page') throw new Error(`Next answered: ${answerText(next).slice(0, 300)}`);
    pages.push(next);
  }
  throw new Error(`more than ${limit} pages`);
}
