import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The built operator CLI as an operator runs it (`npm run --silent cli -- obligations --stdin`
 * runs the same file after building it; the e2e setup built it once for the run). No database,
 * no Redis: the rules and holidays are data. Run in a zone far from Brussels, so the answer cannot
 * lean on the machine's zone.
 */
const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/apps/cli/src/main.js');

function run(args: string[], input: string) {
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'America/New_York' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the obligations command, spawned', () => {
  it('answers the issue’s example and a bad line, one JSON line each, exit 0', () => {
    const input =
      '{"region":"co3-antwerpen","casusregieStart":"2026-02-06","afronding":"2026-09-08","consulentSince":null}\n' +
      '{"region":"co3-antwerpen","afronding":"2026-09-08"}\n';
    expect(run(['obligations', '--stdin'], input)).toEqual({
      status: 0,
      stdout:
        '{"obligations":[' +
        '{"key":"instemming-volwassene","due":"2026-02-20T09:00:00+01:00"},' +
        '{"key":"eerste-plan-van-aanpak","due":"2026-04-13T12:00:00+02:00","session":"2026-04-21T13:00:00+02:00"},' +
        '{"key":"tussentijdse-evaluatie","due":"2026-12-04T12:00:00+01:00","session":"2026-12-10T09:15:00+01:00"},' +
        '{"key":"opvolging-na-afronding","due":"2026-12-04T12:00:00+01:00","session":"2026-12-10T09:15:00+01:00"},' +
        '{"key":"controle-zes-maanden-na-afronding","due":"2027-03-08T09:00:00+01:00"},' +
        '{"key":"afsluiting","due":"2027-03-05T12:00:00+01:00","session":"2027-03-11T09:15:00+01:00"}' +
        ']}\n' +
        '{"error":"casusregieStart is required (yyyy-mm-dd)"}\n',
      stderr: '',
    });
  });

  it('exits 2 with one line on stderr when the option is wrong', () => {
    expect(run(['obligations', '--stdn'], '')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'unknown option "--stdn" (options: --stdin, --region)\n',
    });
  });

  it('answers for West- and Oost-Vlaanderen with --region, and exits 2 for an unknown region', () => {
    const dates = '{"casusregieStart":"2026-03-02","afronding":"2026-11-17"}\n';
    expect(run(['obligations', '--stdin', '--region', 'west-vlaanderen'], dates)).toEqual({
      status: 0,
      stdout:
        '{"obligations":[' +
        '{"key":"plan-van-aanpak-aan-clienten","due":"2026-03-16T17:00:00+01:00"},' +
        '{"key":"voortgang-op-de-overlegtafel","due":"2026-06-09T12:00:00+02:00","session":"2026-06-15T13:30:00+02:00"},' +
        '{"key":"opvolging-op-afstand","due":"2027-05-17T09:00:00+02:00"}]}\n',
      stderr: '',
    });
    expect(run(['obligations', '--stdin', '--region=oost-vlaanderen'], dates)).toEqual({
      status: 0,
      stdout:
        '{"obligations":[' +
        '{"key":"plan-van-aanpak-team-regie","due":"2026-04-23T12:00:00+02:00","session":"2026-04-28T09:30:00+02:00"},' +
        '{"key":"netwerkoverleg","due":"2026-06-02T17:00:00+02:00"},' +
        '{"key":"afsluiting-na-afronding","due":"2027-02-17T09:00:00+01:00"}]}\n',
      stderr: '',
    });
    const unknown = run(['obligations', '--stdin', '--region', 'limburg'], dates);
    expect([unknown.status, unknown.stdout, unknown.stderr.split('\n').filter(Boolean).length]).toEqual([
      2,
      '',
      1,
    ]);
  });

  it('places an item on the West- and Oost-Vlaanderen tables, spawned', () => {
    const wv = run(
      [
        'placement',
        '--region',
        'west-vlaanderen',
        '--table',
        'overlegtafel',
        '--submitted-at',
        '2026-03-24T10:00:00+01:00',
      ],
      '',
    );
    expect([wv.status, JSON.parse(wv.stdout).session.start]).toEqual([0, '2026-04-20T13:30:00+02:00']);
    const ov = run(
      [
        'placement',
        '--region',
        'oost-vlaanderen',
        '--table',
        'team-regie',
        '--submitted-at',
        '2026-07-09T12:00:00+02:00',
      ],
      '',
    );
    expect([ov.status, JSON.parse(ov.stdout).session.start]).toEqual([0, '2026-07-28T09:30:00+02:00']);
  });
});
