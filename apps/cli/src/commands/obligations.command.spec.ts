import { runCli } from '../main';
import { CliIo } from '../cli-command';
import { ObligationsCommand } from './obligations.command';

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
  const code = await runCli(['obligations', ...args], io, [new ObligationsCommand()]);
  return { code, out: io.outLines, err: io.errLines };
}

/** The example: casusregie from Friday 6 February 2026, afronding Tuesday 8 September. */
const EXAMPLE =
  '{"region":"co3-antwerpen","casusregieStart":"2026-02-06","afronding":"2026-09-08","consulentSince":null}';
const EXAMPLE_PLAN =
  '{"obligations":[' +
  // Consent before the start: on the start date, 09:00.
  '{"key":"instemming-volwassene","due":"2026-02-20T09:00:00+01:00"},' +
  // S + 9 weeks = Friday 10 April; the Weegploeg (every other Tuesday from 13 January) of 21
  // April, deadline Monday 13 April 12:00 (Easter Monday is the 6th: no session moves).
  '{"key":"eerste-plan-van-aanpak","due":"2026-04-13T12:00:00+02:00","session":"2026-04-21T13:00:00+02:00"},' +
  // S + 10 months = Sunday 6 December: the Ronde Tafel of Thursday 10 December, deadline Friday 4th.
  '{"key":"tussentijdse-evaluatie","due":"2026-12-04T12:00:00+01:00","session":"2026-12-10T09:15:00+01:00"},' +
  // A + 3 months = Tuesday 8 December: the same Ronde Tafel.
  '{"key":"opvolging-na-afronding","due":"2026-12-04T12:00:00+01:00","session":"2026-12-10T09:15:00+01:00"},' +
  '{"key":"controle-zes-maanden-na-afronding","due":"2027-03-08T09:00:00+01:00"},' +
  // A + 6 months = Monday 8 March 2027: the Ronde Tafel of Thursday 11 March, deadline Friday 5 March.
  '{"key":"afsluiting","due":"2027-03-05T12:00:00+01:00","session":"2027-03-11T09:15:00+01:00"}' +
  ']}';

