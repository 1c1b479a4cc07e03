/**
 * RAM's service model, read from the runtime schema that `@aws-sdk/client-ram` ships.
 *
 * Every wire fact the emulator needs (error names with their HTTP status and fault, each
 * operation's method, path and input shape, which input members are required) comes from
 * here instead of being written by hand, so the emulator answers exactly what the SDK
 * expects, and an SDK upgrade that changes the model changes the emulator with it.
 *
 * The decoding of the SDK's static schemas is sdk-schema.ts's; this file adds what is RAM's own:
 * the served operations, their HTTP bindings and query members, and the server errors by status.
 */
import * as ram from "@aws-sdk/client-ram";
import { ErrorShape, ErrorTable, readOperationSchema, SdkModule, StructureShape, structureSchema } from "./sdk-schema";

export type { ErrorShape, Shape, StructureShape } from "./sdk-schema";

type SdkExports = typeof ram;

const PACKAGE = "@aws-sdk/client-ram";

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

/** One of {@link RAM_OPERATIONS}. */
export type RamOperationName = (typeof RAM_OPERATIONS)[number];

/** What routing and validation need to know about one operation. */
export interface OperationShape {
    name: RamOperationName;
    method: string;
    path: string;
    input: StructureShape;
    /** Input members bound to the query string (`httpQuery`), by query parameter name, e.g. DeleteResourceShare's. */
    queryMembers: Map<string, string>;
}

function readOperation(name: RamOperationName): OperationShape {
    const { traits, input, rawInput } = readOperationSchema(ram as unknown as SdkModule, PACKAGE, name);
    if (!traits.http) {
        throw new Error(`${PACKAGE}'s schema for ${name} lacks an http binding`);
    }
    return { name, method: traits.http[0], path: traits.http[1], input, queryMembers: queryMembersOf(rawInput) };
}

/** The members of an input structure that travel in the query string: query parameter → member. */
function queryMembersOf(ref: unknown): Map<string, string> {
    const schema = structureSchema(ref);
    const members = new Map<string, string>();
    if (!schema) {
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

const errorTable = new ErrorTable(ram as unknown as SdkModule, PACKAGE);

/** RAM's modelled errors by name, straight from the SDK's schema. */
export function ramErrorShape(name: RamErrorName): ErrorShape {
    return errorTable.get(name);
}

/** Every modelled error, for documentation and tests. */
export function allRamErrorShapes(): ErrorShape[] {
    return errorTable.all();
}

/**
 * The modelled server-fault error RAM answers with the given status: 500 is
 * `ServerInternalException` and 503 `ServiceUnavailableException` in the current model.
 */
export function ramServerErrorFor(httpStatus: 500 | 503): RamErrorName {
    const shape = errorTable.all().find((e) => e.fault === "server" && e.httpStatus === httpStatus);
    if (!shape) {
        throw new Error(`${PACKAGE}'s schema declares no server error with status ${httpStatus}`);
    }
    return shape.name as RamErrorName;
}

/** The served operations, by name. */
export const RAM_OPERATION_SHAPES: ReadonlyMap<RamOperationName, OperationShape> = new Map(
    RAM_OPERATIONS.map((name) => [name, readOperation(name)]),
);
