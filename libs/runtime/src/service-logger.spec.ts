import { ServiceLogger } from './service-logger';

describe('ServiceLogger', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    const capture = (chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes one line with an ISO 8601 timestamp in Brussels time', () => {
    jest.useFakeTimers({ now: new Date('2026-07-01T10:00:00.250Z') });
    try {
      new ServiceLogger('log').log('outbox 42 sent (agenda)', 'SendOutboxMailUseCase');
    } finally {
      jest.useRealTimers();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('2026-07-01T12:00:00.250+02:00');
    expect(written[0]).toContain('[SendOutboxMailUseCase] outbox 42 sent (agenda)');
    expect(written[0]!.trimEnd().split('\n')).toHaveLength(1);
  });

  it('keeps Nest’s module and route listing for the debug level', () => {
    new ServiceLogger('log').log('Mapped {/health, GET} route', 'RouterExplorer');
    new ServiceLogger('log').log('ApiModule dependencies initialized', 'InstanceLoader');
    expect(written).toEqual([]);
    new ServiceLogger('debug').log('Mapped {/health, GET} route', 'RouterExplorer');
    expect(written.join('')).toContain('DEBUG [RouterExplorer] Mapped {/health, GET} route');
  });

  it('never dumps an object: an error by its name and code, anything else by its kind', () => {
    const error = Object.assign(new Error('terminating connection for Persoon A'), {
      name: 'error',
      code: '57P01',
      client: { user: 'postgres_app', password: 'geheim' },
    });
    const logger = new ServiceLogger('log');
    logger.error(error, 'WorkerHost');
    logger.warn({ name: 'Persoon A', email: 'persoon.a@example.org' }, 'Somewhere');
    logger.log('a line', { dossier: 'CO3-2026-0001', reason: 'Persoon A' }, 'Somewhere');
    const out = written.join('');
    expect(out).toContain('[WorkerHost] error 57P01');
    expect(out).toContain('[Somewhere] [Object]');
    expect(out).toContain('a line {dossier, reason}');
    for (const secret of ['Persoon A', 'geheim', 'postgres_app', 'example.org', 'CO3-2026-0001'])
      expect(out).not.toContain(secret);
  });
});
