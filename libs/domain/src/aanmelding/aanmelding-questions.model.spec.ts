import {
  AanmeldingQuestion,
  aanmeldingQuestionProblems,
  regionAnswersOf,
  shownRegionAnswers,
} from './aanmelding-questions.model';

const QUESTIONS: AanmeldingQuestion[] = [
  {
    key: 'criteria',
    label: 'Aan welke criteria voldoet de situatie?',
    kind: 'keuze',
    multiple: true,
    required: true,
    options: [
      { key: 'complex', label: 'Complex' },
      { key: 'vast', label: 'Vastgelopen' },
      { key: 'partners', label: 'Partners nodig' },
    ],
  },
  {
    key: 'pleger',
    label: 'Is de pleger geïnformeerd?',
    kind: 'keuze',
    multiple: false,
    required: true,
    options: [
      { key: 'ja', label: 'Ja' },
      { key: 'nee', label: 'Nee' },
    ],
  },
  { key: 'noden', label: 'Wensen en noden', kind: 'tekst', required: false, maxLength: 20 },
];

describe("a region's own aanmelding questions", () => {
  it('takes the answers in the order the form offers the options, trimmed, leaving blanks out', () => {
    expect(
      regionAnswersOf(QUESTIONS, {
        criteria: ['partners', 'complex', 'complex'],
        pleger: 'nee',
        noden: '  rust  ',
      }),
    ).toEqual({ answers: { criteria: ['complex', 'partners'], pleger: 'nee', noden: 'rust' }, problems: [] });
    expect(regionAnswersOf(QUESTIONS, { criteria: 'vast', pleger: 'ja', noden: '   ' })).toEqual({
      answers: { criteria: ['vast'], pleger: 'ja' },
      problems: [],
    });
  });

  it('names every problem at once, by question, in Dutch', () => {
    expect(
      regionAnswersOf(QUESTIONS, {
        criteria: ['anders'],
        pleger: ['ja', 'nee'],
        noden: 'x'.repeat(21),
        extra: 'y',
      }).problems,
    ).toEqual([
      {
        field: 'regionAnswers.extra',
        message: 'Deze vraag staat niet op het aanmeldingsformulier van de regio.',
      },
      {
        field: 'regionAnswers.criteria',
        message: 'Aan welke criteria voldoet de situatie?: kies uit de lijst.',
      },
      {
        field: 'regionAnswers.pleger',
        message: 'Is de pleger geïnformeerd?: kies één antwoord uit de lijst.',
      },
      { field: 'regionAnswers.noden', message: 'Wensen en noden: hoogstens 20 tekens.' },
    ]);
  });

  it('asks for what is required, and lets an optional question be left open', () => {
    expect(regionAnswersOf(QUESTIONS, {})).toEqual({
      answers: {},
      problems: [
        {
          field: 'regionAnswers.criteria',
          message: 'Aan welke criteria voldoet de situatie?: kies uit de lijst.',
        },
        {
          field: 'regionAnswers.pleger',
          message: 'Is de pleger geïnformeerd?: kies één antwoord uit de lijst.',
        },
      ],
    });
    expect(
      regionAnswersOf([{ ...QUESTIONS[2]!, required: true } as AanmeldingQuestion], {}).problems,
    ).toEqual([{ field: 'regionAnswers.noden', message: 'Wensen en noden: vul dit in.' }]);
  });

  it('shows the answers with the labels of the questions and options', () => {
    expect(shownRegionAnswers(QUESTIONS, { criteria: ['complex', 'partners'], noden: 'rust' })).toEqual([
      { label: 'Aan welke criteria voldoet de situatie?', answer: 'Complex; Partners nodig' },
      { label: 'Wensen en noden', answer: 'rust' },
    ]);
  });

  it('finds what is wrong with a set of questions', () => {
    expect(aanmeldingQuestionProblems(QUESTIONS)).toEqual([]);
    expect(
      aanmeldingQuestionProblems([
        QUESTIONS[2]!,
        QUESTIONS[2]!,
        { key: 'Leeg', label: ' ', kind: 'keuze', multiple: false, required: true, options: [] },
      ]),
    ).toEqual([
      'aanmelding question noden appears twice',
      'aanmelding question key "Leeg" is not lower-case-with-dashes',
      'aanmelding question Leeg has no label',
      'aanmelding question Leeg offers no options',
    ]);
  });
});
