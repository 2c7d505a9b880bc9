import type { OrganisationKind, Role, TableFunction } from '@overlegtafels/domain';

/**
 * The CO3 Antwerpen region and a fictitious demo set. Every person, address and organisation
 * name here is invented; mail addresses use example.be / example.org.
 */
export const CO3_REGION = {
  key: 'co3-antwerpen',
  name: 'CO3 Antwerpen',
  timezone: 'Europe/Brussels',
  mailFromName: 'CO3 Antwerpen overlegtafels',
  mailFromAddress: 'overlegtafels@example.be',
};

export interface SeedOrganisation {
  key: string;
  kind: OrganisationKind;
  name: string;
  email: string;
}

/** The partners of the tables, one organisation per kind (names fictitious). */
export const CO3_ORGANISATIONS: SeedOrganisation[] = [
  { key: 'ketenteam', kind: 'ketenteam', name: 'Ketenteam CO3 (demo)', email: 'ketenteam@example.be' },
  { key: 'politie', kind: 'politie', name: 'Politiezone Scheldeland (fictief)', email: 'politie@example.be' },
  { key: 'parket', kind: 'parket', name: 'Parket, afdeling familie (fictief)', email: 'parket@example.be' },
  { key: 'caw', kind: 'caw', name: 'CAW Regio Noord (fictief)', email: 'caw@example.org' },
  {
    key: 'stad',
    kind: 'stad',
    name: 'Sociale Dienstverlening Stad (fictief)',
    email: 'sociale-dienst@example.be',
  },
  { key: 'vk', kind: 'vk', name: 'Vertrouwenscentrum Kindermishandeling (fictief)', email: 'vk@example.org' },
  { key: 'opgroeien', kind: 'opgroeien', name: 'Opgroeien OCJ/SDJ (fictief)', email: 'opgroeien@example.be' },
  { key: 'cgg', kind: 'cgg', name: 'CGG De Haven (fictief)', email: 'cgg@example.org' },
  {
    key: 'justitiehuis',
    kind: 'justitiehuis',
    name: 'Justitiehuis (fictief)',
    email: 'justitiehuis@example.be',
  },
  {
    key: 'huisartsen',
    kind: 'andere',
    name: 'Huisartsenpraktijk Linkeroever (fictief)',
    email: 'praktijk@example.org',
  },
];

export interface SeedPerson {
  key: string;
  displayName: string;
  email: string;
  organisation: string;
  roles: { role: Role; tableKey?: string }[];
  memberships?: { tableKey: string; function: TableFunction; standing: boolean }[];
}

const ALL_TABLES = ['ico', 'weegploeg', 'ronde-tafel'];

