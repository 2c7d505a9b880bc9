import { DEFAULT_RETENTION, RegionConfig } from '@overlegtafels/domain';
import { FLEMISH_HOLIDAYS } from '../shared/belgian-holidays.config';
import { COMMON_ORGANISATION_KINDS, helpKindsOf } from '../shared/organisation-kinds.config';
import { VLAAMS_BRABANT_OBLIGATIONS } from './vlaams-brabant.obligations';
import { VLAAMS_BRABANT_DOSSIER_LIFE } from './vlaams-brabant.dossier-life';

/** Vlaams-Brabant's partner kinds: the common ones and the OCMW (source: seeds/003, "wie kan aanmelden"). */
export const VLAAMS_BRABANT_ORGANISATION_KINDS = {
  ...COMMON_ORGANISATION_KINDS,
  ocmw: 'OCMW',
} as const;

const ZONE = 'Europe/Brussels';

/**
 * Veilig Huis Vlaams-Brabant. The source describes a triage overleg and intensive casusregie
 * (spoor 3) but gives no timings: the days, hours and deadlines below are an illustrative
 * configuration, to be replaced by the region's own. They differ from CO3 on purpose (another
 * weekday, a deadline in the session's own week, a four-weekly table) to show that a region is
 * data only.
 */
export const VLAAMS_BRABANT: RegionConfig = {
  key: 'vlaams-brabant',
  name: 'Veilig Huis Vlaams-Brabant',
  dossierCodePrefix: 'VHVB',
  mailFrom: 'Veilig Huis Vlaams-Brabant overlegtafels <overlegtafels@vlaams-brabant.example.be>',
  timeZone: ZONE,
  // A choice, not a source (README, "Bewaartermijn"): the same periods as CO3 until the region's
  // own agreement sets others.
  retention: DEFAULT_RETENTION,
  tables: [
    {
      key: 'triage-overleg',
      name: 'Triage-overleg',
      timeZone: ZONE,
      recurrence: { weekday: 'wednesday', everyWeeks: 1, seriesStart: '2026-01-07' },
      hours: { start: '10:00', end: '12:00' },
      submissionDeadline: { weeksBefore: 0, weekday: 'monday', time: '17:00' },
      preparationStart: { weeksBefore: 0, weekday: 'tuesday', time: '09:00' },
      freeze: { weeksBefore: 0, weekday: 'tuesday', time: '12:00' },
      agendaSend: { sameAs: 'freeze' },
      capacityMinutes: 120,
      itemTypes: [
        { key: 'aanmelding', label: 'Aanmelding (triage)', durationMinutes: 15 },
        { key: 'herbespreking', label: 'Herbespreking', durationMinutes: 10 },
      ],
      participants: [
        { organisation: 'ketenteam', function: 'voorzitter', attendance: 'vast' },
        { organisation: 'caw', attendance: 'vast' },
        { organisation: 'vk', attendance: 'vast' },
        { organisation: 'politie', attendance: 'vast' },
        { organisation: 'parket', attendance: 'vast' },
        { organisation: 'opgroeien', attendance: 'op-afroep' },
        { role: 'aanmelder', attendance: 'op-afroep' },
      ],
      holidays: FLEMISH_HOLIDAYS,
      // Fictitious: the installation sets the table's real room and meeting link here.
      meetingPlace: {
        location: 'Overlegruimte, Proefstraat 12, 3000 Leuven',
        onlineMeetingUrl: 'https://meet.example.be/vh-triage',
      },
    },
    {
      key: 'casusoverleg-spoor-3',
      name: 'Casusoverleg spoor 3 (intensieve casusregie)',
      timeZone: ZONE,
      recurrence: { weekday: 'thursday', everyWeeks: 4, seriesStart: '2026-01-15' },
      hours: { start: '13:30', end: '16:30' },
      submissionDeadline: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
      preparationStart: { weeksBefore: 2, weekday: 'monday', time: '09:00' },
      freeze: { weeksBefore: 0, weekday: 'monday', time: '12:00' },
      agendaSend: { weeksBefore: 0, weekday: 'monday', time: '14:00' },
      capacityMinutes: 180,
      itemTypes: [
        { key: 'plan-van-aanpak', label: 'Plan van aanpak', durationMinutes: 45 },
        { key: 'evaluatie', label: 'Evaluatie', durationMinutes: 30 },
        { key: 'afsluiting', label: 'Afsluiting', durationMinutes: 10 },
      ],
      participants: [
        { organisation: 'ketenteam', function: 'voorzitter', attendance: 'vast' },
        { role: 'casusregisseur', attendance: 'eigen-agendapunt' },
        { organisation: 'caw', attendance: 'vast' },
        { organisation: 'vk', attendance: 'vast' },
        { organisation: 'politie', attendance: 'vast' },
        { organisation: 'parket', attendance: 'vast' },
        { organisation: 'opgroeien', attendance: 'vast' },
        { organisation: 'cgg', attendance: 'op-afroep' },
      ],
      holidays: FLEMISH_HOLIDAYS,
      // Fictitious: the installation sets the table's real room and meeting link here.
      meetingPlace: {
        location: 'Overlegruimte, Proefstraat 12, 3000 Leuven',
        onlineMeetingUrl: 'https://meet.example.be/vh-spoor-3',
      },
    },
  ],
  organisationKinds: VLAAMS_BRABANT_ORGANISATION_KINDS,
  followUpHelpKinds: helpKindsOf(VLAAMS_BRABANT_ORGANISATION_KINDS),
  dossierLife: VLAAMS_BRABANT_DOSSIER_LIFE,
  // The source's three aanmeldingscriteria (seeds/003), asked on the aanmelding form.
  aanmeldingQuestions: [
    {
      key: 'aanmeldingscriteria',
      label: 'Aan welke aanmeldingscriteria voldoet de situatie?',
      hint: 'Kruis aan wat van toepassing is.',
      kind: 'keuze',
      multiple: true,
      required: true,
      options: [
        { key: 'multi-problem', label: 'Het is een complexe multi-problemsituatie' },
        {
          key: 'verontrusting',
          label: 'Er is blijvende verontrusting, en de hulpverlening start moeizaam of loopt vast',
        },
        {
          key: 'partners-nodig',
          label: 'Welzijnspartners, politie en parket zijn nodig om tot duurzame veiligheid te komen',
        },
      ],
    },
  ],
  obligations: VLAAMS_BRABANT_OBLIGATIONS,
};
