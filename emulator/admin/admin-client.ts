/**
 * A typed client of the admin API. It speaks HTTP, so it works the same against an emulator
 * started in-process and one started by the CLI in another process.
 */
import type { OperationFaults } from "../faults/types";
import type { InvitationStatus, Seed, SeedAccount, SeededState } from "../model/types";
import type { CallFilter, CallLogEntry } from "../wire/call-log";
import type { RamOperationName } from "../wire/ram-schema";
import type { EmulatorStateSnapshot, InvitationView, IssuedCredentials } from "./types";

/** What {@link EmulatorAdmin.seedPendingInvitations} seeds. */
export interface PendingInvitationsRequest {
    /** Owns every share; seeded as an account too. */
    sender: SeedAccount;
    /** Receives every invitation; seeded as an account too. */
    receiver: SeedAccount;
    /** How many invitations (and shares): a whole number, 0 or more. */
    count: number;
    /** The regions the shares live in, taken in turn: share i is in `regions[i % regions.length]`. */
    regions: string[];
    /** Shares are named `<namePrefix>-1`, `<namePrefix>-2`, ...; default `share`. */
    namePrefix?: string;
    /** Each share's `associationDelayMs` (see SeedShare); default 0. */
    associationDelayMs?: number;
}

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

    /** Adds accounts, roles and shares; answers the ARNs of the shares and of each principal's invitation. */
    seed(seed: Seed): Promise<SeededState> {
        return this.request("POST", "seed", seed);
    }

    /**
     * Seeds `count` PENDING invitations from `sender` to `receiver`, one share each, the shares
     * in `regions` in turn; answers the invitation ARNs in order. One seed: all or nothing.
     */
    async seedPendingInvitations(request: PendingInvitationsRequest): Promise<string[]> {
        const { sender, receiver, count, regions, namePrefix = "share", associationDelayMs } = request;
        if (!Number.isInteger(count) || count < 0) {
            throw new RangeError(`count must be a whole number, 0 or more (got ${count})`);
        }
        if (count > 0 && regions.length === 0) {
            throw new RangeError("regions must name at least one region");
        }
        const seeded = await this.seed({
            accounts: [sender, receiver],
            resourceShares: Array.from({ length: count }, (_, i) => ({
                name: `${namePrefix}-${i + 1}`,
                ownerAccountId: sender.accountId,
                region: regions[i % regions.length],
                principals: [receiver.accountId],
                ...(associationDelayMs === undefined ? {} : { associationDelayMs }),
            })),
        });
        return seeded.resourceShares.map((share) => share.invitationArns[receiver.accountId]);
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

    /**
     * Forgets everything: accounts, roles, sessions, shares, invitations, client tokens, calls,
     * faults, clock offset.
     */
    async reset(): Promise<void> {
        await this.request("POST", "reset");
    }

    /**
     * Forgets every client token RAM remembers, as it does some time after a call: a repeated call
     * is then handled as a new one. Answers how many were forgotten.
     */
    forgetClientTokens(): Promise<{ forgotten: number }> {
        return this.request("POST", "tokens/forget");
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

    /** Everything the emulator holds (without secret keys, session tokens or external ids). */
    state(): Promise<EmulatorStateSnapshot> {
        return this.request("GET", "state");
    }

    /**
     * Every temporary credential AssumeRole issued, oldest first, expired ones too, with its
     * secret key and session token: for tests that look for credentials where none may be.
     */
    issuedCredentials(): Promise<IssuedCredentials[]> {
        return this.request("GET", "credentials");
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
