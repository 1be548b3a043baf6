import { createHmac } from 'node:crypto';

/**
 * Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed with the
 * signing secret. Pure, so tests can forge, replay and age signatures at will.
 */
export function signSlackRequest(secret: string, timestampSec: number, rawBody: string): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestampSec}:${rawBody}`);
  return `v0=${hmac.digest('hex')}`;
}

/** The two headers Slack sends with every signed request. */
export function slackSignatureHeaders(
  secret: string,
  timestampSec: number,
  rawBody: string,
): { 'X-Slack-Signature': string; 'X-Slack-Request-Timestamp': string } {
  return {
    'X-Slack-Signature': signSlackRequest(secret, timestampSec, rawBody),
    'X-Slack-Request-Timestamp': String(timestampSec),
  };
}
