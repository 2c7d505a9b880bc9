import { assertHandlersComplete, JobProcessor, MissingJobHandlerError } from './job-processor';

const noop = async () => undefined;
const declared = { mail: { send: 'send' }, agenda: { freeze: 'freeze', send: 'send' } } as never;

describe('assertHandlersComplete', () => {
  it('accepts processors that cover every declared job', () => {
    const processors = [
      { queue: 'mail', handlers: { send: noop } },
      { queue: 'agenda', handlers: { freeze: noop, send: noop } },
    ] as unknown as JobProcessor[];
    expect(() => assertHandlersComplete(processors, declared)).not.toThrow();
  });

  it('refuses to start when a job has no handler, naming it', () => {
    const processors = [
      { queue: 'mail', handlers: { send: noop } },
      { queue: 'agenda', handlers: { freeze: noop } },
    ] as unknown as JobProcessor[];
    expect(() => assertHandlersComplete(processors, declared)).toThrow(
      new MissingJobHandlerError(['agenda/send']),
    );
  });

  it('refuses a handler for a job nobody declared', () => {
    const processors = [
      { queue: 'mail', handlers: { send: noop, sned: noop } },
      { queue: 'agenda', handlers: { freeze: noop, send: noop } },
    ] as unknown as JobProcessor[];
    expect(() => assertHandlersComplete(processors, declared)).toThrow('mail/sned (not declared in JOBS)');
  });

  it('covers the real job list', () => {
    expect(() => assertHandlersComplete([])).toThrow('mail/send');
  });
});
