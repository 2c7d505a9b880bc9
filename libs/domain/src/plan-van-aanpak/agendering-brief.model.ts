/**
 * What the casusregisseur says when agendering (annexes F and G, "leidraad bij agendering"):
 * why now, which domains, the safety agreements, whether every child over 12 was heard (and if
 * not, how it will be), and for an afronding the goals of the plan reached and the three goals of
 * CO3 (guide I.B). The question to the table is the agenda item's own question. Which item types
 * ask which kind is the region's configuration (ItemTypeDefinition.agenderingBrief).
 */
export type AgenderingBriefKind = 'bespreking' | 'afronding' | 'toelichting';

/**
 * `bespreking` (a plan van aanpak at the Weegploeg, annex G step 1) and `afronding` (annex G,
 * part 3) must be answered; `toelichting` (the Ronde Tafel, annex F) asks the same questions and
 * keeps what is answered.
 */
export const BRIEF_REQUIRED: Readonly<Record<AgenderingBriefKind, boolean>> = {
  bespreking: true,
  afronding: true,
  toelichting: false,
};

export const CHILDREN_HEARD_ANSWERS = ['ja', 'nee', 'geen-kinderen'] as const;
export type ChildrenHeardAnswer = (typeof CHILDREN_HEARD_ANSWERS)[number];

export interface AgenderingBrief {
  readonly kind: AgenderingBriefKind;
  readonly whyNow?: string;
  /** Domain keys of the region's risk instrument the question is about. */
  readonly domains: readonly string[];
  readonly safetyAgreements?: string;
  readonly childrenOver12Heard?: ChildrenHeardAnswer;
  /** When not every child over 12 was heard: how it will still be done. */
  readonly childrenNotHeardPlan?: string;
  /** A method (OASE …) or an outside expertise the casusregisseur wants at the table. */
  readonly methodOrExpertise?: string;
  /** Afronding: the goals of the plan van aanpak reached. */
  readonly goalsReached?: string;
  /** Afronding, the three goals of CO3: the violence stopped … */
  readonly violenceStopped?: string;
  /** … its recurrence prevented … */
  readonly recurrencePrevented?: string;
  /** … risk factors reduced or protective factors grown. */
  readonly riskFactorsReduced?: string;
}

/** The Dutch questions of the brief, in the order the form and the agenda item show them. */
export const AGENDERING_BRIEF_LABELS: Readonly<Record<Exclude<keyof AgenderingBrief, 'kind'>, string>> = {
  whyNow: 'Waarom nu?',
  domains: 'Over welk(e) domein(en) gaat het?',
  safetyAgreements: 'Veiligheidsplan en veiligheidsafspraken',
  childrenOver12Heard: 'Werden alle kinderen ouder dan 12 jaar gehoord?',
  childrenNotHeardPlan: 'Zo niet: hoe gebeurt het alsnog?',
  methodOrExpertise: 'Methodiek of externe expertise voor de bespreking',
  goalsReached: 'Welke doelstellingen van het plan van aanpak werden bereikt?',
  violenceStopped: 'Het geweld is gestopt',
  recurrencePrevented: 'Herhaling wordt voorkomen',
  riskFactorsReduced: 'Risicofactoren verminderd, beschermende factoren vergroot',
};

export const CHILDREN_HEARD_LABELS: Readonly<Record<ChildrenHeardAnswer, string>> = {
  ja: 'Ja, allemaal',
  nee: 'Nee, nog niet allemaal',
  'geen-kinderen': 'Er zijn geen kinderen ouder dan 12 jaar',
};
