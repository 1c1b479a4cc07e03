/**
 * The model's public data types: accounts, seeds (the organization's too) and what seeding created,
 * and an invitation as RAM describes it. The admin API and {@link EmulatorAdmin} speak in these.
 */
import type { AccountStatus } from "@aws-sdk/client-organizations";
import type { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";

/** An invitation's status, as RAM names it: PENDING, ACCEPTED, REJECTED or EXPIRED. */
export type InvitationStatus = ResourceShareInvitationStatus;

/** An AWS account the emulator knows, and the access key its requests are signed with. */
export interface SeedAccount {
    /** The 12-digit account id. */
    accountId: string;
    /** The access key id that identifies this account in a request's SigV4 `Authorization` header. */
    accessKeyId: string;
    /** When given, every request with this access key must carry a valid SigV4 signature made with it. */
    secretAccessKey?: string;
    /** A label for people reading logs and state; RAM never sees it. */
    name?: string;
}

/** A resource share to create while seeding, as its owner would with CreateResourceShare. */
export interface SeedShare {
    /** The share's name. */
    name: string;
    /** The 12-digit id of the owning (sending) account. */
    ownerAccountId: string;
    /** The region the share and its invitations live in, e.g. `us-east-1`. */
    region: string;
    /** Account ids that receive a PENDING invitation to this share. */
    principals?: string[];
    /**
     * RAM is eventually consistent: a new invitation can take a while to show up. The
     * invitations of this share are invisible (not listed, not found, not acceptable) until
     * this many milliseconds on the emulator's clock after creation. Default 0.
     */
    invitationVisibleAfterMs?: number;
    /** The resources the share shares (ARNs): what ListResources shows a receiver once associated. */
    resourceArns?: string[];
    /**
     * After an acceptance, the receiver's association with the share is ASSOCIATING for this many
     * milliseconds on the emulator's clock, then ASSOCIATED (only then is the share listed as shared
     * with the receiver, and its resources visible). Default 0.
     */
    associationDelayMs?: number;
}

/**
 * An IAM role that STS AssumeRole hands out temporary credentials for. Its trust is what a role's
 * trust policy would say with `"Principal": {"AWS": [...]}` and, when `externalId` is set, an
 * `sts:ExternalId` condition.
 */
export interface SeedRole {
    /**
     * `arn:<partition>:iam::<account>:role/<name>` (a path before the name is allowed). The role
     * belongs to the account in the ARN, which must be seeded (in this seed or an earlier one);
     * its temporary credentials act as that account.
     */
    roleArn: string;
    /**
     * Who may assume it: account ids (any identity of that account: its access key or a session
     * of any of its roles) and role ARNs (sessions of that role, i.e. role chaining). A role ARN
     * must name a seeded role.
     */
    trustedPrincipals: string[];
    /** When set, AssumeRole must pass this `ExternalId`. */
    externalId?: string;
    /** The longest session AssumeRole may ask for, 3600 to 43200 seconds; default 3600, as IAM has it. */
    maxSessionDurationSeconds?: number;
}

/**
 * An account's status in AWS Organizations, as `Account.Status` reports it (`State` follows it:
 * the same value). The emulator does not model `PENDING_ACTIVATION` or `CLOSED` states.
 */
export type OrganizationAccountStatus = Extract<AccountStatus, "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE">;

/** An organizational unit: its id (`ou-<4-32>-<8-32>`, lower-case letters and digits), its name and parent. */
export interface SeedOrganizationalUnit {
    id: string;
    name: string;
    /** The organization's root id or another OU's id (in any order in the seed). */
    parentId: string;
}

/**
 * An account of the organization. It needs no credentials: only seeded accounts can call, but any
 * 12-digit id can be a member.
 */
export interface SeedOrganizationAccount {
    /** The 12-digit account id. */
    id: string;
    /** The root id or an OU id. */
    parentId: string;
    /** Default ACTIVE. */
    status?: OrganizationAccountStatus;
    /** Default: the seeded account's name, else `account-<id>`. */
    name?: string;
    /** Default `<id>@example.com`. */
    email?: string;
}

/** An AWS Organization (one at most): seeding one replaces the one there was. */
export interface SeedOrganization {
    /** `o-` and 10 to 32 lower-case letters or digits. */
    id: string;
    /** A seeded account (it needs credentials to call); it sits in the root unless listed in `accounts`. */
    managementAccountId: string;
    /** `r-` and 4 to 32 lower-case letters or digits. */
    rootId: string;
    /** Member accounts (not the management account) that may list and describe accounts and OUs too. */
    delegatedAdministrators?: string[];
    organizationalUnits?: SeedOrganizationalUnit[];
    accounts?: SeedOrganizationAccount[];
}

/** What to put into the emulator: accounts first, then roles, then shares with their invitations. */
export interface Seed {
    accounts: SeedAccount[];
    roles?: SeedRole[];
    resourceShares?: SeedShare[];
    /** The AWS Organization the accounts are in, served on Organizations' API. */
    organization?: SeedOrganization;
    /**
     * The most items one page of any list call (RAM's and Organizations') holds from now on, whatever
     * `maxResults` asks (1 to 500): RAM may answer with fewer than asked, and a client must follow `nextToken`. With 1,
     * every listing of more than one item takes several pages. Until a reset; default: none.
     */
    pageSize?: number;
}

/** A share created by seeding, with the ARN of the invitation each principal received. */
export interface SeededShare {
    resourceShareArn: string;
    name: string;
    ownerAccountId: string;
    region: string;
    /** Invitation ARN by receiving account id. */
    invitationArns: Record<string, string>;
}

/** The answer to a seed: what was created, in the order the seed listed it. */
export interface SeededState {
    accounts: { accountId: string; accessKeyId: string; name?: string }[];
    /** Each role with the unique id IAM gives it (`AROA...`), the first part of its sessions' `AssumedRoleId`. */
    roles: { roleArn: string; roleId: string }[];
    resourceShares: SeededShare[];
}

/**
 * An invitation as RAM describes it (`ResourceShareInvitation` in the SDK, every member set):
 * the shape {@link Store.describeInvitation} gives, which the RAM endpoint answers with and the
 * admin API's {@link InvitationView} builds on. `status` is the one RAM reports now: a PENDING
 * invitation older than seven days reads EXPIRED.
 */
export type InvitationDescription = Required<
    Pick<
        ResourceShareInvitation,
        | "resourceShareInvitationArn"
        | "resourceShareName"
        | "resourceShareArn"
        | "senderAccountId"
        | "receiverAccountId"
        | "invitationTimestamp"
        | "status"
    >
>;
