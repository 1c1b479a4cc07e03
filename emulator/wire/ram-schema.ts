/**
 * RAM's service model, read from the runtime schema that `@aws-sdk/client-ram` ships.
 *
 * Every wire fact the emulator needs (error names with their HTTP status and fault, each
 * operation's method, path and input shape, which input members are required) comes from
 * here instead of being written by hand, so the emulator answers exactly what the SDK
 * expects, and an SDK upgrade that changes the model changes the emulator with it.
 *
 * The SDK encodes its model as "static schemas" (see `@smithy/types` `StaticSchema`):
 * tuples whose first element says what they are. Only the subset RAM uses is decoded.
 */
import * as ram from "@aws-sdk/client-ram";

type SdkExports = typeof ram;

/**
 * The names of the errors RAM's model declares, e.g.
 * `ResourceShareInvitationAlreadyRejectedException`: exactly the SDK's error classes, so a
 * misspelt name fails to compile.
 */
export type RamErrorName = Exclude<
    {
        [K in keyof SdkExports]: SdkExports[K] extends new (...args: never[]) => ram.RAMServiceException ? K : never;
    }[keyof SdkExports],
    "RAMServiceException"
>;

/** The operations the emulator serves, named like the SDK's commands without `Command`. */
export const RAM_OPERATIONS = [
    "CreateResourceShare",
    "GetResourceShares",
    "GetResourceShareInvitations",
    "AcceptResourceShareInvitation",
    "RejectResourceShareInvitation",
    "ListResources",
    "ListPendingInvitationResources",
    "DisassociateResourceShare",
    "DeleteResourceShare",
] as const;

/** The operations that change state: a preview, or an update with nothing to do, makes none of them. */
export const RAM_WRITE_OPERATIONS: readonly RamOperationName[] = [
    "CreateResourceShare",
    "AcceptResourceShareInvitation",
    "RejectResourceShareInvitation",
    "DisassociateResourceShare",
    "DeleteResourceShare",
];

/** One of {@link RAM_OPERATIONS}. */
export type RamOperationName = (typeof RAM_OPERATIONS)[number];

/** How an error travels: its HTTP status and whose fault it is. */
export interface ErrorShape {
    name: string;
    httpStatus: number;
    fault: "client" | "server";
}

/** The JSON type a member must have, as far as request validation cares. */
export type Shape =
    | { kind: "string" | "number" | "boolean" | "timestamp" | "unchecked" }
    | { kind: "list"; member: Shape }
    | StructureShape;

/** A structure: its members and which of them the model marks required. */
export interface StructureShape {
    kind: "structure";
    name: string;
    members: Map<string, Shape>;
    required: string[];
}

/** What routing and validation need to know about one operation. */
export interface OperationShape {
    name: RamOperationName;
    method: string;
    path: string;
    input: StructureShape;
    /** Input members bound to the query string (`httpQuery`), by query parameter name, e.g. DeleteResourceShare's. */
    queryMembers: Map<string, string>;
}

// Static schema ids and simple-type codes, from @smithy/types (static-schemas.d.ts, sentinels.d.ts).
const SCHEMA_ID = { simple: 0, list: 1, struct: 3, error: -3, operation: 9 } as const;
const SIMPLE = { string: 0, numeric: 1, boolean: 2, timestampFirst: 4, timestampLast: 7 } as const;
const LIST_MODIFIER = 0b0100_0000;
const MAP_MODIFIER = 0b1000_0000;

function exported(name: string): unknown {
    return (ram as unknown as Record<string, unknown>)[name];
}

function isStaticSchema(value: unknown): value is unknown[] {
    // A static schema tuple is [id, namespace, name, ...]; a member tuple is [schemaRef, traits].
    return Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string";
}

function simpleShape(code: number): Shape {
    if (code & MAP_MODIFIER) {
        return { kind: "unchecked" };
    }
    if (code & LIST_MODIFIER) {
        return { kind: "list", member: simpleShape(code & ~LIST_MODIFIER) };
    }
    if (code === SIMPLE.string) {
        return { kind: "string" };
    }
    if (code === SIMPLE.numeric) {
        return { kind: "number" };
    }
    if (code === SIMPLE.boolean) {
        return { kind: "boolean" };
    }
    if (code >= SIMPLE.timestampFirst && code <= SIMPLE.timestampLast) {
        return { kind: "timestamp" };
    }
    return { kind: "unchecked" };
}

const structureCache = new Map<unknown[], StructureShape>();