export const DEMO_PEOPLE: SeedPerson[] = [
  {
    key: 'coord1',
    displayName: 'Lotte Verbeke',
    email: 'lotte.verbeke@example.be',
    organisation: 'ketenteam',
    roles: ALL_TABLES.map((tableKey) => ({ role: 'coordinator' as const, tableKey })),
    memberships: ALL_TABLES.map((tableKey) => ({
      tableKey,
      function: 'voorzitter' as const,
      standing: true,
    })),
  },
  {
    key: 'coord2',
    displayName: 'Jonas Maes',
    email: 'jonas.maes@example.be',
    organisation: 'ketenteam',
    roles: ALL_TABLES.map((tableKey) => ({ role: 'coordinator' as const, tableKey })),
    memberships: ALL_TABLES.map((tableKey) => ({
      tableKey,
      function: 'verslaggever' as const,
      standing: true,
    })),
  },
  {
    key: 'regisseur-caw',
    displayName: 'Sara El Idrissi',
    email: 'sara.elidrissi@example.org',
    organisation: 'caw',
    roles: [{ role: 'casusregisseur' }],
  },
  {
    key: 'regisseur-vk',
    displayName: 'Tom Peeters',
    email: 'tom.peeters@example.org',
    organisation: 'vk',
    roles: [{ role: 'casusregisseur' }],
  },
  {
    key: 'regisseur-jh',
    displayName: 'Pieter Vandamme',
    email: 'pieter.vandamme@example.be',
    organisation: 'justitiehuis',
    roles: [{ role: 'casusregisseur' }],
  },
  {
    key: 'consulent',
    displayName: 'Nadia Claes',
    email: 'nadia.claes@example.be',
    organisation: 'opgroeien',
    roles: [{ role: 'casusregisseur' }],
  },
  {
    key: 'aanmelder-arts',
    displayName: 'Eva Wouters',
    email: 'eva.wouters@example.org',
    organisation: 'huisartsen',
    roles: [{ role: 'aanmelder' }],
  },
  {
    key: 'aanmelder-politie',
    displayName: 'Karim Bouzid',
    email: 'karim.bouzid@example.be',
    organisation: 'politie',
    roles: [{ role: 'aanmelder' }],
  },
  {
    key: 'lid-politie',
    displayName: 'Wim Jacobs',
    email: 'wim.jacobs@example.be',
    organisation: 'politie',
    roles: ALL_TABLES.map((tableKey) => ({ role: 'member' as const, tableKey })),
    memberships: ALL_TABLES.map((tableKey) => ({ tableKey, function: 'lid' as const, standing: true })),
  },
  {
    key: 'lid-parket',
    displayName: 'An Vermeulen',
    email: 'an.vermeulen@example.be',
    organisation: 'parket',
    roles: ALL_TABLES.map((tableKey) => ({ role: 'member' as const, tableKey })),
    memberships: ALL_TABLES.map((tableKey) => ({ tableKey, function: 'lid' as const, standing: true })),
  },
  {
    key: 'lid-stad',
    displayName: 'Griet Willems',
    email: 'griet.willems@example.be',
    organisation: 'stad',
    roles: ALL_TABLES.map((tableKey) => ({ role: 'member' as const, tableKey })),
    memberships: ALL_TABLES.map((tableKey) => ({ tableKey, function: 'lid' as const, standing: true })),
  },
  {
    key: 'lid-cgg',
    displayName: 'Bram Hermans',
    email: 'bram.hermans@example.org',
    organisation: 'cgg',
    roles: [{ role: 'member', tableKey: 'weegploeg' }],
    memberships: [{ tableKey: 'weegploeg', function: 'lid', standing: true }],
  },
  {
    // The region's strategic coordinator (guide V.D): checks every closed dossier a last time.
    key: 'strategisch',
    displayName: 'Ines Goossens',
    email: 'ines.goossens@example.be',
    organisation: 'ketenteam',
    roles: [{ role: 'strategisch-coordinator' }],
  },
  {
    // The region's data-protection officer: reads the audit log, sees no dossier.
    key: 'gegevensbescherming',
    displayName: 'Hanne Vermeersch',
    email: 'hanne.vermeersch@example.be',
    organisation: 'ketenteam',
    roles: [{ role: 'gegevensbescherming' }],
  },
  {
    key: 'admin',
    displayName: 'Beheerder (demo)',
    email: 'beheer@example.be',
    organisation: 'ketenteam',
    roles: [{ role: 'admin' }],
  },
];

export interface SeedDossier {
  code: string;
  phase: 'aangemeld' | 'herbespreking' | 'casusregie' | 'afgerond' | 'afgesloten' | 'geen_ketenaanpak';
  aanmelder: string;
  casusregisseur?: string;
  /** Dates as YYYY-MM-DD (Brussels calendar dates). */
  casusregieStartDate?: string;
  afrondingDate?: string;
  afsluitingDate?: string;
  consulent?: string;
  childrenOver12?: number;
}

export const DEMO_DOSSIERS: SeedDossier[] = [
  {
    code: 'CO3-2026-0001',
    phase: 'casusregie',
    aanmelder: 'aanmelder-politie',
    casusregisseur: 'regisseur-caw',
    casusregieStartDate: '2026-02-06',
    childrenOver12: 1,
  },
  {
    code: 'CO3-2026-0002',
    phase: 'casusregie',
    aanmelder: 'aanmelder-arts',
    casusregisseur: 'regisseur-vk',
    casusregieStartDate: '2026-06-12',
    consulent: 'consulent',
    childrenOver12: 0,
  },
  {
    code: 'CO3-2026-0003',
    phase: 'afgerond',
    aanmelder: 'aanmelder-politie',
    casusregisseur: 'regisseur-jh',
    casusregieStartDate: '2025-11-14',
    afrondingDate: '2026-09-08',
  },
  { code: 'CO3-2026-0004', phase: 'herbespreking', aanmelder: 'aanmelder-arts' },
  { code: 'CO3-2026-0005', phase: 'aangemeld', aanmelder: 'aanmelder-arts' },
  { code: 'CO3-2026-0006', phase: 'geen_ketenaanpak', aanmelder: 'aanmelder-politie' },
];
