import { DEFAULT_RETENTION, RegionConfig, RelativeMoment, TableDefinition } from '@overlegtafels/domain';
import { FLEMISH_HOLIDAYS } from '../shared/belgian-holidays.config';
import { COMMON_ORGANISATION_KINDS, helpKindsOf } from '../shared/organisation-kinds.config';
import { KIJKSCHEMA_IFG } from '../shared/kijkschema-ifg.config';
import { CO3_ANTWERPEN_OBLIGATIONS } from './co3-antwerpen.obligations';
import { CO3_ANTWERPEN_ACTION_POINTS } from './co3-antwerpen.action-points';
import { CO3_ANTWERPEN_DOSSIER_LIFE } from './co3-antwerpen.dossier-life';

const ZONE = 'Europe/Brussels';

/**
 * When the Weegploeg agenda goes out. Annex G of the CO3 guide says Thursday of the week before
 * (the default); section IV.B.3 says Monday 12:00, read here as the Monday of the session's own
 * week, as for the Ronde Tafel. The freeze follows the send.
 */
export const WEEGPLOEG_AGENDA_SEND = {
  donderdag: { weeksBefore: 1, weekday: 'thursday', time: '12:00' },
  maandag: { weeksBefore: 0, weekday: 'monday', time: '12:00' },
} as const satisfies Record<string, RelativeMoment>;

/** The criminologists who connect an aanmelder without casusregisseur with the parket (II.F). */
export const CO3_CRIMINOLOGEN_MAILBOX = 'criminologen@co3.example.be';

/**
 * Guide I.I: "de aanmelder (indien politie, parket of gezinsgerichte hulpverlening)". The
 * family-oriented help services are read as the partners that work with the whole family: the
 * CAW, the Vertrouwenscentrum Kindermishandeling and Opgroeien (OCJ/SDJ). CGG, the justitiehuis,
 * the city's social services and others are not in that sentence of the guide.
 */
export const CO3_ZONDER_CASUSREGISSEUR_AANMELDERS = ['politie', 'parket', 'caw', 'vk', 'opgroeien'] as const;

/** CO3's partner kinds: the common ones, the city's social services and CO3's own partners. */
export const CO3_ORGANISATION_KINDS = {
  ...COMMON_ORGANISATION_KINDS,
  stad: 'Sociale Dienstverlening (stad)',
  'meldpunt-risicojongeren': 'Centraal Meldpunt Risicojongeren',
  casemanagement: 'Casemanagement',
  verslavingszorg: 'Verslavingszorg',
  vaph: 'VAPH',
} as const;

export interface Co3AntwerpenOptions {
  readonly weegploegAgendaSend?: keyof typeof WEEGPLOEG_AGENDA_SEND;
}

/** ICO — verkennend casusoverleg: intake of new aanmeldingen, every Friday. */
function ico(): TableDefinition {
  return {
    key: 'ico',
    name: 'Verkennend casusoverleg (ICO)',
    timeZone: ZONE,
    recurrence: { weekday: 'friday', everyWeeks: 1, seriesStart: '2026-01-02' },
    hours: { start: '09:30', end: '12:00' },
    // Aanmeldingen come in Monday–Thursday of the week before: on time iff before Friday 00:00.
    submissionDeadline: { weeksBefore: 1, weekday: 'friday', time: '00:00' },
    // On the Friday the window closes the partners start looking up their information.
    preparationStart: { weeksBefore: 1, weekday: 'friday', time: '00:00' },
    freeze: { weeksBefore: 0, weekday: 'thursday', time: '13:00' },
    agendaSend: { sameAs: 'freeze' },
    capacityMinutes: 150,
    itemTypes: [
      { key: 'aanmelding', label: 'Aanmelding', durationMinutes: 30 },
      { key: 'herbespreking', label: 'Aanvullend verkennend casusoverleg', durationMinutes: 30 },
    ],
    participants: [
      { organisation: 'ketenteam', function: 'voorzitter', attendance: 'vast' },
      { organisation: 'ketenteam', function: 'coordinator', attendance: 'vast' },
      { role: 'aanmelder', attendance: 'eigen-agendapunt' },
      { organisation: 'caw', attendance: 'vast' },
      { organisation: 'stad', attendance: 'vast' },
      { organisation: 'vk', attendance: 'vast' },
      { organisation: 'politie', attendance: 'vast' },
      { organisation: 'parket', attendance: 'vast' },
      { organisation: 'opgroeien', attendance: 'vast' },
      { organisation: 'justitiehuis', attendance: 'vast' },
      { organisation: 'meldpunt-risicojongeren', attendance: 'vast' },
      { organisation: 'casemanagement', attendance: 'vast' },
      {
        role: 'casusregisseur',
        attendance: 'op-afroep',
        note: 'de toekomstige casusregisseur, waar mogelijk',
      },
    ],
    holidays: FLEMISH_HOLIDAYS,
    // Fictitious: the installation sets the table's real room and meeting link here.
    meetingPlace: {
      location: 'Vergaderzaal 1, Voorbeeldstraat 1, 2000 Antwerpen',
      onlineMeetingUrl: 'https://meet.example.be/co3-ico',
    },
  };
}

