import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Logger } from '../logger.js';
import { loadRules, RulesError, type RulesFile } from './rules.js';

/** The rules file, reloaded when it changes; an invalid version leaves the last good one in place. */
export interface WatchedRulesFile {
  /** The last good rules. */
  rules(): RulesFile;
  /** Why the file as it is now is not used: undefined when it is. */
  problem(): string | undefined;
  /** Reloads if the file's modification time, size or inode moved; true when the rules changed. */
  check(): Promise<boolean>;
  /** Reloads now, after any load under way; true when the rules changed. */
  reload(): Promise<boolean>;
  /** Reloads on fs.watch events of the file's directory, then calls `changed`. */
  watch(changed: () => void): void;
  close(): void;
}

/** What tells one version of the file from the next without reading it. */
async function stampOf(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch (err) {
    return `unreadable:${(err as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/**
 * Loads the rules file at `path`; throws RulesError when it is invalid now, as a process must not
 * start on rules it cannot read. Later versions that are invalid only set `problem()`.
 */
export async function watchRulesFile(path: string, logger: Logger): Promise<WatchedRulesFile> {
  let stamp = await stampOf(path);
  let rules = await loadRules(path);
  let text = JSON.stringify(rules);
  let problem: string | undefined;
  let why: string | undefined;
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let loading: Promise<boolean> | undefined;
  const log = logger.child({ rulesFile: path });

  async function load(): Promise<boolean> {
    try {
      const next = await loadRules(path);
      if (problem) log.info('alert rules file is valid again');
      problem = undefined;
      why = undefined;
      const nextText = JSON.stringify(next);
      if (nextText === text) return false;
      rules = next;
      text = nextText;
      log.info({ rules: next.rules.length, digests: next.digests.length }, 'alert rules file reloaded');
      return true;
    } catch (err) {
      const now = err instanceof RulesError ? err.message : String(err);
      if (now !== why)
        log.warn({ problem: now }, 'alert rules file not reloaded: keeping the last good rules');
      why = now;
      problem = `${now}\nThe last good rules of the file stay in use.`;
      return false;
    }
  }
  /** One load at a time: an event during a load waits for it, then loads again. */
  function reload(): Promise<boolean> {
    const next = (loading ?? Promise.resolve(false)).then(load, load);
    loading = next;
    void next.finally(() => {
      if (loading === next) loading = undefined;
    });
    return next;
  }
  return {
    rules: () => rules,
    problem: () => problem,
    async check() {
      const now = await stampOf(path);
      if (now === stamp) return false;
      stamp = now;
      return reload();
    },
    async reload() {
      stamp = await stampOf(path);
      return reload();
    },
    watch(changed) {
      // The directory, not the file: editors and Kubernetes ConfigMaps replace the file rather than
      // write it, and a watch on the old file would hear nothing more. Polling catches what this misses.
      try {
        watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
          if (name && name !== basename(path) && !name.startsWith('..')) return;
          clearTimeout(debounce);
          debounce = setTimeout(async () => {
            stamp = await stampOf(path);
            if (await reload()) changed();
          }, 50);
          debounce.unref();
        });
        watcher.on('error', (err) => {
          log.warn({ err }, 'watching the alert rules file failed: polling it instead');
          watcher?.close();
        });
      } catch (err) {
        log.warn({ err }, 'cannot watch the alert rules file: polling it instead');
      }
    },
    close() {
      clearTimeout(debounce);
      watcher?.close();
    },
  };
}
