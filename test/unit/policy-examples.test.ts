import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManagedPolicy } from '../../policy/read-managed.ts';

const examples = new URL('../../docs/admin/examples/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, examples), 'utf8');

/** The administrators' examples are copied by hand into consoles: each must pass our own checks. */
describe('admin documentation examples', () => {
  it('Linux, Firefox and Google Admin console examples set valid policy', () => {
    const linux = JSON.parse(read('linux-share-to-protect.json')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
    const firefox = JSON.parse(read('firefox-policies.json')) as { policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } } };
    const google = JSON.parse(read('google-admin-console.json')) as Record<string, { Value: unknown }>;
    const policies = [
      ...Object.values(linux['3rdparty'].extensions),
      ...Object.values(firefox.policies['3rdparty'].Extensions),
      Object.fromEntries(Object.entries(google).map(([key, wrapped]) => [key, wrapped.Value])),
    ];
    for (const policy of policies) {
      const result = readManagedPolicy(policy);
      expect(result.problems).toEqual([]);
      expect(result.present.length).toBeGreaterThan(10);
    }
    expect(Object.keys(firefox.policies['3rdparty'].Extensions)).toEqual(['share-to-protect@example.org']);
  });

  it('the README example is valid policy', () => {
    const readme = readFileSync(new URL('../README.md', examples), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const policy = JSON.parse((block ?? '{}').replace('3f2a…64 hex characters…9c', 'a'.repeat(64))) as Record<string, unknown>;
    expect(readManagedPolicy(policy).problems).toEqual([]);
  });

  it('registry examples hold every setting of the Linux example', () => {
    const linux = JSON.parse(read('linux-share-to-protect.json')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
    const keys = Object.keys(Object.values(linux['3rdparty'].extensions)[0] ?? {});
    for (const file of ['windows-chrome.reg', 'windows-edge.reg', 'macos-com.google.Chrome.extensions.plist', 'macos.mobileconfig']) {
      const text = read(file);
      for (const key of keys) expect(text, `${file} sets ${key}`).toMatch(new RegExp(`"${key}"=|<key>${key}</key>`));
    }
  });
});
