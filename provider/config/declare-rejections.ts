import * as pulumi from "@pulumi/pulumi";
import { declareInTurn } from "../policy/declare-in-turn";
import { InvitationRejection } from "../dynamic/invitation-rejection";
import { CONFIG_NAMESPACE } from "../core/provider-config-keys";
import { parseRejectionsConfig, RejectionEntry, REJECTIONS_CONFIG_KEY } from "./rejections-config";
import { unknownKeyProblems } from "./unknown-keys";

/**
 * Declares one {@link InvitationRejection} per entry of the stack's `ram-invitations:rejections`
 * config (whatever the project's name; pass a `config` to read another namespace), so that a pull
 * request that edits `Pulumi.<stack>.yaml` is all it takes to reject an invitation. Resolves to the
 * resources by name; export the result (or await it) so that Pulumi waits for it. Bad config, and
 * any other key of the namespace but the provider's, throws at once, before anything is registered,
 * with every problem listed.
 */
export function declareRejectionsFromConfig(
    config = new pulumi.Config(CONFIG_NAMESPACE),
): Promise<Record<string, InvitationRejection>> {
    const parsed = parseRejectionsConfig(
        config.getObject<unknown>(REJECTIONS_CONFIG_KEY),
        `${config.name}:${REJECTIONS_CONFIG_KEY}`,
    );
    const problems = [
        ...unknownKeyProblems(pulumi.runtime.allConfig(), config.name, "declareRejectionsFromConfig()", [
            REJECTIONS_CONFIG_KEY,
        ]),
        ...parsed.problems,
    ];
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    return declareRejectionEntries(parsed.entries);
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
