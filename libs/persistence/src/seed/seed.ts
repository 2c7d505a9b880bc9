import type { PrismaClient } from '../generated/prisma/client';
import { createPrismaClient } from '../prisma.service';
import { CO3_ORGANISATIONS, CO3_REGION, DEMO_DOSSIERS, DEMO_PEOPLE } from './demo-data';

const date = (ymd: string | undefined) => (ymd ? new Date(`${ymd}T00:00:00Z`) : null);

/** Domain keys use '-', Prisma enum identifiers '_' (mapped back to the key in the database). */
export function dbEnum<T extends string>(key: T): T extends `${infer A}-${infer B}` ? `${A}_${B}` : T {
  return key.replace(/-/g, '_') as never;
}

/** The CO3 Antwerpen region and its partner organisations (idempotent). */
export async function seedRegion(
  prisma: PrismaClient,
): Promise<{ regionId: string; organisationIds: Map<string, string> }> {
  const region = await prisma.region.upsert({
    where: { key: CO3_REGION.key },
    update: {},
    create: CO3_REGION,
    select: { id: true },
  });
  const organisationIds = new Map<string, string>();
  for (const org of CO3_ORGANISATIONS) {
    const existing = await prisma.organisation.findFirst({
      where: { regionId: region.id, name: org.name },
      select: { id: true },
    });
    const row =
      existing ??
      (await prisma.organisation.create({
        data: { regionId: region.id, kind: org.kind, name: org.name, contactEmail: org.email },
        select: { id: true },
      }));
    organisationIds.set(org.key, row.id);
  }
  return { regionId: region.id, organisationIds };
}

/** Fictitious people with roles and table memberships, and dossiers in several phases. */
export async function seedDemo(
  prisma: PrismaClient,
  regionId: string,
  organisationIds: Map<string, string>,
): Promise<void> {
  const personIds = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const person = await prisma.person.create({
      data: {
        regionId,
        organisationId: organisationIds.get(p.organisation) ?? null,
        displayName: p.displayName,
        email: p.email,
        roleAssignments: {
          create: p.roles.map((r) => ({ role: dbEnum(r.role), tableKey: r.tableKey ?? null })),
        },
        tableMemberships: {
          create: (p.memberships ?? []).map((m) => ({
            region: { connect: { id: regionId } },
            tableKey: m.tableKey,
            function: dbEnum(m.function),
            standing: m.standing,
          })),
        },
      },
      select: { id: true },
    });
    personIds.set(p.key, person.id);
  }
  const personOrg = (key: string) =>
    organisationIds.get(DEMO_PEOPLE.find((p) => p.key === key)!.organisation) ?? null;
  for (const d of DEMO_DOSSIERS) {
    await prisma.dossier.create({
      data: {
        code: d.code,
        regionId,
        phase: d.phase,
        aanmelderId: personIds.get(d.aanmelder)!,
        aanmelderOrganisationId: personOrg(d.aanmelder),
        casusregisseurId: d.casusregisseur ? personIds.get(d.casusregisseur)! : null,
        casusregieStartDate: date(d.casusregieStartDate),
        afrondingDate: date(d.afrondingDate),
        afsluitingDate: date(d.afsluitingDate),
        ocjSdjConsulentInvolved: !!d.consulent,
        consulentId: d.consulent ? personIds.get(d.consulent)! : null,
        childrenOver12: d.childrenOver12 ?? 0,
      },
    });
  }
  const lastNumber = Math.max(...DEMO_DOSSIERS.map((d) => Number(d.code.slice(-4))));
  await prisma.dossierCodeCounter.upsert({
    where: { regionId_year: { regionId, year: 2026 } },
    update: { lastNumber },
    create: { regionId, year: 2026, lastNumber },
  });
}

/**
 * Seeds only an empty database (no region yet), in one transaction, so a restart never duplicates
 * or overwrites what people changed. Returns whether it seeded.
 */
export async function seedIfEmpty(databaseUrl: string, options: { demo: boolean }): Promise<boolean> {
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    if ((await prisma.region.count()) > 0) return false;
    await prisma.$transaction(
      async (tx) => {
        const { regionId, organisationIds } = await seedRegion(tx as unknown as PrismaClient);
        if (options.demo) await seedDemo(tx as unknown as PrismaClient, regionId, organisationIds);
      },
      { timeout: 60_000 },
    );
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
