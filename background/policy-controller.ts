import type { ActiveState, Status } from '../messaging/protocol.ts';
import { parseRulePack } from '../rules/load.ts';
import type { RulePack } from '../rules/schema.ts';
import { lastGoodOf, readLastGood, writeLastGood, type LastGood, type LastGoodPack, type LocalArea } from '../policy/last-good.ts';
import { defaultRefreshMinutes, isSettingKey, type SettingKey } from '../policy/managed-schema.ts';
import { defaultSettings } from '../policy/settings.ts';
import { mergeSettings } from '../policy/merge.ts';
import { fetchPinnedPack, packRequestFrom, sha256Hex, type FetchOptions, type PackRequest } from '../policy/pack-source.ts';
import type { PolicyProblem } from '../policy/problems.ts';
import { fetchManagedValues, readManagedPolicy, type ManagedArea } from '../policy/read-managed.ts';
import { SerialRunner } from '../policy/serial-runner.ts';
import { readUserSettings, userSettingsKey, type UserSettings } from '../policy/user-settings.ts';
import type { ActiveStateHolder } from './active-state.ts';

export const packRefreshAlarm = 'policy-pack-refresh';

export interface PolicyDeps {
  state: ActiveStateHolder;
  /** The state with the bundled pack and default settings: the floor. */
  bundled: ActiveState;
  managed: ManagedArea;
  local: LocalArea;
  fetchOptions: FetchOptions;
  /** Schedules (period in minutes) or cancels (undefined) the retry of a pack URL. */
  scheduleRefresh: (periodMinutes: number | undefined) => Promise<void>;
  /** Tells extension pages the status changed, so the options page can re-read it. */
  announceStatus: () => Promise<void>;
  /** Quiet time before a run, so a burst of policy changes costs one run. */
  coalesceMs?: number;
}

type Download = { url: string; sha256: string; outcome: { ok: true; text: string } | { ok: false; problems: PolicyProblem[] } };
type PackChoice = { pack: LastGoodPack | undefined; problems: PolicyProblem[]; needsDownload?: { url: string; sha256: string } };

/**
 * Turns the managed policy into the state in force. The policy is read fresh on every run (start-up,
 * each `storage.onChanged` in the managed area, the worker's own settings changing, the refresh
 * alarm); each value is checked on its own, a refused value or pack keeps its last good one, and
 * the last good is persisted so a restart does not lose it.
 */
export class PolicyController {
  readonly #deps: PolicyDeps;
  readonly #runner: SerialRunner;
  #problems: PolicyProblem[] = [];
  #locked: SettingKey[] = [];
  #lastGood: LastGood | undefined;
  #lastGoodStamp = '';
  #parsed: { sha256: string; pack: RulePack } | undefined;
  #download: Download | undefined;
  #refreshPeriod: number | undefined;
  #statusStamp = '';
  #ranOnce = false;

  constructor(deps: PolicyDeps) {
    this.#deps = deps;
    this.#runner = new SerialRunner(() => this.#run(), deps.coalesceMs ?? 200);
  }

  /** Re-reads the policy; resolves when a run that started after this call has finished. */
  refresh(): Promise<void> {
    return this.#runner.request();
  }

