/**
 * The emulator's parts wired together: the one owner of state (store, IAM roles and sessions,
 * the organization, client tokens, clock) and of its persistence, shared by the RAM, STS and
 * Organizations endpoints and the admin API.
 */
import { FaultInjector } from "./faults/injector";
import { SeededRandom } from "./faults/random";
import { ClientTokenLedger } from "./model/client-tokens";
import { Clock } from "./model/clock";
import { Iam, RoleRecord, SessionRecord } from "./model/iam";
import {
    JoiningAccount,
    OrganizationAccountRecord,
    OrganizationalUnitRecord,
    Organizations,
} from "./model/organization";
import { applySeed, checkSeed } from "./model/seed";
import { readStateFile, writeStateFile } from "./model/state-file";
import { InvitationRecord, Store } from "./model/store";
import type { InvitationStatus, OrganizationAccountStatus, SeededState } from "./model/types";
import { CallLog } from "./wire/call-log";

/** State, its rules and its persistence; no HTTP. */
export class Emulator {
    readonly clock: Clock;
    readonly store: Store;
    readonly iam: Iam;
    readonly organizations: Organizations;
    readonly ledger = new ClientTokenLedger();
    readonly callLog = new CallLog();
    readonly faults: FaultInjector;
    private readonly random: SeededRandom;
    /** Whether the state came from an existing state file (then a start-up seed is not applied again). */
    readonly restored: boolean;

    constructor(
        randomSeed: number,
        private readonly stateFile?: string,
    ) {
        const persisted = stateFile === undefined ? undefined : readStateFile(stateFile);
        this.clock = new Clock(persisted?.clockOffsetMs);
        this.store = new Store(this.clock);
        this.iam = new Iam(this.clock);
        this.organizations = new Organizations(this.clock);
        this.random = new SeededRandom(randomSeed);
        this.faults = new FaultInjector(this.random);
        this.restored = persisted !== undefined;
        if (persisted) {
            this.store.restore(persisted.store);
            this.iam.restore(persisted.iam);
            this.ledger.restore(persisted.clientTokens);
            this.organizations.restore(persisted.organization);
        }
    }

    /** The seed of the generator behind probabilistic faults. */
    get randomSeed(): number {
        return this.random.seed;
    }

    /** Saves the state when there is a state file; called after every change, before anyone is answered. */
    persist(): void {
        if (this.stateFile === undefined) {
            return;
        }
        writeStateFile(this.stateFile, {
            clockOffsetMs: this.clock.offsetMs,
            store: this.store.snapshot(),
            clientTokens: this.ledger.list(),
            iam: this.iam.snapshot(),
            organization: this.organizations.snapshot(),
        });
    }

    /** Checks and applies a seed from outside. */
    seed(seed: unknown): SeededState {
        const seeded = applySeed(this, checkSeed(seed, this));
        this.persist();
        return seeded;
    }

    /**
     * Forgets everything: accounts, roles, sessions, the organization, shares, invitations, tokens,
     * calls, faults, clock offset.
     */
    reset(): void {
        this.store.clear();
        this.iam.clear();
        this.organizations.clear();
        this.ledger.restore([]);
        this.callLog.reset();
        this.faults.clear();
        this.clock.reset();
        this.random.restart();
        this.persist();
    }

    /** Issues temporary credentials for a session of a role (AssumeRole's one change of state). */
    startSession(role: RoleRecord, roleSessionName: string, durationSeconds: number): SessionRecord {
        const session = this.iam.startSession(role, roleSessionName, durationSeconds);
        this.persist();
        return session;
    }

    /**
     * Forgets every client token, as RAM does some time after a call (it documents no period): a
     * repeated call is then handled as a new one. Answers how many were forgotten.
     */
    forgetClientTokens(): { forgotten: number } {
        const forgotten = this.ledger.size;
        this.ledger.restore([]);
        this.persist();
        return { forgotten };
    }

    advanceClock(ms: number): void {
        this.clock.advance(ms);
        this.persist();
    }

    /** Sets an invitation's status out of band, as if it had been answered elsewhere. */
    setInvitationStatus(arn: string, status: InvitationStatus): InvitationRecord {
        const invitation = this.store.setStatus(arn, status);
        this.persist();
        return invitation;
    }

    /** Forgets an invitation, so RAM no longer returns it. */
    removeInvitation(arn: string): void {
        this.store.removeInvitation(arn);
        this.persist();
    }

    /** An account joins the organization (into the root unless a parent is given). */
    joinOrganization(joining: JoiningAccount): OrganizationAccountRecord {
        const names = new Map(this.store.listAccounts().map((a) => [a.accountId, a.name]));
        return this.changeOrganization(() => this.organizations.join(joining, (id) => names.get(id)));
    }

    setOrganizationAccountStatus(accountId: string, status: OrganizationAccountStatus): OrganizationAccountRecord {
        return this.changeOrganization(() => this.organizations.setStatus(accountId, status));
    }

    moveOrganizationAccount(accountId: string, parentId: string): OrganizationAccountRecord {
        return this.changeOrganization(() => this.organizations.move(accountId, parentId));
    }

    leaveOrganization(accountId: string): void {
        this.changeOrganization(() => this.organizations.leave(accountId));
    }

    createOrganizationalUnit(name: string, parentId: string, id?: string): OrganizationalUnitRecord {
        return this.changeOrganization(() => this.organizations.createOrganizationalUnit(name, parentId, id));
    }

    private changeOrganization<T>(change: () => T): T {
        const result = change();
        this.persist();
        return result;
    }
}