/** Weegploeg — review of plannen van aanpak and afrondingen, every other Tuesday. */
function weegploeg(agendaSend: RelativeMoment): TableDefinition {
  return {
    key: 'weegploeg',
    name: 'Weegploeg',
    timeZone: ZONE,
    // Not in the guide: the series anchor is a configuration choice.
    recurrence: { weekday: 'tuesday', everyWeeks: 2, seriesStart: '2026-01-13' },
    hours: { start: '13:00', end: '16:00' },
    submissionDeadline: { weeksBefore: 1, weekday: 'monday', time: '12:00' },
    // Annex G: documents are requested on the Tuesday afternoon of week 8, which is the afternoon
    // of the previous Weegploeg; the request goes out when that session ends.
    preparationStart: { weeksBefore: 2, weekday: 'tuesday', time: '16:00' },
    freeze: { sameAs: 'agendaSend' },
    agendaSend,
    capacityMinutes: 180,
    itemTypes: [
      // Annex G: a (draft) plan van aanpak, a fundamentally changed one, or the motivation of an afronding.
      {
        key: 'plan-van-aanpak',
        label: 'Plan van aanpak',
        durationMinutes: 30,
        planVanAanpak: 'required',
        agenderingBrief: 'bespreking',
      },
      {
        key: 'gewijzigd-plan-van-aanpak',
        label: 'Fundamenteel gewijzigd plan van aanpak',
        durationMinutes: 30,
        planVanAanpak: 'required',
        agenderingBrief: 'bespreking',
      },
      {
        key: 'afronding',
        label: 'Afronding',
        durationMinutes: 15,
        planVanAanpak: 'optional',
        agenderingBrief: 'afronding',
      },
    ],
    participants: [
      { organisation: 'ketenteam', function: 'voorzitter', attendance: 'vast' },
      { organisation: 'ketenteam', function: 'coordinator', attendance: 'vast' },
      { role: 'casusregisseur', attendance: 'eigen-agendapunt' },
      { organisation: 'caw', attendance: 'vast' },
      { organisation: 'stad', attendance: 'vast' },
      { organisation: 'vk', attendance: 'vast' },
      { organisation: 'politie', attendance: 'vast' },
      { organisation: 'parket', attendance: 'vast' },
      { organisation: 'opgroeien', attendance: 'vast' },
      { organisation: 'cgg', attendance: 'vast' },
      { organisation: 'justitiehuis', attendance: 'op-afroep' },
      { organisation: 'verslavingszorg', attendance: 'op-afroep' },
      { organisation: 'vaph', attendance: 'op-afroep' },
      { organisation: 'andere', attendance: 'op-afroep', note: 'bv. kinderpsycholoog' },
      { role: 'aanmelder', attendance: 'eigen-agendapunt', note: 'op uitnodiging van de casusregisseur' },
    ],
    holidays: FLEMISH_HOLIDAYS,
    // Fictitious: the installation sets the table's real room and meeting link here.
    meetingPlace: {
      location: 'Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen',
      onlineMeetingUrl: 'https://meet.example.be/co3-weegploeg',
    },
  };
}

