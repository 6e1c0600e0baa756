/** The part of a Playwright CDPSession the collectors use (so tests can pass a fake). */
export interface CdpSessionLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(method: any, params?: any): Promise<any>;
}
