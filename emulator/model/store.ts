/**
 * The emulator's domain state: accounts, resource shares and invitations, with the rules
 * that decide what an invitation's status is and who can see it, and how RAM describes a share
 * and an invitation (in the style of moto's RAM backend: the model gives its own wire shape).
 * No HTTP in here.
 */
import { ResourceShare, ResourceShareStatus, Tag } from "@aws-sdk/client-ram";
import { EmulatorInputError } from "../input-error";
import { newRamArn } from "./arns";
import type { Clock } from "./clock";
import type { InvitationDescription, InvitationStatus, SeedAccount } from "./types";

/** RAM expires an invitation that nobody answered seven days after it was sent. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** An account and its credentials. */
export type AccountRecord = SeedAccount;

/** A resource share as stored. */
export interface ShareRecord {
    resourceShareArn: string;
    name: string;
    ownerAccountId: string;
    region: string;
    allowExternalPrincipals: boolean;
    tags: Tag[];
    resourceArns: string[];
    principals: string[];
    createdAtMs: number;
}

/** An invitation as stored; its status may read differently once it has expired. */
export interface InvitationRecord {
    resourceShareInvitationArn: string;
    resourceShareArn: string;
    senderAccountId: string;
    receiverAccountId: string;
    region: string;
    createdAtMs: number;
    /** Until then, the receiver cannot see it (RAM's eventual consistency). */
    visibleAtMs: number;
    status: InvitationStatus;
}

/** What a new share is made of; principals are account ids that get an invitation. */
export interface NewShare {
    name: string;
    ownerAccountId: string;
    region: string;
    principals: string[];
    resourceArns?: string[];
    tags?: Tag[];
    allowExternalPrincipals?: boolean;
    invitationVisibleAfterMs?: number;
}

/** The whole store as plain data, for the state file. */
export interface StoreSnapshot {
    accounts: AccountRecord[];
    shares: ShareRecord[];
    invitations: InvitationRecord[];
}

/** Accounts, shares and invitations, kept in creation order so listings page stably. */
export class Store {
    private readonly accountsByAccessKey = new Map<string, AccountRecord>();
    private readonly shares = new Map<string, ShareRecord>();
    private readonly invitations = new Map<string, InvitationRecord>();

    constructor(private readonly clock: Clock) {}

    /** Adds or replaces the account an access key belongs to; seeding checks for conflicts first. */
    addAccount(account: AccountRecord): void {
        this.accountsByAccessKey.set(account.accessKeyId, { ...account });
    }

    accountForAccessKey(accessKeyId: string): AccountRecord | undefined {
        return this.accountsByAccessKey.get(accessKeyId);
    }

    listAccounts(): AccountRecord[] {
        return [...this.accountsByAccessKey.values()];
    }

    /** Creates a share and a PENDING invitation for each principal, as CreateResourceShare does. */
    createShare(spec: NewShare): { share: ShareRecord; invitations: InvitationRecord[] } {
        const now = this.clock.now();
        const share: ShareRecord = {
            resourceShareArn: newRamArn("resource-share", spec.region, spec.ownerAccountId),
            name: spec.name,
            ownerAccountId: spec.ownerAccountId,
            region: spec.region,
            allowExternalPrincipals: spec.allowExternalPrincipals ?? true,
            tags: spec.tags ?? [],
            resourceArns: spec.resourceArns ?? [],
            principals: [...new Set(spec.principals)],
            createdAtMs: now,
        };
        this.shares.set(share.resourceShareArn, share);
        const invitations = share.principals.map((receiverAccountId) => {
            const invitation: InvitationRecord = {
                resourceShareInvitationArn: newRamArn("resource-share-invitation", spec.region, spec.ownerAccountId),
                resourceShareArn: share.resourceShareArn,
                senderAccountId: spec.ownerAccountId,
                receiverAccountId,
                region: spec.region,
                createdAtMs: now,
                visibleAtMs: now + (spec.invitationVisibleAfterMs ?? 0),
                status: "PENDING",
            };
            this.invitations.set(invitation.resourceShareInvitationArn, invitation);
            return invitation;
        });
        return { share, invitations };
    }

