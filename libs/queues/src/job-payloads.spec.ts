import { InvalidJobPayloadError, parseJobPayload } from './job-payloads';
import { jobIdFor } from './job-defaults';

describe('job payloads', () => {
  const id = '0b6f8f0e-3f1f-4c7e-9a57-6a3c3f4b5e21';
  it('accepts ids', () => {
    expect(parseJobPayload('mail', 'send', { outboxId: id })).toEqual({ outboxId: id });
  });
  it('rejects anything beyond ids, so no content ever reaches the queue', () => {
    expect(() => parseJobPayload('mail', 'send', { outboxId: id, subject: 'Familie X' })).toThrow(
      InvalidJobPayloadError,
    );
    expect(() => parseJobPayload('mail', 'send', { outboxId: 'not-a-uuid' })).toThrow(
      'invalid payload for mail/send: outboxId',
    );
  });
  it('takes a session id and the planned instant for agenda jobs, nothing else', () => {
    const job = { sessionId: id, plannedAtMs: 1_800_000_000_000 };
    expect(parseJobPayload('agenda', 'freeze', job)).toEqual(job);
    expect(parseJobPayload('agenda', 'send', job)).toEqual(job);
    expect(() => parseJobPayload('agenda', 'send', { ...job, tableName: 'Weegploeg' })).toThrow(
      InvalidJobPayloadError,
    );
    expect(() => parseJobPayload('agenda', 'send', { sessionId: id, plannedAtMs: 1.5 })).toThrow(
      'invalid payload for agenda/send: plannedAtMs',
    );
  });
  it('makes idempotency keys safe as BullMQ job ids', () => {
    expect(jobIdFor('agenda-send:session-1:p@example.org:3')).toBe('agenda-send|session-1|p@example.org|3');
  });
});
