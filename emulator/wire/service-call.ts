/**
 * One request to an operation of RAM or Organizations, from bytes to answer, in the order AWS
 * handles it: latency, authentication, the body, throttling and injected server errors, validation
 * against the model, the operation itself, then the answer or a dropped connection, and a call-log
 * entry whatever happened. What differs between the services (their wire form, their error names,
 * client tokens) is the {@link ServiceProtocol}'s.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Emulator } from "../emulator";
import { ApiError } from "./api-error";
import { authenticate, Caller, callerArn } from "./authenticate";
import type { CallLogEntry } from "./call-log";
import type { ServedOperationName, ServiceName } from "./served-operations";

/** A request body as read: its bytes, or the news that it was over the size cap. */
export interface RequestBody {
    bytes: Buffer;
    tooLarge: boolean;
}

/** What an operation answered: the reply's body, whether state changed, whether a client token replayed it. */
export interface ServedResult {
    reply: string;
    stateChanged: boolean;
    replayed: boolean;
}

/** What one service does its own way. */
export interface ServiceProtocol {
    service: ServiceName;
    operation: ServedOperationName;
    /** The input member that carries a listing's next token (`nextToken`, `NextToken`). */
    nextTokenMember: string;
    /** The request's input: its JSON body (and, for RAM, members bound to the query string). */
    parseInput(body: Buffer, rawUrl: string): Record<string, unknown>;
    /** Throws the service's error for input that does not fit the operation's model. */
    validate(input: Record<string, unknown>): void;
    run(caller: Caller, input: Record<string, unknown>): ServedResult;
    throttlingError(): ApiError;
    serverError(status: 500 | 503): ApiError;
    /** The service's answer to a failure inside the emulator. */
    internalError(): ApiError;
    sendReply(res: ServerResponse, body: string): void;
    sendError(res: ServerResponse, error: ApiError): void;
}

/** Serves one request with `protocol` over the emulator's state. */
export async function serveCall(
    emulator: Emulator,
    protocol: ServiceProtocol,
    req: IncomingMessage,
    res: ServerResponse,
    body: RequestBody,
    log: (line: string) => void,
): Promise<void> {
    const { faults } = emulator;
    const { operation } = protocol;
    const entry: Omit<CallLogEntry, "sequence" | "time"> = {
        service: protocol.service,
        operation,
        accountId: null,
        callerArn: null,
        region: null,
        parameters: null,
        nextTokenGiven: false,
        outcome: "ok",
        httpStatus: 200,
        stateChanged: false,
        idempotentReplay: false,
        connectionDropped: false,
    };
    try {
        const latency = faults.latencyMs(operation);
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
        const caller = await authenticate(signed, emulator, (region) => (entry.region = region), protocol.service);
        entry.accountId = caller.accountId;
        entry.callerArn = callerArn(caller);
        const input = protocol.parseInput(body.bytes, signed.rawUrl);
        entry.parameters = input;
        entry.nextTokenGiven =
            input[protocol.nextTokenMember] !== undefined && input[protocol.nextTokenMember] !== null;
        if (!faults.admit(operation, performance.now())) {
            throw protocol.throttlingError();
        }
        const injected = faults.takeServerError(operation);
        if (injected !== undefined) {
            throw protocol.serverError(injected);
        }
        const injectedError = faults.takeInjectedError(operation);
        if (injectedError !== undefined) {
            throw new ApiError(injectedError, `Injected fault: ${injectedError}.`);
        }
        protocol.validate(input);

        const result = protocol.run(caller, input);
        entry.stateChanged = result.stateChanged;
        entry.idempotentReplay = result.replayed;
        if (result.stateChanged) {
            emulator.persist();
        }
        if (faults.takeDropAfterCommit(operation)) {
            entry.connectionDropped = true;
            req.socket.destroy();
            return;
        }
        protocol.sendReply(res, result.reply);
    } catch (err) {
        if (!(err instanceof ApiError)) {
            log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        }
        const error = err instanceof ApiError ? err : protocol.internalError();
        entry.outcome = error.code;
        entry.httpStatus = error.httpStatus;
        protocol.sendError(res, error);
    } finally {
        const logged = emulator.callLog.append({ time: emulator.clock.isoNow(), ...entry });
        log(
            `#${logged.sequence} ${logged.operation} account=${logged.accountId ?? "-"} ` +
                `region=${logged.region ?? "-"} -> ${logged.outcome} ${logged.httpStatus}` +
                (logged.connectionDropped ? " (connection dropped)" : ""),
        );
    }
}
