/**
 * The emulator's parts wired together: the one owner of state (store, client tokens, clock)
 * and of its persistence, shared by the RAM endpoint and the admin API.
 */
import { CallLog } from "./call-log";
import { ClientTokenLedger } from "./client-tokens";
import { Clock } from "./clock";
import { FaultInjector } from "./faults";
import { SeededRandom } from "./random";
import { applySeed, parseSeed } from "./seed";
import { readStateFile, writeStateFile } from "./state-file";
import { InvitationRecord, ShareRecord, Store } from "./store";
import type { EmulatorStateSnapshot, InvitationStatus, InvitationView, ResourceShareView, SeededState } from "./types";

function iso(ms: number): string {
    return new Date(ms).toISOString();
}

/** State, its rules and its persistence; no HTTP. */
export class Emulator {
    readonly clock: Clock;
    readonly store: Store;
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
        this.random = new SeededRandom(randomSeed);
        this.faults = new FaultInjector(this.random);
        this.restored = persisted !== undefined;
        if (persisted) {
            this.store.restore(persisted.store);
            this.ledger.restore(persisted.clientTokens);
        }
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
        });
    }

    /** Checks and applies a seed from outside. */
    seed(seed: unknown): SeededState {
        const seeded = applySeed(this.store, parseSeed(seed));
        this.persist();
        return seeded;
    }

    /** Forgets everything: accounts, shares, invitations, tokens, calls, faults, clock offset. */
    reset(): void {
        this.store.clear();
        this.ledger.restore([]);
        this.callLog.reset();
        this.faults.clear();
        this.clock.reset();
        this.random.restart();
        this.persist();
    }

    advanceClock(ms: number): void {
        this.clock.advance(ms);
        this.persist();
    }

    /** Sets an invitation's status out of band, as if it had been answered elsewhere. */
    setInvitationStatus(arn: string, status: InvitationStatus): InvitationView {
        const invitation = this.store.setStatus(arn, status);
        this.persist();
        return this.invitationView(invitation);
    }

    /** Forgets an invitation, so RAM no longer returns it. */
    removeInvitation(arn: string): void {
        this.store.removeInvitation(arn);
        this.persist();
    }

    private invitationView(invitation: InvitationRecord): InvitationView {
        return {
            resourceShareInvitationArn: invitation.resourceShareInvitationArn,
            resourceShareArn: invitation.resourceShareArn,
            resourceShareName: this.store.share(invitation.resourceShareArn)?.name ?? "",
            senderAccountId: invitation.senderAccountId,
            receiverAccountId: invitation.receiverAccountId,
            region: invitation.region,
            invitationTimestamp: iso(invitation.createdAtMs),
            status: this.store.statusOf(invitation),
            visibleAt: iso(invitation.visibleAtMs),
        };
    }

    private shareView(share: ShareRecord): ResourceShareView {
        return {
            resourceShareArn: share.resourceShareArn,
            name: share.name,
            ownerAccountId: share.ownerAccountId,
            region: share.region,
            principals: share.principals,
            resourceArns: share.resourceArns,
            allowExternalPrincipals: share.allowExternalPrincipals,
            creationTime: iso(share.createdAtMs),
        };
    }

    snapshot(): EmulatorStateSnapshot {
        return {
            now: iso(this.clock.now()),
            clockOffsetMs: this.clock.offsetMs,
            randomSeed: this.random.seed,
            accounts: this.store.listAccounts().map(({ accountId, accessKeyId, name, secretAccessKey }) => ({
                accountId,
                accessKeyId,
                name,
                verifiesSignatures: secretAccessKey !== undefined,
            })),
            resourceShares: this.store.listShares().map((s) => this.shareView(s)),
            invitations: this.store.listInvitations().map((i) => this.invitationView(i)),
            faults: this.faults.snapshot(),
            clientTokenCount: this.ledger.size,
        };
    }
}
