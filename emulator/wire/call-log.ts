/**
 * The call log: one entry per request to a RAM or Organizations operation, so tests, the demo and
 * the benchmarks can count API calls and see what each one did.
 */
import type { ServedOperationName, ServiceName } from "./served-operations";

/** The outcome of a call: "ok", or the name of the error it was answered with. */
export type CallOutcome = "ok" | (string & {});

/** One request to a RAM or Organizations operation, as the call log records it. */
export interface CallLogEntry {
    /** 1, 2, 3, ... in the order requests finished; restarts at 1 after a reset. */
    sequence: number;
    /** When the request finished, on the emulator's clock (ISO 8601). */
    time: string;
    /** The service the operation belongs to: `ram` or `organizations`. */
    service: ServiceName;
    /** The operation, named like the SDK command without `Command` (RAM's and Organizations' names never clash). */
    operation: ServedOperationName;
    /** The calling account, or null when the request was not authenticated. */
    accountId: string | null;
    /**
     * Who called, as STS's GetCallerIdentity names it: a role session's assumed-role ARN
     * (`arn:aws:sts::<account>:assumed-role/<role>/<session>`), or the account's root user for its
     * own key; null when the request was not authenticated.
     */
    callerArn: string | null;
    /** The region from the SigV4 credential scope, or null when there was none. */
    region: string | null;
    /** The request body as parsed JSON, or null when it was not JSON. */
    parameters: unknown;
    /**
     * Whether the request continued a listing: it carried a next token (RAM's `nextToken`,
     * Organizations' `NextToken`), so first pages and follow-up pages can be counted apart.
     */
    nextTokenGiven: boolean;
    /** "ok" or the error name the caller was answered with. */
    outcome: CallOutcome;
    /** The HTTP status answered (or, for a dropped connection, the one that would have been). */
    httpStatus: number;
    /** Whether this call changed state (created a share, accepted or rejected an invitation). */
    stateChanged: boolean;
    /** Whether this call was answered from the client-token ledger: the original reply, again. */
    idempotentReplay: boolean;
    /** Whether the connection was destroyed instead of answering (drop-after-commit fault). */
    connectionDropped: boolean;
}

/** Which call-log entries to read; every given field must match. */
export interface CallFilter {
    service?: ServiceName;
    operation?: ServedOperationName;
    accountId?: string;
}

/** Entries in the order requests finished. */
export class CallLog {
    private readonly entries: CallLogEntry[] = [];
    private nextSequence = 1;

    append(entry: Omit<CallLogEntry, "sequence">): CallLogEntry {
        const complete = { sequence: this.nextSequence++, ...entry };
        this.entries.push(complete);
        return complete;
    }

    list(filter: CallFilter = {}): CallLogEntry[] {
        return this.entries.filter(
            (e) =>
                (filter.service === undefined || e.service === filter.service) &&
                (filter.operation === undefined || e.operation === filter.operation) &&
                (filter.accountId === undefined || e.accountId === filter.accountId),
        );
    }

    /** Empties the log; sequence numbers go on, so entries read before and after never collide. */
    clear(): void {
        this.entries.length = 0;
    }

    /** Empties the log and starts numbering at 1 again. */
    reset(): void {
        this.clear();
        this.nextSequence = 1;
    }
}
