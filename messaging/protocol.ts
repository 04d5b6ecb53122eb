import { z } from '../validation/zod.ts';
import { ItemIdSchema, PromptEventSchema, ResponseCodeSchema, SeveritySchema } from '../log/event.ts';
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

// ── frame relay: a cross-origin child frame's prompts shown in the top frame's sidebar ──
/**
 * A child frame's id within its tab, as digits (the content protocol holds no numbers: see
 * test/unit/fuzz-messages.test.ts). Never 0: the top frame only ever relays to its children.
 */
export const FrameIdSchema = z.string().check(z.regex(/^[1-9]\d{0,9}$/, 'expected a child frame id'));

/** One prompt of a child frame's note, by rule id only: the top frame renders it from its own pack. */
export const RelayedPromptSchema = z.strictObject({ ruleId: ItemIdSchema, severity: SeveritySchema });

/**
 * Child → background → top: the prompts visible for the child's active note. `open` asks the top
 * frame to open its sidebar (the child's indicator was pressed, by pointer or by keyboard).
 * The background adds `frameId` from the sender, so a frame cannot speak for another.
 */
const framePromptsFields = {
  type: z.literal('frame-prompts'),
  noteKey: z.uuid(),
  prompts: z.array(RelayedPromptSchema).check(z.maxLength(100)),
  open: z.optional(z.enum(['pointer', 'keyboard'])),
};

/**
 * What the worker did with a child frame's prompt in the top frame's sidebar; `return-focus`
 * (no rule): they closed it from the keyboard, so the note's frame puts them back in their note.
 */
export const FrameActionSchema = z.enum(['opened', 'responded', 'snoozed', 'source-opened', 'record-decision', 'return-focus']);

/** Top → background → child: the action, for the child to log (and act on) under its own note. */
const frameActionFields = {
  type: z.literal('frame-action'),
  noteKey: z.uuid(),
  ruleId: z.optional(ItemIdSchema),
  action: FrameActionSchema,
  response: z.optional(ResponseCodeSchema),
};

// ── content script → background ────────────────────────────────────────────
export const ContentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('get-state') }),
  z.strictObject({ type: z.literal('log-event'), event: PromptEventSchema }),
  z.strictObject({ type: z.literal('open-options') }),
  z.strictObject(framePromptsFields),
  z.strictObject({ ...frameActionFields, frameId: FrameIdSchema }),
]);

// ── background → content script ────────────────────────────────────────────
export const TabMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state-changed'), state: ActiveStateSchema }),
  z.strictObject({ type: z.literal('toggle-sidebar') }),
  z.strictObject({ type: z.literal('open-sidebar') }),
  z.strictObject({ ...framePromptsFields, frameId: FrameIdSchema }),
  z.strictObject(frameActionFields),
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

/** Whether the relayed message reached a frame that listens (false: the sender shows it itself). */
export const RelayedSchema = z.strictObject({ relayed: z.boolean() });

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
  'frame-prompts': RelayedSchema,
  'frame-action': RelayedSchema,
} as const;

export type ContentRequest = z.infer<typeof ContentRequestSchema>;
export type OptionsRequest = z.infer<typeof OptionsRequestSchema>;
export type BackgroundRequest = ContentRequest | OptionsRequest;
export type TabMessage = z.infer<typeof TabMessageSchema>;
export type FramePromptsRequest = Extract<ContentRequest, { type: 'frame-prompts' }>;
export type FrameActionRequest = Extract<ContentRequest, { type: 'frame-action' }>;
export type FramePromptsMessage = Extract<TabMessage, { type: 'frame-prompts' }>;
export type FrameActionMessage = Extract<TabMessage, { type: 'frame-action' }>;
export type FrameAction = z.infer<typeof FrameActionSchema>;
export type RelayedPrompt = z.infer<typeof RelayedPromptSchema>;
export type ActiveState = z.infer<typeof ActiveStateSchema>;
export type PackInfo = z.infer<typeof PackInfoSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type ResponseTo<T extends BackgroundRequest['type']> = z.infer<(typeof responseSchemas)[T]>;
