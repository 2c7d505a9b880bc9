/** The dossier page's notice after each of its forms (fixed texts: the redirect's query picks one). */
export const NOTICES = {
  consulent: 'De betrokkenheid van de consulent is geregistreerd; de opvolging is bijgewerkt.',
  startdatum: 'De startdatum van de casusregie is gecorrigeerd; de opvolging is bijgewerkt.',
  casusregisseur:
    'De casusregie is overgedragen: de openstaande taken staan op naam van de nieuwe casusregisseur, beide casusregisseurs krijgen een mail.',
  instemming: 'De instemming is geregistreerd; de casusregie loopt en de opvolging is bijgewerkt.',
  'geen-instemming':
    'Geen instemming is geregistreerd: de casusregie start niet. De aanmelder en de coördinatoren van het ICO krijgen een mail.',
  kinderen: 'Het kind is geregistreerd; de opvolging is bijgewerkt.',
  'consulent-afronding':
    'Het overleg met de consulent over de afronding is geregistreerd; de opvolging is bijgewerkt.',
  risicotaxatie: 'De nieuwe versie van de risicotaxatie is geregistreerd.',
  heropend:
    'Het dossier is heropend: het staat opnieuw bij de aanmelding; de geschiedenis van vóór de heropening blijft bewaard.',
} satisfies Record<string, string>;

/** How the dossier page names the state of an agendapunt. */
export const ITEM_STATUS_LABELS: Record<string, string> = {
  placed: 'gepland',
  rolled_over: 'doorgeschoven',
  withdrawn: 'ingetrokken',
  discussed: 'besproken',
};
