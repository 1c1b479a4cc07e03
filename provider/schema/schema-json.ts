/**
 * The Pulumi package schema's JSON for the property tables of ./property-types.ts: each property,
 * each named type, and the named types a set of tables refers to (so a new `ref` needs no list).
 */
import type { EnumType, ObjectType, PropertySpec, PropertyTable, ValueSpec } from "./property-types";
import { requiredNames } from "./property-types";

export interface ValueJson {
    type?: string;
    items?: ValueJson;
    additionalProperties?: ValueJson;
    $ref?: string;
}

export interface PropertyJson extends ValueJson {
    description: string;
    secret?: true;
}

export interface ObjectTypeJson {
    type: "object";
    description: string;
    properties: Record<string, PropertyJson>;
    required?: string[];
}

export interface EnumTypeJson {
    type: "string";
    description: string;
    enum: { value: string; description: string }[];
}

export type TypeJson = ObjectTypeJson | EnumTypeJson;

function valueJson(spec: ValueSpec): ValueJson {
    switch (spec.type) {
        case "array":
            return { type: "array", items: valueJson(spec.items) };
        case "map":
            return { type: "object", additionalProperties: valueJson(spec.values) };
        case "ref":
            return { $ref: `#/types/${spec.to.token}` };
        default:
            return { type: spec.type };
    }
}

function propertyJson(spec: PropertySpec): PropertyJson {
    return { ...valueJson(spec), ...(spec.secret === true && { secret: true }), description: spec.description };
}

export function propertiesJson(table: PropertyTable): Record<string, PropertyJson> {
    return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, propertyJson(spec)]));
}

/** The schema's `required` (or `requiredInputs`) list of a table: absent when nothing is required. */
export function requiredJson<K extends "required" | "requiredInputs">(
    key: K,
    table: PropertyTable,
): { [P in K]?: string[] } {
    const names = requiredNames(table);
    return names.length === 0 ? {} : ({ [key]: names } as { [P in K]: string[] });
}

function typeJson(type: ObjectType | EnumType): TypeJson {
    if ("values" in type) {
        return { type: "string", description: type.description, enum: type.values.map((entry) => ({ ...entry })) };
    }
    return {
        type: "object",
        description: type.description,
        properties: propertiesJson(type.properties),
        ...requiredJson("required", type.properties),
    };
}

/** Every named type the tables refer to, directly or through another named type, by token. */
export function typesJson(tables: readonly PropertyTable[]): Record<string, TypeJson> {
    return Object.fromEntries(namedTypes(tables).map((type) => [type.token, typeJson(type)]));
}

/** The named types the tables refer to, directly or through another named type, ordered by token. */
export function namedTypes(tables: readonly PropertyTable[]): (ObjectType | EnumType)[] {
    const found = new Map<string, ObjectType | EnumType>();
    const visit = (spec: ValueSpec): void => {
        if (spec.type === "array") {
            visit(spec.items);
        } else if (spec.type === "map") {
            visit(spec.values);
        } else if (spec.type === "ref" && !found.has(spec.to.token)) {
            found.set(spec.to.token, spec.to);
            if ("properties" in spec.to) {
                Object.values(spec.to.properties).forEach(visit);
            }
        }
    };
    tables.forEach((table) => Object.values(table).forEach(visit));
    return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([, type]) => type);
}
