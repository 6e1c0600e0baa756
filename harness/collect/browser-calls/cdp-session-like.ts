/** The part of a Playwright CDPSession the collectors use (so tests can pass a fake). */
export interface CdpSessionLike {
  // biome-ignore lint/suspicious/noExplicitAny: CDP and page messages are untyped JSON; each reader narrows what it uses
  send(method: any, params?: any): Promise<any>;
}
