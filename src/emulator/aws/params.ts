import { invalidValue } from './aws-error.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;
const EPOCH_SECONDS = /^\d{1,11}(\.\d{1,9})?$/;

/** A query parameter's value; undefined when absent. */
export function param(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}

/**
 * An ISO-8601 UTC timestamp as sent by the JS SDK (`…Z`, `….500Z`) or the AWS CLI (`….500000Z`),
 * or epoch seconds; milliseconds since the epoch.
 */
export function parseTime(name: string, raw: string): number {
  if (EPOCH_SECONDS.test(raw)) return Math.round(Number(raw) * 1000);
  const m = ISO.exec(raw);
  if (m) {
    const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
    const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
    const ms = Number(frac.padEnd(3, '0').slice(0, 3));
    const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
    const check = new Date(utc);
    const valid =
      check.getUTCFullYear() === parts[0] &&
      check.getUTCMonth() === parts[1] - 1 &&
      check.getUTCDate() === parts[2] &&
      parts[3] < 24 &&
      parts[4] < 60 &&
      parts[5] < 60;
    if (valid) return utc - offsetMs(zone);
  }
  throw invalidValue(name, raw, 'an ISO-8601 timestamp like 2026-11-01T00:00:00Z');
}

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** An integer in [min, max]; `fallback` when absent. */
export function parseLimit(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (raw === undefined) return fallback;
  const n = /^-?\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidValue(name, raw, `an integer from ${min} to ${max}`);
  }
  return n;
}

/** One of `values`, exactly as spelled. */
export function parseChoice<T extends string>(name: string, raw: string, values: readonly T[]): T {
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw invalidValue(name, raw, `one of ${values.join(', ')}`);
}

/** A value matching `pattern`, described for the error message. */
export function parsePattern(name: string, raw: string, pattern: RegExp, expected: string): string {
  if (pattern.test(raw)) return raw;
  throw invalidValue(name, raw, expected);
}

export const ACCOUNT_ID = /^\d{12}$/;
export const VAULT_NAME = /^[a-zA-Z0-9\-_]{2,50}$/;
export const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.{1,1800}$/;
export const JOB_ID = /^[\x21-\x7e]{1,1024}$/;
