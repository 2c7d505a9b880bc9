import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliIo } from './cli-command';
import { runConfiguredCli } from './main';

/** The fictitious fifth region, as a configuration file only (REGION_DIR). */
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'regions');

async function cli(args: string[], regionDir: string, stdin: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdinLines: async function* () {
      yield* stdin;
    },
  };
  const code = await runConfiguredCli(args, io, { REGION_DIR: regionDir }, '/');
  return { code, out, err };
}

describe('cli with a region from a configuration file (REGION_DIR)', () => {
  it('lists the fifth region after the built-in four, with its table and rhythm', async () => {
    const { code, out, err } = await cli(['regions'], FIXTURES);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.map((l) => (JSON.parse(l) as { region: string }).region)).toEqual([
      'co3-antwerpen',
      'vlaams-brabant',
      'west-vlaanderen',
      'oost-vlaanderen',
      'voorbeeldstreek',
    ]);
    expect(JSON.parse(out[4]!)).toEqual({
      region: 'voorbeeldstreek',
      name: 'Ketenaanpak Voorbeeldstreek',
      timeZone: 'Europe/Brussels',
      tables: [
        {
          key: 'casustafel',
          name: 'Casustafel Voorbeeldstreek',
          rhythm: {
            weekday: 'wednesday',
            everyWeeks: 1,
            start: '09:00',
            end: '12:00',
            seriesStart: '2026-01-07',
          },
          capacityMinutes: 120,
        },
      ],
    });
  });

  it('places on its table: after Friday 4 December 12:00 the Wednesday of 16 December', async () => {
    const { code, out, err } = await cli(
      [
        'placement',
        '--region',
        'voorbeeldstreek',
        '--table',
        'casustafel',
        '--submitted-at',
        '2026-12-07T10:00:00+01:00',
      ],
      FIXTURES,
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(JSON.parse(out[0]!)).toEqual({
      region: 'voorbeeldstreek',
      table: 'casustafel',
      session: { start: '2026-12-16T09:00:00+01:00', end: '2026-12-16T12:00:00+01:00' },
      deadline: '2026-12-11T12:00:00+01:00',
      freezeAt: '2026-12-14T12:00:00+01:00',
      agendaSendAt: '2026-12-14T12:00:00+01:00',
    });
  });

  it('plans its obligations: the voortgang three months after the start of casusregie', async () => {
    const { code, out, err } = await cli(
      ['obligations', '--stdin', '--region', 'voorbeeldstreek'],
      FIXTURES,
      ['{"casusregieStart":"2026-02-06"}'],
    );
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(JSON.parse(out[0]!)).toEqual({
      obligations: [{ key: 'voortgang-op-de-casustafel', due: '2026-05-06T17:00:00+02:00' }],
    });
  });

  describe('a directory that cannot be used', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'ot-cli-regions-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('is a usage error in one line naming the file and the field, and runs no command', async () => {
      writeFileSync(
        path.join(dir, 'kapot.json'),
        '{"key":"kapot","name":"Kapot","timeZone":"Europe/Brussels"}',
      );
      await expect(cli(['regions'], dir)).resolves.toEqual({
        code: 2,
        out: [],
        err: ['configuration error: REGION_DIR kapot.json: tables must list at least one table'],
      });
    });

    it('is a usage error when the directory does not exist', async () => {
      const missing = path.join(dir, 'nergens');
      await expect(cli(['regions'], missing)).resolves.toEqual({
        code: 2,
        out: [],
        err: [`configuration error: REGION_DIR "${missing}" is not a directory that can be read`],
      });
    });
  });
});
