// Slack's `<!date^seconds^format|fallback>`: the tokens of the format, in the reader's time zone.

function ordinal(day) {
  const n = Number(day);
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

function parts(date, tz, options) {
  const out = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone: tz, ...options }).formatToParts(date))
    out[p.type] = p.value;
  return out;
}

function dayKey(date, tz) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(date);
}

function relative(date, tz) {
  const now = Date.now();
  for (const [offset, word] of [
    [0, 'today'],
    [-1, 'yesterday'],
    [1, 'tomorrow'],
  ]) {
    if (dayKey(date, tz) === dayKey(new Date(now + offset * 86_400_000), tz)) return word;
  }
  return undefined;
}

function ago(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ]) {
    if (Math.abs(seconds) >= size) return rtf.format(-Math.round(seconds / size), unit);
  }
  return rtf.format(-seconds, 'second');
}

/** The text Slack shows for a date token, or undefined for a format it would not understand. */
export function formatSlackDate(seconds, format, tz) {
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const p = parts(date, tz, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const short = parts(date, tz, { year: 'numeric', month: 'short', day: 'numeric' });
  const values = {
    date_num: new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(date),
    date: `${p.month} ${ordinal(p.day)}, ${p.year}`,
    date_short: `${short.month} ${short.day}, ${short.year}`,
    date_long: `${p.weekday}, ${p.month} ${ordinal(p.day)}, ${p.year}`,
    time: new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', minute: '2-digit' }).format(date),
    time_secs: new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(date),
    ago: ago(date),
  };
  values.date_pretty = relative(date, tz) ?? values.date;
  values.date_short_pretty = relative(date, tz) ?? values.date_short;
  values.date_long_pretty = relative(date, tz) ?? values.date_long;
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (whole, name) => {
    if (Object.hasOwn(values, name)) return values[name];
    unknown = true;
    return whole;
  });
  return unknown ? undefined : text;
}
