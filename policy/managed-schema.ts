import { z } from '../validation/zod.ts';
import { SettingsSchema, type Settings } from './settings.ts';

/**
 * What an administrator may set by managed policy, as Zod. `public/managed_schema.json` says the
 * same thing in Chrome's schema dialect (Chrome drops keys it does not list); a unit test keeps the
 * two in step. Every key is optional: a key the policy leaves out is the worker's to choose.
 */

/** Where the rule pack comes from. */
export const PackPolicyShape = {
  /** The whole pack as a JSON string (as uBlock Origin's `adminSettings` carries its settings). */
  rulePack: z.string().check(z.minLength(1)),
  /** An https address the background fetches the pack from; needs `rulePackSha256`. */
  rulePackUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
  /** SHA-256 of the exact bytes at `rulePackUrl`, in hex: only a pack with this hash is used. */
  rulePackSha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal characters (a SHA-256 hash)')),
  /** How often to retry a pack URL that could not be fetched, in minutes. */
  rulePackRefreshMinutes: z.int().check(z.minimum(15), z.maximum(10080)),
} as const;

export const ManagedPolicySchema = z.partial(z.strictObject({ ...PackPolicyShape, ...SettingsSchema.shape }));

export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;
export type SettingKey = keyof Settings;
export type PackPolicyKey = keyof typeof PackPolicyShape;
export type PolicyKey = keyof ManagedPolicy;

export const settingKeys = Object.keys(SettingsSchema.shape) as SettingKey[];
export const packPolicyKeys = Object.keys(PackPolicyShape) as PackPolicyKey[];
export const policyKeys: readonly PolicyKey[] = [...packPolicyKeys, ...settingKeys];

export const defaultRefreshMinutes = 360;

export function isPolicyKey(key: string): key is PolicyKey {
  return (policyKeys as readonly string[]).includes(key);
}

export function isSettingKey(key: string): key is SettingKey {
  return (settingKeys as readonly string[]).includes(key);
}
