// Opens the page's socket inside a dedicated worker (after openDelayMs): one text message every 100 ms and one binary
// message every 500 ms; the server echoes each. Reports the echo count to the page.
let echoes = 0;
self.onmessage = (event) => setTimeout(() => openSocket(event.data.wsUrl), event.data.openDelayMs);

function openSocket(wsUrl) {
  const ws = new WebSocket(wsUrl);
  ws.binaryType = 'arraybuffer';
  let sent = 0;
  ws.onopen = () => {
    setInterval(() => {
      sent++;
      ws.send(JSON.stringify({ type: 'ping', n: sent }));
      if (sent % 5 === 0) ws.send(new Uint8Array(16).fill(sent % 256));
    }, 100);
  };
  ws.onmessage = () => self.postMessage({ echoes: ++echoes });
}
