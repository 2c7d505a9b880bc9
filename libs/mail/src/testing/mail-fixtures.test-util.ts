import { DateTime } from 'luxon';
import { dossierCode, emailAddress, hostName, label, uuid, webLink } from '../mail-values';

/** A Brussels wall-clock time, as the rrule-temporal tests write them: zdt('2026-12-04T10:00'). */
export function zdt(iso: string): DateTime {
  const value = DateTime.fromISO(iso, { zone: 'Europe/Brussels' });
  if (!value.isValid) throw new Error(`bad test time ${iso}`);
  return value;
}

// Fictitious identities only: example.be / example.org, invented people.
export const identity = {
  sender: { address: emailAddress('overlegtafels@co3.example.be'), name: label('CO3 Antwerpen') },
  region: label('CO3 Antwerpen'),
  uidHost: hostName('overlegtafels.example.be'),
};

export const WEEGPLOEG_ID = uuid('6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90');
export const ITEM_ID = uuid('0b9e4d2c-8a71-4f3e-b6c5-1a2d3e4f5a6b');
export const ICO_ID = uuid('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');

export const weegploeg = {
  id: WEEGPLOEG_ID,
  table: label('Weegploeg'),
  start: zdt('2026-12-01T13:00'),
  end: zdt('2026-12-01T16:00'),
  location: label('Politiehuis Oost zaal 2'),
};

export const ico = {
  id: ICO_ID,
  table: label('Verkennend casusoverleg (ICO)'),
  start: zdt('2026-12-04T09:30'),
  end: zdt('2026-12-04T12:00'),
};

export const code42 = dossierCode('CO3-2026-0042');
export const code43 = dossierCode('CO3-2026-0043');
export const planVanAanpak = label('Plan van aanpak');
export const afronding = label('Afronding');
export const aanmelding = label('Aanmelding');

export const alice = { address: emailAddress('lotte.vermeulen@caw.example.org'), name: 'Lotte Vermeulen' };
export const bob = { address: emailAddress('pieter.claes@politie.example.org'), name: 'Pieter Claes' };

export const agendaUrl = webLink(
  'https://overlegtafels.example.be/zittingen/6f0c2a8e-4b7d-4c1e-9a3f-2d5e8b1c7a90',
);
export const detailsUrl = webLink(
  'https://overlegtafels.example.be/agendapunten/0b9e4d2c-8a71-4f3e-b6c5-1a2d3e4f5a6b',
);
export const formUrl = webLink(
  'https://overlegtafels.example.be/agenderen?dossier=CO3-2026-0042&type=plan-van-aanpak',
);
export const stamp = DateTime.fromISO('2026-11-23T08:15:00Z', { zone: 'utc' });

/** The 10:00 slot of CO3-2026-0042 (an aanmelding) at the ICO of 4 December 2026. */
export const icoSlot = {
  agendaItemId: ITEM_ID,
  start: zdt('2026-12-04T10:00'),
  end: zdt('2026-12-04T10:30'),
  dossier: code42,
  itemType: aanmelding,
};
