import { ACTION } from '../../../src/blocks/index.js';
import type { Answer } from './sink.js';
import { answerText, type Conversation, kindOf, nextValue, pageNumber } from './talk.js';

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';

/** A reply that says AWS failed, and where: the whole answer when every region failed. */
export function isAwsFailure(answer: Answer): boolean {
  return new RegExp(`AWS Backup is (throttling requests|unavailable) in ${REGION}`).test(answerText(answer));
}

/** Regions a page says are missing from it ("… Its jobs will come on later pages."). */
export function missingRegions(page: Answer): string[] {
  const pattern = new RegExp(`(${REGION}): AWS Backup [^\\n]*?later pages`, 'g');
  return [...answerText(page).matchAll(pattern)].map((m) => m[1]!);
}

/** Regions a summary says it could not count. */
export function uncountedRegions(summary: Answer): string[] {
  return [...answerText(summary).matchAll(new RegExp(`(${REGION}) could not be counted`, 'g'))].map(
    (m) => m[1]!,
  );
}

/** The "*N backup jobs* in all" of a summary. */
export function summaryTotal(summary: Answer): number | undefined {
  const found = /\*([\d,]+) backup jobs\* in all/.exec(answerText(summary));
  return found ? Number(found[1]!.replaceAll(',', '')) : undefined;
}

export interface FaultyListing {
  pages: Answer[];
  /** Answers that said AWS failed everywhere; the same request was then made again. */
  failures: number;
  /** Answers that were neither a page nor a clear AWS failure. */
  unclear: string[];
}

/**
 * Runs a list command and pages to its end as a person would under AWS faults: an answer that
 * says AWS failed is followed by the same command or click again (up to 20 times in a row).
 */
export async function pageThroughFaults(talk: Conversation, text: string): Promise<FaultyListing> {
  const out: FaultyListing = { pages: [], failures: 0, unclear: [] };
  const attempt = async (ask: () => Promise<Answer>): Promise<Answer | undefined> => {
    for (let i = 0; i < 20; i++) {
      const answer = await ask();
      if (kindOf(answer) === 'page') return answer;
      if (!isAwsFailure(answer)) {
        out.unclear.push(answerText(answer).slice(0, 300));
        return undefined;
      }
      out.failures += 1;
    }
    out.unclear.push(`${text}: AWS failed 20 times in a row`);
    return undefined;
  };
  let page = await attempt(() => talk.command(text));
  while (page) {
    out.pages.push(page);
    const value = nextValue(page);
    if (!value || out.pages.length > 500) break;
    page = await attempt(() => talk.click(ACTION.next, value));
    if (page && pageNumber(page) !== out.pages.length + 1) {
      out.unclear.push(`page ${pageNumber(page)} came after page ${out.pages.length}`);
      break;
    }
  }
  return out;
}
