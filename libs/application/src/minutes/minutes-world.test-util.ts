import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAuditLog,
  fakeDossier,
  FakeMailOutbox,
  fakeMinutesItem,
  FakeObligationRepository,
  FakeSessionMinutesRepository,
  FakeUnitOfWork,
  principalWith,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { MinutesAccess } from './minutes-access';

export const SESSION = 'session-1';
/** The ICO of Friday 4 December 2026, 09:30 Brussels. */
export const STARTS_AT = new Date('2026-12-04T08:30:00Z');

/** Who the minutes specs act as. */
export const people = {
  /** Coordinator of the ICO, its voorzitter. */
  lotte: principalWith('lotte', [{ role: 'coordinator', tableKey: 'ico' }]),
  /** A member of the ICO who sits there as its verslaggever. */
  jonas: principalWith('jonas', [{ role: 'member', tableKey: 'ico' }]),
  /** A member of the ICO (police). */
  wim: principalWith('wim', [{ role: 'member', tableKey: 'ico' }]),
  /** The aanmelder of item A. */
  eva: principalWith('eva', [{ role: 'aanmelder', tableKey: null }]),
  /** The casusregisseur of item B's dossier. */
  sara: principalWith('sara', [{ role: 'casusregisseur', tableKey: null }]),
  /** A coordinator of the ICO of another region. */
  elders: principalWith('elders', [{ role: 'coordinator', tableKey: 'ico' }], 'region-2'),
};

/**
 * A held ICO with two items: A (Eva's aanmelding, not shared, her guest row `guest-a`) and B
 * (shared with the session, its dossier directed by Sara); Jonas sits there as verslaggever, Wim
 * as lid. Now is 10:00 on the day.
 */
export function minutesWorld(options: { status?: string; now?: string } = {}) {
  const minutes = new FakeSessionMinutesRepository()
    .addSession({
      id: SESSION,
      regionId: 'region-1',
      tableKey: 'ico',
      status: options.status ?? 'held',
      startsAt: STARTS_AT,
    })
    .addItem(
      SESSION,
      fakeMinutesItem('item-a', {
        dossierId: 'dossier-a',
        dossierCode: 'CO3-2026-0101',
        aanmelderId: 'eva',
        guests: [{ id: 'guest-a', kind: 'aanmelder', name: 'Eva', email: 'eva@example.org' }],
      }),
    )
    .addItem(
      SESSION,
      fakeMinutesItem('item-b', {
        position: 2,
        dossierId: 'dossier-b',
        dossierCode: 'CO3-2026-0102',
        aanmelderId: 'karim',
        casusregisseurId: 'sara',
        sharedWithSession: true,
        decision: { kind: 'geen_ketenaanpak', decidedAt: new Date('2026-12-04T09:00:00Z') },
      }),
    );
  minutes.functions.set('ico|jonas', 'verslaggever');
  minutes.functions.set('ico|wim', 'lid');
  minutes.functions.set('ico|lotte', 'voorzitter');
  minutes.candidates = [
    { personId: 'an', displayName: 'An Vermeulen', organisationId: 'org-parket', organisationName: 'Parket' },
    {
      personId: 'wim',
      displayName: 'Wim Jacobs',
      organisationId: 'org-politie',
      organisationName: 'Politie',
    },
    { personId: 'eva', displayName: 'Eva Wouters', organisationId: 'org-arts', organisationName: 'Huisarts' },
  ];
  minutes.participants = [
    { personId: 'lotte', email: 'lotte@example.be', displayName: 'Lotte' },
    { personId: 'wim', email: 'wim@example.be', displayName: 'Wim' },
    { personId: 'eva', email: 'eva@example.org', displayName: 'Eva' },
  ];
  const obligations = new FakeObligationRepository();
  obligations.addDossier(fakeDossier('dossier-a'));
  obligations.addDossier(fakeDossier('dossier-b', { casusregisseurId: 'sara' }));
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(minutes, ...obligations.stores, audit, outbox);
  const clock = new ControlledClock(options.now ?? '2026-12-04T10:00:00+01:00');
  const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
  const access = new MinutesAccess(minutes, rules, audit, clock);
  const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
  return { minutes, obligations, audit, outbox, uow, clock, rules, access, composer };
}

/** The refusal a promise ends in. */
export async function refusalOf(
  p: Promise<unknown>,
): Promise<{ code: string; kind: string; field?: string }> {
  return (await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as { code: string; kind: string; field?: string };
}
