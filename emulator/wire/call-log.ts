/**
 * The call log: one entry per request to the RAM endpoint, so tests and the demo can count
 * API calls and see what each one did.
 */
import type { RamOperationName } from "./ram-schema";

/** The outcome of a call: "ok", or the name of the error it was answered with. */
export type CallOutcome = "ok" | (string & {});

/** One request to the RAM endpoint, as the call log records it. */
export interface CallLogEntry {
    /** 1, 2, 3, ... in the order requests finished; restarts at 1 after a reset. */
    sequence: number;
    /** When the request finished, on the emulator's clock (ISO 8601). */
    time: string;
    /** The operation, named like the SDK command without `Command`. */
    operation: RamOperationName;
    /** The calling account, or null when the request was not authenticated. */
    accountId: string | null;
    /** The region from the SigV4 credential scope, or null when there was none. */
    region: string | null;
    /** The request body as parsed JSON, or null when it was not JSON. */
    parameters: unknown;
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
    operation?: RamOperationName;
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
