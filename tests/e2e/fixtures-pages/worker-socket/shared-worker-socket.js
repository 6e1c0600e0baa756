// The same kind of socket inside a SharedWorker (one per origin): one text message every 100 ms, echoed back.
self.onconnect = (connectEvent) => {
  const port = connectEvent.ports[0];
  port.onmessage = (event) => {
    const url = new URL(event.data.wsUrl);
    url.pathname += '-shared';
    const ws = new WebSocket(url);
    let sent = 0;
    ws.onopen = () => setInterval(() => ws.send(JSON.stringify({ type: 'ping', n: ++sent })), 100);
  };
};
