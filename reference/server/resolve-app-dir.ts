/**
 * Where the reference app's built files are: the given dir, else reference/app/build-app.ts's (.js's) buildApp() when that file
 * exists, else null (the server then shows a page saying the app is not built).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function resolveAppDir(appDir: string | false | undefined, log: (line: string) => void): Promise<string | null> {
  if (appDir === false) return null;
  if (appDir) return appDir;
  // build-app.ts in a clone, build-app.js compiled in the npm package.
  const buildAppUrl = [new URL('../app/build-app.ts', import.meta.url), new URL('../app/build-app.js', import.meta.url)].find((url) =>
    existsSync(fileURLToPath(url)),
  );
  if (!buildAppUrl) return null;
  try {
    const mod = (await import(buildAppUrl.href)) as { buildApp?: () => Promise<string> };
    if (typeof mod.buildApp !== 'function') throw new Error('reference/app/build-app.ts does not export buildApp()');
    return await mod.buildApp();
  } catch (error) {
    log(`app build failed, serving the "not built" page: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export const notBuiltPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>voice-soak: app not built</title></head>
<body><h1>voice-soak embedded server</h1>
<p>The reference app is not built (reference/app/build-app.ts is missing or failed), so there is nothing to serve here.</p>
<p>The realtime WebSocket endpoint works anyway: <code>ws://HOST:PORT/v1/realtime</code>.</p></body></html>
`;
