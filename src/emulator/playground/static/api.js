// The playground's JSON API on the same origin.
const BASE = '/_playground/api';

async function answer(res) {
  let body;
  try {
    body = await res.json();
  } catch {
    body = { ok: false, error: `http_${res.status}` };
  }
  return { status: res.status, body };
}

export async function getJson(path) {
  const { status, body } = await answer(
    await fetch(`${BASE}${path}`, { headers: { Accept: 'application/json' } }),
  );
  if (status !== 200) throw new Error(`${path}: ${body.error ?? status}`);
  return body;
}

export async function postJson(path, payload) {
  return answer(
    await fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
    }),
  );
}

export function eventsUrl(user) {
  return `${BASE}/events?user=${encodeURIComponent(user)}`;
}
