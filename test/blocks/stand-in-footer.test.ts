import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkMessage, SLACK_LIMITS } from '../../src/blocks/limits.js';
import { listPage } from '../../src/blocks/list-page.js';
import { STAND_IN_BLOCK_ID, standInFooter, withFooter } from '../../src/blocks/notes.js';
import { hostileText, NOW, worstJobs } from './fixtures.js';

const AWS = 'http://127.0.0.1:4566';
const SLACK = 'http://127.0.0.1:3000/api/';
const footer = standInFooter({ aws: AWS, slack: SLACK })!;

function section(i: number): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: `line ${i}` } };
}

describe('standInFooter', () => {
  it('is one line naming each stand-in, and nothing when both are the real ones', () => {
    expect(footer).toEqual({
      type: 'context',
      block_id: STAND_IN_BLOCK_ID,
      elements: [
        {
          type: 'mrkdwn',
          text: `:warning: AWS data from \`${AWS}\`, not AWS · Slack API at \`${SLACK}\`, not Slack`,
          verbatim: true,
        },
      ],
    });
    expect(standInFooter({ aws: AWS })?.elements).toEqual([
      { type: 'mrkdwn', text: `:warning: AWS data from \`${AWS}\`, not AWS`, verbatim: true },
    ]);
    expect(standInFooter({})).toBeUndefined();
  });

  it('shows a hostile URL literally, on one line, within bounds', () => {
    const url = `http://x/<!here>\`*bold*\n${'a'.repeat(5000)}`;
    const [element] = standInFooter({ aws: url, slack: url })!.elements as { text: string }[];
    expect(element!.text).not.toMatch(/<!here>|\n/);
    expect(element!.text.length).toBeLessThan(320);
    expect(checkMessage({ text: 't', blocks: [standInFooter({ aws: url, slack: url })!] })).toEqual([]);
  });
});

describe('withFooter', () => {
  it('adds the footer as the last block, once', () => {
    const message = { text: 'hi', blocks: [section(1)], response_type: 'ephemeral' };
    const footed = withFooter(message, footer);
    expect(footed).toEqual({ ...message, blocks: [section(1), footer] });
    expect(withFooter(footed, footer)).toBe(footed);
    expect(withFooter(message, undefined)).toBe(message);
  });

  it('gives a text-only reply a section of its text, and leaves a message with nothing to show alone', () => {
    expect(withFooter({ text: 'That button is not one of mine any more.' }, footer)).toEqual({
      text: 'That button is not one of mine any more.',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'That button is not one of mine any more.' } },
        footer,
      ],
    });
    const deletion: Record<string, unknown> = { delete_original: true };
    expect(withFooter(deletion, footer)).toBe(deletion);
  });

  it('keeps the largest list pages within every Slack limit', () => {
    for (const size of [1, 20, 21, 50]) {
      const page = listPage({
        title: hostileText(2000),
        page: 999,
        hasPrev: true,
        hasNext: true,
        cursorId: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg',
        timeZone: 'Asia/Kolkata',
        now: NOW,
        notes: [hostileText(5000)],
        warnings: [hostileText(5000)],
        isLast: false,
        jobs: worstJobs(size),
        visibility: 'ephemeral',
      });
      const footed = withFooter(page, footer);
      expect(checkMessage(footed)).toEqual([]);
      expect(footed.blocks.at(-1)).toEqual(footer);
    }
  });

  it('at 50 blocks joins a last context block that has room, and sends what has no room as it is', () => {
    const full = Array.from({ length: SLACK_LIMITS.blocksPerMessage - 1 }, (_, i) => section(i));
    const note: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: 'page 1' }] };
    const joined = withFooter({ text: 't', blocks: [...full, note] }, footer);
    expect(joined.blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(joined.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [...note.elements, ...footer.elements],
    });
    expect(checkMessage(joined)).toEqual([]);

    const buttons: KnownBlock = {
      type: 'actions',
      elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Next' } }],
    };
    const noRoom = { text: 't', blocks: [...full, buttons] };
    expect(withFooter(noRoom, footer)).toBe(noRoom);
    const tooLong = {
      text: 't',
      blocks: [section(0), { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(11_990) } }],
    };
    expect(withFooter(tooLong, footer)).toBe(tooLong);
  });
});
