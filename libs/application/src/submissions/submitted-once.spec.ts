import { FakeSubmissionLedger, FakeUnitOfWork } from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import { fingerprintOf, submissionKeyOf, SubmittedOnce } from './submitted-once';

const AT = new Date('2026-12-02T10:00:00+01:00');

function setup() {
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(ledger);
  const once = new SubmittedOnce(ledger);
  let made = 0;
  const submit = (key: string | undefined, content: unknown, actorPersonId = 'p1', scope = 'agendering') =>
    uow.run((tx) =>
      once.run(tx, { actorPersonId, scope, key, content, at: AT, resultIdOf: (r) => r.id }, async () => ({
        id: `made-${++made}`,
      })),
    );
  return { ledger, submit, made: () => made };
}

describe('SubmittedOnce', () => {
  it('runs the work once per key and answers the first result after', async () => {
    const { submit, made, ledger } = setup();
    expect(await submit('sleutel-0001', { a: 1 })).toEqual({ result: { id: 'made-1' }, repeated: false });
    expect(await submit('sleutel-0001', { a: 1 })).toEqual({ result: { id: 'made-1' }, repeated: true });
    expect(made()).toBe(1);
    expect(ledger.rows.map((r) => [r.ref.key, r.resultId])).toEqual([['sleutel-0001', 'made-1']]);
  });

  it('keeps keys apart per person and per kind of write, and runs every time without a key', async () => {
    const { submit, made } = setup();
    await submit('sleutel-0001', { a: 1 });
    await submit('sleutel-0001', { a: 1 }, 'p2');
    await submit('sleutel-0001', { a: 1 }, 'p1', 'decision');
    await submit(undefined, { a: 1 });
    await submit(undefined, { a: 1 });
    expect(made()).toBe(5);
  });

  it('refuses the key with other content as a 409 that says what to do', async () => {
    const { submit, made } = setup();
    await submit('sleutel-0001', { a: 1 });
    const error = await submit('sleutel-0001', { a: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
      'SUBMISSION_KEY_REUSED',
      'conflict',
    ]);
    expect((error as AgendaRefusal).message).toContain('open het formulier opnieuw');
    expect(made()).toBe(1);
  });

  it('fingerprints content whatever the order of its keys, and without undefined fields', () => {
    expect(fingerprintOf({ a: 1, b: [1, { c: 'x', d: undefined }] })).toBe(
      fingerprintOf({ b: [1, { c: 'x' }], a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: '1' }));
    expect(fingerprintOf({ at: new Date('2026-12-02T09:00:00Z') })).toBe(
      fingerprintOf({ at: new Date('2026-12-02T10:00:00+01:00') }),
    );
    expect(fingerprintOf({ f: Buffer.from('x') })).not.toBe(fingerprintOf({ f: Buffer.from('y') }));
  });

  it('reads a key as the header or field that sent it, or a 400 naming it', () => {
    expect(submissionKeyOf('abc-1234_XYZ', 'Idempotency-Key')).toBe('abc-1234_XYZ');
    const error = (() => {
      try {
        return submissionKeyOf('kort', 'Idempotency-Key');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors[0]!.field).toBe('Idempotency-Key');
  });
});
