import { ErrorCode } from '@slack/web-api';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodedError } from '../../src/errors.js';
import {
  isBlocksRefusal,
  postToResponseUrl,
  ResponseRefusedError,
  respondFirstTaken,
} from '../../src/slack/respond.js';

const log = pino({ level: 'silent' });
const URL = 'https://hooks.slack.com/commands/T1/1/x';

/** A refusal as @slack/web-api reports one from chat.postMessage. */
function webApiError(error: string) {
  return Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('postToResponseUrl', () => {
  function answering(status: number, body: string) {
    return vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status }));
  }

  it.each([
    ['a JSON body', '{"ok":false,"error":"invalid_blocks","errors":["no more than 2 …"]}'],
    ['a bare word', 'invalid_blocks\n'],
  ])('reads Slack’s word for a refusal from %s', async (_how, body) => {
    answering(400, body);
    const err = await postToResponseUrl(URL, { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseRefusedError);
    expect(err).toMatchObject({ code: 'invalid_blocks', status: 400, name: 'ResponseRefusedError' });
    expect(isBlocksRefusal(err)).toBe(true);
  });

  it('refuses for good, but not for the blocks, an expired url or one that says nothing', async () => {
    answering(404, 'expired_url');
    const expired = await postToResponseUrl(URL, { text: 'x' }).catch((e: unknown) => e);
    expect(expired).toMatchObject({ code: 'expired_url', status: 404 });
    expect(isBlocksRefusal(expired)).toBe(false);
    answering(410, '<html>Gone</html>');
    await expect(postToResponseUrl(URL, { text: 'x' })).rejects.toMatchObject({ code: 'http_410' });
  });

  it('leaves a 5xx to the work queue, as a coded error that is retried', async () => {
    answering(503, 'oops');
    const err = await postToResponseUrl(URL, { text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodedError);
    expect(err).not.toBeInstanceOf(ResponseRefusedError);
  });
});

describe('isBlocksRefusal', () => {
  it('knows invalid_blocks from the Web API too, and nothing else', () => {
    expect(isBlocksRefusal(webApiError('invalid_blocks'))).toBe(true);
    expect(isBlocksRefusal(webApiError('channel_not_found'))).toBe(false);
    expect(isBlocksRefusal(new Error('invalid_blocks'))).toBe(false);
  });
});

describe('respondFirstTaken', () => {
  const versions = [{ text: 'chart' }, { text: 'table' }, { text: 'text' }];

  function slack(refuse: (message: Record<string, unknown>) => unknown) {
    const tried: unknown[] = [];
    const respond = async (message: Record<string, unknown>) => {
      tried.push(message.text);
      const err = refuse(message);
      if (err) throw err;
    };
    return { tried, respond };
  }

  it('sends the first version when Slack takes it', async () => {
    const { tried, respond } = slack(() => undefined);
    await expect(respondFirstTaken(respond, versions, log)).resolves.toBeNull();
    expect(tried).toEqual(['chart']);
  });

  it('moves on to the next version when Slack refuses the blocks, by response_url or Web API', async () => {
    const byUrl = slack((m) =>
      m.text === 'chart' ? new ResponseRefusedError(400, 'invalid_blocks') : undefined,
    );
    await expect(respondFirstTaken(byUrl.respond, versions, log)).resolves.toBeNull();
    expect(byUrl.tried).toEqual(['chart', 'table']);
    const byApi = slack((m) => (m.text === 'text' ? undefined : webApiError('invalid_blocks')));
    await expect(respondFirstTaken(byApi.respond, versions, log)).resolves.toEqual({ text: 'text' });
    expect(byApi.tried).toEqual(['chart', 'table']);
  });

  it('hands back a version that failed otherwise, for the caller to send and fail as any answer', async () => {
    const down = slack(
      () => new CodedError('SLACK_API', 'Slack did not take the answer (HTTP 503).', { remedy: '' }),
    );
    await expect(respondFirstTaken(down.respond, versions, log)).resolves.toEqual({ text: 'chart' });
    expect(down.tried).toEqual(['chart']);
    const expired = slack(() => new ResponseRefusedError(404, 'expired_url'));
    await expect(respondFirstTaken(expired.respond, versions, log)).resolves.toEqual({ text: 'chart' });
  });
});
