/**
 * The service models the AWS SDK ships, decoded: every `@aws-sdk/client-*` package carries its
 * model as "static schemas" (see `@smithy/types` `StaticSchema`), tuples whose first element says
 * what they are. Only the subset the emulated services use is decoded: errors with their HTTP
 * status and fault, and each operation's traits and input shape (which members are required, and
 * the JSON type of each). Reading these instead of writing them by hand keeps the emulator's
 * answers exactly what the SDK expects, through SDK upgrades too.
 */

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

/** An operation as its schema gives it: its traits (e.g. an `http` binding), its input shape, its raw input. */
export interface OperationSchema {
    traits: { http?: [string, string, number] };
    input: StructureShape;
    rawInput: unknown;
}

/** An SDK package's exports, where the schemas are found by name (`<Name>$`). */
export type SdkModule = Record<string, unknown>;

// Static schema ids and simple-type codes, from @smithy/types (static-schemas.d.ts, sentinels.d.ts).
const SCHEMA_ID = { simple: 0, list: 1, struct: 3, error: -3, operation: 9 } as const;
const SIMPLE = { string: 0, numeric: 1, boolean: 2, timestampFirst: 4, timestampLast: 7 } as const;
const LIST_MODIFIER = 0b0100_0000;
const MAP_MODIFIER = 0b1000_0000;

/** Whether `value` is a static schema tuple (`[id, namespace, name, ...]`), not a member one (`[ref, traits]`). */
export function isStaticSchema(value: unknown): value is unknown[] {
    return Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string";
}

/** A structure's schema itself, where the SDK may hand a thunk. */
export function structureSchema(ref: unknown): unknown[] | undefined {
    const schema = typeof ref === "function" ? (ref as () => unknown)() : ref;
    return isStaticSchema(schema) && schema[0] === SCHEMA_ID.struct ? schema : undefined;
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
        return shapeOf((ref as () => unknown)());
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

/** The errors a package's model declares with a status. */
export class ErrorTable {
    private readonly byName: Map<string, ErrorShape>;

    constructor(
        sdk: SdkModule,
        private readonly packageName: string,
    ) {
        this.byName = readErrorTable(sdk);
    }

    /** The error of that name; its absence is a bug of the emulator (a name the model dropped). */
    get(name: string): ErrorShape {
        const shape = this.byName.get(name);
        if (!shape) {
            throw new Error(`${this.packageName}'s schema declares no error ${name}`);
        }
        return shape;
    }

    all(): ErrorShape[] {
        return [...this.byName.values()];
    }
}

/** Every error the package's model declares with a status, by name. */
function readErrorTable(sdk: SdkModule): Map<string, ErrorShape> {
    const table = new Map<string, ErrorShape>();
    for (const [key, value] of Object.entries(sdk)) {
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

const EMPTY_INPUT: StructureShape = { kind: "structure", name: "Unit", members: new Map(), required: [] };

/** One operation's schema from the package; `packageName` only names it in the error when it is missing. */
export function readOperationSchema(sdk: SdkModule, packageName: string, name: string): OperationSchema {
    const schema = sdk[`${name}$`];
    if (!isStaticSchema(schema) || schema[0] !== SCHEMA_ID.operation) {
        throw new Error(`${packageName} has no operation schema for ${name}`);
    }
    // An operation without input (DescribeOrganization) names Smithy's unit type, "unit".
    const rawInput = typeof schema[4] === "function" ? (schema[4] as () => unknown)() : schema[4];
    const input = rawInput === "unit" ? EMPTY_INPUT : shapeOf(rawInput);
    if (input.kind !== "structure") {
        throw new Error(`${packageName}'s schema for ${name} lacks an input structure`);
    }
    return { traits: schema[3] as OperationSchema["traits"], input, rawInput };
}
