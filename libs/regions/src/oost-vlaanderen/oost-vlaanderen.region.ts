import { DEFAULT_RETENTION, RegionConfig } from '@overlegtafels/domain';
import { FLEMISH_HOLIDAYS } from '../shared/belgian-holidays.config';
import { COMMON_ORGANISATION_KINDS, helpKindsOf } from '../shared/organisation-kinds.config';
import { OOST_VLAANDEREN_OBLIGATIONS } from './oost-vlaanderen.obligations';
import { OOST_VLAANDEREN_DOSSIER_LIFE } from './oost-vlaanderen.dossier-life';

/**
 * Oost-Vlaanderen's partner kinds: the nine services of its network (source: seeds/004: K&G, VK,
 * OCJ/SDJ, OCMW, CAW, CGG, politie, parket, justitiehuizen), the CLB that refers families, the
 * coordination and "other".
 */
export const OOST_VLAANDEREN_ORGANISATION_KINDS = {
  ...COMMON_ORGANISATION_KINDS,
  'kind-en-gezin': 'Kind en Gezin (K&G)',
  ocmw: 'OCMW',
  clb: 'CLB (centrum voor leerlingenbegeleiding)',
} as const;

const ZONE = 'Europe/Brussels';

/**
 * Veilig Huis Oost-Vlaanderen, Ketenaanpak IFG (source: the region's presentation, seeds/004).
 *
 * Modelled here, from the source:
 * - the network of nine services (K&G, VK, OCJ/SDJ, OCMW, CAW, CGG, politie, parket,
 *   justitiehuizen) as the standing participants of its table;
 * - the "team regie" where the casusregisseur lays the plan van aanpak before the table
 *   (uitvoeringsfase: "PvA voorleggen in team regie"), as one table whose item types follow the
 *   three phases of intensive casusregie: the aanmelding, the plan van aanpak that ends the
 *   exploratie, the evaluation and bijsturing of the uitvoering ("opvolgen, evalueren en
 *   bijsturen"), and the afronding against its criteria;
 * - the follow-up of the phases as obligation rules (oost-vlaanderen.obligations.ts): the plan
 *   van aanpak in team regie, the cliënt- and casusoverleg (netwerkoverleg) of the uitvoering,
 *   and the afsluiting after the afronding when no new incidents came.
 *
 * - the dossier life (oost-vlaanderen.dossier-life.ts): the decisions the team regie takes per
 *   item type and the transitions they make, with the afsluiting as an item of its own.
 *
 * Not modelled:
 * - the phases exploratie, uitvoering and afronding as the dossier's own phases: the phases are
 *   still the domain's vocabulary (a database enum); here exploratie and uitvoering are both
 *   casusregie, told apart by the item types and rules;
 * - "Afsluiting: nieuwe incidenten → mogelijkheid tot heropening": a closed dossier that is
 *   reopened after new incidents, keeping its history. In today's dossier life `afgesloten` is
 *   final, so this configuration has no heropening item type, decision or rule; a dossier with
 *   new incidents is kept open (the afsluiting rule is fulfilled by hand with a note) or comes in
 *   again as a new aanmelding.
 * - the consult ("consultvraag") and the lotgenotengroepen: no dossier work at a table.
 *
 * ILLUSTRATIVE: the source gives no day, hour, rhythm, deadline, capacity or durations; the weekly
 * Tuesday morning and the moments below are a choice, to be replaced by the region's own.
 * No risk instrument: the source names none. No mail identity: the region configuration has no
 * such setting yet (issue #14 item 3).
 */
