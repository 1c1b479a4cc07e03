/**
 * `ram-invitations:index:getInvitations` as the provider plugin serves it: the same listing and the
 * same argument checks as the library's getInvitations, run in the plugin process.
 */
import { GetInvitationsArgs, getInvitationsArgsProblems } from "../inputs/listing-args";
import { listInvitations } from "../core/listing";
import type { RamSessions } from "../ram/ram-sessions";
import type { InvokeResult } from "./server/plugin-provider";
import { plainProperties } from "./wire-values";

/** The session name when a program gives a role but no name: a function call has no URN to name the stack by. */
const INVOKE_SESSION_NAME = "pulumi-ram-invitations";

/**
 * Lists as the provider is configured: its region where the call names none, its profile and
 * default role where the call gives none of its own.
 */
export async function invokeGetInvitations(sessions: RamSessions, inputs: object): Promise<InvokeResult> {
    const given = plainProperties(inputs as Record<string, unknown>) as unknown as GetInvitationsArgs;
    if (given.region === undefined && sessions.region === undefined) {
        return {
            failures: [
                {
                    property: "region",
                    reason:
                        "getInvitations: region is required: give region, or set the provider's region " +
                        "(ram-invitations:region, or region on an explicit provider)",
                },
            ],
        };
    }
    const args: GetInvitationsArgs & { region: string } = {
        ...given,
        region: given.region ?? (sessions.region as string),
        roleSessionName: given.roleArn === undefined ? undefined : (given.roleSessionName ?? INVOKE_SESSION_NAME),
    };
    const problems = getInvitationsArgsProblems(args);
    if (problems.length > 0) {
        return { failures: problems.map((reason) => ({ property: "", reason: `getInvitations: ${reason}` })) };
    }
    const role = args.roleArn
        ? { roleArn: args.roleArn, externalId: args.externalId, roleSessionName: args.roleSessionName as string }
        : undefined;
    const invitations = await listInvitations(sessions.forRole(role, args.profile), args);
    return { outputs: { invitations } };
}
