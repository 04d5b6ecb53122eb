import { z } from '../validation/zod.ts';
import { PackInfoSchema, type PackInfo } from '../messaging/protocol.ts';
import { SettingsSchema } from './settings.ts';
import type { LastGoodSettings } from './merge.ts';

/**
 * The last policy state that passed its checks, kept in storage.local so that it survives a
 * browser restart: after a bad policy push, workers keep the pack and settings they had. It holds
 * an administrator's pack and settings only: never note text.
 */
export const LastGoodSchema = z.strictObject({
  settings: z.partial(SettingsSchema),
  pack: z.optional(
    z.strictObject({
      /** The pack exactly as the administrator sent it (JSON text). */
      text: z.string(),
      sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
      info: PackInfoSchema,
      /** The policy address it came from, if any, so an unchanged URL and hash need no download. */
      url: z.optional(z.string()),
    }),
  ),
});

export type LastGood = z.infer<typeof LastGoodSchema>;
export type LastGoodPack = NonNullable<LastGood['pack']>;

export const lastGoodKey = 'policyLastGood';

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A stored record that no longer parses (an older format) is reported and treated as none. */
export async function readLastGood(local: LocalArea): Promise<LastGood> {
  const stored = (await local.get(lastGoodKey))[lastGoodKey];
  if (stored === undefined) return { settings: {} };
  const parsed = LastGoodSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`Share to Protect: the saved last good policy could not be read (${parsed.error.issues[0]?.message ?? 'invalid'}); starting from the bundled pack.`);
  return { settings: {} };
}

export async function writeLastGood(local: LocalArea, lastGood: LastGood): Promise<void> {
  await local.set({ [lastGoodKey]: lastGood });
}

export function lastGoodOf(settings: LastGoodSettings, pack: LastGoodPack | undefined): LastGood {
  return pack ? { settings, pack } : { settings };
}

export type { PackInfo };
