import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS } from '../../src/config.js';
import { exists, readText, readYaml, repoPath } from './repo.js';

const DOCS = ['docs/install.md', 'manifests/README.md'] as const;
/** Variables the AWS SDK reads by itself; the docs may name them beside the config's own keys. */
const SDK_KEYS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#+\s+(.+)$/gm)].map((m) => m[1]!);
  return new Set(
    headings.map((h) =>
      h
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .replace(/\s/g, '-'),
    ),
  );
}

describe.each(DOCS)('%s', (doc) => {
  const text = readText(repoPath(doc));

  it('links only to files and headings that exist', () => {
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^\w+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const [path, anchor] = link.split('#');
      const target = path ? resolve(dirname(repoPath(doc)), path) : repoPath(doc);
      expect(exists(target), link).toBe(true);
      if (anchor) expect(anchors(readText(target)), link).toContain(anchor);
    }
  });

  it('names only environment keys that exist', () => {
    const named = [...text.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+|PORT)(?:=[^`]*)?`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    const known = new Set<string>([...ENV_KEYS, ...SDK_KEYS]);
    expect(named.filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('docs/install.md', () => {
  const text = readText(repoPath('docs', 'install.md'));

  it('walks through the app manifest, its scopes, tokens and both connection modes', () => {
    const manifest = readYaml(repoPath('slack-app-manifest.yaml')) as {
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(text).toContain('slack-app-manifest.yaml');
    for (const scope of manifest.oauth_config.scopes.bot) expect(text).toContain(`\`${scope}\``);
    for (const key of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'])
      expect(text).toContain(key);
    expect(text).toMatch(/Socket Mode/);
    expect(text).toContain('connections:write');
  });

  it('covers AWS credentials, both ways to run, the readiness check and a first command', () => {
    expect(text).toContain('manifests/iam-policy.json');
    expect(text).toMatch(/IRSA/);
    expect(text).toMatch(/access keys/);
    expect(text).toContain('docker compose up');
    const applied = /kubectl apply -k (\S+)/.exec(text)?.[1];
    expect(exists(repoPath(applied ?? 'missing', 'kustomization.yaml'))).toBe(true);
    expect(text).toContain('/readyz');
    expect(text).toMatch(/^\/backup-jobs help$/m);
  });
});