function structureShape(schema: unknown[]): StructureShape {
    const cached = structureCache.get(schema);
    if (cached) {
        return cached;
    }
    const names = schema[4] as string[];
    const refs = schema[5] as unknown[];
    // The generator puts required members first and stores their count as the 7th element.
    const requiredCount = typeof schema[6] === "number" ? schema[6] : 0;
    const shape: StructureShape = {
        kind: "structure",
        name: schema[2] as string,
        members: new Map(),
        required: names.slice(0, requiredCount),
    };
    structureCache.set(schema, shape); // before the members, so a recursive shape terminates
    names.forEach((member, i) => shape.members.set(member, shapeOf(refs[i])));
    return shape;
}

/** Decodes one of the SDK's schema references (a code, a tuple or a thunk) into a {@link Shape}. */
function shapeOf(ref: unknown): Shape {
    if (typeof ref === "function") {
        return shapeOf(ref());
    }
    if (typeof ref === "number") {
        return simpleShape(ref);
    }
    if (!Array.isArray(ref)) {
        return { kind: "unchecked" };
    }
    if (!isStaticSchema(ref)) {
        return shapeOf(ref[0]);
    }
    switch (ref[0]) {
        case SCHEMA_ID.simple:
            return shapeOf(ref[4]);
        case SCHEMA_ID.list:
            return { kind: "list", member: shapeOf(ref[4]) };
        case SCHEMA_ID.struct:
        case SCHEMA_ID.error:
            return structureShape(ref);
        default:
            return { kind: "unchecked" };
    }
}

function readErrorTable(): Map<string, ErrorShape> {
    const table = new Map<string, ErrorShape>();
    for (const [key, value] of Object.entries(ram)) {
        if (!key.endsWith("$") || !isStaticSchema(value) || value[0] !== SCHEMA_ID.error) {
            continue;
        }
        const traits = value[3] as { error?: "client" | "server"; httpError?: number };
        if (traits.error === undefined || traits.httpError === undefined) {
            continue;
        }
        const name = value[2] as string;
        table.set(name, { name, httpStatus: traits.httpError, fault: traits.error });
    }
    return table;
}

function readOperation(name: RamOperationName): OperationShape {
    const schema = exported(`${name}$`);
    if (!isStaticSchema(schema) || schema[0] !== SCHEMA_ID.operation) {
        throw new Error(`@aws-sdk/client-ram has no operation schema for ${name}`);
    }
    const http = (schema[3] as { http?: [string, string, number] }).http;
    const input = shapeOf(schema[4]);
    if (!http || input.kind !== "structure") {
        throw new Error(`@aws-sdk/client-ram's schema for ${name} lacks an http binding or an input structure`);
    }
    return { name, method: http[0], path: http[1], input, queryMembers: queryMembersOf(schema[4]) };
}

/** The members of an input structure that travel in the query string: query parameter → member. */
function queryMembersOf(ref: unknown): Map<string, string> {
    const schema = typeof ref === "function" ? ref() : ref;
    const members = new Map<string, string>();
    if (!isStaticSchema(schema) || schema[0] !== SCHEMA_ID.struct) {
        return members;
    }
    const names = schema[4] as string[];
    const refs = schema[5] as unknown[];
    names.forEach((member, i) => {
        const traits = Array.isArray(refs[i]) ? (refs[i] as unknown[])[1] : undefined;
        const query = (traits as { httpQuery?: string } | undefined)?.httpQuery;
        if (query !== undefined) {
            members.set(query, member);
        }
    });
    return members;
}

const errorTable = readErrorTable();

/** RAM's modelled errors by name, straight from the SDK's schema. */
export function ramErrorShape(name: RamErrorName): ErrorShape {
    const shape = errorTable.get(name);
    if (!shape) {
        throw new Error(`@aws-sdk/client-ram's schema declares no error ${name}`);
    }
    return shape;
}

/** Every modelled error, for documentation and tests. */
export function allRamErrorShapes(): ErrorShape[] {
    return [...errorTable.values()];
}

/**
 * The modelled server-fault error RAM answers with the given status: 500 is
 * `ServerInternalException` and 503 `ServiceUnavailableException` in the current model.
 */
export function ramServerErrorFor(httpStatus: 500 | 503): RamErrorName {
    const shape = [...errorTable.values()].find((e) => e.fault === "server" && e.httpStatus === httpStatus);
    if (!shape) {
        throw new Error(`@aws-sdk/client-ram's schema declares no server error with status ${httpStatus}`);
    }
    return shape.name as RamErrorName;
}

/** The served operations, by name. */
export const RAM_OPERATION_SHAPES: ReadonlyMap<RamOperationName, OperationShape> = new Map(
    RAM_OPERATIONS.map((name) => [name, readOperation(name)]),
);
