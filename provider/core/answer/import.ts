/**
 * `pulumi import` of an answer: the import id, and the invitation it names, which must already be
 * answered so, since importing makes no call. Whatever else RAM shows fails with what to do instead,
 * naming the account that looked.
 */
import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { describeAccount } from "../../ram/messages";
import { callRam } from "../../ram/ram-call-error";
import { findCurrentInvitation } from "../../ram/invitation-finders";
import type { RamArn } from "../../ram/arn";
import type { RoleAccess } from "../../ram/role-access";
import type { RamSession } from "../../ram/ram-session";
import type { RamSessions } from "../../ram/ram-sessions";
import { accessOf, RejectionState } from "./properties";
import { parseRoleInputs } from "./role-inputs";
import { requireArn } from "./selection";

/** What `pulumi import` names: the invitation, and the role to look through, if any. */
export interface ImportTarget {
    invitationArn: string;
    role?: RoleAccess;
}

/**
 * Reads an import id: `<invitationArn>`, or `<invitationArn>,<roleArn>` for an invitation of the
 * account behind a role. Throws a message naming the id when it is neither.
 */
export function parseImportId(importId: string, defaultSessionName: string): ImportTarget {
    const [invitationArn, roleArn, ...rest] = importId.split(",").map((part) => part.trim());
    const usage =
        `The import id is the invitation's ARN, or "<invitationArn>,<roleArn>" to look through a role ` +
        `(e.g. arn:aws:ram:us-east-1:111122223333:resource-share-invitation/<id>,` +
        `arn:aws:iam::222222222222:role/<name>)`;
    if (rest.length > 0) {
        throw new Error(`import id ${JSON.stringify(importId)} has more than two parts. ${usage}.`);
    }
    try {
        requireArn(invitationArn, "invitationArn");
    } catch (error) {
        throw new Error(`import id ${JSON.stringify(importId)}: ${(error as Error).message}. ${usage}.`, {
            cause: error,
        });
    }
    if (roleArn === undefined) {
        return { invitationArn };
    }
    const { role, failures } = parseRoleInputs({ roleArn, roleSessionName: defaultSessionName });
    if (!role) {
        throw new Error(
            `import id ${JSON.stringify(importId)}: ${failures.map((f) => f.reason).join("; ")}. ${usage}.`,
        );
    }
    return { invitationArn, role };
}

/** The access fields of the state for an import through `target`'s role, if any. */
export function accessOfTarget(target: ImportTarget): Partial<RejectionState> {
    return accessOf({
        roleArn: target.role?.roleArn,
        externalId: target.role?.externalId,
        roleSessionName: target.role?.roleSessionName,
    });
}

/**
 * The invitation an import names, as RAM shows it now, which must have the `wanted` status;
 * otherwise an error naming the account that looked, with `whyNot` the status's explanation.
 */
export async function findImportable(
    sessions: RamSessions,
    target: ImportTarget,
    wanted: ResourceShareInvitationStatus,
    whyNot: (status: string | undefined) => string,
): Promise<{ invitation: ResourceShareInvitation; session: RamSession; arn: RamArn }> {
    const arn = requireArn(target.invitationArn, "invitationArn");
    const session = sessions.forRole(target.role);
    const invitation = await callRam(session, "look up", arn, () =>
        findCurrentInvitation(session.invitations, arn.region, arn.arn),
    );
    const context = await session.callContext(arn);
    const seenBy = `${describeAccount(context)} in region ${arn.region}`;
    if (!invitation) {
        throw new Error(
            `Cannot import ${arn.arn}: RAM does not show it to ${seenBy}. Check the ARN, and that the ` +
                `import runs as the account the invitation was sent to (give "<invitationArn>,<roleArn>" ` +
                `as the import id to look through a role).`,
        );
    }
    if (invitation.status !== wanted) {
        throw new Error(`Cannot import ${arn.arn}: ${whyNot(invitation.status)} (seen by ${seenBy}).`);
    }
    return { invitation, session, arn };
}
