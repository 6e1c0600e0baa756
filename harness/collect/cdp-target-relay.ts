/**
 * CDP child targets (workers) through the non-flattened Target protocol, for a Playwright CDPSession, which cannot
 * route flattened child sessions (`flatten: true` attaches, but the child's events never reach the CDPSession).
 *
 * A node is anything that can send CDP commands and emit CDP events: the Playwright session itself
 * (cdpSessionNode), or a target attached under another node (relayChildTargets): its commands travel as
 * Target.sendMessageToTarget and its replies and events come back as Target.receivedMessageFromTarget on the parent.
 * Nodes nest, so a worker started by a worker is reached through its parent worker's node.
 * Every command has a timeout; listeners run in try/catch, so a bad event never throws into the CDP connection.
 */
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

// biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
export type CdpListener = (method: string, params: any) => void;

export interface CdpNode {
  // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
  send(method: string, params?: object): Promise<any>;
  listen(listener: CdpListener): void;
}

export interface CdpEventSource extends CdpSessionLike {
  // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
  on(event: any, listener: (params: any) => void): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
  off(event: any, listener: (params: any) => void): unknown;
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  browserContextId?: string;
}

export interface ChildTarget {
  sessionId: string;
  targetInfo: TargetInfo;
  node: CdpNode;
}

const TARGET_EVENTS = ['Target.attachedToTarget', 'Target.detachedFromTarget', 'Target.receivedMessageFromTarget', 'Target.targetCreated'];

function fanOut(listeners: CdpListener[], method: string, params: unknown): void {
  for (const listener of listeners) {
    try {
      listener(method, params);
    } catch {
      // a listener's bug must not break the others or the CDP connection
    }
  }
}

/** The Playwright session as a node; only the Target events are forwarded (the relay and target discovery need no others). */
export function cdpSessionNode(session: CdpEventSource, timeoutMs: number): CdpNode & { close(): void } {
  const listeners: CdpListener[] = [];
  const handlers = TARGET_EVENTS.map((method) => [method, (params: unknown) => fanOut(listeners, method, params)] as const);
  for (const [method, handler] of handlers) session.on(method, handler);
  return {
    send: (method, params) => withTimeout(Promise.resolve(session.send(method, params)), timeoutMs, method),
    listen: (listener) => void listeners.push(listener),
    close: () => {
      for (const [method, handler] of handlers) session.off(method, handler);
    },
  };
}

/** Follows the targets attached under parent, giving each a node; commands in flight to a detached one fail at once. */
export function relayChildTargets(
  parent: CdpNode,
  timeoutMs: number,
  handlers: { attached(child: ChildTarget): void; detached(child: ChildTarget): void },
): { children(): ChildTarget[] } {
  // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
  const children = new Map<string, { child: ChildTarget; listeners: CdpListener[]; pending: Map<number, (reply: any) => void> }>();
  let nextId = 1;

  parent.listen((method, params) => {
    if (method === 'Target.attachedToTarget') {
      const sessionId: string = params.sessionId;
      const listeners: CdpListener[] = [];
      // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
      const pending = new Map<number, (reply: any) => void>();
      const node: CdpNode = {
        listen: (listener) => void listeners.push(listener),
        async send(childMethod, childParams) {
          const id = nextId++;
          // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
          const reply = new Promise<any>((resolve) => pending.set(id, resolve));
          const message = JSON.stringify({ id, method: childMethod, params: childParams ?? {} });
          try {
            await parent.send('Target.sendMessageToTarget', { sessionId, message });
            const answer = await withTimeout(reply, timeoutMs, `${childMethod} in ${params.targetInfo?.type ?? 'target'}`);
            if (answer.error) throw new Error(`${childMethod}: ${answer.error.message ?? 'CDP error'}`);
            return answer.result;
          } finally {
            pending.delete(id);
          }
        },
      };
      const child = { sessionId, targetInfo: params.targetInfo as TargetInfo, node };
      children.set(sessionId, { child, listeners, pending });
      handlers.attached(child);
    } else if (method === 'Target.receivedMessageFromTarget') {
      const entry = children.get(params.sessionId);
      if (!entry) return;
      const message = JSON.parse(params.message);
      if (typeof message.id === 'number') entry.pending.get(message.id)?.(message);
      else if (typeof message.method === 'string') fanOut(entry.listeners, message.method, message.params ?? {});
    } else if (method === 'Target.detachedFromTarget') {
      const entry = children.get(params.sessionId);
      if (!entry) return;
      children.delete(params.sessionId);
      for (const answer of entry.pending.values()) answer({ error: { message: 'target detached' } });
      handlers.detached(entry.child);
    }
  });
  return { children: () => [...children.values()].map((entry) => entry.child) };
}
