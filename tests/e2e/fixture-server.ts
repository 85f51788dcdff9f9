// Serves a plain page for any Host on 127.0.0.1, and records every request it receives, so a test
// can prove the extension sent nothing anywhere else (every hostname resolves here during tests).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestRecord {
  host: string;
  path: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(host: string, path: string): string {
  // The SPA page moves between paths with history.pushState, as single-page sites do.
  const spa = path.startsWith('/spa')
    ? `<button id="go" onclick="history.pushState({}, '', document.getElementById('to').value)">Go</button>
       <input id="to" value="/">`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(host)}</title>
<link rel="icon" href="data:,"></head><body><h1>${escape(host)}${escape(path)}</h1>${spa}</body></html>`;
}

export async function startFixtureServer() {
  const requests: RequestRecord[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(host, path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
