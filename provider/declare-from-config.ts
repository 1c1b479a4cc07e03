import * as pulumi from "@pulumi/pulumi";
import { InvitationRejection } from "./invitation-rejection";
import { parseRejectionsConfig, REJECTIONS_CONFIG_KEY } from "./rejections-config";

/**
 * Declares one {@link InvitationRejection} per entry of the stack's `rejections` config, so that
 * a pull request that edits `Pulumi.<stack>.yaml` is all it takes to reject an invitation.
 * Returns the resources by name. Bad config fails the program before anything is registered,
 * with every problem listed.
 */
export function declareRejectionsFromConfig(config = new pulumi.Config()): Record<string, InvitationRejection> {
    const { entries, problems } = parseRejectionsConfig(config.getObject<unknown>(REJECTIONS_CONFIG_KEY), `${config.name}:${REJECTIONS_CONFIG_KEY}`);
    if (problems.length > 0) {
        throw new pulumi.RunError(`The stack config is not valid:\n  - ${problems.join("\n  - ")}`);
    }
    const rejections: Record<string, InvitationRejection> = {};
    for (const entry of entries) {
        const { name, ...args } = entry;
        rejections[name] = new InvitationRejection(name, args);
    }
    return rejections;
}
