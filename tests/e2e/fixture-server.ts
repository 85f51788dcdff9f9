// Serves a plain page for any Host on 127.0.0.1 over https (some provider domains are HSTS-preloaded,
// so the browser would refuse plain http for them), and records every request, so a test can prove the extension sent
// nothing anywhere (every hostname resolves here during tests).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RequestRecord {
  host: string;
  path: string;
  /** Origin or Referer, which name the extension when it is the one asking. */
  initiator: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(host: string, path: string): string {
  // The SPA page moves between paths with history.pushState, as single-page sites do.
  const spa = path.startsWith('/spa')
    ? `<label>Path <input id="to" value="/"></label>
       <button id="go" onclick="history.pushState({}, '', document.getElementById('to').value)">Go</button>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(host)}</title>
<link rel="icon" href="data:,"></head><body><h1>${escape(host)}${escape(path)}</h1>${spa}</body></html>`;
}

/** A throwaway self-signed certificate; Chromium is started with --ignore-certificate-errors. */
function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-scout-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=clinic-scout-fixture',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves a host's pages itself (e.g. a clinic site to read); the default page is served otherwise. */
export type FixtureRoute = (res: ServerResponse, path: string) => void;

/**
 * `tls: true` serves https (Chromium tests); plain http otherwise (Firefox test, where ports differ per scheme).
 * `routes` maps a hostname to its own handler.
 */
export async function startFixtureServer({ tls = false, routes = {} }: { tls?: boolean; routes?: Record<string, FixtureRoute> } = {}) {
  const requests: RequestRecord[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path, initiator: String(req.headers.origin ?? req.headers.referer ?? '') });
    const route = Object.hasOwn(routes, host) ? routes[host] : undefined;
    if (route) return route(res, path);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(host, path));
  };
  const server = tls ? createHttpsServer(selfSignedCert(), handle) : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
