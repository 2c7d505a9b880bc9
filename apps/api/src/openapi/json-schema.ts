import { z } from 'zod';

/**
 * The OpenAPI schema of a request body, from the same zod schema that validates it, so the
 * documentation cannot drift from the checks. `extra` adds properties that are not in the JSON
 * body (a file part of a multipart form).
 */
export function jsonSchemaOf(schema: z.ZodType, extra: Record<string, object> = {}): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  if (Object.keys(extra).length > 0) {
    json.properties = { ...(json.properties as Record<string, unknown> | undefined), ...extra };
  }
  return json;
}
