/**
 * The arguments of a listing (getInvitations in both shells, and every policy's own listing) and
 * their offline checks: every problem named by its argument before anything is listed.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { ACCOUNT_ID } from "./arn";
import { describeRegionProblem } from "./regions";
import { defaultRoleSessionName, parseRoleInputs, RoleAccess } from "./role-inputs";
import type { GetInvitationsArgs } from "../generated/types";

/** getInvitations' arguments, generated from ../schema/listing-properties.ts. */
export type { GetInvitationsArgs };

/** The statuses RAM gives invitations, from the SDK's enum. */
function knownStatuses(): string[] {
    return Object.values(ResourceShareInvitationStatus);
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
