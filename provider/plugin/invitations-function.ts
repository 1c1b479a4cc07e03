/**
 * `ram-invitations:index:getInvitations` as the provider plugin serves it: the same listing and the
 * same argument checks as the library's getInvitations, run in the plugin process.
 */
import type * as provider from "@pulumi/pulumi/provider";
import { GetInvitationsArgs, getInvitationsArgsProblems, listInvitations } from "../listing/get-invitations";
import { RamSession } from "../ram/session";
import { plainProperties } from "./wire-values";

export const GET_INVITATIONS_TOKEN = "ram-invitations:index:getInvitations";

/** The session name when a program gives a role but no name: a function call has no URN to name the stack by. */
const INVOKE_SESSION_NAME = "pulumi-ram-invitations";

export async function invokeGetInvitations(inputs: object): Promise<provider.InvokeResult> {
    const given = plainProperties(inputs as Record<string, unknown>) as unknown as GetInvitationsArgs;
    const args: GetInvitationsArgs = {
        ...given,
        roleSessionName: given.roleArn === undefined ? undefined : (given.roleSessionName ?? INVOKE_SESSION_NAME),
    };
    const problems = getInvitationsArgsProblems(args);
    if (problems.length > 0) {
        return { failures: problems.map((reason) => ({ property: "", reason: `getInvitations: ${reason}` })) };
    }
    const role = args.roleArn
        ? { roleArn: args.roleArn, externalId: args.externalId, sessionName: args.roleSessionName as string }
        : undefined;
    const invitations = await listInvitations(new RamSession({ profile: args.profile, role }), args);
    return { outputs: { invitations } };
}