describe('cli obligations', () => {
  it('prints the plan of the issue’s example as one JSON line', async () => {
    await expect(cli(['--stdin'], [EXAMPLE])).resolves.toEqual({ code: 0, out: [EXAMPLE_PLAN], err: [] });
  });

  it('leaves out what follows from an absent afronding, and plans the first consulent alignment', async () => {
    const result = await cli(['--stdin'], ['{"casusregieStart":"2026-02-06","consulentSince":"2026-03-17"}']);
    expect(result.out).toEqual([
      '{"obligations":[' +
        '{"key":"instemming-volwassene","due":"2026-02-20T09:00:00+01:00"},' +
        '{"key":"eerste-plan-van-aanpak","due":"2026-04-13T12:00:00+02:00","session":"2026-04-21T13:00:00+02:00"},' +
        '{"key":"tussentijdse-evaluatie","due":"2026-12-04T12:00:00+01:00","session":"2026-12-10T09:15:00+01:00"},' +
        // Three months after the consulent came in (17 March), only the first occurrence.
        '{"key":"afstemming-consulent","due":"2026-06-17T09:00:00+02:00"}' +
        ']}',
    ]);
  });

  it('counts the alignment from the start when the consulent was there before it', async () => {
    const result = await cli(
      ['--stdin'],
      ['{"casusregieStart":"2026-02-06","afronding":null,"consulentSince":"2026-01-20"}'],
    );
    const plan = JSON.parse(result.out[0] as string) as { obligations: { key: string; due: string }[] };
    expect(plan.obligations.find((o) => o.key === 'afstemming-consulent')).toEqual({
      key: 'afstemming-consulent',
      due: '2026-05-06T09:00:00+02:00',
    });
  });

  it('skips a holiday: the Ronde Tafel of Ascension Day is no target', async () => {
    // A + 6 months = Wednesday 5 May 2027; Thursday 6 May is Ascension Day (Easter 28 March + 39
    // days), so the afsluiting aims at the Ronde Tafel of 13 May, deadline Friday 7 May.
    const result = await cli(['--stdin'], ['{"casusregieStart":"2026-06-01","afronding":"2026-11-05"}']);
    const plan = JSON.parse(result.out[0] as string) as { obligations: { key: string }[] };
    expect(plan.obligations.find((o) => o.key === 'afsluiting')).toEqual({
      key: 'afsluiting',
      due: '2027-05-07T12:00:00+02:00',
      session: '2027-05-13T09:15:00+02:00',
    });
  });

  it('answers each line in order, a bad one with an error naming the field, and goes on', async () => {
    const result = await cli(
      ['--stdin'],
      [
        '{"region":"co3-antwerpen","afronding":"2026-09-08"}',
        '{"casusregieStart":"2026-02-30"}',
        '{"casusregieStart":20260206}',
        '{"casusregieStart":"2026-02-06","afronding":"8/9/2026"}',
        '{"casusregieStart":"2026-02-06","consulentSince":true}',
        '{"casusregieStart":"2026-02-06","afronding":"2026-01-08"}',
        '{"region":"limburg","casusregieStart":"2026-02-06"}',
        '{"casusregieStart":"2026-02-06","afrondig":"2026-09-08"}',
        'casusregieStart=2026-02-06',
        '["2026-02-06"]',
        '',
        EXAMPLE,
      ],
    );
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      '{"error":"casusregieStart is required (yyyy-mm-dd)"}',
      '{"error":"casusregieStart: \\"2026-02-30\\" is not a date (expected yyyy-mm-dd, e.g. 2026-02-06)"}',
      '{"error":"casusregieStart: 20260206 is not a date (expected yyyy-mm-dd, e.g. 2026-02-06)"}',
      '{"error":"afronding: \\"8/9/2026\\" is not a date (expected yyyy-mm-dd, e.g. 2026-02-06)"}',
      '{"error":"consulentSince: true is not a date (expected yyyy-mm-dd, e.g. 2026-02-06)"}',
      '{"error":"afronding 2026-01-08 lies before casusregieStart 2026-02-06"}',
      '{"error":"region: unknown region \\"limburg\\" (known: co3-antwerpen, vlaams-brabant, west-vlaanderen, oost-vlaanderen)"}',
      '{"error":"afrondig: unknown field (fields: region, casusregieStart, afronding, consulentSince)"}',
      '{"error":"expected one JSON object, got \\"casusregieStart=2026-02-06\\""}',
      '{"error":"expected one JSON object, got \\"[\\\\\\"2026-02-06\\\\\\"]\\""}',
      '{"error":"expected one JSON object, got \\"\\""}',
      EXAMPLE_PLAN,
    ]);
  });

  it('answers for the second region from its own rules', async () => {
    const result = await cli(['--stdin'], ['{"region":"vlaams-brabant","casusregieStart":"2026-02-06"}']);
    // Its rules all hang on a track (spoor 2 or 3), which the dates do not give.
    expect(result.out).toEqual(['{"obligations":[]}']);
  });

  it('answers for West-Vlaanderen with --region: casusregie, then six months from a distance after the afronding', async () => {
    const result = await cli(
      ['--stdin', '--region', 'west-vlaanderen'],
      ['{"casusregieStart":"2026-03-02","afronding":"2026-11-17"}'],
    );
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [
        '{"obligations":[' +
          '{"key":"plan-van-aanpak-aan-clienten","due":"2026-03-16T17:00:00+01:00"},' +
          // S + 3 months = 2 June; the overlegtafel of Monday 15 June, deadline Tuesday 9 June 12:00.
          '{"key":"voortgang-op-de-overlegtafel","due":"2026-06-09T12:00:00+02:00","session":"2026-06-15T13:30:00+02:00"},' +
          '{"key":"opvolging-op-afstand","due":"2027-05-17T09:00:00+02:00"}]}',
      ],
    });
  });

  it('answers for Oost-Vlaanderen with --region=, and refuses a line of another region', async () => {
    const result = await cli(
      ['--region=oost-vlaanderen', '--stdin'],
      [
        '{"casusregieStart":"2026-03-02","afronding":"2026-11-17"}',
        '{"region":"oost-vlaanderen","casusregieStart":"2026-03-02"}',
        '{"region":"co3-antwerpen","casusregieStart":"2026-03-02"}',
      ],
    );
    expect(result).toEqual({
      code: 0,
      err: [],
      out: [
        '{"obligations":[' +
          // S + 8 weeks = Monday 27 April; the team regie of Tuesday 28 April, deadline Thursday 23 April.
          '{"key":"plan-van-aanpak-team-regie","due":"2026-04-23T12:00:00+02:00","session":"2026-04-28T09:30:00+02:00"},' +
          '{"key":"netwerkoverleg","due":"2026-06-02T17:00:00+02:00"},' +
          '{"key":"afsluiting-na-afronding","due":"2027-02-17T09:00:00+01:00"}]}',
        '{"obligations":[' +
          '{"key":"plan-van-aanpak-team-regie","due":"2026-04-23T12:00:00+02:00","session":"2026-04-28T09:30:00+02:00"},' +
          '{"key":"netwerkoverleg","due":"2026-06-02T17:00:00+02:00"}]}',
        '{"error":"region: \\"co3-antwerpen\\" is not the --region \\"oost-vlaanderen\\""}',
      ],
    });
  });

  it.each<[string, string[], string]>([
    ['no --stdin', [], '--stdin is required: the dossiers come one JSON object a line'],
    [
      'an unknown option',
      ['--stdin', '--regio', 'co3-antwerpen'],
      'unknown option "--regio" (options: --stdin, --region)',
    ],
    [
      'an unknown region',
      ['--stdin', '--region', 'limburg'],
      '--region: unknown region "limburg" (known: co3-antwerpen, vlaams-brabant, west-vlaanderen, oost-vlaanderen)',
    ],
    ['a region without value', ['--stdin', '--region'], '--region needs a value'],
    [
      '--region twice',
      ['--stdin', '--region', 'west-vlaanderen', '--region=oost-vlaanderen'],
      '--region is given twice',
    ],
    [
      'a stray argument',
      ['--stdin', 'dossier.json'],
      expect.stringMatching(
        /^unexpected argument "dossier.json"; usage: obligations --stdin/,
      ) as unknown as string,
    ],
    ['--stdin twice', ['--stdin', '--stdin'], '--stdin is given twice'],
  ])('exits 2 with one line for %s', async (_, args, message) => {
    await expect(cli(args, [EXAMPLE])).resolves.toEqual({ code: 2, out: [], err: [message] });
  });

  it('prints its usage on --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^usage: obligations --stdin/);
  });
});
