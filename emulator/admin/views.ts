/**
 * What the admin API shows of the emulator's state. An invitation is shown as RAM describes it
 * (the model's `describeInvitation`, so its shape is written once) plus what RAM does not show;
 * the organization as stored, with times in ISO 8601 and ARNs.
 */
import type { Emulator } from "../emulator";
import { isoTime } from "../model/clock";
import type { Iam, RoleRecord, SessionRecord } from "../model/iam";
import type { OrganizationAccountRecord, OrganizationalUnitRecord, OrganizationRecord } from "../model/organization";
import { organizationArns } from "../model/organization-ids";
import type { InvitationRecord, ShareRecord, Store } from "../model/store";
import { stsTime } from "../wire/sts-query";
import type {
    EmulatorStateSnapshot,
    InvitationView,
    IssuedCredentials,
    OrganizationAccountView,
    OrganizationalUnitView,
    OrganizationView,
    ResourceShareView,
    RoleView,
    SessionView,
} from "./types";

/** An invitation as the admin API shows it: RAM's description, ISO times, region and visibility. */
export function invitationView(store: Store, invitation: InvitationRecord): InvitationView {
    const described = store.describeInvitation(invitation);
    return {
        ...described,
        invitationTimestamp: described.invitationTimestamp.toISOString(),
        region: invitation.region,
        visibleAt: isoTime(invitation.visibleAtMs),
    };
}

/** A share as the admin API shows it: the stored share, its creation time in ISO 8601 and without its tags. */
export function shareView(share: ShareRecord): ResourceShareView {
    const { createdAtMs, tags: _tags, ...shown } = share;
    return { ...shown, creationTime: isoTime(createdAtMs) };
}

/** A role without its external id. */
export function roleView(role: RoleRecord): RoleView {
    const { externalId, ...shown } = role;
    return { ...shown, requiresExternalId: externalId !== undefined };
}

/** A session without its secret key and token. */
export function sessionView(iam: Iam, session: SessionRecord): SessionView {
    const { secretAccessKey: _secret, sessionToken: _token, issuedAtMs, expiresAtMs, ...shown } = session;
    return {
        ...shown,
        issuedAt: isoTime(issuedAtMs),
        expiration: stsTime(expiresAtMs),
        expired: iam.isExpired(session),
    };
}

/** Every session's credentials, secrets included, for tests that look for them where they must not be. */
export function issuedCredentials(iam: Iam): IssuedCredentials[] {
    return iam.listSessions().map((session) => ({
        ...sessionView(iam, session),
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
    }));
}

/** An account of the organization, its join time in ISO 8601. */
export function organizationAccountView(account: OrganizationAccountRecord): OrganizationAccountView {
    const { id, joinedAtMs, ...shown } = account;
    return { accountId: id, ...shown, joinedTimestamp: isoTime(joinedAtMs) };
}

/** An OU with its ARN. */
export function organizationalUnitView(
    organization: OrganizationRecord,
    ou: OrganizationalUnitRecord,
): OrganizationalUnitView {
    return { ...ou, arn: organizationArns(organization).organizationalUnit(ou.id) };
}

function organizationView(organization: OrganizationRecord): OrganizationView {
    return {
        id: organization.id,
        arn: organizationArns(organization).organization,
        managementAccountId: organization.managementAccountId,
        rootId: organization.rootId,
        delegatedAdministrators: [...organization.delegatedAdministrators],
        organizationalUnits: organization.organizationalUnits.map((ou) => organizationalUnitView(organization, ou)),
        accounts: organization.accounts.map(organizationAccountView),
    };
}

/** Everything the emulator holds, without secret keys, session tokens or external ids. */
export function stateSnapshot(emulator: Emulator): EmulatorStateSnapshot {
    const { store, clock } = emulator;
    return {
        now: clock.isoNow(),
        clockOffsetMs: clock.offsetMs,
        randomSeed: emulator.randomSeed,
        accounts: store.listAccounts().map(({ accountId, accessKeyId, name, secretAccessKey }) => ({
            accountId,
            accessKeyId,
            name,
            verifiesSignatures: secretAccessKey !== undefined,
        })),
        roles: emulator.iam.listRoles().map(roleView),
        sessions: emulator.iam.listSessions().map((s) => sessionView(emulator.iam, s)),
        resourceShares: store.listShares().map(shareView),
        invitations: store.listInvitations().map((i) => invitationView(store, i)),
        organization: emulator.organizations.current ? organizationView(emulator.organizations.current) : null,
        faults: emulator.faults.snapshot(),
        clientTokenCount: emulator.ledger.size,
    };
}
