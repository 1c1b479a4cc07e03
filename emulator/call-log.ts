/**
 * The call log: one entry per request to the RAM endpoint, so tests and the demo can count
 * API calls and see what each one did.
 */
import type { CallFilter, CallLogEntry } from "./types";

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
