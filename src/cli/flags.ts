import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

/** One flag a command takes: how its value reads, and what `--help` says about it. */
export interface Flag<T> {
  type: 'string' | 'boolean';
  /** The value's placeholder in the usage, like `N`; empty for a switch. */
  value: string;
  help: string;
  /** The value of the text after the flag, or undefined when the text is not one. */
  read(raw: string): T | undefined;
  /** What a valid value looks like, completing "is not …". */
  expected: string;
}

/** What a command declares: the words after its name and the flags it takes. */
export interface CommandArgs<F extends Record<string, Flag<unknown>>> {
  name: string;
  /** The operand in the synopsis, like `"<text>"`; commands without one take no positionals. */
  operand?: { synopsis: string; missing: string } | undefined;
  flags: F;
}

export type FlagValues<F extends Record<string, Flag<unknown>>> = {
  [K in keyof F]: F[K] extends Flag<infer T> ? T | undefined : never;
};

export interface ReadArgs<F extends Record<string, Flag<unknown>>> {
  flags: FlagValues<F>;
  positionals: string[];
  /** `--help` or `-h` was given. */
  help: boolean;
}

/** A flag without a value: present or not. */
export function toggle(help: string): Flag<boolean> {
  return { type: 'boolean', value: '', help, read: () => true, expected: 'no value' };
}

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number, help: string, value = 'N'): Flag<number> {
  return {
    type: 'string',
    value,
    help,
    expected: `a whole number from ${min} to ${max}`,
    read(raw) {
      const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
    },
  };
}

/** One of a few words. */
export function choice<const V extends string>(values: readonly V[], help: string): Flag<V> {
  return {
    type: 'string',
    value: values.join('|'),
    help,
    expected: `one of ${values.join(', ')}`,
    read: (raw) => values.find((v) => v === raw),
  };
}

/** A value of its own kind: `read` says what it is, or undefined when the text is not one. */
export function text<T>(spec: Omit<Flag<T>, 'type'>): Flag<T> {
  return { type: 'string', ...spec };
}

/** The one-line synopsis: `Usage: backup-jobs parse "<text>" [--now ISO-8601] [--tz Zone]`. */
export function synopsis(command: CommandArgs<Record<string, Flag<unknown>>>): string {
  const flags = Object.entries(command.flags).map(([name, f]) =>
    f.type === 'boolean' ? `[--${name}]` : `[--${name} ${f.value}]`,
  );
  const operand = command.operand ? [command.operand.synopsis] : [];
  return ['Usage: backup-jobs', command.name, ...operand, ...flags].join(' ');
}

/** The options part of `--help`: every flag with its help, aligned. */
export function optionLines(command: CommandArgs<Record<string, Flag<unknown>>>): string[] {
  const rows = Object.entries(command.flags).map(([name, f]) => [
    f.type === 'boolean' ? `--${name}` : `--${name} ${f.value}`,
    f.help,
  ]);
  rows.push(['-h, --help', 'print this help and exit']);
  const width = Math.max(...rows.map(([left = '']) => left.length)) + 2;
  return rows.flatMap(([left = '', help = '']) => {
    const [first = '', ...rest] = help.split('\n');
    return [`  ${left.padEnd(width)}${first}`, ...rest.map((line) => `  ${' '.repeat(width)}${line}`)];
  });
}

function usageError(command: CommandArgs<Record<string, Flag<unknown>>>, problem: string): UsageError {
  return new UsageError(
    `${command.name}: ${problem}.`,
    `${synopsis(command)}  (more with: backup-jobs ${command.name} --help)`,
  );
}

/**
 * Reads a command's arguments with node's `parseArgs`, against the flags the command declares.
 * An unknown flag, a flag without its value, a value that is not valid, or a stray operand is a
 * UsageError naming the flag, with the command's synopsis as the remedy.
 */
export function readArgs<F extends Record<string, Flag<unknown>>>(
  command: CommandArgs<F>,
  args: readonly string[],
): ReadArgs<F> {
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, f]) => [name, { type: f.type }]),
  );
  // Not strict: the tokens are checked here, so that each refusal names its flag in our words.
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  let help = false;
  const fail = (problem: string) => usageError(command, problem);
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!command.operand) throw fail(`Unexpected argument "${token.value}": this command takes none`);
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const flag = Object.hasOwn(command.flags, token.name) ? command.flags[token.name] : undefined;
    if (!flag) throw fail(`Unknown option '${token.rawName}'`);
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw fail(`${token.rawName} takes no value, got "${token.value}"`);
      values[token.name] = true;
      continue;
    }
    // parseArgs takes the next word as the value even when it is another flag (`--now --tz UTC`).
    const stolen = !token.inlineValue && token.value?.startsWith('--');
    if (token.value === undefined || stolen) {
      throw fail(`${token.rawName} needs a value (${flag.value})`);
    }
    const value = flag.read(token.value);
    if (value === undefined) throw fail(`${token.rawName} "${token.value}" is not ${flag.expected}`);
    values[token.name] = value;
  }
  if (!help && command.operand && positionals.length === 0) throw fail(command.operand.missing);
  return { flags: values as FlagValues<F>, positionals, help };
}
