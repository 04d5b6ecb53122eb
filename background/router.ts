import type { Browser } from 'wxt/browser';
import { parseMessage } from '../messaging/receive.ts';
import {
  ContentRequestSchema,
  OptionsRequestSchema,
  type ContentRequest,
  type OptionsRequest,
  type Status,
} from '../messaging/protocol.ts';
import type { PromptLogDb } from '../log/db.ts';
import { recordEvent } from '../log/store.ts';
import { isLogEventAttempt, refusedLogMessage, type LogProblems } from '../log/problems.ts';
import type { ActiveStateHolder } from './active-state.ts';
import type { UserSettings } from '../policy/user-settings.ts';

export interface RouterDeps {
  db: PromptLogDb;
  state: ActiveStateHolder;
  openOptions: () => Promise<void>;
  status: () => Status | Promise<Status>;
  saveUserSettings: (settings: UserSettings) => Promise<void>;
  /** Recent failures to log, shown on the options page. */
  logProblems: LogProblems;
}

type Sender = Browser.runtime.MessageSender;

/** Extension pages (options) have a URL in the extension's own origin; content scripts do not. */
function fromExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  return sender.tab === undefined || (sender.url ?? '').startsWith(extensionOrigin);
}

async function handleContent(request: ContentRequest, deps: RouterDeps): Promise<unknown> {
  switch (request.type) {
    case 'get-state':
      await deps.state.settled();
      return deps.state.current;
    case 'log-event':
      await recordEvent(deps.db, request.event, deps.logProblems);
      return { ok: true };
    case 'open-options':
      await deps.openOptions();
      return { ok: true };
  }
}

async function handleOptions(request: OptionsRequest, deps: RouterDeps): Promise<unknown> {
  switch (request.type) {
    case 'get-status':
      return deps.status();
    case 'save-user-settings':
      await deps.saveUserSettings(request.settings);
      return { ok: true };
    case 'get-log-problems':
      return { problems: deps.logProblems.list() };
    case 'clear-log':
      if (!deps.state.current.settings.allowLogClear) throw new Error('Clearing the log is turned off by policy.');
      await deps.db.events.clear();
      return { ok: true };
  }
}

/**
 * Routes one incoming message. Content scripts may only use the content protocol; the options
 * protocol (status, clearing the log) is accepted only from the extension's own pages.
 * Returns undefined for a refused message, so no response is sent.
 */
export function routeMessage(
  raw: unknown,
  sender: Sender,
  deps: RouterDeps,
  extensionOrigin: string,
): Promise<unknown> | undefined {
  if (fromExtensionPage(sender, extensionOrigin)) {
    const options = OptionsRequestSchema.safeParse(raw);
    if (options.success) return handleOptions(options.data, deps);
  }
  const content = parseMessage(ContentRequestSchema, raw, sender.tab ? 'a content script' : 'an extension page');
  if (!content && isLogEventAttempt(raw)) deps.logProblems.note('refused-event', refusedLogMessage);
  return content ? handleContent(content, deps) : undefined;
}
