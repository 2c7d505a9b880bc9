import { DEFAULT_RETENTION, RegionConfig } from '@overlegtafels/domain';
import { FLEMISH_HOLIDAYS } from '../shared/belgian-holidays.config';
import { COMMON_ORGANISATION_KINDS, helpKindsOf } from '../shared/organisation-kinds.config';
import { WEST_VLAANDEREN_OBLIGATIONS } from './west-vlaanderen.obligations';
import { WEST_VLAANDEREN_DOSSIER_LIFE } from './west-vlaanderen.dossier-life';

/** West-Vlaanderen's partner kinds: the common ones, the city's social services, and Kind en Gezin and the CLB, who take part where a dossier needs them (source: seeds/002). */
export const WEST_VLAANDEREN_ORGANISATION_KINDS = {
  ...COMMON_ORGANISATION_KINDS,
  stad: 'Sociale dienst (stad/OCMW)',
  'kind-en-gezin': 'Kind en Gezin',
  clb: 'CLB (centrum voor leerlingenbegeleiding)',
} as const;

const ZONE = 'Europe/Brussels';

/**
 * Ketenaanpak Intrafamiliaal Geweld, afdeling West-Vlaanderen (source: the region's leaflet,
 * seeds/002). From the source:
 * - one overlegtafel "met vaste vertegenwoordigers van alle partners" (stap 2), where the
 *   aanmelding is discussed, the need-to-know information is put together, the dossier is weighed
 *   and qualified and the plan van aanpak is proposed (stap 3), the casusregisseur reports "op
 *   regelmatige tijdstippen" and asks for bijsturing (stap 4 en 5, the "operationeel team"), and
 *   the approach of the cases is evaluated (stap 6);
 * - the partners: CAW, Vertrouwenscentrum Kindermishandeling, Agentschap Jongerenwelzijn (OSD), a
 *   partner from mental health care, Justitiehuis, Parket, lokale politie, sociaal huis and
 *   stad/gemeente; others such as Kind en Gezin or the CLB can be involved.
 *
 * ILLUSTRATIVE: the source gives no day, hour, rhythm, deadline, capacity or durations. The
 * fortnightly Monday afternoon and the moments below are a choice, to be replaced by the region's
 * own.
 *
 * No risk instrument, on purpose: stap 3 fills in a "risicotaxatie-instrument (RTI)" to weigh and
 * qualify the dossier, but the source names it only, without its domains, factors or profiles.
 * `riskInstrument` carries an instrument's factors (as CO3's kijkschema of annex E does); filling
 * it with CO3's kijkschema or with invented factors would claim an RTI the source does not give,
 * so it stays unset (the region records no risk picture) until the region's RTI itself is here.
 *
 * No mail identity here: the region configuration has no such setting yet (issue #14 item 3).
 */
