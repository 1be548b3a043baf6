const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration like 5s, 5m, 1h, 24h or 7d; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,6})\s*([smhd])\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase() as keyof typeof UNITS;
  return Number(match[1]) * UNITS[unit];
}
