import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to the self-contained mode when nothing is set', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      redisUrl: undefined,
      smtpUrl: undefined,
      demoLogin: true,
      dataDir: path.resolve('/srv/app', '.data'),
      regions: ['co3-antwerpen'],
    });
  });

  it('bounds the database pool by default and takes the limits from the environment', () => {
    expect(loadConfig({}).databaseTimeouts).toEqual({
      connectMs: 15_000,
      statementMs: 30_000,
      idleInTransactionMs: 60_000,
    });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '1500' }).databaseTimeouts.statementMs).toBe(1_500);
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '5' })).toThrow(
      'configuration error: DB_CONNECT_TIMEOUT_MS must be at least 100 ms',
    );
  });

  it('reads REGION_DIR relative to the working directory (its regions join the known ones), and has none by default', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    expect(loadConfig({}, '/srv/app').regionDir).toBeUndefined();
    // A module registry of its own: the file's region stays registered in the one it is loaded in.
    let isolated!: typeof loadConfig;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      isolated = (require('./app-config') as typeof import('./app-config')).loadConfig;
    });
    const fromRoot = isolated(
      { REGION_DIR: 'test/fixtures/regions', REGIONS: 'co3-antwerpen,voorbeeldstreek' },
      root,
    );
    expect(fromRoot.regionDir).toBe(path.join(root, 'test', 'fixtures', 'regions'));
    expect(fromRoot.regions).toEqual(['co3-antwerpen', 'voorbeeldstreek']);
    expect(() => loadConfig({ REGION_DIR: 'regio' }, '/srv/app')).toThrow(
      'configuration error: REGION_DIR "/srv/app/regio" is not a directory that can be read',
    );
  });

  it('turns the demo login off once a real database is configured', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example.org/ot' }).demoLogin).toBe(false);
  });

  it("takes DATABASE_OWNER_URL for the migrations, and only beside the app role's DATABASE_URL", () => {
    const c = loadConfig({
      DATABASE_URL: 'postgresql://ot_app:s@db.example.org/ot',
      DATABASE_OWNER_URL: 'postgresql://ot:o@db.example.org/ot',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgresql://ot_app:s@db.example.org/ot',
      databaseOwnerUrl: 'postgresql://ot:o@db.example.org/ot',
    });
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgresql://ot:o@db.example.org/ot' })).toThrow(
      "configuration error: DATABASE_URL is required with DATABASE_OWNER_URL (it is the app role's connection)",
    );
  });

  it('names the variable and the reason for a malformed value', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      new ConfigError('DATABASE_URL', 'must be a URL starting with postgres:// or postgresql://'),
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('configuration error: PORT must be a port number');
    expect(() => loadConfig({ MAIL_FROM: 'CO3 <geen adres>' })).toThrow(
      'configuration error: MAIL_FROM must be an address or Name <address>',
    );
    expect(() => loadConfig({ DEMO_LOGIN: 'maybe' })).toThrow(
      'configuration error: DEMO_LOGIN must be true or false',
    );
  });

  it('requires the production endpoints and refuses the demo login in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'configuration error: DATABASE_URL is required when NODE_ENV=production',
    );
    const prod = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db/ot',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://overleg.example.be/',
    };
    expect(loadConfig(prod)).toMatchObject({ demoLogin: false, publicUrl: 'https://overleg.example.be' });
    expect(() => loadConfig({ ...prod, DEMO_LOGIN: 'true' })).toThrow(
      'DEMO_LOGIN cannot be enabled when NODE_ENV=production',
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ REDIS_URL: '', SMTP_URL: '  ' })).toMatchObject({
      redisUrl: undefined,
      smtpUrl: undefined,
    });
  });
});

describe('the organiser mailbox for replies', () => {
  it('is the local sink unless REPLY_IMAP_URL is set, polled every 60 s', () => {
    const config = loadConfig({}, '/srv');
    expect(config.replyImap).toBeUndefined();
    expect(config.replyPollSeconds).toBe(60);
  });

  it('takes an IMAP URL with its login and password', () => {
    const config = loadConfig(
      {
        REPLY_IMAP_URL: 'imaps://imap.example.be:993',
        REPLY_IMAP_USER: 'overlegtafels@example.be',
        REPLY_IMAP_PASSWORD: 'geheim',
        REPLY_POLL_SECONDS: '30',
      },
      '/srv',
    );
    expect(config.replyImap).toEqual({
      url: 'imaps://imap.example.be:993',
      user: 'overlegtafels@example.be',
      password: 'geheim',
    });
    expect(config.replyPollSeconds).toBe(30);
  });

  it.each<[Record<string, string>, string]>([
    [{ REPLY_IMAP_URL: 'imap://imap.example.be' }, 'REPLY_IMAP_USER'],
    [{ REPLY_IMAP_URL: 'imap://imap.example.be', REPLY_IMAP_USER: 'x@example.be' }, 'REPLY_IMAP_PASSWORD'],
    [{ REPLY_IMAP_URL: 'https://imap.example.be' }, 'REPLY_IMAP_URL'],
    [{ REPLY_POLL_SECONDS: '5' }, 'REPLY_POLL_SECONDS'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env, '/srv')).toThrow(expect.objectContaining({ variable }));
  });
});

describe('REGIONS', () => {
  it('takes a list of known region keys, in its order; unset: CO3 Antwerpen', () => {
    expect(loadConfig({}).regions).toEqual(['co3-antwerpen']);
    expect(loadConfig({ REGIONS: 'vlaams-brabant, co3-antwerpen' }).regions).toEqual([
      'vlaams-brabant',
      'co3-antwerpen',
    ]);
  });

  it('still takes REGION, one key, as installations of before set it', () => {
    expect(loadConfig({ REGION: 'west-vlaanderen' }).regions).toEqual(['west-vlaanderen']);
    expect(() => loadConfig({ REGION: 'co3-antwerpen', REGIONS: 'co3-antwerpen' })).toThrow(
      'configuration error: REGION cannot be set beside REGIONS (REGIONS replaces it)',
    );
  });

  it('names REGIONS and the key for an unknown or repeated region', () => {
    expect(() => loadConfig({ REGIONS: 'co3-antwerpen,limburg' })).toThrow(
      new ConfigError(
        'REGIONS',
        'names an unknown region "limburg" (known: co3-antwerpen, vlaams-brabant, west-vlaanderen, oost-vlaanderen)',
      ),
    );
    expect(() => loadConfig({ REGION: 'limburg' })).toThrow(expect.objectContaining({ variable: 'REGION' }));
    expect(() => loadConfig({ REGIONS: 'vlaams-brabant,vlaams-brabant' })).toThrow(
      'configuration error: REGIONS names the region "vlaams-brabant" twice',
    );
    expect(() => loadConfig({ REGIONS: 'co3-antwerpen;vlaams-brabant' })).toThrow(
      expect.objectContaining({ variable: 'REGIONS' }),
    );
  });

  it('takes MAIL_FROM for one region only: with several each region mails as it is configured', () => {
    expect(loadConfig({ MAIL_FROM: 'Ketenteam <ketenteam@example.be>' }).mailFrom).toBe(
      'Ketenteam <ketenteam@example.be>',
    );
    expect(loadConfig({ REGIONS: 'co3-antwerpen,vlaams-brabant' }).mailFrom).toBeUndefined();
    expect(() =>
      loadConfig({ REGIONS: 'co3-antwerpen,vlaams-brabant', MAIL_FROM: 'ketenteam@example.be' }),
    ).toThrow(expect.objectContaining({ variable: 'MAIL_FROM' }));
  });
});
