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
  it('makes idempotency keys safe as BullMQ job ids', () => {
    expect(jobIdFor('agenda-send:session-1:p@example.org:3')).toBe('agenda-send|session-1|p@example.org|3');
  });
});
