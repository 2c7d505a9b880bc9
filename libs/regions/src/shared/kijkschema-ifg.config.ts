import type { RiskInstrument } from '@overlegtafels/domain';

/**
 * The kijkschema "risico- en beschermende factoren IFG" of the CO3 guide (annex E, part 10), with
 * the IFG profiles of its plan van aanpak (annex E, part 11). The labels are the guide's wording,
 * shortened where the guide explains with examples; the keys are ours and never change once a
 * picture has been recorded with them.
 */
export const KIJKSCHEMA_IFG: RiskInstrument = {
  key: 'kijkschema-ifg',
  name: 'Kijkschema risico- en beschermende factoren IFG',
  domains: [
    {
      key: 'geweld',
      label: 'Geweld',
      riskFactors: [
        {
          key: 'geweld-bedreiging',
          label:
            'Bedreiging met een wapen of dreiging iemand fysiek schade toe te brengen (ook doods- of suïcidedreiging)',
        },
        {
          key: 'geweld-eerder-in-relatie',
          label: 'Eerder fysiek of seksueel geweld binnen de huidige relatie',
        },
        {
          key: 'geweld-escalatie',
          label:
            'Escalatie van het geweld (aard, verscheidenheid, frequentie of ernst nam toe, of een eerder ernstig feit)',
        },
        {
          key: 'geweld-angst',
          label: 'Angst om de veiligheid: het slachtoffer vreest voor het eigen leven of dat van gezinsleden',
        },
      ],
      protectiveFactors: [
        {
          key: 'geweld-veiligheidsplan',
          label: 'Er is een effectief veiligheidsplan (het werkt in de praktijk)',
        },
        { key: 'geweld-zelfcontrole', label: 'Er is verhoogde zelfcontrole' },
        { key: 'geweld-conflicthantering', label: 'Betrokkenen komen tot betere conflicthantering' },
      ],
    },
    {
      key: 'individu',
      label: 'Individu',
      riskFactors: [
        {
          key: 'individu-geweld-buiten-relatie',
          label:
            'Geweldpleging buiten de relatie (veroordelingen, geweld in eerdere relaties of andere contexten)',
        },
        { key: 'individu-slachtofferschap', label: 'Herhaald slachtofferschap buiten de relatie' },
        {
          key: 'individu-middelen',
          label: 'Middelenmisbruik: geweld onder invloed of verstoord functioneren',
        },
        {
          key: 'individu-stress',
          label:
            'Stressfactoren bij het individu (inkomen, werk, verblijf, psychische gezondheid) die de draagkracht overschrijden of samenhangen met het geweld; gebrekkig inzicht in het eigen psychisch functioneren',
        },
      ],
      protectiveFactors: [
        { key: 'individu-omgaan-met-stress', label: 'Verbetering in het omgaan met stress' },
        { key: 'individu-doelstellingen', label: 'Werken aan persoonlijke doelstellingen' },
        { key: 'individu-medicatie', label: 'Er is aangepaste medicatie' },
        { key: 'individu-motivatie', label: 'Motivatie om te werken aan mentale gezondheid of zelfzorg' },
      ],
    },
    {
      key: 'interactie',
      label: 'Interactie',
      riskFactors: [
        {
          key: 'interactie-afhankelijkheid',
          label: 'Afhankelijkheid: controle en dominantie, of emotionele of financiële afhankelijkheid',
        },
        {
          key: 'interactie-stress-gezin',
          label:
            'Stressfactoren binnen het gezin die zich uiten in agressie tegen partner, kinderen of inwonenden',
        },
        {
          key: 'interactie-stress-relatie',
          label:
            'Stressfactoren binnen de relatie (dreigende breuk, negatieve relatiedynamiek) die zich uiten in agressie',
        },
      ],
      protectiveFactors: [
        { key: 'interactie-communicatie', label: 'Verbeterde communicatie en inzicht in de geweldsdynamiek' },
        {
          key: 'interactie-maatregelen',
          label: 'Betrokkene houdt zich aan opgelegde maatregelen en justitiële richtlijnen',
        },
        {
          key: 'interactie-vaardigheden',
          label: 'Verbeterde vaardigheden of verbetering in financiën, werk, vrije tijd of huisvesting',
        },
        { key: 'interactie-regie', label: 'Verhoogde regie over het eigen leven' },
      ],
    },
    {
      key: 'professionele-ondersteuning',
      label: 'Professionele ondersteuning',
      riskFactors: [
        {
          key: 'prof-geen-steun',
          label: 'Geen professionele steun, of obstakels in de toegang ertoe (kennis, schaamte, taal)',
        },
        {
          key: 'prof-negatieve-trajecten',
          label:
            'Eerdere trajecten liepen negatief af (hulp afgewezen, drop-out, geen blijvend effect) of negatieve ervaringen met politie, justitie of hulpverlening',
        },
      ],
      protectiveFactors: [
        { key: 'prof-bereid', label: 'Personen zijn bereid (opnieuw) opvolging toe te laten' },
        { key: 'prof-zorg-met-effect', label: 'Er is professionele zorg die effect heeft op het geweld' },
        {
          key: 'prof-justitie-met-effect',
          label: 'Er lopen justitiële procedures die effect hebben op het geweld',
        },
      ],
    },
    {
      key: 'sociale-ondersteuning',
      label: 'Sociale ondersteuning',
      riskFactors: [
        {
          key: 'sociaal-geen-steun',
          label: 'Er is geen versterkende sociale ondersteuning uit het eigen netwerk',
        },
        { key: 'sociaal-inadequaat', label: 'De steun van het eigen netwerk is inadequaat' },
      ],
      protectiveFactors: [
        { key: 'sociaal-versterkt-netwerk', label: 'Er is een versterkt sociaal netwerk' },
        { key: 'sociaal-meer-steun', label: 'Er is meer steun uit het netwerk' },
        { key: 'sociaal-controle', label: 'Er is meer sociale controle' },
        { key: 'sociaal-steunfiguur', label: 'Betrokkene kan terecht bij een semiprofessionele steunfiguur' },
      ],
    },
    {
      key: 'kind',
      label: 'Kind',
      riskFactors: [
        {
          key: 'kind-toegang-geweigerd',
          label: 'De toegang tot het kind wordt geweigerd door opvoeder(s) of onderzoek wordt belemmerd',
        },
        {
          key: 'kind-bescherming',
          label:
            'Zorgen over bescherming (tegen gevaarlijke personen) en veiligheid (leefomgeving en toezicht)',
        },
        {
          key: 'kind-slachtoffer-getuige',
          label: 'Het kind is slachtoffer of getuige van IFG, of er zijn gedragssignalen bij het kind',
        },
        { key: 'kind-zwangerschap', label: 'Fysiek geweld tijdens de zwangerschap' },
      ],
      protectiveFactors: [
        {
          key: 'kind-betrokkenheid',
          label:
            'Betrokkenheid en steun in de omgeving van het kind (affectieve band met zorgende volwassenen)',
        },
        {
          key: 'kind-veerkracht-ouders',
          label:
            'Veerkracht bij de ouders (inzicht in de gevoels- en denkwereld van het kind, praten over wat moeilijk gaat, luisteren)',
        },
        { key: 'kind-vaardigheden', label: 'Vaardigheden van het kind (gevoelens uiten, hulp vragen)' },
      ],
    },
  ],
  profiles: [
    { key: 'intiem-terrorisme', label: 'Intiem terrorisme' },
    { key: 'situationeel-geweld', label: 'Situationeel geweld' },
    { key: 'opvoedstress', label: 'Opvoedstress' },
    { key: 'langdurige-zorg', label: 'Langdurige zorg' },
    { key: 'vechtscheiding', label: 'Vechtscheiding' },
  ],
};
