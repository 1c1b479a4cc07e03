/**
 * getInvitations for TypeScript programs that use the library directly: the listing of
 * ../core/listing.ts, run in the program with a session configured from the stack as the dynamic
 * provider is.
 */
import * as pulumi from "@pulumi/pulumi";
import { GetInvitationsArgs, getInvitationsArgsProblems, roleOf } from "../inputs/listing-args";
import { Invitation, listInvitations } from "../core/listing";
import type { RamSession } from "../ram/ram-session";
import { RamSessions } from "../ram/ram-sessions";
import { configureFromStack } from "./configure-from-stack";

/**
 * Lists every invitation (every page) the calling account sees in `args.region`, oldest first.
 * Bad arguments fail at once, before any call, naming every problem; a RAM error fails with a
 * message that names the account and region and says what to do.
 */
export async function getInvitations(args: GetInvitationsArgs): Promise<Invitation[]> {
    const region = args.region ?? stackSessions().region;
    if (region === undefined) {
        throw new pulumi.RunError(
            "getInvitations: region is required: give region, or set the stack's ram-invitations:region " +
                "(or aws:region)",
        );
    }
    const problems = getInvitationsArgsProblems({ ...args, region });
    if (problems.length > 0) {
        throw new pulumi.RunError(`getInvitations: ${problems.join("; ")}`);
    }
    return listInvitations(programSession(args), { ...args, region });
}

/**
 * A session for the program itself (in preview and update alike), configured as the dynamic
 * provider is (`ram-invitations:*`, then `aws:profile`): the profile `args` name, else the provider's;
 * the role `args` name, else the provider's default role.
 */
export function programSession(
    args: Pick<GetInvitationsArgs, "profile" | "roleArn" | "externalId" | "roleSessionName">,
): RamSession {
    return stackSessions().forRole(roleOf(args), args.profile);
}

/** Sessions configured from the stack as the dynamic provider's are; a configuration problem fails the program. */
export function stackSessions(): RamSessions {
    const sessions = new RamSessions();
    try {
        configureFromStack(sessions, (fullKey) => {
            const [namespace, key] = fullKey.split(":");
            return new pulumi.Config(namespace).get(key);
        });
    } catch (error) {
        throw new pulumi.RunError(error instanceof Error ? error.message : String(error));
    }
    return sessions;
}
