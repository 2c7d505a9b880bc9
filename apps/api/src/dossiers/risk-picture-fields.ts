import {
  RISK_CLIENTS_FIELD,
  RISK_MARK_FIELD,
  RISK_MOTIVATION_FIELD,
  type DossierClient,
  type RiskPictureVersionView,
} from '@overlegtafels/application';
import type { Principal } from '@overlegtafels/auth';
import type { RiskInstrument } from '@overlegtafels/domain';
import { isCoordinator } from '../agenda/viewer';

/** Who records a risk picture: the casusregisseur, or a coordinator for them. */
export function pictureActorOf(principal: Principal, route: string) {
  return {
    personId: principal.personId,
    regionId: principal.regionId,
    route,
    coordinator: isCoordinator(principal),
  };
}

/** What the `risicotaxatie-velden` partial draws: the instrument's domains, the clients, the typed values. */
export interface RiskFieldsView {
  readonly domains: RiskInstrument['domains'];
  readonly clients: readonly DossierClient[];
  mark(key: string): string;
  motivation(key: string): string;
  hasClient(key: string, clientId: string): boolean;
}

export function riskFieldsView(
  instrument: RiskInstrument,
  clients: readonly DossierClient[],
  values: Record<string, unknown>,
): RiskFieldsView {
  const text = (field: string) => {
    const v = values[field];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
  };
  return {
    domains: instrument.domains,
    clients,
    mark: (key) => text(RISK_MARK_FIELD + key),
    motivation: (key) => text(RISK_MOTIVATION_FIELD + key),
    hasClient: (key, id) => {
      const v = values[RISK_CLIENTS_FIELD + key];
      return Array.isArray(v) ? v.includes(id) : v === id;
    },
  };
}

/** A recorded version as the form's values: the starting point of the next version. */
export function riskValuesOf(version: RiskPictureVersionView | null): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const e of version?.entries ?? []) {
    out[RISK_MARK_FIELD + e.factorKey] = e.mark;
    out[RISK_MOTIVATION_FIELD + e.factorKey] = e.motivation ?? '';
    out[RISK_CLIENTS_FIELD + e.factorKey] = [...e.clientIds];
  }
  return out;
}
