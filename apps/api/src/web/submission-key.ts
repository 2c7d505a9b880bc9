import { randomUUID } from 'node:crypto';
import { ApiHeader } from '@nestjs/swagger';
import { SubmissionKeySchema, submissionKeyOf } from '@overlegtafels/application';
import { str } from './page-form';

/**
 * The edge's side of submissions made once (issue #15), for every form and API write that makes
 * something: pages draw a fresh key in a hidden `submissionKey` field (`it.newSubmissionKey()`),
 * the API reads the `Idempotency-Key` header; the use case hands both to SubmittedOnce.
 */

/** A fresh one-time key for a form as it is drawn. */
export function newSubmissionKey(): string {
  return randomUUID();
}

/** The key a page's form sent; an old form without a usable one simply has none. */
export function formSubmissionKey(body: Record<string, unknown> | undefined): string | undefined {
  const key = str(body, 'submissionKey');
  return SubmissionKeySchema.safeParse(key).success ? key : undefined;
}

/** The API's Idempotency-Key header, or a 400 naming it when it is not a key. */
export function idempotencyKey(header: string | undefined): string | undefined {
  return header === undefined ? undefined : submissionKeyOf(header, 'Idempotency-Key');
}

/** `{ submissionKey }` for a command, or nothing when there is no key. */
export function withKey(key: string | undefined): { submissionKey?: string } {
  return key ? { submissionKey: key } : {};
}

/** The OpenAPI description of the header, the same on every operation that takes it. */
export const IdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A key of the client’s choosing (8–100 letters, digits, `-`, `_`): sent again by the same person with ' +
      'the same body, nothing new is made and the answer is the first one’s; with another body it is a 409',
  });
