import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AgendaRefusal } from '../errors';
import { parseInput } from '../input/parse-input';
import { SubmissionLedger } from '../ports/submission-ledger.port';
import type { Transaction } from '../ports/unit-of-work.port';

/** A submission key as a form or an API client sends it: 8–100 letters, digits, `-` or `_`. */
export const SubmissionKeySchema = z
  .string({ error: 'De sleutel van de inzending moet tekst zijn.' })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, {
    error: 'De sleutel van de inzending bestaat uit 8 tot 100 letters, cijfers, - of _.',
  });

/** The submission key, or a 400 naming `field` (a form's `submissionKey`, the API's header). */
export function submissionKeyOf(value: unknown, field: string): string {
  return parseInput(z.object({ [field]: SubmissionKeySchema }), { [field]: value })[field] as string;
}

/** The refusal of a key sent again with other content: 409, said in the form's summary. */
export const SUBMISSION_KEY_REUSED = 'SUBMISSION_KEY_REUSED';

export function keyReused(): AgendaRefusal {
  return new AgendaRefusal(
    SUBMISSION_KEY_REUSED,
    'Dit formulier werd al verstuurd, met andere gegevens dan nu. Er is niets gewijzigd: ' +
      'open het formulier opnieuw om een nieuwe inzending te maken (API: een nieuwe Idempotency-Key).',
    undefined,
    'conflict',
  );
}

/** JSON with sorted keys and without undefined, so the same content has the same fingerprint. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash('sha256').update(value).digest('hex'));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha-256 over the canonical JSON of what was sent (a file's bytes by their checksum). */
export function fingerprintOf(content: unknown): string {
  return createHash('sha256').update(canonical(content)).digest('hex');
}

export interface OnceOptions<R> {
  readonly actorPersonId: string;
  /** The kind of write, one per use case. */
  readonly scope: string;
  /** The form's one-time key or the API's Idempotency-Key; without one the work simply runs. */
  readonly key?: string;
  /** What was sent (the parsed input): the same key with other content is refused. */
  readonly content: unknown;
  readonly at: Date;
  /** The id of what the work made, for the page the form redirects to. */
  readonly resultIdOf?: (result: R) => string | undefined;
}

export interface Once<R> {
  readonly result: R;
  /** True when the key was used before: nothing was made, `result` is the first one's. */
  readonly repeated: boolean;
}

/**
 * The one way a write is made once per submission key (issue #15: a reload, a double click, fifty
 * concurrent POSTs or a retried API call make one thing). Inside the use case's transaction: the
 * key is locked, an earlier submission with it answers its result (and nothing is written), else
 * the work runs and its result is kept with the key — both commit together or not at all, so a
 * refused submission leaves the key free for the corrected one.
 */
@Injectable()
export class SubmittedOnce {
  constructor(@Inject(SubmissionLedger) private readonly ledger: SubmissionLedger) {}

  async run<R>(tx: Transaction, options: OnceOptions<R>, work: () => Promise<R>): Promise<Once<R>> {
    if (!options.key) return { result: await work(), repeated: false };
    const ref = { actorPersonId: options.actorPersonId, scope: options.scope, key: options.key };
    const fingerprint = fingerprintOf(options.content);
    const earlier = await this.ledger.claim(tx, ref);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw keyReused();
      return { result: earlier.result as R, repeated: true };
    }
    const result = await work();
    const resultId = options.resultIdOf?.(result);
    await this.ledger.record(tx, ref, {
      fingerprint,
      result,
      at: options.at,
      ...(resultId !== undefined && { resultId }),
    });
    return { result, repeated: false };
  }

  /**
   * The first answer to this key, when it was used before with the same content (another content
   * is the 409); undefined when it was not. For a write whose own effect ends the sender's access
   * (a 'geen instemming' ends the appointment): the repeat is answered before access is checked,
   * from the ledger of this very person, and nothing is written.
   */
  async earlier<R>(
    tx: Transaction,
    options: Omit<OnceOptions<R>, 'resultIdOf'>,
  ): Promise<Once<R> | undefined> {
    if (!options.key) return undefined;
    const ref = { actorPersonId: options.actorPersonId, scope: options.scope, key: options.key };
    const found = await this.ledger.claim(tx, ref);
    if (!found) return undefined;
    if (found.fingerprint !== fingerprintOf(options.content)) throw keyReused();
    return { result: found.result as R, repeated: true };
  }

  /** What this person's submission that made `resultId` answered; undefined when none did. */
  resultOf<R>(actorPersonId: string, scope: string, resultId: string): Promise<R | undefined> {
    return this.ledger.resultOf(actorPersonId, scope, resultId) as Promise<R | undefined>;
  }
}