/** Ronde Tafel — follow-up, interim evaluation and afsluiting, every Thursday. */
function rondeTafel(): TableDefinition {
  return {
    key: 'ronde-tafel',
    name: 'Ronde Tafel',
    timeZone: ZONE,
    recurrence: { weekday: 'thursday', everyWeeks: 1, seriesStart: '2026-01-01' },
    hours: { start: '09:15', end: '12:00' },
    submissionDeadline: { weeksBefore: 1, weekday: 'friday', time: '12:00' },
    // Not in the guide. Chosen as the moment the agendering window closes, as at the ICO: from
    // then on the list of dossiers is known and partners can check their files for new facts
    // (which an afsluiting depends on) before the agenda goes out on Monday.
    preparationStart: { weeksBefore: 1, weekday: 'friday', time: '12:00' },
    freeze: { sameAs: 'agendaSend' },
    agendaSend: { weeksBefore: 0, weekday: 'monday', time: '12:00' },
    capacityMinutes: 165,
    // Durations are not in the guide: defaults that coordinators may change per item.
    itemTypes: [
      // Annex F: with the (updated) plan van aanpak "indien nodig" and a clear question.
      {
        key: 'vraag',
        label: 'Vraag (info- of expertisedeling)',
        durationMinutes: 20,
        planVanAanpak: 'optional',
        agenderingBrief: 'toelichting',
      },
      {
        key: 'opvolging',
        label: 'Opvolging na de Weegploeg',
        durationMinutes: 20,
        planVanAanpak: 'optional',
        agenderingBrief: 'toelichting',
      },
      {
        key: 'tussentijdse-evaluatie',
        label: 'Tussentijdse evaluatie',
        durationMinutes: 20,
        planVanAanpak: 'optional',
        agenderingBrief: 'toelichting',
      },
      { key: 'afsluiting', label: 'Afsluiting', durationMinutes: 5 },
    ],
    participants: [
      { organisation: 'ketenteam', function: 'voorzitter', attendance: 'vast' },
      { organisation: 'ketenteam', function: 'coordinator', attendance: 'vast' },
      { role: 'casusregisseur', attendance: 'eigen-agendapunt' },
      { organisation: 'caw', attendance: 'vast' },
      { organisation: 'stad', attendance: 'vast' },
      { organisation: 'vk', attendance: 'vast' },
      { organisation: 'politie', attendance: 'vast' },
      { organisation: 'parket', attendance: 'vast' },
      { organisation: 'opgroeien', attendance: 'vast' },
      { organisation: 'justitiehuis', attendance: 'vast' },
    ],
    holidays: FLEMISH_HOLIDAYS,
    // Fictitious: the installation sets the table's real room and meeting link here.
    meetingPlace: { location: 'Vergaderzaal 3, Proefplein 7, 2018 Antwerpen' },
  };
}

/** The three tables of CO3 Antwerpen. Options cover the choices the guide leaves open. */
export function co3Antwerpen(options: Co3AntwerpenOptions = {}): RegionConfig {
  return {
    key: 'co3-antwerpen',
    name: 'CO3 Antwerpen',
    dossierCodePrefix: 'CO3',
    mailFrom: 'CO3 Antwerpen overlegtafels <overlegtafels@example.be>',
    timeZone: ZONE,
    tables: [
      ico(),
      weegploeg(WEEGPLOEG_AGENDA_SEND[options.weegploegAgendaSend ?? 'donderdag']),
      rondeTafel(),
    ],
    organisationKinds: CO3_ORGANISATION_KINDS,
    followUpHelpKinds: helpKindsOf(CO3_ORGANISATION_KINDS),
    dossierLife: CO3_ANTWERPEN_DOSSIER_LIFE,
    obligations: CO3_ANTWERPEN_OBLIGATIONS,
    actionPoints: CO3_ANTWERPEN_ACTION_POINTS,
    // Fictitious: the installation sets the real shared mailbox of the CO3 criminologists here.
    criminologenMailbox: CO3_CRIMINOLOGEN_MAILBOX,
    zonderCasusregisseurAanmelders: CO3_ZONDER_CASUSREGISSEUR_AANMELDERS,
    riskInstrument: KIJKSCHEMA_IFG,
    // A choice, not a source: neither the CO3 guide nor the partners' agreements set a period
    // (README, "Bewaartermijn"). The region changes it here once its agreement does.
    retention: DEFAULT_RETENTION,
  };
}

export const CO3_ANTWERPEN: RegionConfig = co3Antwerpen();
