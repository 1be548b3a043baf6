/** A seeded source of numbers in [0, 1): the same seed gives the same run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Valid commands the mutations start from: every kind the language has. */
const SEEDS = [
  'failed last 3 days vault:prod',
  'failed or partial since monday 9am type:rds account:*',
  'completed with issues yesterday region:eu-west-1 limit:25 public',
  'summary 7d type:ebs',
  'summary daily',
  'job 9C0F6E1B-2A3D-4E5F-8A9B-0C1D2E3F4A5B',
  'between nov 1 and nov 7 resource:arn:aws:ec2:us-east-1:123456789012:volume/vol-1',
  'alerts mute prod-failures 2h',
  'help windows',
  'nov 20-22 category:AccessDenied parent:ABC',
];

/** Pieces attackers and clumsy fingers put into text. */
const NOISE = [
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud83e\udd84',
  '\n',
  '\t',
  '\r\n',
  '<!channel>',
  '<@U0BOB>',
  '*_~`',
  '```',
  '%00',
  '%',
  '&text=summary',
  '=',
  '+',
  '"',
  "'",
  '\\',
  '$' + '{x}',
  '{{x}}',
  '../../',
  'limit:0',
  'limit:-1',
  'limit:99999999999999999999',
  'last 1e309 days',
  'last NaN hours',
  'since 9999-99-99',
  'before 0000-01-01',
  'region:xx-nowhere-9',
  'account:12345',
  'vault:',
  'type:',
  ':',
  'job ',
  'job \u0000',
  'summary 999d',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function mutate(rand: () => number, text: string): string {
  const at = Math.floor(rand() * (text.length + 1));
  switch (Math.floor(rand() * 6)) {
    case 0:
      return text.slice(0, at) + pick(rand, NOISE) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 8));
    case 2:
      return text.toUpperCase();
    case 3: {
      const words = text.split(' ');
      return words.sort(() => rand() - 0.5).join(' ');
    }
    case 4:
      return `${text} ${text}`;
    default:
      return text.slice(0, at) + String.fromCodePoint(Math.floor(rand() * 0x110000)) + text.slice(at);
  }
}

/** `count` hostile command texts: mutated valid commands, noise, and every 100th a very long one. */
export function fuzzCommandTexts(count: number, seed = 8): string[] {
  const rand = seeded(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 100 === 99) {
      texts.push(pick(rand, SEEDS).padEnd(4000 + Math.floor(rand() * 40_000), ` ${pick(rand, NOISE)}`));
      continue;
    }
    let text = pick(rand, SEEDS);
    const rounds = 1 + Math.floor(rand() * 4);
    for (let r = 0; r < rounds; r++) text = mutate(rand, text);
    texts.push(text);
  }
  return texts;
}
