import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import {
  describedByError,
  errorNextTo,
  errorSummary,
  inputValue,
  pageUser,
  PageUser,
  pngBytes,
  selectedValue,
  textareaValue,
  textOf,
  tinyPdf,
} from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from '../support/plan-van-aanpak';

/** Monday 16 November 2026, 10:00 in Brussels: the ICO of Friday 27 November is open. */
const MONDAY = '2026-11-16T09:00:00Z';

function aanmeldingFields(organisationId: string): Record<string, string> {
  return {
    organisationId,
    contactEmail: 'eva.wouters@example.org',
    contactPhone: '',
    whyNow: 'Escalatie na een nieuw incident.',
    violenceDescription: 'Fysiek en psychisch partnergeweld, kinderen getuige.',
    situationAtStart: 'Samenwonend, twee kinderen.',
    situationNow: 'Moeder tijdelijk bij familie.',
    mainRisks: 'Herhaling, escalatie bij contact.',
    'client-0-label': 'Moeder (M.)',
    'client-0-role': 'slachtoffer',
    'client-0-age': '34',
    'client-1-label': 'Kind A.',
    'client-1-role': 'kind',
    'client-1-age': '13',
    clientRelations: 'Moeder en kind; vader is de pleger.',
    servicesInvolved: 'CAW, huisarts.',
    safetyPlanExists: 'nee',
    safetyPlanDescription: '',
    questionsAndExpectations: 'Is ketenaanpak aangewezen?',
    confidentialityConfirmed: 'on',
    familyInformed: 'ja',
    familyNotInformedReason: '',
  };
}

