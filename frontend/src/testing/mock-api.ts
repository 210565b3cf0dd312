import { vi } from 'vitest';

export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = MockReply | ((req: { url: URL; request: Request; body: unknown }) => MockReply | Promise<MockReply>);

export type RecordedCall = { method: string; path: string; url: URL; headers: Headers; body: unknown };

/**
 * mockApi stubs fetch with canned answers keyed by `METHOD /path` (query strings ignored).
 * An unknown call answers 404 with the server's envelope, so a missing stub shows as a 404.
 */
export function mockApi(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    // A multipart upload is handed over as its form; anything else is JSON.
    const multipart = request.headers.get('Content-Type')?.startsWith('multipart/form-data');
    const body = multipart ? await request.clone().formData() : text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path: url.pathname, url, headers: request.headers, body });
    const handler = routes[`${request.method} ${url.pathname}`];
    const reply: MockReply = handler
      ? typeof handler === 'function'
        ? await handler({ url, request, body })
        : handler
      : { status: 404, body: { error: { code: 'not_found', message: `no stub for ${request.method} ${url.pathname}` } } };
    const status = reply.status ?? 200;
    const hasBody = reply.body !== undefined && status !== 204;
    return new Response(hasBody ? JSON.stringify(reply.body) : null, {
      status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export function apiError(status: number, code: string, message: string, fields?: { field: string; message: string }[]): MockReply {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } };
}