export const OOST_VLAANDEREN: RegionConfig = {
  key: 'oost-vlaanderen',
  name: 'Veilig Huis Oost-Vlaanderen',
  dossierCodePrefix: 'VHOV',
  mailFrom: 'Veilig Huis Oost-Vlaanderen overlegtafels <overlegtafels@oost-vlaanderen.example.be>',
  timeZone: ZONE,
  // A choice, not a source (README, "Bewaartermijn"): the same periods as CO3 until the region's
  // own agreement sets others.
  retention: DEFAULT_RETENTION,
  tables: [
    {
      key: 'team-regie',
      name: 'Team regie',
      timeZone: ZONE,
      // ILLUSTRATIVE: every Tuesday morning.
      recurrence: { weekday: 'tuesday', everyWeeks: 1, seriesStart: '2026-01-06' },
      hours: { start: '09:30', end: '12:00' },
      // ILLUSTRATIVE: on time until Thursday 12:00 of the week before.
      submissionDeadline: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
      preparationStart: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
      freeze: { weeksBefore: 0, weekday: 'monday', time: '12:00' },
      agendaSend: { sameAs: 'freeze' },
      capacityMinutes: 150,
      // The three phases of intensive casusregie as the items the table discusses; durations ILLUSTRATIVE.
      itemTypes: [
        { key: 'aanmelding', label: 'Aanmelding', durationMinutes: 20 },
        { key: 'plan-van-aanpak', label: 'Plan van aanpak (einde exploratiefase)', durationMinutes: 30 },
        { key: 'evaluatie', label: 'Evaluatie en bijsturing (uitvoeringsfase)', durationMinutes: 15 },
        { key: 'afronding', label: 'Afronding', durationMinutes: 15 },
        { key: 'afsluiting', label: 'Afsluiting (geen nieuwe incidenten)', durationMinutes: 10 },
      ],
      participants: [
        {
          organisation: 'ketenteam',
          function: 'voorzitter',
          attendance: 'vast',
          note: 'coördinatie Veilig Huis',
        },
        { organisation: 'kind-en-gezin', attendance: 'vast' },
        { organisation: 'vk', attendance: 'vast' },
        { organisation: 'opgroeien', attendance: 'vast', note: 'OCJ/SDJ' },
        { organisation: 'ocmw', attendance: 'vast' },
        { organisation: 'caw', attendance: 'vast' },
        { organisation: 'cgg', attendance: 'vast' },
        { organisation: 'politie', attendance: 'vast' },
        { organisation: 'parket', attendance: 'vast' },
        { organisation: 'justitiehuis', attendance: 'vast' },
        { role: 'casusregisseur', attendance: 'eigen-agendapunt' },
        { role: 'aanmelder', attendance: 'eigen-agendapunt' },
      ],
      holidays: FLEMISH_HOLIDAYS,
      // Fictitious: the installation sets the table's real room and meeting link here.
      meetingPlace: {
        location: 'Vergaderzaal Veilig Huis, Voorbeeldlaan 11, 9000 Gent',
        onlineMeetingUrl: 'https://meet.example.be/vhov-team-regie',
      },
    },
  ],
  organisationKinds: OOST_VLAANDEREN_ORGANISATION_KINDS,
  followUpHelpKinds: helpKindsOf(OOST_VLAANDEREN_ORGANISATION_KINDS),
  dossierLife: OOST_VLAANDEREN_DOSSIER_LIFE,
  // The source's three aanmeldingsvoorwaarden (seeds/004), asked on the aanmelding form.
  aanmeldingQuestions: [
    {
      key: 'aanmeldingsvoorwaarden',
      label: 'Aan welke aanmeldingsvoorwaarden voldoet de situatie?',
      hint: 'Kruis aan wat van toepassing is.',
      kind: 'keuze',
      multiple: true,
      required: true,
      options: [
        {
          key: 'complex',
          label:
            'De situatie is erg complex en vraagt een afgestemde aanpak van welzijn en gezondheid met politie en justitie',
        },
        { key: 'meervoudig', label: 'Er is meervoudige problematiek in verschillende levensdomeinen' },
        {
          key: 'vastgelopen',
          label:
            'De hulpverlening is perspectiefloos of vastgelopen, of gerechtelijke of bestuurlijke maatregelen starten moeizaam',
        },
      ],
    },
  ],
  obligations: OOST_VLAANDEREN_OBLIGATIONS,
};
