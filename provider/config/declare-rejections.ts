import * as pulumi from "@pulumi/pulumi";
import { declareInTurn } from "../rejection/declare-in-turn";
import { InvitationRejection } from "../rejection/invitation-rejection";
import { parseRejectionsConfig, RejectionEntry, REJECTIONS_CONFIG_KEY } from "./rejections-config";

/**
 * Declares one {@link InvitationRejection} per entry of the stack's `rejections` config, so that
 * a pull request that edits `Pulumi.<stack>.yaml` is all it takes to reject an invitation.
 * Resolves to the resources by name; export the result (or await it) so that Pulumi waits for
 * it. Bad config throws at once, before anything is registered, with every problem listed.
 */
export function declareRejectionsFromConfig(
    config = new pulumi.Config(),
): Promise<Record<string, InvitationRejection>> {
    const { entries, problems } = parseRejectionsConfig(
        config.getObject<unknown>(REJECTIONS_CONFIG_KEY),
        `${config.name}:${REJECTIONS_CONFIG_KEY}`,
    );
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    return declareRejectionEntries(entries);
}

/** How the rejections of one fleet account reach it, and the prefix of their names. */
export interface AccountAccess {
    namePrefix: string;
    roleArn: string;
    externalId?: string;
    roleSessionName?: string;
}

/** Declares the rejections of parsed config entries, in turn (through an account's role, if given). */
export async function declareRejectionEntries(
    entries: RejectionEntry[],
    account?: AccountAccess,
): Promise<Record<string, InvitationRejection>> {
    const declared = await declareInTurn(entries, ({ name, ...args }): [string, InvitationRejection] => {
        const resourceName = account ? `${account.namePrefix}-${name}` : name;
        const access = account
            ? { roleArn: account.roleArn, externalId: account.externalId, roleSessionName: account.roleSessionName }
            : {};
        return [resourceName, new InvitationRejection(resourceName, { ...args, ...access })];
    });
    return Object.fromEntries(declared);
}
