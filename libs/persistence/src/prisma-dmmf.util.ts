import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';

/**
 * The parts of Prisma's DMMF (datamodel section, as produced by @prisma/prisma-schema-wasm's
 * get_dmmf) that the schema-consistency test reads. For tests and tooling only.
 */
export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | null | undefined;

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string;
  dbName?: string;
  fields: { name: string }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

export function readDatamodel(schemaPath: string): Datamodel {
  const prismaSchema = readFileSync(schemaPath, 'utf8');
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as { datamodel: Datamodel };
  return dmmf.datamodel;
}

export function schemaPath(root: string): string {
  return path.join(root, 'prisma', 'schema.prisma');
}

export const tableName = (model: DmmfModel): string => model.dbName ?? model.name;
export const columnName = (field: DmmfField): string => field.dbName ?? field.name;
export const enumTypeName = (e: DmmfEnum): string => e.dbName ?? e.name;
export const enumDbValues = (e: DmmfEnum): string[] => e.values.map((v) => v.dbName ?? v.name);

export function columnOf(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
  return columnName(field);
}

/** Scalar and enum fields: the ones that are columns. */
export function columnFields(model: DmmfModel): DmmfField[] {
  return model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
}

/**
 * The PostgreSQL type (information_schema `udt_name`) a field maps to, and for timestamps the
 * fractional-second precision.
 */
export function expectedColumnType(
  field: DmmfField,
  enums: DmmfEnum[],
): { udtName: string; precision?: number } {
  if (field.kind === 'enum') {
    const e = enums.find((x) => x.name === field.type);
    if (!e) throw new Error(`unknown enum ${field.type}`);
    return { udtName: enumTypeName(e) };
  }
  const [native, args] = field.nativeType ?? [undefined, []];
  switch (field.type) {
    case 'String':
      return {
        udtName:
          (
            { Uuid: 'uuid', Citext: 'citext', VarChar: 'varchar', Char: 'bpchar', Text: 'text' } as Record<
              string,
              string
            >
          )[native ?? 'Text'] ?? `unsupported String @db.${native}`,
      };
    case 'Int':
      return { udtName: 'int4' };
    case 'BigInt':
      return { udtName: 'int8' };
    case 'Boolean':
      return { udtName: 'bool' };
    case 'Float':
      return { udtName: 'float8' };
    case 'Decimal':
      return { udtName: 'numeric' };
    case 'Bytes':
      return { udtName: 'bytea' };
    case 'Json':
      return { udtName: 'jsonb' };
    case 'DateTime':
      if (native === 'Date') return { udtName: 'date' };
      if (native === 'Timestamptz') return { udtName: 'timestamptz', precision: Number(args[0] ?? 6) };
      if (native === 'Timestamp') return { udtName: 'timestamp', precision: Number(args[0] ?? 6) };
      return { udtName: 'timestamp', precision: 3 };
    default:
      return { udtName: `unsupported ${field.type}` };
  }
}

/** Prisma's referential-action names as pg_constraint.confdeltype / confupdtype letters. */
export const REFERENTIAL_ACTION_CODE: Record<string, string> = {
  NoAction: 'a',
  Restrict: 'r',
  Cascade: 'c',
  SetNull: 'n',
  SetDefault: 'd',
};

/** Prisma's defaults when a relation does not say: SetNull for optional, Restrict for required. */
export function onDeleteOf(model: DmmfModel, relation: DmmfField): string {
  if (relation.relationOnDelete) return relation.relationOnDelete;
  const optional = (relation.relationFromFields ?? []).some(
    (f) => !model.fields.find((x) => x.name === f)?.isRequired,
  );
  return optional ? 'SetNull' : 'Restrict';
}

export function onUpdateOf(relation: DmmfField): string {
  return relation.relationOnUpdate ?? 'Cascade';
}

/**
 * The column default PostgreSQL should report for a field, normalised, or undefined when the
 * column must have none. uuid()/cuid()/nanoid() defaults are generated by the client and put no
 * constraint on the database.
 */
export function expectedColumnDefault(
  field: DmmfField,
  enums: DmmfEnum[],
): string | undefined | 'client-side' {
  if (!field.hasDefaultValue) return undefined;
  const d = field.default;
  if (d !== null && typeof d === 'object') {
    switch (d.name) {
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'autoincrement':
        return 'nextval';
      case 'dbgenerated':
        return String(d.args[0]);
      default:
        return 'client-side';
    }
  }
  if (typeof d === 'boolean' || typeof d === 'number') return String(d);
  if (field.kind === 'enum') {
    const e = enums.find((x) => x.name === field.type)!;
    const v = e.values.find((x) => x.name === d);
    return `'${v?.dbName ?? v?.name ?? String(d)}'::${enumTypeName(e)}`;
  }
  if (field.type === 'Json') return `'${String(d)}'::jsonb`;
  return `'${String(d)}'::text`;
}

/** PostgreSQL's rendering of a column default, made comparable with expectedColumnDefault. */
export function normaliseColumnDefault(columnDefault: string | null): string | undefined {
  if (columnDefault === null) return undefined;
  if (columnDefault.startsWith('nextval(')) return 'nextval';
  return columnDefault.replace(/::"?([a-z_0-9]+)"?/g, '::$1');
}
