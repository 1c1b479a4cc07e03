/**
 * A typed client of the admin API. It speaks HTTP, so it works the same against an emulator
 * started in-process and one started by the CLI in another process.
 */
import type { OperationFaults } from "../faults/types";
import type { InvitationStatus, OrganizationAccountStatus, Seed, SeedAccount, SeededState } from "../model/types";
import type { CallFilter, CallLogEntry } from "../wire/call-log";
import type { ServedOperationName } from "../wire/served-operations";
import type {
    EmulatorStateSnapshot,
    InvitationView,
    IssuedCredentials,
    OrganizationAccountView,
    OrganizationalUnitView,
} from "./types";

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

/** Where an account goes when it joins the organization, and what it is called there. */
export interface JoinOrganizationOptions {
    /** The root or OU id; default the root. */
    parentId?: string;
    /** Default: the seeded account's name, else `account-<id>`. */
    name?: string;
    /** Default `<id>@example.com`. */
    email?: string;
}

/** An OU to create. */
export interface NewOrganizationalUnit {
    name: string;
    /** The root or another OU. */
    parentId: string;
    /** Default: made up as Organizations makes OU ids (`ou-<root suffix>-<8 random>`). */
    id?: string;
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
    async setFaults(operation: ServedOperationName, faults: OperationFaults): Promise<void> {
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

    /** An account joins the seeded organization (as if it had accepted an invitation); answers it. */
    joinOrganization(accountId: string, options: JoinOrganizationOptions = {}): Promise<OrganizationAccountView> {
        return this.request("POST", "organization/accounts/join", { accountId, ...options });
    }

    /**
     * Suspends (`SUSPENDED`), reactivates (`ACTIVE`) or starts closing (`PENDING_CLOSURE`) an
     * account of the organization.
     */
    setOrganizationAccountStatus(
        accountId: string,
        status: OrganizationAccountStatus,
    ): Promise<OrganizationAccountView> {
        return this.request("POST", "organization/accounts/set-status", { accountId, status });
    }

    /** Moves an account of the organization to another parent (the root or an OU). */
    moveOrganizationAccount(accountId: string, parentId: string): Promise<OrganizationAccountView> {
        return this.request("POST", "organization/accounts/move", { accountId, parentId });
    }

    /** An account leaves the organization (not the management account); it stops being a delegated administrator. */
    async leaveOrganization(accountId: string): Promise<void> {
        await this.request("POST", "organization/accounts/leave", { accountId });
    }

    /** Creates an OU in the organization; answers it with its id and ARN. */
    createOrganizationalUnit(ou: NewOrganizationalUnit): Promise<OrganizationalUnitView> {
        return this.request("POST", "organization/organizational-units", ou);
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
