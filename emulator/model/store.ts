/**
 * The emulator's domain state: accounts, resource shares and invitations, with the rules
 * that decide what an invitation's status is and who can see it, and how RAM describes a share
 * and an invitation (in the style of moto's RAM backend: the model gives its own wire shape).
 * No HTTP in here.
 */
import { Resource, ResourceShare, ResourceShareAssociationStatus, ResourceShareStatus, Tag } from "@aws-sdk/client-ram";
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
    /** ACTIVE, or DELETED once its owner deleted it (RAM keeps describing a deleted share for a while). */
    status: ResourceShareStatus;
    /** How long after an acceptance the receiver's association takes to become ASSOCIATED. */
    associationDelayMs: number;
}

/**
 * The receiver's association with the share, made by accepting its invitation: ASSOCIATING until
 * `readyAtMs` (never, when null: a stalled association), then ASSOCIATED, until the receiver
 * leaves the share (`leftAtMs`) or its owner deletes it.
 */
export interface AssociationRecord {
    readyAtMs: number | null;
    leftAtMs?: number;
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
    /** Set when the receiver accepted: its association with the share. */
    association?: AssociationRecord;
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
    associationDelayMs?: number;
}

/** The whole store as plain data, for the state file. */
export interface StoreSnapshot {
    accounts: AccountRecord[];
    shares: ShareRecord[];
    invitations: InvitationRecord[];
    /** The seeded page size (Seed.pageSize), when one was seeded. */
    pageSize?: number;
}

/** Accounts, shares and invitations, kept in creation order so listings page stably. */
export class Store {
    private readonly accountsByAccessKey = new Map<string, AccountRecord>();
    private readonly shares = new Map<string, ShareRecord>();
    private readonly invitations = new Map<string, InvitationRecord>();
    private seededPageSize: number | undefined;

    constructor(private readonly clock: Clock) {}

    /** The most items a page of a list call holds (Seed.pageSize), or undefined for no limit. */
    get pageSize(): number | undefined {
        return this.seededPageSize;
    }

    set pageSize(size: number | undefined) {
        this.seededPageSize = size;
    }

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
            status: ResourceShareStatus.ACTIVE,
            associationDelayMs: spec.associationDelayMs ?? 0,
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
            status: share.status,
            tags: share.tags,
            creationTime: new Date(share.createdAtMs),
            lastUpdatedTime: new Date(share.createdAtMs),
            featureSet: "STANDARD",
        };
    }

    /**
     * The receiver's association with the invitation's share, as RAM reports it now; undefined when
     * the invitation was never accepted.
     */
    associationStatusOf(invitation: InvitationRecord): ResourceShareAssociationStatus | undefined {
        const association = invitation.association;
        if (!association) {
            return undefined;
        }
        const share = this.shares.get(invitation.resourceShareArn);
        if (association.leftAtMs !== undefined || share?.status === ResourceShareStatus.DELETED) {
            return ResourceShareAssociationStatus.DISASSOCIATED;
        }
        return association.readyAtMs !== null && association.readyAtMs <= this.clock.now()
            ? ResourceShareAssociationStatus.ASSOCIATED
            : ResourceShareAssociationStatus.ASSOCIATING;
    }

    /** Accepts a PENDING invitation: its association becomes ASSOCIATED after the share's delay, or never. */
    accept(invitation: InvitationRecord, stalled: boolean): void {
        const share = this.shares.get(invitation.resourceShareArn);
        invitation.status = "ACCEPTED";
        invitation.association = {
            readyAtMs: stalled ? null : this.clock.now() + (share?.associationDelayMs ?? 0),
        };
    }

    /** The receiver leaves the share (DisassociateResourceShare with its own account as principal). */
    leave(invitation: InvitationRecord): void {
        if (invitation.association) {
            invitation.association.leftAtMs = this.clock.now();
        }
    }

    /** The owner deletes the share: every receiver's association ends with it. */
    deleteShare(share: ShareRecord): void {
        share.status = ResourceShareStatus.DELETED;
    }

    /** The resources of a share as ListResources describes them. */
    describeResources(share: ShareRecord): Resource[] {
        return share.resourceArns.map((arn) => ({
            arn,
            type: resourceTypeOf(arn),
            resourceShareArn: share.resourceShareArn,
            status: "AVAILABLE",
            creationTime: new Date(share.createdAtMs),
            lastUpdatedTime: new Date(share.createdAtMs),
        }));
    }

    /** Sets the stored status; expiry still applies to PENDING by the invitation's age. */
    setStatus(arn: string, status: InvitationStatus): InvitationRecord {
        const invitation = this.invitations.get(arn);
        if (!invitation) {
            throw new EmulatorInputError(`no invitation ${arn}`);
        }
        invitation.status = status;
        if (status === "ACCEPTED") {
            // Accepted out of band: associated at once, as if the acceptance happened a while ago.
            invitation.association ??= { readyAtMs: this.clock.now() };
        }
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
        this.seededPageSize = undefined;
    }

    snapshot(): StoreSnapshot {
        return {
            accounts: this.listAccounts(),
            shares: this.listShares(),
            invitations: this.listInvitations(),
            ...(this.seededPageSize === undefined ? {} : { pageSize: this.seededPageSize }),
        };
    }

    restore(snapshot: StoreSnapshot): void {
        this.clear();
        snapshot.accounts.forEach((a) => this.accountsByAccessKey.set(a.accessKeyId, a));
        // A state file written before shares had a status or an association delay reads as ACTIVE, no delay.
        snapshot.shares.forEach((s) =>
            this.shares.set(s.resourceShareArn, {
                ...s,
                status: s.status ?? ResourceShareStatus.ACTIVE,
                associationDelayMs: s.associationDelayMs ?? 0,
            }),
        );
        snapshot.invitations.forEach((i) => this.invitations.set(i.resourceShareInvitationArn, i));
        this.seededPageSize = snapshot.pageSize;
    }
}

/**
 * RAM's type of a resource (`service:Type`, e.g. `ec2:Subnet`) from its ARN: the service, and the
 * resource part before its id with a capital first letter.
 */
export function resourceTypeOf(arn: string): string {
    const [, , service = "", , , resource = ""] = arn.split(":");
    const kind = resource.split(/[/:]/)[0] ?? "";
    return `${service}:${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}
