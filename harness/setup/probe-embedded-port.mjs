// `node probe-embedded-port.mjs PORT`: prints one JSON line {probe, freePort} for harness/setup/choose-embedded-port.ts
// (the Playwright config must stay synchronous, so it runs this with spawnSync). probe: what answers GET /healthz on
// 127.0.0.1:PORT ({state:'free'} when nothing listens); freePort: a loopback port free right now.
// Plain JavaScript with no dependencies: node runs it directly.
import { request } from 'node:http';
import { createServer } from 'node:net';

const port = Number(process.argv[2]);

function probeHealth() {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', method: 'GET', timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (body.length < 4096) body += chunk;
      });
      res.on('end', () => resolve({ state: 'http', status: res.statusCode ?? 0, body: body.slice(0, 4096) }));
      res.on('error', (error) => resolve({ state: 'other', detail: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('no HTTP answer within 2 s')));
    req.on('error', (error) => resolve(error.code === 'ECONNREFUSED' ? { state: 'free' } : { state: 'other', detail: error.message }));
    req.end();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

const [probe, free] = await Promise.all([probeHealth(), freePort()]);
console.log(JSON.stringify({ probe, freePort: free }));
