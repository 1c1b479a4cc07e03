/**
 * The import id of an answer, read offline: `<invitationArn>`, or `<invitationArn>,<roleArn>` for an
 * invitation of the account behind a role.
 */
import { parseRoleInputs, RoleAccess } from "./role-inputs";
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
