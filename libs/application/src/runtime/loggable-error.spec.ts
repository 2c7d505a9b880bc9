import { loggableError, loggableStack } from './loggable-error';

describe('loggableError', () => {
  it('keeps the kind and the codes of an SMTP rejection, not the address it quotes', () => {
    const smtp = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <lotte.vermeulen@example.org>: Recipient address rejected",
      ),
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' },
    );
    expect(loggableError(smtp)).toBe('Error EENVELOPE SMTP 550 at RCPT_TO');
    expect(loggableError(smtp)).not.toContain('example.org');
  });

  it('keeps a database error code, and the name of our own errors with their code', () => {
    const pg = Object.assign(
      new Error('duplicate key value violates unique constraint "x" Key (email)=(a@example.org)'),
      {
        code: '23505',
      },
    );
    expect(loggableError(pg)).toBe('Error 23505');
    class MailValueError extends Error {
      override readonly name = 'MailValueError';
      readonly code = 'INVALID_EMAIL_ADDRESS';
    }
    expect(loggableError(new MailValueError('not an e-mail address: "Sara Geheim"'))).toBe(
      'MailValueError INVALID_EMAIL_ADDRESS',
    );
  });

  it('drops a code or name that is free text, and says what was thrown when it is not an Error', () => {
    const odd = Object.assign(new Error('x'), {
      code: 'user lotte@example.org unknown',
      name: 'Error: Sara',
    });
    expect(loggableError(odd)).toBe('Error');
    expect(loggableError('Sara Geheim')).toBe('a thrown string');
    expect(loggableError(undefined)).toBe('a thrown undefined');
  });

  it('keeps the frames of a stack and drops its message, also a message of several lines', () => {
    const error = new Error('lookup failed for "Sara Geheim"\nsecond line: lotte@example.org');
    const logged = loggableStack(error);
    expect(logged.split('\n')[0]).toBe('Error');
    expect(logged).toMatch(/\n\s+at .*loggable-error\.spec\.ts/);
    expect(logged).not.toMatch(/Sara|lotte|second line/);
  });
});
