import { label } from '../mail-values';
import { alice, code42, formUrl, zdt } from '../testing/mail-fixtures.test-util';
import { composer } from '../testing/every-mail.test-util';

describe('escalation', () => {
  it('tells the coordinator an agendering is missing only for obligations fulfilled by agendering', async () => {
    const base = {
      recipient: alice,
      dossier: code42,
      due: zdt('2027-02-01T09:00'),
      now: zdt('2027-02-02T08:00'),
      owner: 'Jonas Wouters',
      formUrl,
    };
    const agendering = await composer.escalation({ ...base, obligation: label('Eerste plan van aanpak') });
    expect(agendering.text).toContain('de taak is nog niet afgerond: er is nog geen agendering.');
    const manual = await composer.escalation({
      ...base,
      obligation: 'Controle zes maanden na de afronding: is de vervolghulp gestart?',
      manual: true,
    });
    expect(manual.text).toContain(
      'was controle zes maanden na de afronding: is de vervolghulp gestart? voorzien',
    );
    expect(manual.text).toContain('de taak is nog niet afgerond.');
    expect(manual.text).not.toContain('agendering');
  });

  it.each([
    ['2027-02-02T08:00', 'gisteren'],
    ['2027-02-01T23:59', 'vandaag'],
    ['2027-02-11T08:00', '10 dagen geleden'],
  ])('escalates at %s saying the date passed %s', async (now, words) => {
    const mail = await composer.escalation({
      recipient: alice,
      dossier: code42,
      obligation: label('Eerste plan van aanpak'),
      due: zdt('2027-02-01T23:59'),
      now: zdt(now),
      owner: 'Jonas Wouters',
      formUrl,
    });
    expect(mail.text).toContain(`Die termijn is ${words} verstreken`);
    expect(mail.text).toContain('Verantwoordelijke: Jonas Wouters');
  });
});

describe('escalation to the owners themselves', () => {
  it('links the obligation’s own page instead of the coordinators’ overview', async () => {
    const page = formUrl;
    const mail = await composer.escalation({
      recipient: alice,
      dossier: code42,
      obligation: 'Kwaliteitscontrole van het afgesloten dossier',
      due: zdt('2027-04-15T09:00'),
      now: zdt('2027-04-16T08:00'),
      owner: 'de strategisch coördinatoren',
      formUrl: page,
      manual: true,
      ownPage: true,
    });
    expect(mail.text).toContain('De taak en haar formulier staan op haar eigen pagina:');
    expect(mail.text).not.toContain('coördinatieoverzicht');
    expect(mail.html).toContain('Taak openen');
    expect(mail.text).toContain('Verantwoordelijke: de strategisch coördinatoren');
  });
});
