import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CALENDAR_MAILS,
  EVERY_MAIL,
  composer,
  hostileRecipient,
  weegploegSlot,
} from './testing/every-mail.test-util';
import { ICAL_CHECK_DIR, ICAL_PYTHON, libicalAvailable } from './testing/ical-check.test-util';
import { agendaUrl, stamp, weegploeg } from './testing/mail-fixtures.test-util';

/**
 * Issue #16: libical's RFC 5546 check (../shared/tools/ical-check) on the calendar part of every
 * kind of invitation the service writes: the session's REQUEST and CANCEL, and a guest's slot
 * from the aanmelding through its confirmation and move to its cancellation. The integration
 * suite (invitations-libical.int-spec) checks the mails a real flow delivers.
 */
if (!libicalAvailable && process.env.CI) {
  throw new Error(`CI needs libical (python3-gi, gir1.2-ical-3.0) and ${ICAL_CHECK_DIR}`);
}

const slotCancelled = () =>
  composer.sessionCancelled({
    recipient: hostileRecipient,
    session: weegploeg,
    reason: 'Feestdag',
    detailsUrl: agendaUrl,
    cancellation: { sequence: 4, stamp, slot: weegploegSlot },
  });

const cases: [string, () => ReturnType<typeof slotCancelled>, 'REQUEST' | 'CANCEL'][] = [
  ...Object.entries(CALENDAR_MAILS).map(
    ([name, method]) =>
      [name, EVERY_MAIL[name]!, method] as [
        string,
        () => ReturnType<typeof slotCancelled>,
        'REQUEST' | 'CANCEL',
      ],
  ),
  ['slot-cancelled', slotCancelled, 'CANCEL'],
];

describe('every kind of invitation passes libical’s RFC 5546 check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'every-invitation-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers the session’s and the slot’s entries, REQUEST and CANCEL', async () => {
    const uids = await Promise.all(
      cases.map(async ([, render, method]) => {
        const ics = (await render()).ics!;
        expect(ics.method).toBe(method);
        return `${/^UID:([a-z]+)-/m.exec(ics.content)![1]} ${method}`;
      }),
    );
    expect([...new Set(uids)].sort()).toEqual([
      'session CANCEL',
      'session REQUEST',
      'slot CANCEL',
      'slot REQUEST',
    ]);
  });

  (libicalAvailable ? it.each(cases) : it.skip.each(cases))('%s', async (name, render) => {
    const file = path.join(dir, `${name}.ics`);
    writeFileSync(file, (await render()).ics!.content);
    const run = spawnSync(ICAL_PYTHON, [path.join(ICAL_CHECK_DIR, 'libical_check.py'), file], {
      encoding: 'utf8',
    });
    expect([run.status, run.stdout + run.stderr]).toEqual([0, expect.any(String)]);
  });
});
