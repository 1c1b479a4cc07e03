/**
 * One request to the RAM endpoint, from bytes to answer: latency, authentication, JSON,
 * throttling and injected server errors, validation against the model, the client-token
 * ledger, the operation itself, then the answer or a dropped connection, and a call-log
 * entry whatever happened.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError } from "./api-error";
import { authenticate, Caller } from "./authenticate";
import { canonicalJson } from "./canonical-json";
import type { Emulator } from "../emulator";
import { assertValidClientToken, CallResult } from "../model/client-tokens";
import { OPERATIONS } from "../model/operations";
import type { CallLogEntry } from "./call-log";
import { validateInput } from "./input-validation";
import { OperationShape, ramServerErrorFor } from "./ram-schema";
import { encodeJson, parseJsonObject, sendError, sendJson } from "./rest-json";

/** A request body as read: its bytes, or the news that it was over the size cap. */
export interface RequestBody {
    bytes: Buffer;
    tooLarge: boolean;
}

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

    async handle(
        operation: OperationShape,
        req: IncomingMessage,
        res: ServerResponse,
        body: RequestBody,
    ): Promise<void> {
        const { faults } = this.emulator;
        const entry: Omit<CallLogEntry, "sequence" | "time"> = {
            operation: operation.name,
            accountId: null,
            region: null,
            parameters: null,
            outcome: "ok",
            httpStatus: 200,
            stateChanged: false,
            idempotentReplay: false,
            connectionDropped: false,
        };
        try {
            const latency = faults.latencyMs(operation.name);
            if (latency > 0) {
                await sleep(latency);
            }
            if (body.tooLarge) {
                throw new ApiError("RequestEntityTooLargeException", "Request Entity Too Large");
            }
            const signed = {
                method: req.method ?? "",
                rawUrl: req.url ?? "",
                headers: req.headersDistinct,
                body: body.bytes,
            };
            const caller = await authenticate(signed, this.emulator, (region) => (entry.region = region));
            entry.accountId = caller.accountId;
            const input = { ...parseJsonObject(body.bytes), ...queryInput(operation, signed.rawUrl) };
            entry.parameters = input;
            if (!faults.admit(operation.name, performance.now())) {
                throw new ApiError("ThrottlingException", "Rate exceeded");
            }
            const injected = faults.takeServerError(operation.name);
            if (injected !== undefined) {
                throw new ApiError(ramServerErrorFor(injected), "Injected fault: try again later.");
            }
            const injectedError = faults.takeInjectedError(operation.name);
            if (injectedError !== undefined) {
                throw new ApiError(injectedError, `Injected fault: ${injectedError}.`);
            }
            validateInput(operation.input, input);

            const result = this.run(operation, caller, input);
            entry.stateChanged = result.stateChanged;
            entry.idempotentReplay = result.replayed;
            if (result.stateChanged) {
                this.emulator.persist();
            }
            if (faults.takeDropAfterCommit(operation.name)) {
                entry.connectionDropped = true;
                req.socket.destroy();
                return;
            }
            sendJson(res, 200, result.reply);
        } catch (err) {
            const error = err instanceof ApiError ? err : this.internalError(err);
            entry.outcome = error.code;
            entry.httpStatus = error.httpStatus;
            sendError(res, error);
        } finally {
            const logged = this.emulator.callLog.append({ time: this.emulator.clock.isoNow(), ...entry });
            this.log(
                `#${logged.sequence} ${logged.operation} account=${logged.accountId ?? "-"} ` +
                    `region=${logged.region ?? "-"} -> ${logged.outcome} ${logged.httpStatus}` +
                    (logged.connectionDropped ? " (connection dropped)" : ""),
            );
        }
    }

    /** Runs the operation, through the client-token ledger when the operation takes a token. */
    private run(
        operation: OperationShape,
        caller: Caller,
        input: Record<string, unknown>,
    ): CallResult & { replayed: boolean } {
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

    private internalError(err: unknown): ApiError {
        this.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return new ApiError(
            ramServerErrorFor(500),
            "The service could not respond to the request due to an internal problem.",
        );
    }
}
