import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Firefox reads enterprise policy from `distribution/policies.json` beside its executable (for
 * Debian's firefox-esr: /usr/lib/firefox-esr/distribution, a link to /usr/share/firefox-esr/
 * distribution), and hands `3rdparty.Extensions.<gecko id>` to that extension's storage.managed.
 * It is machine-wide, so the suite writes it only for its run and puts back whatever was there.
 */
export class FirefoxPolicyFile {
  readonly path: string;
  readonly #previous: string | undefined;
  #restored = false;

  private constructor(path: string) {
    this.path = path;
    this.#previous = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** Writes `settings` as the policy of the extension `geckoId`, for the Firefox at `executable`. */
  static write(executable: string, geckoId: string, settings: Record<string, unknown>): FirefoxPolicyFile {
    const file = new FirefoxPolicyFile(join(dirname(realpathSync(executable)), 'distribution', 'policies.json'));
    const policies = { policies: { '3rdparty': { Extensions: { [geckoId]: settings } } } };
    try {
      writeFileSync(file.path, JSON.stringify(policies, null, 2));
    } catch (error) {
      throw new Error(
        `Could not write ${file.path} (${error instanceof Error ? error.message : String(error)}). The Firefox policy check needs ` +
          'write access to the Firefox distribution folder: run as root (as .ci/run does) or point STP_FIREFOX at a Firefox you own.',
      );
    }
    return file;
  }

  /** Puts the machine back as it was; safe to call twice (normal exit and a signal). */
  restore(): void {
    if (this.#restored) return;
    this.#restored = true;
    if (this.#previous === undefined) rmSync(this.path, { force: true });
    else writeFileSync(this.path, this.#previous);
  }
}
