import type { INestApplicationContext } from '@nestjs/common';
import { APP_CONFIG, AppConfig, inRegion } from '@overlegtafels/config';
import { DEFAULT_REGION_KEY, getRegion } from '@overlegtafels/regions';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { RegionRepository } from '../ports/region.repository.port';
import { SubmitAanmeldingUseCase } from '../submit-aanmelding/submit-aanmelding.usecase';
import { SubmitAgenderingUseCase } from '../submit-agendering/submit-agendering.usecase';
import { AanmeldingSchema } from '../submit-aanmelding/submit-aanmelding.command';
import { AgenderingSchema } from '../submit-agendering/submit-agendering.command';
import { EditPlanVanAanpakUseCase } from '../edit-plan-van-aanpak/edit-plan-van-aanpak.usecase';
import { PlanSchema } from '../edit-plan-van-aanpak/edit-plan-van-aanpak.command';
import { parseInput } from '../input/parse-input';

/** A one-page PDF, enough for the demo's plan van aanpak. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * The default mode's first start puts a few fictitious items on the coming agendas, through the
 * same use cases people use, so the coordinator's agenda and the forms have something to show.
 */
export async function seedDemoAgenda(app: INestApplicationContext): Promise<number> {
  const config = app.get<AppConfig>(APP_CONFIG);
  // The demo data is CO3 Antwerpen's (the seed's region): its work runs in that region.
  const demoRegion = DEFAULT_REGION_KEY;
  if (!config.regions.includes(demoRegion)) return 0;
  return inRegion(demoRegion, () => seedInDemoRegion(app, demoRegion));
}

async function seedInDemoRegion(app: INestApplicationContext, demoRegion: string): Promise<number> {
  const people = app.get(PersonDirectory);
  const regionId = await app.get(RegionRepository).idOf(demoRegion);
  const person = async (email: string) => {
    const p = await people.findActiveByEmail([demoRegion], email);
    if (!p) throw new Error(`demo person ${email} is missing`);
    return { personId: p.id, regionId, route: 'demo-seed' };
  };
  const organisations = await app.get(OrganisationDirectory).list(regionId);
  const politie = organisations.find((o) => o.kind === 'politie')!;
  const aanmelding = app.get(SubmitAanmeldingUseCase);
  const base = {
    organisationId: politie.id,
    whyNow: 'Derde interventie in twee maanden; de spanningen lopen op.',
    violenceDescription: 'Psychisch en fysiek partnergeweld (fictief voorbeeld).',
    situationAtStart: 'Gezin met twee kinderen; de ouders wonen samen.',
    situationNow: 'De moeder verblijft tijdelijk bij familie.',
    mainRisks: 'Herhaling van geweld; de kinderen zijn getuige.',
    clients: [
      { label: 'Ouder A', role: 'slachtoffer', age: 35 },
      { label: 'Ouder B', role: 'pleger', age: 38 },
      { label: 'Kind 1', role: 'kind', age: 14 },
    ],
    clientRelations: 'Ouder A en B zijn partners; kind 1 is hun kind.',
    servicesInvolved: 'Politie (interventies), CAW (onthaal).',
    safetyPlanExists: false,
    questionsAndExpectations: 'Gedeelde risico-inschatting en een casusregisseur.',
    confidentialityConfirmed: true,
    familyInformed: true,
  };
  for (const email of ['eva.wouters@example.org', 'karim.bouzid@example.be']) {
    await aanmelding.execute({
      actor: await person(email),
      aanmelding: parseInput(AanmeldingSchema, { ...base, contactEmail: email }),
    });
  }
  const agendering = app.get(SubmitAgenderingUseCase);
  // The demo data is CO3 Antwerpen's; its tables are found by their role in the dossier life.
  const { planReview, followUp } = getRegion(demoRegion)!.dossierLife.roles;
  const sara = await person('sara.elidrissi@example.org');
  // The plan van aanpak is written in the service (annex E); the file is an attachment to it.
  await app.get(EditPlanVanAanpakUseCase).execute({
    actor: { ...sara, coordinator: false },
    dossierCode: 'CO3-2026-0001',
    edit: {
      kind: 'replace',
      plan: parseInput(PlanSchema, {
        profiles: ['situationeel-geweld'],
        rows: [
          {
            domainKey: 'geweld',
            factorKey: 'geweld-escalatie',
            noden: 'Rust in huis en duidelijke afspraken.',
            aanpakOpMaat: 'Korte gesprekken, telkens met dezelfde hulpverlener.',
            actie: 'Veiligheidsplan met ouder A opmaken en wekelijks opvolgen.',
            standVanZaken: 'Eerste gesprek gepland.',
          },
        ],
      }),
    },
  });
  await agendering.execute({
    actor: { ...sara, isCoordinator: false },
    agendering: parseInput(AgenderingSchema, {
      dossierCode: 'CO3-2026-0001',
      tableKey: planReview,
      itemType: 'gewijzigd-plan-van-aanpak',
      questions: 'Is de bijgestuurde aanpak voldoende om de risico’s te beheersen?',
      guests: [],
      brief: {
        whyNow: 'Nieuwe feiten: de aanpak moet bijgestuurd worden.',
        domains: ['geweld'],
        safetyAgreements: 'Ouder A heeft een veiligheidsplan; ouder B houdt zich aan het contactverbod.',
        childrenOver12Heard: 'ja',
      },
    }),
    document: { originalName: 'plan-van-aanpak.pdf', bytes: DEMO_PDF },
  });
  await agendering.execute({
    actor: { ...(await person('tom.peeters@example.org')), isCoordinator: false },
    agendering: parseInput(AgenderingSchema, {
      dossierCode: 'CO3-2026-0002',
      tableKey: followUp,
      itemType: 'vraag',
      questions: 'Welke informatie hebben de partners over de schoolsituatie?',
      guests: [{ kind: 'consulent', email: 'nadia.claes@example.be' }],
    }),
  });
  return 4;
}
