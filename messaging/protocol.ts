import { z } from '../validation/zod.ts';
import { PromptEventSchema } from '../log/event.ts';
import { LogProblemSchema } from '../log/problems.ts';
import { SettingsSchema } from '../policy/settings.ts';
import { UserSettingsSchema } from '../policy/user-settings.ts';

/**
 * The one message protocol between the parts of the extension. Each direction is a Zod
 * discriminated union, parsed on receipt: a malformed message is refused with a console warning
 * and changes nothing.
 *
 * Nothing a content script sends may carry free text: every field is an id, a code or a time
 * (see `PromptEventSchema`), so note text cannot cross to the background even by mistake.
 */

export const PackInfoSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  effectiveDate: z.string(),
  /** Where the pack in force came from. */
  source: z.enum(['bundled', 'policy-inline', 'policy-url']),
});

/** What a content script needs to work: the pack in force (as data) and the settings. */
export const ActiveStateSchema = z.strictObject({
  /** The rule pack as JSON data; the receiver validates it with `parseRulePack`. */
  pack: z.unknown(),
  packInfo: PackInfoSchema,
  settings: SettingsSchema,
});

// ── content script → background ────────────────────────────────────────────
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-state') }),
  z.strictObject({ type: z.literal('log-event'), event: PromptEventSchema }),
  z.strictObject({ type: z.literal('open-options') }),
]);

// ── background → content script ────────────────────────────────────────────
export const TabMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state-changed'), state: ActiveStateSchema }),
  z.strictObject({ type: z.literal('toggle-sidebar') }),
  z.strictObject({ type: z.literal('open-sidebar') }),
]);

// ── options page → background ──────────────────────────────────────────────
export const OptionsRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-status') }),
  z.strictObject({ type: z.literal('clear-log') }),
  /** Why prompts could not be logged lately (full disk, refused events), for the options page. */
  z.strictObject({ type: z.literal('get-log-problems') }),
  /** The worker's own settings; the background refuses any the administrator has set. */
  z.strictObject({ type: z.literal('save-user-settings'), settings: UserSettingsSchema }),
]);

export const PolicyProblemSchema = z.strictObject({ path: z.string(), message: z.string() });

export const StatusSchema = z.strictObject({
  packInfo: PackInfoSchema,
  settings: SettingsSchema,
  /** Settings fixed by the administrator; the worker cannot change these. */
  lockedSettings: z.array(z.string()),
  /** Why the last policy (or pack from policy) was refused; empty when all is well. */
  policyProblems: z.array(PolicyProblemSchema),
});

export const OkSchema = z.strictObject({ ok: z.literal(true) });

export const LogProblemsSchema = z.strictObject({ problems: z.array(LogProblemSchema) });

/** The response each request type gets, parsed by the sender on receipt. */
export const responseSchemas = {
  'get-state': ActiveStateSchema,
  'log-event': OkSchema,
  'open-options': OkSchema,
  'get-status': StatusSchema,
  'clear-log': OkSchema,
  'get-log-problems': LogProblemsSchema,
  'save-user-settings': OkSchema,
} as const;

export type ContentRequest = z.infer<typeof ContentRequestSchema>;
export type OptionsRequest = z.infer<typeof OptionsRequestSchema>;
export type BackgroundRequest = ContentRequest | OptionsRequest;
export type TabMessage = z.infer<typeof TabMessageSchema>;
export type ActiveState = z.infer<typeof ActiveStateSchema>;
export type PackInfo = z.infer<typeof PackInfoSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type ResponseTo<T extends BackgroundRequest['type']> = z.infer<(typeof responseSchemas)[T]>;
