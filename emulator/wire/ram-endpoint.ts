/**
 * RAM's side of a request (the steps every served call takes are service-call.ts's): restJson1
 * bodies and query members, RAM's error names, and the client-token ledger around the operations
 * that take a token.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./api-error";
import type { Caller } from "./authenticate";
import { canonicalJson } from "./canonical-json";
import type { Emulator } from "../emulator";
import { assertValidClientToken, CallResult } from "../model/client-tokens";
import { OPERATIONS } from "../model/operations";
import { validateInput } from "./input-validation";
import { OperationShape, ramServerErrorFor } from "./ram-schema";
import { encodeJson, parseJsonObject, sendError, sendJson } from "./rest-json";
import { RequestBody, serveCall, ServedResult, ServiceProtocol } from "./service-call";

export type { RequestBody } from "./service-call";

/** The input members an operation takes from the query string (as DeleteResourceShare does), by member name. */
function queryInput(operation: OperationShape, rawUrl: string): Record<string, string> {
    const query = new URL(rawUrl, "http://emulator").searchParams;
    const input: Record<string, string> = {};
    for (const [parameter, member] of operation.queryMembers) {
        const value = query.get(parameter);
        if (value !== null) {
            input[member] = value;
        }
    }
    return input;
}

/** Serves RAM's operations over the emulator's state. */
export class RamEndpoint {
    constructor(
        private readonly emulator: Emulator,
        private readonly log: (line: string) => void,
    ) {}

    handle(operation: OperationShape, req: IncomingMessage, res: ServerResponse, body: RequestBody): Promise<void> {
        const protocol: ServiceProtocol = {
            service: "ram",
            operation: operation.name,
            nextTokenMember: "nextToken",
            parseInput: (bytes, rawUrl) => ({ ...parseJsonObject(bytes), ...queryInput(operation, rawUrl) }),
            validate: (input) => validateInput(operation.input, input),
            run: (caller, input) => this.run(operation, caller, input),
            throttlingError: () => new ApiError("ThrottlingException", "Rate exceeded"),
            serverError: (status) => new ApiError(ramServerErrorFor(status), "Injected fault: try again later."),
            internalError: () =>
                new ApiError(
                    ramServerErrorFor(500),
                    "The service could not respond to the request due to an internal problem.",
                ),
            sendReply: (response, reply) => sendJson(response, 200, reply),
            sendError,
        };
        return serveCall(this.emulator, protocol, req, res, body, this.log);
    }

    /** Runs the operation, through the client-token ledger when the operation takes a token. */
    private run(operation: OperationShape, caller: Caller, input: Record<string, unknown>): ServedResult {
        const execute = (clientToken?: string): CallResult => {
            // The input was checked against the operation's shape, so it can be read with the SDK's request type.
            const { reply, stateChanged } = OPERATIONS[operation.name](input as never, {
                caller,
                store: this.emulator.store,
                associationStalls: () => this.emulator.faults.takeStalledAssociation(operation.name),
            });
            return { reply: encodeJson(clientToken === undefined ? reply : { ...reply, clientToken }), stateChanged };
        };
        if (!operation.input.members.has("clientToken")) {
            return { ...execute(), replayed: false };
        }

        const given = input.clientToken as string | undefined;
        if (given !== undefined) {
            assertValidClientToken(given);
        }
        // Without a token RAM makes one up and returns it, so that one can be used to repeat the call.
        const clientToken = given ?? randomUUID();
        const scope = { accountId: caller.accountId, region: caller.region, operation: operation.name, clientToken };
        const parameters = canonicalJson({ ...input, clientToken: undefined });
        return this.emulator.ledger.runOnce(scope, parameters, () => execute(clientToken));
    }
}
