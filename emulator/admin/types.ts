/**
 * What the admin API answers besides seeds and the call log: invitations and shares as it shows
 * them, and the whole state.
 */
import type { OperationFaults } from "../faults/types";
import type { InvitationDescription, OrganizationAccountStatus } from "../model/types";
import type { ServedOperationName } from "../wire/served-operations";

/**
 * An invitation as the admin API shows it: as RAM describes it ({@link InvitationDescription}),
 * with ISO 8601 times, and what RAM does not show (its region and when it becomes visible).
 */
export interface InvitationView extends Omit<InvitationDescription, "invitationTimestamp"> {
    /** When it was sent (ISO 8601, emulator clock). */
    invitationTimestamp: string;
    region: string;
    /** When it becomes visible to its receiver (ISO 8601, emulator clock). */
    visibleAt: string;
}

/** A resource share as the admin API shows it. */
export interface ResourceShareView {
    resourceShareArn: string;
    name: string;
    ownerAccountId: string;
    region: string;
    principals: string[];
    resourceArns: string[];
    allowExternalPrincipals: boolean;
    /** ISO 8601, emulator clock. */
    creationTime: string;
}

/** A role as the admin API shows it: its external id left out, only whether it has one. */
export interface RoleView {
    roleArn: string;
    /** IAM's unique id of the role (`AROA...`). */
    roleId: string;
    /** The account the role belongs to, which its sessions act as. */
    accountId: string;
    trustedPrincipals: string[];
    requiresExternalId: boolean;
    maxSessionDurationSeconds: number;
}

/** A role session, as `state()` shows it: who it is and until when, without its secret key and token. */
export interface SessionView {
    /** The temporary access key id (`ASIA...`). */
    accessKeyId: string;
    roleArn: string;
    roleSessionName: string;
    /** The role's account: the account the credentials act as. */
    accountId: string;
    /** `arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>` */
    assumedRoleArn: string;
    /** ISO 8601, emulator clock. */
    issuedAt: string;
    /** ISO 8601, emulator clock, to the second as STS states it. */
    expiration: string;
    /** Whether the emulator's clock is past `expiration`, so the credentials are refused. */
    expired: boolean;
}

/** Temporary credentials AssumeRole issued, secrets included: what `issuedCredentials()` answers. */
export interface IssuedCredentials extends SessionView {
    secretAccessKey: string;
    sessionToken: string;
}

/** An account of the organization as the admin API shows it. */
export interface OrganizationAccountView {
    accountId: string;
    /** The root or OU the account is in. */
    parentId: string;
    status: OrganizationAccountStatus;
    name: string;
    email: string;
    joinedMethod: "CREATED" | "INVITED";
    /** ISO 8601, emulator clock. */
    joinedTimestamp: string;
}

/** An organizational unit as the admin API shows it. */
export interface OrganizationalUnitView {
    id: string;
    name: string;
    parentId: string;
    arn: string;
}

/** The organization as the admin API shows it. */
export interface OrganizationView {
    id: string;
    arn: string;
    managementAccountId: string;
    rootId: string;
    delegatedAdministrators: string[];
    organizationalUnits: OrganizationalUnitView[];
    accounts: OrganizationAccountView[];
}

/**
 * Everything the emulator holds, for assertions and debugging. Secret keys, session tokens and
 * external ids are left out.
 */
export interface EmulatorStateSnapshot {
    /** The emulator's clock now (ISO 8601). */
    now: string;
    /** How far the clock was moved ahead of real time. */
    clockOffsetMs: number;
    /** The seed of the generator behind probabilistic faults. */
    randomSeed: number;
    accounts: { accountId: string; accessKeyId: string; name?: string; verifiesSignatures: boolean }[];
    roles: RoleView[];
    /** Every session AssumeRole started, expired ones too. */
    sessions: SessionView[];
    resourceShares: ResourceShareView[];
    invitations: InvitationView[];
    /** The organization, or null when none is seeded. */
    organization: OrganizationView | null;
    /** Faults by operation, with "next N" counters as far as they have counted down. */
    faults: Partial<Record<ServedOperationName, OperationFaults>>;
    /** How many client tokens the idempotency ledger remembers. */
    clientTokenCount: number;
}
