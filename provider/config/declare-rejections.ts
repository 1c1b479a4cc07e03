import * as pulumi from "@pulumi/pulumi";
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
    return declareInTurn(entries);
}

/**
 * Declares the rejections one at a time, yielding to the event loop after each. Pulumi's SDK
 * sends a resource's registration only once the program yields, and declaring one costs a few
 * milliseconds (Pulumi records a stack trace for each of its properties). A synchronous loop
 * would keep every registration back until the last resource is declared, with the engine idle;
 * yielding lets the engine start the provider and reject the first invitations meanwhile.
 */
async function declareInTurn(entries: RejectionEntry[]): Promise<Record<string, InvitationRejection>> {
    const rejections: Record<string, InvitationRejection> = {};
    for (const { name, ...args } of entries) {
        rejections[name] = new InvitationRejection(name, args);
        await new Promise((resolve) => setImmediate(resolve));
    }
    return rejections;
}
