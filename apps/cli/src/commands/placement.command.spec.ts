import { runCli } from '../main';
import { CliIo } from '../cli-command';
import { PlacementCommand } from './placement.command';

function captureIo(stdin: string[] = []): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (l) => outLines.push(l),
    err: (l) => errLines.push(l),
    stdinLines: async function* () {
      yield* stdin;
    },
  };
}

async function cli(args: string[], stdin?: string[]) {
  const io = captureIo(stdin);
  const code = await runCli(['placement', ...args], io, [new PlacementCommand()]);
  return { code, out: io.outLines, err: io.errLines };
}

const WEEGPLOEG_LINE =
  '{"region":"co3-antwerpen","table":"weegploeg","session":{"start":"2026-12-01T13:00:00+01:00","end":"2026-12-01T16:00:00+01:00"},"deadline":"2026-11-23T12:00:00+01:00","freezeAt":"2026-11-26T12:00:00+01:00","agendaSendAt":"2026-11-26T12:00:00+01:00"}';

describe('cli placement', () => {
  it('prints the placement of a Weegploeg item as one JSON line', async () => {
    await expect(
      cli(['--table', 'weegploeg', '--submitted-at', '2026-11-20T10:00:00+01:00']),
    ).resolves.toEqual({
      code: 0,
      out: [WEEGPLOEG_LINE],
      err: [],
    });
  });

  it('accepts --flag=value, an explicit region and an item type', async () => {
    const result = await cli([
      '--region=co3-antwerpen',
      '--table=weegploeg',
      '--submitted-at=2026-11-20T09:00:00Z',
      '--type',
      'afronding',
    ]);
    expect(result).toEqual({ code: 0, out: [WEEGPLOEG_LINE], err: [] });
  });

  it('answers for the second region', async () => {
    const result = await cli([
      '--region',
      'vlaams-brabant',
      '--table',
      'triage-overleg',
      '--submitted-at',
      '2026-11-16T12:00:00+01:00',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0] as string).session.start).toBe('2026-11-18T10:00:00+01:00');
  });

  it('answers for West-Vlaanderen: the overlegtafel of Easter Monday 2026 is skipped', async () => {
    const result = await cli([
      '--region',
      'west-vlaanderen',
      '--table',
      'overlegtafel',
      '--submitted-at',
      '2026-03-24T10:00:00+01:00',
      '--type',
      'aanmelding',
    ]);
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [
        '{"region":"west-vlaanderen","table":"overlegtafel","session":{"start":"2026-04-20T13:30:00+02:00","end":"2026-04-20T16:30:00+02:00"},"deadline":"2026-04-14T12:00:00+02:00","freezeAt":"2026-04-16T12:00:00+02:00","agendaSendAt":"2026-04-17T10:00:00+02:00"}',
      ],
    });
  });

  it('answers for Oost-Vlaanderen on stdin: the team regie of 21 July 2026 is skipped', async () => {
    const result = await cli(
      ['--stdin', '--region=oost-vlaanderen'],
      [
        'team-regie 2026-07-09T11:59:59.999+02:00 plan-van-aanpak',
        'team-regie 2026-07-09T10:00:00Z',
        'ico 2026-07-09T10:00:00Z',
      ],
    );
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [
        '{"region":"oost-vlaanderen","table":"team-regie","session":{"start":"2026-07-14T09:30:00+02:00","end":"2026-07-14T12:00:00+02:00"},"deadline":"2026-07-09T12:00:00+02:00","freezeAt":"2026-07-13T12:00:00+02:00","agendaSendAt":"2026-07-13T12:00:00+02:00"}',
        '{"region":"oost-vlaanderen","table":"team-regie","session":{"start":"2026-07-28T09:30:00+02:00","end":"2026-07-28T12:00:00+02:00"},"deadline":"2026-07-23T12:00:00+02:00","freezeAt":"2026-07-27T12:00:00+02:00","agendaSendAt":"2026-07-27T12:00:00+02:00"}',
        '{"error":"unknown table \\"ico\\" in region oost-vlaanderen (known: team-regie)"}',
      ],
    });
  });

  it.each<[string, string[], string]>([
    [
      'an unknown table',
      ['--table', 'weegtafel', '--submitted-at', '2026-11-20T10:00:00+01:00'],
      '--table: unknown table "weegtafel" in region co3-antwerpen (known: ico, weegploeg, ronde-tafel)',
    ],
    [
      'an unknown item type',
      ['--table', 'ico', '--submitted-at', '2026-11-20T10:00:00+01:00', '--type', 'afronding'],
      '--type: unknown item type "afronding" for table ico (known: aanmelding, herbespreking)',
    ],
    [
      'an unparseable instant',
      ['--table', 'ico', '--submitted-at', 'vrijdag'],
      '--submitted-at: "vrijdag" is not an ISO-8601 instant (expected e.g. 2026-11-20T10:00:00+01:00)',
    ],
    [
      'an instant without offset',
      ['--table', 'ico', '--submitted-at', '2026-11-20T10:00:00'],
      '--submitted-at: "2026-11-20T10:00:00" has no UTC offset (add Z or an offset such as +01:00)',
    ],
    [
      'an unknown region',
      ['--region', 'limburg', '--table', 'ico', '--submitted-at', '2026-11-20T10:00:00+01:00'],
      'unknown region "limburg" (known: co3-antwerpen, vlaams-brabant, west-vlaanderen, oost-vlaanderen)',
    ],
    [
      'a missing table',
      ['--submitted-at', '2026-11-20T10:00:00+01:00'],
      '--table is required (or use --stdin)',
    ],
    ['a missing instant', ['--table', 'ico'], '--submitted-at is required'],
    ['a flag without value', ['--table'], '--table needs a value'],
    [
      'an unknown option',
      ['--tafel', 'ico'],
      'unknown option "--tafel" (options: --table, --submitted-at, --region, --type, --stdin)',
    ],
    [
      '--stdin together with --table',
      ['--stdin', '--table', 'ico'],
      '--stdin reads "<table> <instant>" lines; do not combine it with --table or --submitted-at',
    ],
  ])('exits 2 with one line for %s', async (_, args, message) => {
    await expect(cli(args)).resolves.toEqual({ code: 2, out: [], err: [message] });
  });

  it('exits 1 when no session lies within a year', async () => {
    const result = await cli(['--table', 'ico', '--submitted-at', '2020-01-01T10:00:00+01:00']);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'no open session of table ico within a year after 2020-01-01T10:00:00+01:00',
    ]);
  });

  it('reads <table> <instant> lines from stdin and answers each in order, errors in-line', async () => {
    const result = await cli(
      ['--stdin'],
      [
        'weegploeg 2026-11-20T10:00:00+01:00',
        'weegtafel 2026-11-20T10:00:00+01:00',
        'ico 2026-11-20T10:00:00',
        '',
        '  weegploeg   2026-11-20T09:00:00Z  ',
        'ronde-tafel 2026-11-20T12:00:00+01:00 afsluiting',
        'ronde-tafel 2026-11-20T12:00:00+01:00 aanmelding',
      ],
    );
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      WEEGPLOEG_LINE,
      '{"error":"unknown table \\"weegtafel\\" in region co3-antwerpen (known: ico, weegploeg, ronde-tafel)"}',
      '{"error":"\\"2026-11-20T10:00:00\\" has no UTC offset (add Z or an offset such as +01:00)"}',
      '{"error":"expected \\"<table> <instant> [<type>]\\", got \\"\\""}',
      WEEGPLOEG_LINE,
      '{"region":"co3-antwerpen","table":"ronde-tafel","session":{"start":"2026-12-03T09:15:00+01:00","end":"2026-12-03T12:00:00+01:00"},"deadline":"2026-11-27T12:00:00+01:00","freezeAt":"2026-11-30T12:00:00+01:00","agendaSendAt":"2026-11-30T12:00:00+01:00"}',
      '{"error":"unknown item type \\"aanmelding\\" for table ronde-tafel (known: vraag, opvolging, tussentijdse-evaluatie, afsluiting)"}',
    ]);
  });

  it('applies --type to every stdin line without one of its own', async () => {
    const result = await cli(['--stdin', '--type', 'plan-van-aanpak'], ['ico 2026-11-20T10:00:00+01:00']);
    expect(result.out).toEqual([
      '{"error":"unknown item type \\"plan-van-aanpak\\" for table ico (known: aanmelding, herbespreking)"}',
    ]);
  });

  it('prints its usage on --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^usage: placement --table <key>/);
  });
});
