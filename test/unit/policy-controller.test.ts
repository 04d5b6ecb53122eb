import { describe, expect, it, vi } from 'vitest';
import { ActiveStateHolder } from '../../background/active-state.ts';
import { PolicyController } from '../../background/policy-controller.ts';
import type { ActiveState } from '../../messaging/protocol.ts';
import { lastGoodKey } from '../../policy/last-good.ts';
import { sha256Hex, type FetchOptions } from '../../policy/pack-source.ts';
import { defaultSettings } from '../../policy/settings.ts';
import { testPack } from './policy-test-pack.ts';

const bundled: ActiveState = {
  pack: { bundled: true },
  packInfo: { id: 'uk-default', version: '1.0.0', effectiveDate: '2026-01-01', source: 'bundled' },
  settings: defaultSettings,
};

/** A browser in miniature: a managed area the test rewrites, a local area that survives "restarts". */
function browserFake() {
  let managed: Record<string, unknown> = {};
  const local = new Map<string, unknown>();
  const fetches: string[] = [];
  let respond: (url: string) => Response = () => new Response('', { status: 404 });
  const fetchOptions: FetchOptions = {
    fetch: async (input) => {
      fetches.push(String(input));
      return respond(String(input));
    },
    timeoutMs: 1000,
    maxBytes: 2 * 1024 * 1024,
  };
  const start = () => {
    const state = new ActiveStateHolder(bundled);
    const changes = vi.fn();
    state.onChange(changes);
    const controller = new PolicyController({
      state,
      bundled,
      managed: { get: async () => structuredClone(managed) },
      local: {
        get: async (key) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: async (items) => {
          for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
        },
      },
      fetchOptions,
      scheduleRefresh: async () => {},
      announceStatus: async () => {},
      coalesceMs: 0,
    });
    return { state, controller, changes };
  };
  return {
    setPolicy: (next: Record<string, unknown>) => void (managed = next),
    serve: (fn: (url: string) => Response) => void (respond = fn),
    fetches,
    local,
    start,
  };
}

const packText = (o?: Parameters<typeof testPack>[0]) => JSON.stringify(testPack(o));

describe('managed policy in the background', () => {
  it('applies an inline pack and settings, and locks what the policy sets', async () => {
    const fake = browserFake();
    fake.setPolicy({ rulePack: packText(), disabledRules: ['some-rule'], allowSnooze: false });
    const { state, controller } = fake.start();
    await controller.refresh();
    expect(state.current.packInfo).toEqual({ id: 'policy-test-pack', version: '2.0.0', effectiveDate: '2026-01-01', source: 'policy-inline' });
    expect(state.current.settings.disabledRules).toEqual(['some-rule']);
    const status = await controller.status();
    expect(status.lockedSettings.sort()).toEqual(['allowSnooze', 'disabledRules']);
    expect(status.policyProblems).toEqual([]);
  });

  it('refuses a bad pack with every reason and keeps the last good one, across a restart', async () => {
    const fake = browserFake();
    fake.setPolicy({ rulePack: packText({ version: '2.0.0' }) });
    await fake.start().controller.refresh();

    const broken = testPack({ version: '3.0.0' });
    (broken.rules as Array<Record<string, unknown>>)[0]!.concern = 'unknown-concern';
    fake.setPolicy({ rulePack: JSON.stringify(broken), jurisdiction: 'atlantis' });
    const restarted = fake.start();
    await restarted.controller.refresh();
    expect(restarted.state.current.packInfo.version).toBe('2.0.0');
    const paths = (await restarted.controller.status()).policyProblems.map((p) => p.path);
    expect(paths).toContain('jurisdiction');
    expect(paths.some((p) => p.startsWith('rulePack › rules[0].concern'))).toBe(true);

    fake.setPolicy({ rulePack: '{not json' });
    await restarted.controller.refresh();
    expect(restarted.state.current.packInfo.version).toBe('2.0.0');
    expect((await restarted.controller.status()).policyProblems[0]?.message).toMatch(/not valid JSON/);
  });

  it('falls back to the bundled pack when the policy stops setting one', async () => {
    const fake = browserFake();
    fake.setPolicy({ rulePack: packText() });
    const { state, controller } = fake.start();
    await controller.refresh();
    fake.setPolicy({});
    await controller.refresh();
    expect(state.current.packInfo.source).toBe('bundled');
    expect(fake.local.get(lastGoodKey)).toEqual({ settings: {} });
  });

  it('downloads a pinned pack once, and keeps the last good one when the hash is wrong', async () => {
    const fake = browserFake();
    const text = packText({ version: '4.0.0' });
    fake.serve(() => new Response(text, { headers: { 'content-type': 'application/json' } }));
    fake.setPolicy({ rulePackUrl: 'https://packs.example.org/p.json', rulePackSha256: await sha256Hex(text) });
    const { state, controller } = fake.start();
    await controller.refresh();
    await controller.refresh();
    expect(state.current.packInfo).toMatchObject({ version: '4.0.0', source: 'policy-url' });
    expect(fake.fetches).toHaveLength(1);

    fake.setPolicy({ rulePackUrl: 'https://packs.example.org/p.json', rulePackSha256: 'b'.repeat(64) });
    await controller.refresh();
    expect(state.current.packInfo.version).toBe('4.0.0');
    expect((await controller.status()).policyProblems[0]?.path).toBe('rulePackSha256');
    // A failed download is not retried on every policy change, only when the refresh alarm fires.
    await controller.refresh();
    expect(fake.fetches).toHaveLength(2);
    await controller.retryDownload();
    expect(fake.fetches).toHaveLength(3);
  });

  it('coalesces a burst of policy changes into a bounded number of runs, ending on the newest', async () => {
    const fake = browserFake();
    const { state, controller, changes } = fake.start();
    const runs: Promise<void>[] = [];
    for (let i = 1; i <= 50; i++) {
      fake.setPolicy({ logRetentionDays: i });
      runs.push(controller.refresh());
    }
    await Promise.all(runs);
    expect(state.current.settings.logRetentionDays).toBe(50);
    expect(changes.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('refuses to save over a setting the administrator set', async () => {
    const fake = browserFake();
    fake.setPolicy({ jurisdiction: 'wales' });
    const { state, controller } = fake.start();
    await controller.refresh();
    await expect(controller.saveUserSettings({ jurisdiction: 'scotland' })).rejects.toThrow(/administrator/);
    await controller.saveUserSettings({ locale: 'cy' });
    expect(state.current.settings).toMatchObject({ jurisdiction: 'wales', locale: 'cy' });
  });
});
