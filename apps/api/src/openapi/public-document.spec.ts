import type { OpenAPIObject } from '@nestjs/swagger';
import { API_RESOURCES, publicApiDocument } from './public-document';

const doc = (paths: Record<string, unknown>): OpenAPIObject =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }) as OpenAPIObject;

describe('the OpenAPI document integrators get', () => {
  const result = publicApiDocument(
    doc({
      '/api/aanmeldingen': {
        post: { tags: ['agenda'], summary: 'File', requestBody: {}, responses: { 201: {} } },
      },
      '/api/dossiers/{code}': { get: { tags: ['dossiers'], summary: 'One', responses: { 200: {} } } },
      '/api/dossiers': {
        get: { summary: 'List', parameters: [{ in: 'query', name: 'phase' }], responses: { 200: {} } },
      },
      '/dossiers/{code}': { get: { summary: 'A page', responses: { 200: {} } } },
      '/api/docs/openapi.json': { get: { summary: 'Docs', responses: { 200: {} } } },
      '/health': { get: { summary: 'Health', responses: { 200: {} } } },
    }),
  );

  it('leaves out the pages and the docs themselves', () => {
    expect(Object.keys(result.paths)).toEqual([
      '/api/aanmeldingen',
      '/api/dossiers/{code}',
      '/api/dossiers',
      '/health',
    ]);
  });

  it('puts every operation under one resource, the referral under its own', () => {
    expect(result.paths['/api/aanmeldingen']!.post!.tags).toEqual(['aanmelding']);
    expect(result.paths['/api/dossiers']!.get!.tags).toEqual(['dossiers']);
    expect(result.paths['/health']!.get!.tags).toEqual(['systeem']);
    expect(result.tags!.map((t) => t.name)).toEqual(API_RESOURCES.map((r) => r.name));
  });

  it('describes the error answers once and refers to them where they can happen', () => {
    const one = result.paths['/api/dossiers/{code}']!.get!.responses;
    expect(Object.keys(one).sort()).toEqual(['200', '401', '403', '404', '503']);
    const list = result.paths['/api/dossiers']!.get!.responses as Record<string, { content?: unknown }>;
    expect(list['400']!.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/InputError' } },
    });
    expect(list['404']).toBeUndefined();
    expect(Object.keys(result.paths['/health']!.get!.responses).sort()).toEqual(['200', '503']);
    expect(Object.keys(result.components!.schemas!)).toEqual(['Error', 'InputError']);
  });

  it('keeps a response an operation described itself', () => {
    const own = publicApiDocument(
      doc({ '/api/x/{id}': { get: { summary: 's', responses: { 404: { description: 'own' } } } } }),
    );
    expect(own.paths['/api/x/{id}']!.get!.responses['404']).toEqual({ description: 'own' });
  });
});
