/**
 * The invitations the calling account sees, for programs: what an InvitationPolicy decides on, and
 * what a program can use to declare rejections of its own. Runs in the program (in preview and in
 * the update alike), with the same credentials chain, endpoint overrides and retry policy as the
 * provider's own reads.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { ACCOUNT_ID } from "../ram/arn";
import { failedCall } from "../ram/ram-call-error";
import { describeRegionProblem } from "../ram/regions";
import type { RoleAccess } from "../ram/role-access";
import type { RamSession } from "../ram/ram-session";
import { defaultRoleSessionName, parseRoleInputs } from "./answer/role-inputs";
import { invitationFacts } from "./answer/properties";
import { GET_INVITATIONS_INPUTS, INVITATION_TYPE } from "../schema/listing-properties";
import type { ObjectOf } from "../schema/property-types";

/** An invitation as RAM shows it to the calling account. */
export type Invitation = ObjectOf<typeof INVITATION_TYPE.properties>;

/** getInvitations' arguments, described in ../schema/listing-properties.ts. */
export type GetInvitationsArgs = ObjectOf<typeof GET_INVITATIONS_INPUTS>;

/** The statuses RAM gives invitations, from the SDK's enum. */
function knownStatuses(): string[] {
    return Object.values(ResourceShareInvitationStatus);
}

/** The listing itself, over a session the caller owns (an InvitationPolicy lists several regions with one). */
export async function listInvitations(
    session: RamSession,
    args: GetInvitationsArgs & { region: string },
): Promise<Invitation[]> {
    let listed;
    try {
        listed = await session.invitations.listing(args.region);
    } catch (error) {
        // In the program, a RunError is reported by its message alone, without a stack trace.
        throw new pulumi.RunError((await failedCall(session, "list", { region: args.region }, error)).message);
    }
    return [...listed.byArn.values()]
        .map((invitation) => ({ ...invitationFacts(invitation), region: args.region }))
        .filter((invitation) => !args.statuses || args.statuses.includes(invitation.status))
        .filter((invitation) => !args.senderAccountIds || args.senderAccountIds.includes(invitation.senderAccountId))
        .sort((a, b) => a.invitationTimestamp.localeCompare(b.invitationTimestamp));
}

/** The role `args` name, with the default session name; undefined without one. */
export function roleOf(
    args: Pick<GetInvitationsArgs, "roleArn" | "externalId" | "roleSessionName">,
): RoleAccess | undefined {
    return args.roleArn === undefined
        ? undefined
        : {
              roleArn: args.roleArn,
              externalId: args.externalId,
              roleSessionName: args.roleSessionName ?? defaultRoleSessionName(pulumi.getProject(), pulumi.getStack()),
          };
}

/** Every problem with the arguments, each naming the argument it concerns. */
export function getInvitationsArgsProblems(args: GetInvitationsArgs): string[] {
    const problems: string[] = parseRoleInputs({
        ...args,
        roleSessionName: roleOf(args)?.roleSessionName,
    }).failures.map((failure) => failure.reason);
    const regionProblem = describeRegionProblem(args.region);
    if (regionProblem) {
        problems.push(`region ${regionProblem}`);
    }
    const statuses = knownStatuses();
    (args.statuses ?? []).forEach((status, i) => {
        if (!statuses.includes(status)) {
            problems.push(`statuses[${i}] "${status}" is not one of ${statuses.join(", ")}`);
        }
    });
    (args.senderAccountIds ?? []).forEach((id, i) => {
        if (typeof id !== "string" || !ACCOUNT_ID.test(id)) {
            problems.push(`senderAccountIds[${i}] ${JSON.stringify(id)} is not a 12-digit account id`);
        }
    });
    return problems;
}
