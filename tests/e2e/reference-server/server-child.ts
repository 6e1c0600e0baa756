/** The embedded server in a child process (tests measure its memory without the clients' and see whether it is still up). */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { RealtimeServerOptions } from '../../../reference/server/start-realtime-server.ts';

export interface ChildMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Peak rss of the process so far (getrusage). */
  maxRss: number;
  gcExposed: boolean;
}

export class ServerChild {
  private nextId = 1;

  private constructor(
    readonly child: ChildProcess,
    readonly wsUrl: string,
  ) {}

  static async start(options: Omit<RealtimeServerOptions, 'log'> = {}): Promise<ServerChild> {
    const child = fork(new URL('./server-child-main.ts', import.meta.url).pathname, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, VOICE_SOAK_CHILD_SERVER_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const wsUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server child did not start in 20 s')), 20_000);
      child.once('exit', (code) => reject(new Error(`server child exited (${code}) before it was ready`)));
      child.once('message', (m: { wsUrl: string }) => {
        clearTimeout(timer);
        resolve(m.wsUrl);
      });
    });
    return new ServerChild(child, wsUrl);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.connected;
  }

  memory(gc = false): Promise<ChildMemory> {
    return this.request({ kind: 'memory', gc }).then((m) => m.memory as ChildMemory);
  }

  logs(): Promise<string[]> {
    return this.request({ kind: 'logs' }).then((m) => m.logs as string[]);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private request(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server child did not answer ${String(message.kind)} in 10 s`)), 10_000);
      const onMessage = (m: { id?: number }) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(m as Record<string, unknown>);
      };
      this.child.on('message', onMessage);
      this.child.send({ id, ...message });
    });
  }
}
