/**
 * A typed client of the admin API. It speaks HTTP, so it works the same against an emulator
 * started in-process and one started by the CLI in another process.
 */
import type {
    CallFilter,
    CallLogEntry,
    EmulatorStateSnapshot,
    InvitationStatus,
    InvitationView,
    OperationFaults,
    RamOperationName,
    Seed,
    SeededState,
} from "./types";

/** The admin API refused a request; `status` is its HTTP status, `message` its reason. */
export class EmulatorAdminError extends Error {
    constructor(
        readonly status: number,
        message: string,
    ) {
        super(message);
        this.name = "EmulatorAdminError";
    }
}

/** Seeds, inspects and bends an emulator through its admin API. */
export class EmulatorAdmin {
    private readonly base: string;

    /** @param endpoint the emulator's endpoint, e.g. `http://127.0.0.1:40123` */
    constructor(endpoint: string) {
        this.base = `${endpoint.replace(/\/+$/, "")}/_emulator/`;
    }

    /** Adds accounts and shares; answers the ARNs of the shares and of each principal's invitation. */
    seed(seed: Seed): Promise<SeededState> {
        return this.request("POST", "seed", seed);
    }

    /** The call log, oldest first, optionally only the entries that match `filter`. */
    calls(filter: CallFilter = {}): Promise<CallLogEntry[]> {
        const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined)).toString();
        return this.request("GET", query === "" ? "calls" : `calls?${query}`);
    }

    /** Empties the call log. */
    async clearCalls(): Promise<void> {
        await this.request("DELETE", "calls");
    }

    /** Forgets everything: accounts, shares, invitations, client tokens, calls, faults, clock offset. */
    async reset(): Promise<void> {
        await this.request("POST", "reset");
    }

    /** Moves the emulator's clock forward; answers the new time (ISO 8601). */
    advanceClock(ms: number): Promise<{ now: string }> {
        return this.request("POST", "clock/advance", { ms });
    }

    /** Replaces the faults injected into one operation (`{}` removes them). */
    async setFaults(operation: RamOperationName, faults: OperationFaults): Promise<void> {
        await this.request("PUT", `faults/${encodeURIComponent(operation)}`, faults);
    }

    /** Removes every fault. */
    async clearFaults(): Promise<void> {
        await this.request("DELETE", "faults");
    }

    /** Everything the emulator holds (without secret keys). */
    state(): Promise<EmulatorStateSnapshot> {
        return this.request("GET", "state");
    }

    /** Sets an invitation's status out of band, as if someone had answered it elsewhere. */
    setInvitationStatus(resourceShareInvitationArn: string, status: InvitationStatus): Promise<InvitationView> {
        return this.request("POST", "invitations/set-status", { resourceShareInvitationArn, status });
    }

    /** Removes an invitation, so RAM no longer returns it. */
    async removeInvitation(resourceShareInvitationArn: string): Promise<void> {
        await this.request("POST", "invitations/remove", { resourceShareInvitationArn });
    }

    private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(this.base + path, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        const parsed: unknown = text === "" ? undefined : JSON.parse(text);
        if (!response.ok) {
            const message = (parsed as { message?: string } | undefined)?.message ?? response.statusText;
            throw new EmulatorAdminError(response.status, message);
        }
        return parsed as T;
    }
}
