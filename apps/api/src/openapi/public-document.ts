import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: { in?: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
};

/**
 * The resources of the API, in the order an integrator meets them, each with what it is about.
 * Every documented operation carries exactly one of these tags.
 */
export const API_RESOURCES: readonly { name: string; description: string }[] = [
  { name: 'aanmelding', description: 'Een gezin aanmelden voor het ICO (verkennend casusoverleg).' },
  {
    name: 'dossiers',
    description:
      'De dossiers die u mag inzien, een voor een of als lijst met filters, en wat de casusregisseur erin vastlegt.',
  },
  {
    name: 'agenda',
    description:
      'Tafels, zittingen en hun agenda’s: agenderen, plaatsen, verschuiven, beslissen, documenten.',
  },
  { name: 'voorbereiding', description: 'Wat de partners voor een agendapunt voorbereiden en delen.' },
  {
    name: 'plan van aanpak',
    description: 'Het plan van aanpak van een dossier, zijn versies en hun verschil.',
  },
  { name: 'verslag', description: 'Aanwezigheden, verslag en actiepunten van een zitting.' },
  { name: 'opvolging', description: 'De opvolgingstaken en hun termijnen.' },
  {
    name: 'beheer',
    description:
      'Voor de beheerder van een regio: personen, organisaties, rollen, plaatsen aan de tafels en gesloten periodes; elke wijziging met haar reden in het auditlogboek.',
  },
  { name: 'mail', description: 'De uitgaande mail: testmail, status, mislukte mails opnieuw versturen.' },
  { name: 'account', description: 'Wie u bent, uw rechten en uw agenda-abonnement.' },
  { name: 'systeem', description: 'Gezondheid van de dienst.' },
];

/** Where an untagged operation belongs, by the start of its path. */
const TAG_BY_PATH: readonly [RegExp, string][] = [
  [/^\/api\/dossiers/, 'dossiers'],
  [/^\/api\/(tables|sessions|agenda|agenderingen|agenda-items|documents|closed-periods)/, 'agenda'],
  [/^\/api\/beheer/, 'beheer'],
  [/^\/api\/(admin\/mail|outbox|failed-mails|mails)/, 'mail'],
  [/^\/api\/(me|calendar|agenda-abonnement)/, 'account'],
  [/^\/health/, 'systeem'],
];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 404 },
    code: { type: 'string', description: 'A stable code of the refusal', example: 'DOSSIER_NOT_FOUND' },
    message: { type: 'string', description: 'In Dutch, for the person', example: 'Dossier niet gevonden.' },
    field: { type: 'string', description: 'The first field the refusal is about', example: 'itemType' },
  },
};

const INPUT_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message', 'errors'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    field: { type: 'string', example: 'phase' },
    code: { type: 'string', example: 'INVALID_VALUE' },
    message: { type: 'string', example: 'Fase: kies een van de fasen uit de lijst.' },
    errors: {
      type: 'array',
      description: 'Every field in error at once, each with its Dutch message',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', example: 'phase' },
          code: { type: 'string', example: 'INVALID_VALUE' },
          message: { type: 'string', example: 'Fase: kies een van de fasen uit de lijst.' },
        },
      },
    },
  },
};

const errorResponse = (description: string, schema = '#/components/schemas/Error') => ({
  description,
  content: { 'application/json': { schema: { $ref: schema } } },
});

/**
 * The document integrators get: the JSON API only (the server-rendered pages and the docs
 * themselves left out), every operation under one resource tag, and the error answers every
 * operation can give described once and referenced: 400 with every field in error, 401 without a
 * session, 403 without the role or the CSRF token, 404 for "not found or not yours" where the path
 * names something, 429 when a limit is reached, 503 while the database is away.
 */
export function publicApiDocument(doc: OpenAPIObject): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!(path.startsWith('/api/') || path === '/health') || path.startsWith('/api/docs')) continue;
    const kept: Record<string, Operation> = {};
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      // A referral is its own resource, though its controller is the agenda's.
      const tag = path.startsWith('/api/aanmeldingen')
        ? 'aanmelding'
        : (op.tags?.find((t) => API_RESOURCES.some((r) => r.name === t)) ??
          TAG_BY_PATH.find(([re]) => re.test(path))?.[1] ??
          'systeem');
      const responses = { ...(op.responses ?? {}) };
      const hasInput = !!op.requestBody || (op.parameters ?? []).some((p) => p.in === 'query');
      const add = (status: string, response: unknown) => {
        if (!(status in responses)) responses[status] = response;
      };
      if (hasInput)
        add(
          '400',
          errorResponse(
            'Bad input: every field in error with its Dutch message',
            '#/components/schemas/InputError',
          ),
        );
      if (path !== '/health') {
        add('401', errorResponse('No session: log in first'));
        add('403', errorResponse('Not your role, or a change without the CSRF token'));
      }
      if (path.includes('{')) add('404', errorResponse('Not found, or not yours: the same answer'));
      add('503', errorResponse('The database is unavailable; try again shortly'));
      kept[method] = { ...op, tags: [tag], responses };
    }
    if (Object.keys(kept).length > 0) paths[path] = kept;
  }
  return {
    ...doc,
    tags: [...API_RESOURCES],
    paths,
    components: {
      ...doc.components,
      schemas: { ...(doc.components?.schemas ?? {}), Error: ERROR_SCHEMA, InputError: INPUT_ERROR_SCHEMA },
    },
  };
}
