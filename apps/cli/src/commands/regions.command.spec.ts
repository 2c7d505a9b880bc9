import { runCli } from '../main';
import { CliIo } from '../cli-command';
import { RegionsCommand } from './regions.command';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdinLines: async function* () {},
  };
  const code = await runCli(['regions', ...args], io, [new RegionsCommand()]);
  return { code, out, err };
}

describe('cli regions', () => {
  it('prints one JSON line per region with its tables, key, name and rhythm', async () => {
    const { code, out, err } = await cli([]);
    expect([code, err]).toEqual([0, []]);
    const regions = out.map((l) => JSON.parse(l) as { region: string; tables: unknown[] });
    expect(regions.map((r) => r.region)).toEqual([
      'co3-antwerpen',
      'vlaams-brabant',
      'west-vlaanderen',
      'oost-vlaanderen',
    ]);
    expect(regions.slice(2)).toEqual([
      {
        region: 'west-vlaanderen',
        name: 'Ketenaanpak IFG West-Vlaanderen',
        timeZone: 'Europe/Brussels',
        tables: [
          {
            key: 'overlegtafel',
            name: 'Overlegtafel (operationeel team)',
            rhythm: {
              weekday: 'monday',
              everyWeeks: 2,
              start: '13:30',
              end: '16:30',
              seriesStart: '2026-01-12',
            },
            capacityMinutes: 180,
          },
        ],
      },
      {
        region: 'oost-vlaanderen',
        name: 'Veilig Huis Oost-Vlaanderen',
        timeZone: 'Europe/Brussels',
        tables: [
          {
            key: 'team-regie',
            name: 'Team regie',
            rhythm: {
              weekday: 'tuesday',
              everyWeeks: 1,
              start: '09:30',
              end: '12:00',
              seriesStart: '2026-01-06',
            },
            capacityMinutes: 150,
          },
        ],
      },
    ]);
    expect(regions[0]).toEqual({
      region: 'co3-antwerpen',
      name: expect.any(String),
      timeZone: 'Europe/Brussels',
      tables: [
        {
          key: 'ico',
          name: 'Verkennend casusoverleg (ICO)',
          rhythm: expect.objectContaining({ weekday: 'friday', everyWeeks: 1 }),
          capacityMinutes: expect.any(Number),
        },
        {
          key: 'weegploeg',
          name: 'Weegploeg',
          rhythm: expect.objectContaining({ weekday: 'tuesday', everyWeeks: 2 }),
          capacityMinutes: expect.any(Number),
        },
        {
          key: 'ronde-tafel',
          name: 'Ronde Tafel',
          rhythm: expect.objectContaining({ weekday: 'thursday', everyWeeks: 1 }),
          capacityMinutes: expect.any(Number),
        },
      ],
    });
  });

  it('refuses an argument with exit code 2 and one line', async () => {
    const { code, out, err } = await cli(['--region', 'co3-antwerpen']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('unexpected argument "--region"');
  });
});
