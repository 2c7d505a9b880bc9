import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@overlegtafels/testing';
import { migrate, readMigrations } from './migrator';
import { mailBodyDigest } from './repositories/outbox-rows';

const MAIL_BODIES = '20261123_4_mail_bodies';

/**
 * The migration that moved mail bodies out of mail_outbox must keep every mail that was waiting:
 * each row points at a body with exactly its old text and HTML, equal bodies are stored once, and
 * the digest is the one the repository computes for new rows.
 */
describe(`migration ${MAIL_BODIES}`, () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('moves the bodies of existing rows into mail_bodies, once per distinct content', async () => {
    const all = readMigrations();
    const at = all.findIndex((m) => m.name === MAIL_BODIES);
    expect(at).toBeGreaterThan(0);
    await migrate(db.url, all.slice(0, at));

    const rows: [string, string, string | null][] = [
      ['agenda-1', 'Beste leden van de Weegploeg,\nDe agenda é.', '<p>De agenda é.</p>'],
      ['agenda-2', 'Beste leden van de Weegploeg,\nDe agenda é.', '<p>De agenda é.</p>'],
      ['plain', 'Beste leden van de Weegploeg,\nDe agenda é.', null],
      ['empty-html', 'Beste leden van de Weegploeg,\nDe agenda é.', ''],
      ['other', 'Beste Lotte, 𝄞', '<p>Beste Lotte</p>'],
    ];
    for (const [key, text, html] of rows) {
      await client.query(
        `INSERT INTO mail_outbox (idempotency_key, purpose, template_key, recipient_email, message_id,
                                  from_address, subject, text_body, html_body)
         VALUES ($1, 'test', 'test', 'lid@example.org', $2, 'co3@example.be', 'Onderwerp', $3, $4)`,
        [key, `<${key}@example.be>`, text, html],
      );
    }

    await migrate(db.url, all.slice(0, at + 1));

    const moved = await client.query<{
      key: string;
      body_id: string;
      digest: string;
      text_body: string;
      html_body: string | null;
    }>(
      `SELECT o.idempotency_key AS key, o.body_id, b.digest, b.text_body, b.html_body
         FROM mail_outbox o JOIN mail_bodies b ON b.id = o.body_id ORDER BY o.idempotency_key`,
    );
    const byKey = new Map(moved.rows.map((r) => [r.key, r]));
    for (const [key, text, html] of rows) {
      expect(byKey.get(key)).toMatchObject({
        text_body: text,
        html_body: html,
        digest: mailBodyDigest(text, html),
      });
    }
    expect(byKey.get('agenda-1')!.body_id).toBe(byKey.get('agenda-2')!.body_id);
    const bodies = await client.query<{ n: string }>('SELECT count(*) AS n FROM mail_bodies');
    expect(Number(bodies.rows[0]!.n)).toBe(4);
    const columns = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'mail_outbox'`,
    );
    const names = columns.rows.map((c) => c.column_name);
    expect(names).toContain('body_id');
    expect(names).not.toContain('text_body');
    expect(names).not.toContain('html_body');
  });
});
