import {
  cancellationDescription,
  dossierDueSubject,
  dossierSessionSubject,
  midSentence,
  plainSubject,
  sessionDescription,
  sessionSubject,
  sessionSummary,
  slotDescription,
  slotSummary,
} from './mail-subjects';
import { label } from './mail-values';
import {
  agendaUrl,
  code42,
  code43,
  detailsUrl,
  identity,
  planVanAanpak,
  afronding,
  zdt,
} from './testing/mail-fixtures.test-util';

const region = identity.region;
const weegploeg = { table: label('Weegploeg'), date: zdt('2026-12-01T13:00') };

describe('subjects', () => {
  it('follow the agreed shapes', () => {
    expect(sessionSubject(weegploeg, region)).toBe('Weegploeg 1 december 2026 – CO3 Antwerpen');
    expect(sessionSubject(weegploeg, region, 'Geannuleerd')).toBe(
      'Geannuleerd: Weegploeg 1 december 2026 – CO3 Antwerpen',
    );
    expect(
      dossierSessionSubject('Verplaatst', { dossier: code42, itemType: planVanAanpak }, weegploeg, region),
    ).toBe('Verplaatst: CO3-2026-0042, plan van aanpak – Weegploeg 1 december 2026 – CO3 Antwerpen');
    expect(
      dossierDueSubject(
        'Herinnering',
        { dossier: code42, itemType: planVanAanpak },
        zdt('2027-02-01T23:59'),
        region,
      ),
    ).toBe('Herinnering: CO3-2026-0042, plan van aanpak – uiterlijk 1 februari 2027 – CO3 Antwerpen');
    expect(plainSubject('Inloglink', region)).toBe('Inloglink – CO3 Antwerpen');
  });

  it('use the Brussels date even late in the evening in another zone', () => {
    const lateUtc = zdt('2026-12-01T23:30').toUTC(); // 22:30 UTC, 23:30 in Brussels: the 1st
    expect(sessionSubject({ table: weegploeg.table, date: lateUtc }, region)).toBe(
      'Weegploeg 1 december 2026 – CO3 Antwerpen',
    );
    const earlyBrussels = zdt('2026-12-02T00:30').toUTC(); // still the 1st in UTC, the 2nd in Brussels
    expect(sessionSubject({ table: weegploeg.table, date: earlyBrussels }, region)).toBe(
      'Weegploeg 2 december 2026 – CO3 Antwerpen',
    );
  });

  it('accept only brands, so free text does not type-check', () => {
    // @ts-expect-error a plain string is not a Label
    expect(() => sessionSubject({ table: 'Sara Geheim', date: weegploeg.date }, region)).not.toThrow();
    // @ts-expect-error a plain string is not a DossierCode
    slotSummary(weegploeg.table, { dossier: 'familie Geheim' });
    // @ts-expect-error subjects take no free-text part at all
    sessionSubject(weegploeg, region, 'Gewijzigd', 'extra');
    // @ts-expect-error the prefix is one of a fixed set of words
    plainSubject('Dringend: familie Geheim', region);
  });
});

describe('calendar texts', () => {
  it('carry codes, times and types only', () => {
    expect(sessionSummary(weegploeg.table, region)).toBe('Weegploeg – CO3 Antwerpen');
    expect(slotSummary(weegploeg.table, { dossier: code42, itemType: planVanAanpak })).toBe(
      'Weegploeg: CO3-2026-0042, plan van aanpak',
    );
    expect(
      sessionDescription(
        [
          {
            start: zdt('2026-12-01T13:00'),
            end: zdt('2026-12-01T13:30'),
            dossier: code42,
            itemType: planVanAanpak,
          },
          {
            start: zdt('2026-12-01T13:30'),
            end: zdt('2026-12-01T13:45'),
            dossier: code43,
            itemType: afronding,
          },
        ],
        agendaUrl,
      ),
    ).toBe(
      [
        'Agenda:',
        '13:00–13:30  CO3-2026-0042  plan van aanpak',
        '13:30–13:45  CO3-2026-0043  afronding',
        '',
        `Agenda (na inloggen): ${agendaUrl}`,
      ].join('\n'),
    );
    expect(
      slotDescription(
        {
          start: zdt('2026-12-04T10:00'),
          end: zdt('2026-12-04T10:30'),
          dossier: code42,
          itemType: label('Aanmelding'),
        },
        detailsUrl,
        false,
      ),
    ).toBe(`Uw agendapunt: CO3-2026-0042, aanmelding, 10:00–10:30.\nDetails (na inloggen): ${detailsUrl}`);
    expect(cancellationDescription(weegploeg, agendaUrl)).toContain(
      'Weegploeg 1 december 2026 gaat niet door.',
    );
  });

  it('lower-case item types mid-sentence but keep acronyms', () => {
    expect(midSentence(label('Plan van aanpak'))).toBe('plan van aanpak');
    expect(midSentence(label('ICO-herbespreking'))).toBe('ICO-herbespreking');
    expect(midSentence(label('Ölçü'))).toBe('ölçü');
  });
});