    share(resourceShareArn: string): ShareRecord | undefined {
        return this.shares.get(resourceShareArn);
    }

    listShares(): ShareRecord[] {
        return [...this.shares.values()];
    }

    listInvitations(): InvitationRecord[] {
        return [...this.invitations.values()];
    }

    /** The status RAM reports now: an unanswered invitation expires after seven days. */
    statusOf(invitation: InvitationRecord): InvitationStatus {
        const expired = this.clock.now() >= invitation.createdAtMs + INVITATION_LIFETIME_MS;
        return invitation.status === "PENDING" && expired ? "EXPIRED" : invitation.status;
    }

    /**
     * The invitations `accountId` received in `region` and can see now. Every read and write
     * of an invitation by a caller goes through this rule, so no account ever sees or acts on
     * another account's invitation.
     */
    receivedInvitations(accountId: string, region: string): InvitationRecord[] {
        return this.listInvitations().filter((i) => this.isVisibleTo(i, accountId, region));
    }

    /** One invitation `accountId` received in `region` and can see now, if it exists. */
    receivedInvitation(accountId: string, region: string, arn: string): InvitationRecord | undefined {
        const invitation = this.invitations.get(arn);
        return invitation && this.isVisibleTo(invitation, accountId, region) ? invitation : undefined;
    }

    private isVisibleTo(invitation: InvitationRecord, accountId: string, region: string): boolean {
        return (
            invitation.receiverAccountId === accountId &&
            invitation.region === region &&
            invitation.visibleAtMs <= this.clock.now()
        );
    }

    /** The invitation as RAM describes it now, e.g. in GetResourceShareInvitations' answer. */
    describeInvitation(invitation: InvitationRecord): InvitationDescription {
        return {
            resourceShareInvitationArn: invitation.resourceShareInvitationArn,
            // Shares are never removed, so an invitation's share is always there.
            resourceShareName: this.shares.get(invitation.resourceShareArn)?.name ?? "",
            resourceShareArn: invitation.resourceShareArn,
            senderAccountId: invitation.senderAccountId,
            receiverAccountId: invitation.receiverAccountId,
            invitationTimestamp: new Date(invitation.createdAtMs),
            status: this.statusOf(invitation),
        };
    }

    /** The share as RAM describes it, e.g. in CreateResourceShare's answer. */
    describeShare(share: ShareRecord): ResourceShare {
        return {
            resourceShareArn: share.resourceShareArn,
            name: share.name,
            owningAccountId: share.ownerAccountId,
            allowExternalPrincipals: share.allowExternalPrincipals,
            status: ResourceShareStatus.ACTIVE,
            tags: share.tags,
            creationTime: new Date(share.createdAtMs),
            lastUpdatedTime: new Date(share.createdAtMs),
            featureSet: "STANDARD",
        };
    }

    /** Sets the stored status; expiry still applies to PENDING by the invitation's age. */
    setStatus(arn: string, status: InvitationStatus): InvitationRecord {
        const invitation = this.invitations.get(arn);
        if (!invitation) {
            throw new EmulatorInputError(`no invitation ${arn}`);
        }
        invitation.status = status;
        return invitation;
    }

    /** Forgets an invitation, as RAM eventually stops returning old ones. */
    removeInvitation(arn: string): void {
        if (!this.invitations.delete(arn)) {
            throw new EmulatorInputError(`no invitation ${arn}`);
        }
    }

    clear(): void {
        this.accountsByAccessKey.clear();
        this.shares.clear();
        this.invitations.clear();
    }

    snapshot(): StoreSnapshot {
        return {
            accounts: this.listAccounts(),
            shares: this.listShares(),
            invitations: this.listInvitations(),
        };
    }

    restore(snapshot: StoreSnapshot): void {
        this.clear();
        snapshot.accounts.forEach((a) => this.accountsByAccessKey.set(a.accessKeyId, a));
        snapshot.shares.forEach((s) => this.shares.set(s.resourceShareArn, s));
        snapshot.invitations.forEach((i) => this.invitations.set(i.resourceShareInvitationArn, i));
    }
}
