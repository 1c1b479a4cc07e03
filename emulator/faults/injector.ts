/**
 * Fault injection per operation (of RAM or Organizations): added latency, throttling beyond a
 * request rate, server errors, modelled errors, and "commit, then drop the connection".
 * Probabilistic faults draw from a seeded generator so a run replays; "next N" counters make a
 * test deterministic without one.
 */
import { EmulatorInputError } from "../input-error";
import { isPlainObject } from "../plain-object";
import { ModelledErrorName, modelledErrors, ServedOperationName, serviceOf } from "../wire/served-operations";
import type { SeededRandom } from "./random";
import type { OperationFaults } from "./types";

const WINDOW_MS = 1000;

const NUMBER_FIELDS: Record<
    Exclude<keyof OperationFaults, "serverErrorStatus" | "errorName">,
    { max: number; integer: boolean }
> = {
    latencyMs: { max: 60_000, integer: false },
    maxRequestsPerSecond: { max: Number.MAX_SAFE_INTEGER, integer: true },
    throttleNext: { max: Number.MAX_SAFE_INTEGER, integer: true },
    serverErrorRate: { max: 1, integer: false },
    serverErrorNext: { max: Number.MAX_SAFE_INTEGER, integer: true },
    dropAfterCommitRate: { max: 1, integer: false },
    dropAfterCommitNext: { max: Number.MAX_SAFE_INTEGER, integer: true },
    errorNext: { max: Number.MAX_SAFE_INTEGER, integer: true },
    associationNeverCompletesNext: { max: Number.MAX_SAFE_INTEGER, integer: true },
};

/** Whether `value` names an error the model of `operation`'s service declares. */
function isModelledErrorOf(operation: ServedOperationName, value: unknown): value is ModelledErrorName {
    return typeof value === "string" && modelledErrors(serviceOf(operation)).some((shape) => shape.name === value);
}

/**
 * Checks the faults of `operation` from outside (the admin API); unknown fields, out-of-range
 * values and errors its service's model does not declare are refused.
 */
export function parseFaults(operation: ServedOperationName, value: unknown): OperationFaults {
    if (!isPlainObject(value)) {
        throw new EmulatorInputError("faults must be a JSON object");
    }
    const faults: OperationFaults = {};
    for (const [field, v] of Object.entries(value)) {
        if (field === "serverErrorStatus") {
            if (v !== 500 && v !== 503) {
                throw new EmulatorInputError("serverErrorStatus must be 500 or 503");
            }
            faults.serverErrorStatus = v;
            continue;
        }
        if (field === "errorName") {
            if (!isModelledErrorOf(operation, v)) {
                const example =
                    serviceOf(operation) === "ram"
                        ? "OperationNotPermittedException"
                        : "ConcurrentModificationException";
                throw new EmulatorInputError(
                    `errorName must name an error of the model of ${operation}'s service, e.g. ${example}`,
                );
            }
            faults.errorName = v;
            continue;
        }
        const rule = NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS];
        if (!rule) {
            throw new EmulatorInputError(`unknown fault ${field}`);
        }
        if (
            typeof v !== "number" ||
            !Number.isFinite(v) ||
            v < 0 ||
            v > rule.max ||
            (rule.integer && !Number.isInteger(v))
        ) {
            throw new EmulatorInputError(
                `${field} must be ${rule.integer ? "an integer" : "a number"} from 0 to ${rule.max}`,
            );
        }
        faults[field as keyof typeof NUMBER_FIELDS] = v;
    }
    if (faults.errorNext !== undefined && faults.errorName === undefined) {
        throw new EmulatorInputError("errorNext needs errorName: the error to answer with");
    }
    return faults;
}

/** The faults in force, and the state they need (throttling windows, counters). */
export class FaultInjector {
    private readonly faults = new Map<ServedOperationName, OperationFaults>();
    private readonly admittedAt = new Map<ServedOperationName, number[]>();

    constructor(private readonly random: SeededRandom) {}

    /** Replaces the faults of one operation. */
    set(operation: ServedOperationName, faults: OperationFaults): void {
        this.faults.set(operation, { ...faults });
        this.admittedAt.delete(operation);
    }

    clear(): void {
        this.faults.clear();
        this.admittedAt.clear();
    }

    snapshot(): Partial<Record<ServedOperationName, OperationFaults>> {
        return Object.fromEntries([...this.faults].map(([op, f]) => [op, { ...f }]));
    }

    latencyMs(operation: ServedOperationName): number {
        return this.faults.get(operation)?.latencyMs ?? 0;
    }

    /**
     * Whether a request may go on, or is throttled: the next `throttleNext` requests are, and
     * beyond that at most `maxRequestsPerSecond` requests are let through in any one-second
     * window. Refused requests do not count, so clients that back off get through.
     */
    admit(operation: ServedOperationName, nowMs: number): boolean {
        const faults = this.faults.get(operation);
        if (!faults) {
            return true;
        }
        if (this.countDown(faults, "throttleNext")) {
            return false;
        }
        const limit = faults.maxRequestsPerSecond;
        if (limit === undefined) {
            return true;
        }
        const recent = (this.admittedAt.get(operation) ?? []).filter((t) => t > nowMs - WINDOW_MS);
        const admitted = recent.length < limit;
        if (admitted) {
            recent.push(nowMs);
        }
        this.admittedAt.set(operation, recent);
        return admitted;
    }

    /** The status of an injected server error for this request, if it gets one. */
    takeServerError(operation: ServedOperationName): 500 | 503 | undefined {
        const faults = this.faults.get(operation);
        if (!faults || !this.take(faults, "serverErrorNext", "serverErrorRate")) {
            return undefined;
        }
        return faults.serverErrorStatus ?? 500;
    }

    /** The modelled error injected into this request, if it gets one. */
    takeInjectedError(operation: ServedOperationName): ModelledErrorName | undefined {
        const faults = this.faults.get(operation);
        if (!faults || !this.countDown(faults, "errorNext")) {
            return undefined;
        }
        return faults.errorName as ModelledErrorName;
    }

    /** Whether this successful request loses its connection after committing. */
    takeDropAfterCommit(operation: ServedOperationName): boolean {
        const faults = this.faults.get(operation);
        return faults !== undefined && this.take(faults, "dropAfterCommitNext", "dropAfterCommitRate");
    }

    /** Whether this acceptance's association is never to complete. */
    takeStalledAssociation(operation: ServedOperationName): boolean {
        const faults = this.faults.get(operation);
        return faults !== undefined && this.countDown(faults, "associationNeverCompletesNext");
    }

    /** Counts a "next N" fault down, or else rolls the dice for its rate. */
    private take(
        faults: OperationFaults,
        next: "serverErrorNext" | "dropAfterCommitNext",
        rate: "serverErrorRate" | "dropAfterCommitRate",
    ): boolean {
        if (this.countDown(faults, next)) {
            return true;
        }
        const probability = faults[rate] ?? 0;
        // Roll only when a rate is set, so adding a fault elsewhere does not shift this sequence.
        return probability > 0 && this.random.next() < probability;
    }

    /** Whether a "next N" fault still has requests to hit; counts one off if so. */
    private countDown(
        faults: OperationFaults,
        next:
            "throttleNext" | "serverErrorNext" | "dropAfterCommitNext" | "errorNext" | "associationNeverCompletesNext",
    ): boolean {
        const remaining = faults[next] ?? 0;
        if (remaining === 0) {
            return false;
        }
        faults[next] = remaining - 1;
        return true;
    }
}
