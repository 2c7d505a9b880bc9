import type { createPrismaClient } from '@overlegtafels/persistence';
import type { ControlledClock } from '@overlegtafels/testing';
import { loginAs, TestApp } from './test-app';

type Db = ReturnType<typeof createPrismaClient>;

/** A local date in Brussels, as a table's sessions are named. */
export const brusselsDay = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', dateStyle: 'short' }).format(d);

/**
 * One dossier driven through a region's table by its coordinator, through the real API at
 * literal moments: agendering (POST /api/agenderingen), decisions, and what was planned.
 */
export class DossierAtTable {
  code = '';

  constructor(
    private readonly t: TestApp,
    private readonly db: Db,
    private readonly clock: ControlledClock,
    private readonly coordinator: string,
    private readonly table: string,
  ) {}

  /** Logged in as `email` at the moment `when`. */
  async as(when: string, email = this.coordinator) {
    this.clock.set(when);
    return loginAs(this.t, email);
  }

  async agendeer(when: string, itemType: string): Promise<Response> {
    const who = await this.as(when);
    const form = new FormData();
    const fields = { dossierCode: this.code, tableKey: this.table, itemType, questions: 'Graag bespreken.' };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${this.t.baseUrl}/api/agenderingen`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, accept: 'application/json' },
      body: form,
    });
  }

  /** Agendered, with the day of the session it landed on. */
  async placed(when: string, itemType: string): Promise<{ itemId: string; session: string }> {
    const res = await this.agendeer(when, itemType);
    if (res.status !== 201) throw new Error(`agendering ${itemType}: ${res.status} ${await res.text()}`);
    const { agendaItemId } = (await res.json()) as { agendaItemId: string };
    return { itemId: agendaItemId, session: await this.sessionOf(agendaItemId) };
  }

  async sessionOf(itemId: string): Promise<string> {
    const item = await this.db.agendaItem.findUniqueOrThrow({
      where: { id: itemId },
      include: { session: true },
    });
    return brusselsDay(item.session.startsAt);
  }

  async decide(when: string, itemId: string, decision: Record<string, unknown>): Promise<void> {
    const res = await (await this.as(when)).post(`/api/agenda-items/${itemId}/decision`, decision);
    if (res.status !== 201)
      throw new Error(`decision ${String(decision.kind)}: ${res.status} ${await res.text()}`);
  }

  dossier() {
    return this.db.dossier.findUniqueOrThrow({ where: { code: this.code } });
  }

  /** The dossier's obligations: rule, status and due moment, by rule and sequence. */
  async obligations(): Promise<[string, string, string][]> {
    const rows = await this.db.followUpObligation.findMany({
      where: { dossier: { code: this.code } },
      select: { ruleKey: true, status: true, dueAt: true },
      orderBy: [{ ruleKey: 'asc' }, { sequence: 'asc' }],
    });
    return rows.map((o) => [o.ruleKey, o.status, o.dueAt.toISOString()]);
  }
}

/**
 * A fictitious family's aanmelding (no real names: persons A and B), from `organisationId`, with
 * the answers to the region's own questions (RegionConfig.aanmeldingQuestions).
 */
export function fictitiousAanmelding(
  organisationId: string,
  contactEmail: string,
  regionAnswers: Record<string, string | string[]> = {},
) {
  return {
    organisationId,
    contactEmail,
    whyNow: 'Verschillende politietussenkomsten.',
    violenceDescription: 'Fysiek, verbaal en emotioneel geweld.',
    situationAtStart: 'Gezin met drie kinderen.',
    situationNow: 'De kinderen zijn getuige van het geweld.',
    mainRisks: 'Herhaling, verontrustende opvoedingssituatie.',
    clients: [
      { label: 'Persoon A', role: 'slachtoffer', age: 41 },
      { label: 'Persoon B', role: 'pleger', age: 44 },
    ],
    clientRelations: 'A en B zijn partners.',
    servicesInvolved: 'SDJ, sociale cel politie.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Een afgestemde aanpak.',
    confidentialityConfirmed: true,
    familyInformed: true,
    regionAnswers,
  };
}
