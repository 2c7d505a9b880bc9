import type { Page, PageUser } from './page-client';
import type { TestApp } from './test-app';

/** The one-time key a page drew for the form that posts to `action` (issue #15). */
export function formKey(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form posting to ${action}`);
  const key = /name="submissionKey" value="([^"]+)"/.exec(html.slice(at))?.[1];
  if (!key) throw new Error(`the form posting to ${action} has no submissionKey`);
  return key;
}

/** `n` identical posts of one form at once, as a double click or a hammered button sends them. */
export function postConcurrently(
  who: PageUser,
  url: string,
  fields: Record<string, string>,
  n: number,
): Promise<Page[]> {
  return Promise.all(Array.from({ length: n }, () => who.post(url, fields)));
}

/** A JSON API call with an Idempotency-Key, as a client that retries sends it. */
export async function postWithKey(
  t: TestApp,
  who: { cookie: string; csrfToken: string },
  url: string,
  body: unknown,
  key: string,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
