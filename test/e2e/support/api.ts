/** Small HTTP helpers for setting up data through the API the way a user's browser would. */
export async function apiLogin(
  baseUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok)
    throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function apiJson<T>(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const req = (): Promise<Response> =>
    fetch(`${baseUrl}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  // A kept-alive socket the server closed while busy (a run holds its event loop for seconds)
  // resets on reuse; one retry on a fresh socket is what a browser does too.
  const res = await req().catch((e: Error & { cause?: { code?: string } }) => {
    if (e.cause?.code === 'ECONNRESET' || e.cause?.code === 'UND_ERR_SOCKET')
      return req();
    throw e;
  });
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`,
    );
  return (await res.json()) as T;
}

/** Uploads files to POST /api/imports and waits for the batch to end; returns its final state. */
export async function apiImport(
  baseUrl: string,
  token: string,
  files: { name: string; text: string }[],
  timeoutMs = 120_000,
): Promise<{
  status: string;
  errorCount: number;
  errors: { file: string; line: number; column: string; message: string }[];
}> {
  const form = new FormData();
  for (const f of files)
    form.append('files', new Blob([f.text], { type: 'text/csv' }), f.name);
  const res = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 202)
    throw new Error(`import: ${res.status} ${await res.text()}`);
  const { batchId } = (await res.json()) as { batchId: number };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await apiJson<{
      status: string;
      errorCount: number;
      errors: never[];
    }>(baseUrl, token, `/imports/${batchId}`);
    if (b.status !== 'running') return b;
    if (Date.now() > deadline)
      throw new Error(`import ${batchId} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Triggers a run of `period`, waits for it to succeed and publishes it (regulator token). */
export async function apiScoreAndPublish(
  baseUrl: string,
  token: string,
  period: string,
  timeoutMs = 180_000,
): Promise<number> {
  const { runId } = await apiJson<{ runId: number }>(baseUrl, token, '/runs', {
    method: 'POST',
    body: { period },
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await apiJson<{ status: string; error: string | null }>(
      baseUrl,
      token,
      `/runs/${runId}`,
    );
    if (r.status === 'succeeded') break;
    if (r.status === 'failed')
      throw new Error(`run ${runId} failed: ${r.error}`);
    if (Date.now() > deadline)
      throw new Error(`run ${runId} not done after ${timeoutMs} ms`);
    await new Promise((r2) => setTimeout(r2, 500));
  }
  await apiJson(baseUrl, token, `/runs/${runId}/publish`, { method: 'POST' });
  return runId;
}