export const WEST_VLAANDEREN: RegionConfig = {
  key: 'west-vlaanderen',
  name: 'Ketenaanpak IFG West-Vlaanderen',
  dossierCodePrefix: 'KIWV',
  mailFrom: 'Ketenaanpak West-Vlaanderen overlegtafels <overlegtafels@west-vlaanderen.example.be>',
  timeZone: ZONE,
  // A choice, not a source (README, "Bewaartermijn"): the same periods as CO3 until the region's
  // own agreement sets others.
  retention: DEFAULT_RETENTION,
  tables: [
    {
      key: 'overlegtafel',
      name: 'Overlegtafel (operationeel team)',
      timeZone: ZONE,
      // ILLUSTRATIVE: every other Monday afternoon.
      recurrence: { weekday: 'monday', everyWeeks: 2, seriesStart: '2026-01-12' },
      hours: { start: '13:30', end: '16:30' },
      // ILLUSTRATIVE: on time until Tuesday 12:00 of the week before, so the partners have a week
      // to look up their need-to-know information (stap 2).
      submissionDeadline: { weeksBefore: 1, weekday: 'tuesday', time: '12:00' },
      preparationStart: { weeksBefore: 1, weekday: 'tuesday', time: '12:00' },
      freeze: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
      agendaSend: { weeksBefore: 1, weekday: 'friday', time: '10:00' },
      capacityMinutes: 180,
      // The steps of the source that happen at the table; durations ILLUSTRATIVE.
      itemTypes: [
        { key: 'aanmelding', label: 'Aanmelding (dossiervorming)', durationMinutes: 20 },
        {
          key: 'weging-en-kwalificatie',
          label: 'Weging en kwalificatie (RTI en plan van aanpak)',
          durationMinutes: 30,
        },
        { key: 'voortgang', label: 'Voortgang (verslag van de casusregisseur)', durationMinutes: 10 },
        { key: 'bijsturing', label: 'Bijsturing van het plan van aanpak', durationMinutes: 15 },
        { key: 'afronding', label: 'Afronding', durationMinutes: 10 },
        { key: 'afsluiting', label: 'Afsluiting na zes maanden opvolging op afstand', durationMinutes: 10 },
        { key: 'evaluatie', label: 'Evaluatie van de aanpak', durationMinutes: 15 },
      ],
      // The fixed representatives of the partners the leaflet names (fictitious people are seeded
      // per organisation, never here).
      participants: [
        {
          organisation: 'ketenteam',
          function: 'voorzitter',
          attendance: 'vast',
          note: 'coördinatie Ketenaanpak IFG (afdeling Justitiehuizen)',
        },
        { organisation: 'caw', attendance: 'vast' },
        { organisation: 'vk', attendance: 'vast' },
        { organisation: 'opgroeien', attendance: 'vast', note: 'Agentschap Jongerenwelzijn (OSD)' },
        { organisation: 'cgg', attendance: 'vast', note: 'partner uit de geestelijke gezondheidszorg' },
        { organisation: 'justitiehuis', attendance: 'vast' },
        { organisation: 'parket', attendance: 'vast' },
        { organisation: 'politie', attendance: 'vast', note: 'lokale politie' },
        { organisation: 'stad', attendance: 'vast', note: 'sociaal huis, stad of gemeente' },
        { organisation: 'kind-en-gezin', attendance: 'op-afroep' },
        { organisation: 'clb', attendance: 'op-afroep' },
        { role: 'casusregisseur', attendance: 'eigen-agendapunt' },
        { role: 'aanmelder', attendance: 'eigen-agendapunt' },
      ],
      holidays: FLEMISH_HOLIDAYS,
      // Fictitious: the installation sets the table's real room and meeting link here.
      meetingPlace: {
        location: 'Vergaderzaal Ketenaanpak, Voorbeeldstraat 3, 8000 Brugge',
        onlineMeetingUrl: 'https://meet.example.be/kiwv-overlegtafel',
      },
    },
  ],
  organisationKinds: WEST_VLAANDEREN_ORGANISATION_KINDS,
  followUpHelpKinds: helpKindsOf(WEST_VLAANDEREN_ORGANISATION_KINDS),
  dossierLife: WEST_VLAANDEREN_DOSSIER_LIFE,
  // Stap 1 of the leaflet (seeds/002): the aanmelder informs the family; when informing the pleger
  // is not feasible (for safety), informing the victim is enough and the table looks at how and
  // when the pleger can be told.
  aanmeldingQuestions: [
    {
      key: 'pleger-geinformeerd',
      label: 'Is de pleger geïnformeerd over de aanmelding?',
      kind: 'keuze',
      multiple: false,
      required: true,
      options: [
        { key: 'ja', label: 'Ja' },
        { key: 'nee-veiligheid', label: 'Nee, om veiligheidsredenen (het slachtoffer is geïnformeerd)' },
        { key: 'nee-anders', label: 'Nee, om een andere reden' },
      ],
    },
    {
      key: 'wensen-en-noden-gezin',
      label: 'Welke wensen en noden heeft het gezin u meegegeven?',
      kind: 'tekst',
      required: false,
    },
  ],
  obligations: WEST_VLAANDEREN_OBLIGATIONS,
};