describe('the aanmelding and agendering pages', () => {
  let t: TestApp;
  let eva: PageUser;
  let sara: PageUser;
  let organisationId: string;
  const clock = new ControlledClock(MONDAY);

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false, clock });
    eva = await pageUser(t, 'eva.wouters@example.org');
    sara = await pageUser(t, 'sara.elidrissi@example.org');
    const db = createPrismaClient(t.db.url, 1);
    organisationId = (await db.person.findFirstOrThrow({ where: { email: 'eva.wouters@example.org' } }))
      .organisationId!;
    await db.$disconnect();
  }, 60_000);
  afterAll(async () => t?.close());

  const apiHeaders = async (email: string) => {
    const who = await loginAs(t, email);
    return {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    };
  };

  describe('GET/POST /aanmelding', () => {
    it('is a mail to the ICO with every question and four client blocks', async () => {
      const page = await eva.get('/aanmelding');
      expect(page.status).toBe(200);
      const text = textOf(page.html);
      expect(text).toContain('Aan Verkennend casusoverleg (ICO)');
      expect(text).toContain('Onderwerp Nieuwe aanmelding');
      for (const question of [
        'Waarom meldt u nu aan?',
        'Welk geweld?',
        'Situatie bij het begin',
        'Situatie nu',
        'Belangrijkste risico’s',
        'Hoe verhouden de cliënten zich tot elkaar?',
        'Welke diensten zijn betrokken, en hoe?',
        'Is er een veiligheidsplan?',
        'Uw vragen en verwachtingen aan het ICO',
        'Is het gezin geïnformeerd over de aanmelding?',
        'art. 458ter',
      ]) {
        expect(text).toContain(question);
      }
      expect(page.html.match(/<fieldset class="client">/g)).toHaveLength(4);
      expect(inputValue(page.html, 'aanmelding-contactEmail')).toBe('eva.wouters@example.org');
      expect(page.html).not.toMatch(/<script|style=/);
    });

    it('comes back with Dutch errors next to the fields, a summary linking to them, and everything typed kept', async () => {
      const fields = aanmeldingFields(organisationId);
      const page = await eva.post('/aanmelding', {
        ...fields,
        whyNow: '',
        contactEmail: 'geen-adres',
        'client-1-role': '',
        safetyPlanExists: 'ja',
        confidentialityConfirmed: '',
        familyInformed: 'nee',
      });
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'aanmelding-whyNow')).toBe('Waarom nu is verplicht.');
      expect(errorNextTo(page.html, 'aanmelding-contactEmail')).toBe(
        'E-mailadres is geen geldig e-mailadres.',
      );
      expect(errorNextTo(page.html, 'aanmelding-clients-1-role')).toBe('Kies de rol van deze persoon.');
      expect(errorNextTo(page.html, 'aanmelding-safetyPlanDescription')).toBe(
        'Beschrijf kort het veiligheidsplan.',
      );
      expect(errorNextTo(page.html, 'aanmelding-familyNotInformedReason')).toBe(
        'Zeg waarom het gezin niet geïnformeerd is.',
      );
      expect(errorNextTo(page.html, 'aanmelding-confidentialityConfirmed')).toContain('art. 458ter');
      expect(describedByError(page.html, 'aanmelding-whyNow')).toBe(true);
      expect(describedByError(page.html, 'aanmelding-clients-1-role')).toBe(true);
      expect(errorSummary(page.html)).toEqual(
        expect.arrayContaining([
          { href: '#aanmelding-whyNow', message: 'Waarom nu is verplicht.' },
          { href: '#aanmelding-clients-1-role', message: 'Kies de rol van deze persoon.' },
        ]),
      );
      // Nothing typed is lost.
      expect(inputValue(page.html, 'aanmelding-contactEmail')).toBe('geen-adres');
      expect(textareaValue(page.html, 'aanmelding-violenceDescription')).toBe(fields.violenceDescription);
      expect(inputValue(page.html, 'aanmelding-clients-0-label')).toBe('Moeder (M.)');
      expect(inputValue(page.html, 'aanmelding-clients-0-age')).toBe('34');
      expect(selectedValue(page.html, 'aanmelding-clients-0-role')).toBe('slachtoffer');
      expect(inputValue(page.html, 'aanmelding-clients-1-label')).toBe('Kind A.');
      expect(selectedValue(page.html, 'aanmelding-organisationId')).toBe(organisationId);
      expect(page.html).toContain(
        'id="aanmelding-familyInformed-nee" name="familyInformed" value="nee" checked',
      );
    });

    it('gives a control character back next to its field with everything typed kept (issue #15)', async () => {
      const fields = aanmeldingFields(organisationId);
      const page = await eva.post('/aanmelding', {
        ...fields,
        whyNow: 'Escalatie\u0000 na een nieuw incident.',
        'client-0-label': 'Moeder\u001b[2J',
      });
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'aanmelding-whyNow')).toBe(
        'Waarom nu bevat een onzichtbaar stuurteken (bv. een nulteken); laat het weg.',
      );
      expect(errorNextTo(page.html, 'aanmelding-clients-0-label')).toBe(
        'Naam of omschrijving bevat een onzichtbaar stuurteken (bv. een nulteken); laat het weg.',
      );
      expect(textareaValue(page.html, 'aanmelding-violenceDescription')).toBe(fields.violenceDescription);
      expect(textareaValue(page.html, 'aanmelding-whyNow')).toContain('na een nieuw incident.');
      expect(inputValue(page.html, 'aanmelding-clients-1-label')).toBe('Kind A.');
      expect(selectedValue(page.html, 'aanmelding-organisationId')).toBe(organisationId);
      // The API still answers the 400 that names the field.
      const api = await fetch(`${t.baseUrl}/api/aanmeldingen`, {
        method: 'POST',
        headers: { ...(await apiHeaders('eva.wouters@example.org')) },
        body: JSON.stringify({ whyNow: 'a\u0000b' }),
      });
      expect(api.status).toBe(400);
      expect(await api.json()).toMatchObject({ field: 'whyNow' });
    });

    it('asks for at least one client when every block is empty', async () => {
      const fields = aanmeldingFields(organisationId);
      for (const k of Object.keys(fields)) if (k.startsWith('client-')) delete fields[k];
      const page = await eva.post('/aanmelding', fields);
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'aanmelding-clients-0-label')).toBe('Vermeld minstens één cliënt.');
    });

    it('adds client blocks with a submit button, keeping what was typed', async () => {
      const page = await eva.post('/aanmelding', { ...aanmeldingFields(organisationId), actie: 'meer' });
      expect(page.status).toBe(200);
      expect(page.html.match(/<fieldset class="client">/g)).toHaveLength(6);
      expect(inputValue(page.html, 'aanmelding-clients-1-label')).toBe('Kind A.');
      expect(textareaValue(page.html, 'aanmelding-whyNow')).toBe('Escalatie na een nieuw incident.');
      expect(errorSummary(page.html)).toEqual([]);
    });

    it('refuses a form without its CSRF token and files nothing', async () => {
      const db = createPrismaClient(t.db.url, 1);
      const before = await db.aanmelding.count();
      const page = await eva.post('/aanmelding', aanmeldingFields(organisationId), { csrf: false });
      expect(page.status).toBe(403);
      expect(textOf(page.html)).toContain('Het formulier is verlopen of ongeldig (CSRF)');
      expect(await db.aanmelding.count()).toBe(before);
      await db.$disconnect();
    });

    it('files the aanmelding once, however often the form is sent, and states the slot and the new dossier code', async () => {
      const db = createPrismaClient(t.db.url, 1);
      const before = await db.aanmelding.count();
      const form = await eva.get('/aanmelding');
      const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(form.html)![1]!;
      expect(submissionKey).toMatch(/^[0-9a-f-]{36}$/);
      const fields = { ...aanmeldingFields(organisationId), submissionKey };
      const filed = await eva.post('/aanmelding', fields);
      expect(filed.status).toBe(303);
      expect(filed.location).toMatch(/^\/aanmelding\/verstuurd\/[0-9a-f-]{36}$/);
      // The same form again (the back button and send, a double click): no second dossier.
      const again = await eva.post('/aanmelding', fields);
      expect([again.status, again.location]).toEqual([303, filed.location]);
      expect(await db.aanmelding.count()).toBe(before + 1);
      // A reload of the confirmation is a GET: it files nothing.
      const page = await eva.get(filed.location!);
      expect(page.status).toBe(200);
      expect((await eva.get(filed.location!)).status).toBe(200);
      expect(await db.aanmelding.count()).toBe(before + 1);
      // Nobody else reads it: the same "not found" as for an id that does not exist.
      const karim = await pageUser(t, 'karim.bouzid@example.be');
      expect((await karim.get(filed.location!)).status).toBe(404);
      expect((await karim.get('/aanmelding/verstuurd/00000000-0000-4000-8000-000000000000')).status).toBe(
        404,
      );
      expect((await eva.get('/aanmelding/verstuurd/niet-een-id')).status).toBe(404);
      await db.$disconnect();
      const text = textOf(page.html);
      expect(text).toContain('vrijdag 27 november 2026, 09:30–10:00, onder voorbehoud tot donderdag 13:00');
      const code = /data-dossier-code>([^<]+)</.exec(page.html)![1]!;
      expect(code).toMatch(/^CO3-2026-\d{4}$/);
      const dossier = await eva.get(`/dossiers/${code}`);
      expect(dossier.status).toBe(200);
      expect(textOf(dossier.html)).toContain('Escalatie na een nieuw incident.');
    });
  });

  describe('GET/POST /agendering', () => {
    it('opens from the reminder link with dossier, table and type chosen, and shows the session and its deadline', async () => {
      const redirect = await sara.get(
        '/agendering/nieuw?dossier=CO3-2026-0001&tafel=weegploeg&type=plan-van-aanpak',
      );
      expect(redirect.status).toBe(303);
      expect(redirect.location).toBe(
        '/agendering?dossier=CO3-2026-0001&tafel=weegploeg&type=plan-van-aanpak',
      );
      const page = await sara.get(redirect.location!);
      expect(page.status).toBe(200);
      expect(selectedValue(page.html, 'agendering-dossierCode')).toBe('CO3-2026-0001');
      expect(selectedValue(page.html, 'agendering-soort')).toBe('weegploeg:plan-van-aanpak');
      const text = textOf(page.html);
      // The Weegploeg of 17 November closed on Monday 9 November at noon: it will be 1 December.
      expect(text).toContain('Als u nu verstuurt, komt dit op Weegploeg van dinsdag 1 december 2026');
      expect(text).toContain('de deadline daarvoor is maandag 23 november 2026 om 12:00');
      expect(text).toContain('De deadline voor Weegploeg van dinsdag 17 november 2026');
      expect(text).toContain('is voorbij');
      expect(page.html).toContain('accept=".pdf,.docx,.odt');
      expect(page.html.match(/<fieldset class="guest">/g)).toHaveLength(3);
    });

    it('offers only the casusregisseur’s own dossiers', async () => {
      const page = await sara.get('/agendering');
      const options = [...page.html.matchAll(/<option value="(CO3-[^"]+)"/g)].map((m) => m[1]);
      expect(options).toEqual(['CO3-2026-0001']);
      const other = await sara.get('/agendering?dossier=CO3-2026-0002&tafel=weegploeg&type=plan-van-aanpak');
      expect(selectedValue(other.html, 'agendering-dossierCode')).toBeUndefined();
    });

    it('refuses a PNG named .pdf next to the field, asks to add the file again, and keeps the rest', async () => {
      const page = await sara.postMultipart(
        '/agendering',
        {
          dossierCode: 'CO3-2026-0001',
          soort: 'weegploeg:plan-van-aanpak',
          questions: 'Graag feedback op de doelen.',
          'guest-0-kind': 'consulent',
          'guest-0-email': 'nadia.claes@example.be',
          'guest-1-kind': 'expert',
          'guest-1-email': 'geen-adres',
        },
        { name: 'plan.pdf', bytes: pngBytes(), type: 'application/pdf' },
      );
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-document')).toBe(
        'Enkel PDF-, DOCX- of ODT-bestanden zijn toegelaten.',
      );
      expect(describedByError(page.html, 'agendering-document')).toBe(true);
      expect(textOf(page.html)).toContain('voeg het bestand opnieuw toe');
      expect(textareaValue(page.html, 'agendering-questions')).toBe('Graag feedback op de doelen.');
      expect(selectedValue(page.html, 'agendering-soort')).toBe('weegploeg:plan-van-aanpak');
      expect(selectedValue(page.html, 'agendering-dossierCode')).toBe('CO3-2026-0001');
      expect(selectedValue(page.html, 'agendering-guests-0-kind')).toBe('consulent');
      expect(inputValue(page.html, 'agendering-guests-0-email')).toBe('nadia.claes@example.be');
      expect(inputValue(page.html, 'agendering-guests-1-email')).toBe('geen-adres');
    });

    it('names every problem at once: a bad guest address and a missing question next to their fields', async () => {
      const page = await sara.postMultipart(
        '/agendering',
        {
          dossierCode: 'CO3-2026-0001',
          soort: 'weegploeg:plan-van-aanpak',
          questions: '',
          'guest-0-kind': 'expert',
          'guest-0-email': 'geen-adres',
        },
        { name: 'plan.pdf', bytes: tinyPdf() },
      );
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-questions')).toBe('Vragen aan de tafel is verplicht.');
      expect(errorNextTo(page.html, 'agendering-guests-0-email')).toBe(
        'E-mailadres van de gast is geen geldig e-mailadres.',
      );
      expect(textOf(page.html)).toContain('voeg het bestand opnieuw toe');
    });

    it('refuses a file over 10 MB next to the field', async () => {
      const big = Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
      const page = await sara.postMultipart(
        '/agendering',
        { dossierCode: 'CO3-2026-0001', soort: 'weegploeg:plan-van-aanpak', questions: 'Vraag.' },
        { name: 'groot.pdf', bytes: big },
      );
      expect(page.status).toBe(413);
      expect(errorNextTo(page.html, 'agendering-document')).toBe('Het bestand is groter dan 10 MB.');
      expect(textareaValue(page.html, 'agendering-questions')).toBe('Vraag.');
    });

    it('asks the leidraad’s questions next to their fields, keeping what was answered', async () => {
      const page = await sara.postMultipart('/agendering', {
        dossierCode: 'CO3-2026-0001',
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Vraag.',
        'brief.safetyAgreements': 'Veiligheidsplan met de moeder.',
        'brief.childrenOver12Heard': 'nee',
      });
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-brief-whyNow')).toBe('Waarom nu is verplicht.');
      expect(textareaValue(page.html, 'agendering-brief-safetyAgreements')).toBe(
        'Veiligheidsplan met de moeder.',
      );
      expect(page.html).toContain('name="brief.childrenOver12Heard" value="nee" checked');
    });

    it('asks for a written plan van aanpak on the Weegploeg, not for a document', async () => {
      const page = await sara.postMultipart('/agendering', {
        dossierCode: 'CO3-2026-0001',
        soort: 'weegploeg:plan-van-aanpak',
        questions: 'Vraag.',
        ...briefFields(WEEGPLOEG_BRIEF, 'page'),
      });
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain('Schrijf eerst het plan van aanpak van dit dossier');
      expect(page.html).toContain('href="/dossiers/CO3-2026-0001/plan-van-aanpak"');
      expect(errorNextTo(page.html, 'agendering-document')).toBeUndefined();
    });

    it('gives a control character back next to its field with everything typed kept (issue #15)', async () => {
      const page = await sara.postMultipart('/agendering', {
        dossierCode: 'CO3-2026-0001',
        soort: 'ronde-tafel:vraag',
        questions: 'Wat weet\u0007 de school?',
        'guest-0-kind': 'consulent',
        'guest-0-email': 'nadia.claes@example.be',
      });
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-questions')).toBe(
        'Vragen aan de tafel bevat een onzichtbaar stuurteken (bv. een nulteken); laat het weg.',
      );
      expect(selectedValue(page.html, 'agendering-soort')).toBe('ronde-tafel:vraag');
      expect(selectedValue(page.html, 'agendering-dossierCode')).toBe('CO3-2026-0001');
      expect(inputValue(page.html, 'agendering-guests-0-email')).toBe('nadia.claes@example.be');
      expect(textareaValue(page.html, 'agendering-questions')).toContain('de school?');
    });

    it('offers a casusregisseur the Weegploeg and the Ronde Tafel and their own dossiers only', async () => {
      const page = await sara.get('/agendering');
      const options = [...page.html.matchAll(/<option value="([a-z-]+:[a-z-]+)"/g)].map((m) => m[1]);
      expect(options.length).toBeGreaterThan(0);
      expect(options.every((o) => o!.startsWith('weegploeg:') || o!.startsWith('ronde-tafel:'))).toBe(true);
    });

    it('offers an aanmelder only the ICO and only dossiers that are theirs to bring back (issue #15)', async () => {
      const page = await eva.get('/agendering');
      expect(page.status).toBe(200);
      const options = [...page.html.matchAll(/<option value="([a-z-]+:[a-z-]+)"/g)].map((m) => m[1]);
      expect(options).toEqual(['ico:herbespreking']);
      expect(page.html).not.toContain('Weegploeg:');
      expect(page.html).not.toContain('Ronde Tafel:');
      // CO3-2026-0001 has a casusregisseur (Sara): it is hers to agenderen, not the aanmelder's.
      expect(page.html).not.toContain('<option value="CO3-2026-0001"');
    });

    it('keeps the input and says why in Dutch when the dossier is not the person’s (no bare "niet gevonden")', async () => {
      const page = await eva.postMultipart('/agendering', {
        dossierCode: 'CO3-2026-0001',
        soort: 'ico:herbespreking',
        questions: 'Graag opnieuw bespreken.',
      });
      expect(page.status).toBe(400);
      expect(errorNextTo(page.html, 'agendering-dossierCode')).toBe(
        'U kunt enkel een dossier agenderen waarvan u de casusregisseur (of voor de ICO de aanmelder) bent. Kies een dossier uit de lijst.',
      );
      expect(textareaValue(page.html, 'agendering-questions')).toBe('Graag opnieuw bespreken.');
      expect(selectedValue(page.html, 'agendering-soort')).toBe('ico:herbespreking');
      expect(textOf(page.html)).not.toContain('Dossier niet gevonden');
    });

    it('refuses a form without its CSRF token', async () => {
      const forged = await sara.post(
        '/agendering',
        { dossierCode: 'CO3-2026-0001', soort: 'ronde-tafel:vraag', questions: 'Vraag.' },
        { csrf: false },
      );
      expect(forged.status).toBe(403);
    });

    it('puts the plan van aanpak on the Weegploeg of 1 December with the PDF and confirms the slot', async () => {
      await writePlan(t, 'sara.elidrissi@example.org', 'CO3-2026-0001');
      const page = await sara.postMultipart(
        '/agendering',
        {
          dossierCode: 'CO3-2026-0001',
          soort: 'weegploeg:plan-van-aanpak',
          questions: 'Graag feedback op de doelen.',
          ...briefFields(WEEGPLOEG_BRIEF, 'page'),
          'guest-0-kind': 'consulent',
          'guest-0-email': 'nadia.claes@example.be',
        },
        { name: 'plan-van-aanpak.pdf', bytes: tinyPdf() },
      );
      // Post/redirect/get: the confirmation is a page of its own.
      expect(page.status).toBe(303);
      expect(page.location).toMatch(/^\/agendering\/verstuurd\/[0-9a-f-]{36}$/);
      const confirmation = await sara.get(page.location!);
      expect(confirmation.status).toBe(200);
      expect(textOf(confirmation.html)).toContain(
        'dinsdag 1 december 2026, 13:00–13:30, onder voorbehoud tot',
      );
      const dossier = await sara.get('/dossiers/CO3-2026-0001');
      expect(dossier.html).toMatch(/<a href="\/api\/documents\/[0-9a-f-]{36}">plan-van-aanpak\.pdf<\/a>/);
    });
  });
});