  /** The refresh alarm: forget a failed download so the address is tried again. */
  retryDownload(): Promise<void> {
    if (this.#download && !this.#download.outcome.ok) this.#download = undefined;
    return this.refresh();
  }

  async status(): Promise<Status> {
    await this.#deps.state.settled();
    const { packInfo, settings } = this.#deps.state.current;
    return { packInfo, settings, lockedSettings: [...this.#locked], policyProblems: [...this.#problems] };
  }

  /** The worker's own choices; a setting the administrator fixed cannot be saved over. */
  async saveUserSettings(user: UserSettings): Promise<void> {
    const locked = Object.keys(user).filter((key) => (this.#locked as string[]).includes(key));
    if (locked.length > 0) throw new Error(`These settings are set by your administrator: ${locked.join(', ')}`);
    const saved = readUserSettings((await this.#deps.local.get(userSettingsKey))[userSettingsKey]);
    await this.#deps.local.set({ [userSettingsKey]: { ...saved, ...user } });
    await this.refresh();
  }

  async #run(): Promise<void> {
    try {
      await this.#apply();
    } finally {
      this.#ranOnce = true;
      this.#deps.state.markSettled();
      await this.#announce();
    }
  }

  async #apply(): Promise<void> {
    const { managed, local } = this.#deps;
    const lastGood = (this.#lastGood ??= await readLastGood(local));
    const read = await fetchManagedValues(managed);
    if (!read.ok) {
      // Not knowing the policy is not the same as having none: keep everything as it is.
      // At start-up that means the last good state, as saved.
      this.#problems = read.problems;
      if (!this.#ranOnce) {
        this.#locked = Object.keys(lastGood.settings).filter(isSettingKey);
        this.#install(this.#stateFrom(lastGood.pack, { ...defaultSettings, ...lastGood.settings }).state);
      }
      return;
    }
    const user = readUserSettings((await local.get(userSettingsKey))[userSettingsKey]);
    const policy = readManagedPolicy(read.values);
    const merged = mergeSettings(policy.policy, policy.present, user, lastGood.settings);
    const request = packRequestFrom(policy.policy, policy.present);

    let choice = await this.#choosePack(request.request, lastGood.pack);
    if (choice.needsDownload) {
      // Apply the settings now; the download can take seconds and must not hold them back.
      this.#commit(merged, choice, [...policy.problems, ...request.problems]);
      this.#download = { ...choice.needsDownload, outcome: await fetchPinnedPack(choice.needsDownload.url, choice.needsDownload.sha256, this.#deps.fetchOptions) };
      choice = await this.#choosePack(request.request, lastGood.pack);
    }
    this.#commit(merged, choice, [...policy.problems, ...request.problems]);
    await this.#persist(lastGoodOf(merged.lastGood, choice.pack));
    await this.#schedule(request.request.kind === 'url' ? (policy.policy.rulePackRefreshMinutes ?? defaultRefreshMinutes) : undefined);
  }

  #commit(merged: ReturnType<typeof mergeSettings>, choice: PackChoice, problems: PolicyProblem[]): void {
    const { state, problems: packProblems } = this.#stateFrom(choice.pack, merged.settings);
    this.#problems = [...problems, ...choice.problems, ...packProblems];
    this.#locked = merged.locked;
    this.#install(state);
  }

  /** Builds the state for a chosen pack; a stored pack that no longer passes the checks falls to the floor. */
  #stateFrom(chosen: LastGoodPack | undefined, settings: ActiveState['settings']): { state: ActiveState; problems: PolicyProblem[] } {
    const floor = { ...this.#deps.bundled, settings };
    if (!chosen) return { state: floor, problems: [] };
    if (this.#parsed?.sha256 !== chosen.sha256) {
      const parsed = parseRulePack(chosen.text);
      if (!parsed.ok) {
        return { state: floor, problems: [{ path: 'rulePack', message: 'the saved pack no longer passes the checks of this version; using the bundled pack' }] };
      }
      this.#parsed = { sha256: chosen.sha256, pack: parsed.pack };
    }
    return { state: { pack: this.#parsed.pack, packInfo: chosen.info, settings }, problems: [] };
  }

  async #choosePack(request: PackRequest, previous: LastGoodPack | undefined): Promise<PackChoice> {
    switch (request.kind) {
      case 'bundled':
        return { pack: undefined, problems: [] };
      case 'inline': {
        const sha256 = await sha256Hex(request.text);
        if (previous?.sha256 === sha256) return { pack: { ...previous, info: { ...previous.info, source: 'policy-inline' } }, problems: [] };
        return this.#checkPack(request.text, sha256, 'policy-inline', 'rulePack', previous);
      }
      case 'url': {
        if (previous?.sha256 === request.sha256) {
          return { pack: { ...previous, url: request.url, info: { ...previous.info, source: 'policy-url' } }, problems: [] };
        }
        const download = this.#download;
        if (!download || download.url !== request.url || download.sha256 !== request.sha256) {
          return { pack: previous, problems: [], needsDownload: { url: request.url, sha256: request.sha256 } };
        }
        if (!download.outcome.ok) return { pack: previous, problems: download.outcome.problems };
        return this.#checkPack(download.outcome.text, request.sha256, 'policy-url', 'rulePackUrl', previous, request.url);
      }
    }
  }

  #checkPack(text: string, sha256: string, source: 'policy-inline' | 'policy-url', key: string, previous: LastGoodPack | undefined, url?: string): PackChoice {
    const parsed = parseRulePack(text);
    if (!parsed.ok) {
      const problems = parsed.problems.map((p) => ({ path: `${key} › ${p.path || '(whole pack)'}`, message: p.message }));
      return { pack: previous, problems };
    }
    this.#parsed = { sha256, pack: parsed.pack };
    const { id, version, effectiveDate } = parsed.pack;
    return { pack: { text, sha256, info: { id, version, effectiveDate, source }, ...(url ? { url } : {}) }, problems: [] };
  }

  /** Replaces the state only when something changed, so tabs are not re-sent a pack for nothing. */
  #install(next: ActiveState): void {
    const current = this.#deps.state.current;
    const same =
      current.pack === next.pack &&
      JSON.stringify(current.packInfo) === JSON.stringify(next.packInfo) &&
      JSON.stringify(current.settings) === JSON.stringify(next.settings);
    if (!same) this.#deps.state.replace(next);
  }

  async #persist(lastGood: LastGood): Promise<void> {
    const stamp = JSON.stringify({ settings: lastGood.settings, sha: lastGood.pack?.sha256, info: lastGood.pack?.info, url: lastGood.pack?.url });
    if (stamp === this.#lastGoodStamp) return;
    await writeLastGood(this.#deps.local, lastGood);
    this.#lastGood = lastGood;
    this.#lastGoodStamp = stamp;
  }

  async #schedule(period: number | undefined): Promise<void> {
    if (period === this.#refreshPeriod) return;
    await this.#deps.scheduleRefresh(period);
    this.#refreshPeriod = period;
  }

  async #announce(): Promise<void> {
    const stamp = JSON.stringify([this.#problems, this.#locked, this.#deps.state.current.packInfo, this.#deps.state.current.settings]);
    if (stamp === this.#statusStamp) return;
    this.#statusStamp = stamp;
    await this.#deps.announceStatus();
  }
}
