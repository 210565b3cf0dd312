import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const frontend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(frontend, '..');
const dist = path.join(frontend, 'dist');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', fd, fd], env: process.env });
    child.on('error', (e) => (closeSync(fd), reject(e)));
    child.on('exit', (code) => {
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${readFileSync(logFile, 'utf8')}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`GET ${url}/readyz did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Builds the server from the repository, starts it on a free port with a fresh data directory,
 * the demo city and the built SPA, and hands its URL to the tests.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${path.relative(repo, dist)}/index.html is missing: run \`npm run build\` before \`npm run e2e\`.`);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'tiertracker-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const binary = path.join(tmp, 'tiertracker');
  const buildLog = path.join(tmp, 'build.log');
  const serverLog = path.join(tmp, 'server.log');

  let server: ChildProcess | undefined;
  const teardown = async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited(server);
      clearTimeout(timer);
    }
    rmSync(tmp, { recursive: true, force: true });
  };

  try {
    console.log(`e2e: building the server (go build -o ${binary} ./api)`);
    await run('go', ['build', '-o', binary, './api'], repo, buildLog);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const fd = openSync(serverLog, 'a');
    server = spawn(binary, [], {
      cwd: repo,
      stdio: ['ignore', fd, fd],
      // The workflow journey recommends at once, as in a bureau whose province runs the public
      // notice (PUBLIC_NOTICE_DAYS=0); the notice itself is tested through the API.
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '1', STATIC_DIR: dist, PUBLIC_NOTICE_DAYS: '0' },
    });
    closeSync(fd);
    try {
      await waitForReady(baseUrl, server, 60_000);
    } catch (e) {
      const log = existsSync(serverLog) ? readFileSync(serverLog, 'utf8') : '(no log)';
      throw new Error(`${(e as Error).message}\n--- server log ---\n${log}`, { cause: e });
    }
    console.log(`e2e: server ready at ${baseUrl}`);
    project.provide('baseUrl', baseUrl);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
