// A small event-emitter client for the Realtime API, in the spirit of openai's realtime-api-beta RealtimeClient:
// client.on(type, fn), client.connect(), client.send(type, payload). The browser talks to the app's own relay,
// which holds the API key; no key is ever in the page.

export class RealtimeClient {
  constructor(url) {
    this.url = url;
    this.ws = null;
    this.handlers = new Map();
    this.nextId = 1;
  }

  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(handler);
    return this;
  }

  off(type, handler) {
    const list = this.handlers.get(type) || [];
    const index = list.indexOf(handler);
    if (index >= 0) list.splice(index, 1);
    return this;
  }

  emit(type, event) {
    for (const handler of this.handlers.get(type) || []) {
      try {
        handler(event);
      } catch (error) {
        console.warn('handler for ' + type + ' failed', error);
      }
    }
  }

  isConnected() {
    return !!this.ws && this.ws.readyState === WebSocket.OPEN;
  }

  connect() {
    if (this.ws) return Promise.reject(new Error('Already connected'));
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('message', (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (error) {
        console.warn('unparseable server message', error);
        return;
      }
      this.emit('server.*', event);
      this.emit(event.type, event);
    });
    ws.addEventListener('close', (close) => {
      if (this.ws === ws) this.ws = null;
      this.emit('close', { code: close.code, reason: close.reason });
    });
    return new Promise((resolve, reject) => {
      const failed = () => reject(new Error('Could not connect to "' + this.url + '"'));
      ws.addEventListener('error', failed);
      ws.addEventListener('open', () => {
        ws.removeEventListener('error', failed);
        ws.addEventListener('error', () => console.warn('relay socket error'));
        resolve(true);
      });
    });
  }

  send(type, payload) {
    if (!this.isConnected()) throw new Error('RealtimeClient is not connected');
    const event = Object.assign({ event_id: 'evt_' + (this.nextId++).toString(36), type: type }, payload || {});
    this.emit('client.*', event);
    this.ws.send(JSON.stringify(event));
    return true;
  }

  disconnect() {
    if (this.ws) this.ws.close();
    this.ws = null;
  }
}
