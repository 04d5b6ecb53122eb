import { browser, type Browser } from 'wxt/browser';
import { parseMessage } from '../messaging/receive.ts';
import {
  ContentRequestSchema,
  type FrameActionRequest,
  type FramePromptsRequest,
  type TabMessage,
} from '../messaging/protocol.ts';

/**
 * Carries a cross-origin child frame's prompts to its tab's top frame (whose sidebar has room and
 * is what the toolbar, shortcut and context menu open), and the worker's actions back. Content
 * scripts cannot message each other, and window.postMessage would let the page forge or read
 * them, so every hop goes through here. Only ids and codes travel (see messaging/protocol.ts);
 * the frames are taken from the sender, which the page cannot choose.
 */

type Sender = Browser.runtime.MessageSender;

const relayTypes: ReadonlySet<unknown> = new Set(['frame-prompts', 'frame-action']);

/**
 * Handles a relay request, or returns undefined for any other message (the router's). The reply
 * says whether a frame received it, so a child with no listening top frame shows its own sidebar.
 */
export function routeFrameRelay(raw: unknown, sender: Sender): Promise<{ relayed: boolean }> | undefined {
  if (typeof raw !== 'object' || raw === null || !relayTypes.has((raw as { type?: unknown }).type)) return undefined;
  const request = parseMessage(ContentRequestSchema, raw, 'a content script');
  const tabId = sender.tab?.id;
  // Refused (warned once by parseMessage) or not from a tab's frame: nothing is relayed.
  if (!request || tabId === undefined || sender.frameId === undefined) return Promise.resolve({ relayed: false });
  switch (request.type) {
    case 'frame-prompts':
      return relayPrompts(request, tabId, sender.frameId);
    case 'frame-action':
      return relayAction(request, tabId, sender.frameId);
    default:
      return undefined;
  }
}

async function relayPrompts(request: FramePromptsRequest, tabId: number, frameId: number): Promise<{ relayed: boolean }> {
  // The top frame shows its own notes itself; only a child's need carrying.
  if (frameId === 0) return { relayed: false };
  const { type, noteKey, prompts, open } = request;
  return deliver(tabId, 0, { type, noteKey, prompts, frameId: String(frameId), ...(open ? { open } : {}) });
}

async function relayAction(request: FrameActionRequest, tabId: number, frameId: number): Promise<{ relayed: boolean }> {
  // Only the top frame's sidebar answers for a child: another child must not act on a sibling's note.
  if (frameId !== 0) return { relayed: false };
  const { type, noteKey, ruleId, action, response } = request;
  return deliver(tabId, Number(request.frameId), { type, noteKey, action, ...(ruleId ? { ruleId } : {}), ...(response ? { response } : {}) });
}

async function deliver(tabId: number, frameId: number, message: TabMessage): Promise<{ relayed: boolean }> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
    return { relayed: true };
  } catch (error) {
    // No content script in that frame (a top page that is not a case system, a child gone):
    // an expected absence, which the sender handles by showing the prompts itself.
    if (error instanceof Error && /Receiving end does not exist|Could not establish connection/i.test(error.message)) {
      return { relayed: false };
    }
    // The receiver listened but sent no answer: delivered.
    if (error instanceof Error && /message port closed/i.test(error.message)) return { relayed: true };
    throw error;
  }
}
