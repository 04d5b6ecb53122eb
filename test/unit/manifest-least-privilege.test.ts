/**
 * Least privilege (issue #8.4), checked on the manifest as configured in wxt.config.ts for every
 * browser and mode: every permission, host permission and content-script site is justified in
 * docs/permissions.md; nothing on the never-needed list is asked for; the extension pages carry a
 * strict content security policy with no remote code; and web_accessible_resources exist only
 * with `use_dynamic_url` and a justification. Adding a permission without documenting why fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../wxt.config.ts';
import { knownSystemMatches } from '../../detect/adapters/index.ts';

const permissionsDoc = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');

/**
 * The permissions docs/permissions.md justifies: every `code` token in the first column of its
 * "Why each permission" table, with lists ("host_permissions: https://*\/*, http://*\/*") split.
 */
function justifiedPermissions(doc: string): Set<string> {
  const section = doc.split(/^## /m).find((part) => part.startsWith('Why each permission')) ?? '';
  const justified = new Set<string>();
  for (const line of section.split('\n')) {
    const firstCell = /^\|\s*([^|]+?)\s*\|\s*[^|\s-]/.exec(line)?.[1];
    if (!firstCell) continue;
    for (const code of firstCell.matchAll(/`([^`]+)`/g)) {
      for (const token of (code[1] ?? '').replace(/^[a-z_]+:\s*/, '').split(/,\s*/)) justified.add(token.trim());
    }
  }
  return justified;
}

/** Permissions no feature of this product needs; asking for one is a red flag in review. */
const neverNeeded = [
  '<all_urls>', 'tabs', 'webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'cookies', 'history', 'bookmarks', 'debugger',
  'nativeMessaging', 'management', 'downloads', 'clipboardRead', 'clipboardWrite', 'proxy', 'privacy', 'browsingData', 'identity',
  'topSites', 'webNavigation', 'pageCapture', 'tabCapture', 'desktopCapture', 'geolocation', 'unlimitedStorage',
];

const envs: ConfigEnv[] = (['chrome', 'firefox'] as const).flatMap((browser) =>
  (['production', 'test'] as const).map((mode) => ({ browser, mode, manifestVersion: 3, command: 'build' }) as ConfigEnv),
);

async function manifestFor(env: ConfigEnv): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest === 'function') return manifest(env);
  return (await manifest) ?? {};
}

describe('docs/permissions.md', () => {
  it('has a justification table the test can read', () => {
    const justified = justifiedPermissions(permissionsDoc);
    expect(justified).toContain('storage');
    expect(justified).toContain('https://*/*');
  });
});

for (const env of envs) {
  describe(`manifest for ${env.browser}, ${env.mode} build`, () => {
    it('asks only for permissions docs/permissions.md justifies, and none never needed', async () => {
      const manifest = await manifestFor(env);
      const asked = [
        ...(manifest.permissions ?? []),
        ...(manifest.optional_permissions ?? []),
        ...(manifest.host_permissions ?? []),
        ...((manifest as { optional_host_permissions?: string[] }).optional_host_permissions ?? []),
      ].map(String);
      const justified = justifiedPermissions(permissionsDoc);
      expect(asked.filter((permission) => !justified.has(permission)), 'permissions with no row in docs/permissions.md').toEqual([]);
      expect(asked.filter((permission) => neverNeeded.includes(permission))).toEqual([]);
    });

    it('sets a strict content security policy: own scripts only, no eval, no remote code', async () => {
      const manifest = await manifestFor(env);
      const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...values]) => [name as string, values]),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
    });

    it('exposes no web_accessible_resources unless with use_dynamic_url and a justification', async () => {
      const manifest = await manifestFor(env);
      for (const entry of (manifest.web_accessible_resources ?? []) as Array<{ resources: string[]; use_dynamic_url?: boolean }>) {
        expect(entry.use_dynamic_url, JSON.stringify(entry.resources)).toBe(true);
        for (const resource of entry.resources) expect(permissionsDoc).toContain(resource);
      }
    });

    it('lets no web page or other extension message it, and carries the pinning key only in test builds', async () => {
      const manifest = await manifestFor(env);
      expect((manifest as { externally_connectable?: unknown }).externally_connectable).toBeUndefined();
      if (env.mode === 'production') expect((manifest as { key?: string }).key).toBeUndefined();
    });
  });
}

describe('content-script sites', () => {
  it('are named systems, each documented, never every site', () => {
    expect(knownSystemMatches.length).toBeGreaterThan(0);
    for (const pattern of knownSystemMatches) {
      expect(pattern).not.toMatch(/^<all_urls>$|^\*:\/\/\*\/|^https?:\/\/\*\//);
      const host = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;
      expect(permissionsDoc, `${pattern} is not in docs/permissions.md`).toContain(host);
    }
  });
});
