// Starts and stops the portal under test: `gongkai serve --demo` on a free
// loopback port with a fresh SQLite database in a temporary directory.
//
// The binary is built once with `cargo build -p gongkai-cli` unless
// GONGKAI_BIN names an existing one (scripts/e2e builds first and sets it).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/e2e/lib → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

let builtBinary = null;

/** Path of the `gongkai` binary, building it the first time it is needed. */
export function gongkaiBinary() {
  if (process.env.GONGKAI_BIN) {
    if (!existsSync(process.env.GONGKAI_BIN)) {
      throw new Error(`GONGKAI_BIN=${process.env.GONGKAI_BIN} does not exist`);
    }
    return process.env.GONGKAI_BIN;
  }
  if (builtBinary) return builtBinary;
  const build = spawnSync('cargo', ['build', '--quiet', '-p', 'gongkai-cli'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.error) throw new Error(`cargo build failed to start: ${build.error.message}`);
  if (build.status !== 0) throw new Error(`cargo build -p gongkai-cli exited with ${build.status}`);
  const target = process.env.CARGO_TARGET_DIR
    ? resolve(REPO_ROOT, process.env.CARGO_TARGET_DIR)
    : join(REPO_ROOT, 'target');
  builtBinary = join(target, 'debug', 'gongkai');
  return builtBinary;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `gongkai serve --demo` and resolves once `GET /` answers 200.
 * Returns `{ baseUrl, stop, output }`; `stop()` sends SIGTERM and rejects
 * unless the server exits with status 0 within 10 s.
 */
export async function startServer() {
  const binary = gongkaiBinary();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const port = await freePort();
  const addr = `127.0.0.1:${port}`;
  const baseUrl = `http://${addr}`;
  const args = ['serve', '--demo', '--addr', addr, '--database', `sqlite://${dir}/e2e.db?mode=rwc`];
  const env = { ...process.env };
  delete env.GONGKAI_DATABASE_URL;
  const child = spawn(binary, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d) => (output.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (output.stderr += d));
  let exit = null;
  const exited = new Promise((r) =>
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      r(exit);
    }),
  );
  let spawnError = null;
  child.on('error', (e) => (spawnError = e));

  const describe = () =>
    `gongkai ${args.join(' ')}\n--- stdout ---\n${output.stdout}\n--- stderr ---\n${output.stderr}`;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) {
      cleanup();
      throw new Error(`could not start ${binary}: ${spawnError.message}`);
    }
    if (exit) {
      cleanup();
      throw new Error(`the portal exited before answering (${JSON.stringify(exit)})\n${describe()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      cleanup();
      throw new Error(`the portal did not answer GET / within ${START_TIMEOUT_MS / 1000} s\n${describe()}`);
    }
    await sleep(100);
  }

  async function stop() {
    try {
      if (!exit) child.kill('SIGTERM');
      let timer;
      const timeout = new Promise((r) => (timer = setTimeout(() => r(null), STOP_TIMEOUT_MS)));
      const result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (!result) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`the portal did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM\n${describe()}`);
      }
      if (result.code !== 0) {
        throw new Error(`the portal did not exit cleanly on SIGTERM (${JSON.stringify(result)})\n${describe()}`);
      }
    } finally {
      cleanup();
    }
  }

  return { baseUrl, stop, output };
}
