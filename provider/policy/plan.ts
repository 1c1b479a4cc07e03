/**
 * What an InvitationPolicy does in one run, decided from the invitations RAM lists: pure logic,
 * so that the rule and the guard are tested without RAM.
 */
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import type { Invitation } from "../core/listing";
import type { ResolvedTargets } from "../organizations/resolution";
import type { CheckedPolicyArgs, PolicyMode } from "./policy-args";
import type { PolicyCounts, PolicySummary } from "../generated/types";

/**
 * What the policy makes of one invitation:
 * - `reject`: pending, and its sender (or share) is not allowed;
 * - `keep-rejected`: rejected, and not allowed: the policy's earlier rejection (or one it agrees
 *   with) stays declared, so that a later run shows no change;
 * - `accept`: pending and allowed, with `allowed: "accept"`;
 * - `keep-accepted`: accepted and allowed, with `allowed: "accept"`: kept declared, like a rejection;
 * - `allowed`: pending and allowed, with `allowed: "leave"`: left pending;
 * - `ignore`: anything else (expired, an allowed sender's rejected invitation, an unwanted one
 *   accepted elsewhere, or an accepted one when the policy leaves the allowed alone).
 */
export type Decision = "reject" | "keep-rejected" | "accept" | "keep-accepted" | "allowed" | "ignore";

/**
 * The allowed sender `senderAccountId` matches: itself, when allowedSenderAccountIds names it, else
 * the first of allowedOrganizationTargets whose resolved ACTIVE accounts hold it; undefined for an
 * outsider (a suspended account included: it is in no target's resolution).
 */
export function matchedSender(
    senderAccountId: string,
    args: CheckedPolicyArgs,
    resolved: ResolvedTargets,
): string | undefined {
    if (args.allowedSenderAccountIds.includes(senderAccountId)) {
        return senderAccountId;
    }
    return (args.allowedOrganizationTargets ?? []).find((target) => resolved[target]?.includes(senderAccountId));
}

/**
 * The rule: allowed means an allowed sender (an allowed account, or an ACTIVE account of an allowed
 * organization target) and, when share names are given, an allowed share name.
 */
export function isAllowed(invitation: Invitation, args: CheckedPolicyArgs, resolved: ResolvedTargets = {}): boolean {
    return (
        matchedSender(invitation.senderAccountId, args, resolved) !== undefined &&
        (args.allowedResourceShareNames === undefined ||
            args.allowedResourceShareNames.includes(invitation.resourceShareName))
    );
}

export function decide(invitation: Invitation, args: CheckedPolicyArgs, resolved: ResolvedTargets = {}): Decision {
    const allowed = isAllowed(invitation, args, resolved);
    const accepts = args.allowed === "accept";
    switch (invitation.status) {
        case ResourceShareInvitationStatus.PENDING:
            if (!allowed) {
                return "reject";
            }
            return accepts ? "accept" : "allowed";
        case ResourceShareInvitationStatus.REJECTED:
            return allowed ? "ignore" : "keep-rejected";
        case ResourceShareInvitationStatus.ACCEPTED:
            return allowed && accepts ? "keep-accepted" : "ignore";
        default:
            return "ignore";
    }
}

/** Counts for one sender or for the whole policy, and what the policy saw and did (its `summary` output). */
export type { PolicyCounts, PolicySummary };

export interface PolicyPlan {
    /** Pending invitations that are not allowed: rejected in enforce mode, reported in report mode. */
    unwanted: Invitation[];
    /** Rejected invitations that are not allowed: declared again in enforce mode. */
    rejectedEarlier: Invitation[];
    /** Pending allowed invitations, with `allowed: "accept"`: accepted in enforce mode, reported in report mode. */
    wanted: Invitation[];
    /** Accepted invitations that are allowed, with `allowed: "accept"`: declared again. */
    acceptedEarlier: Invitation[];
    summary: PolicySummary;
}

/** The plan for `invitations`; `resolved` holds each organization target's ACTIVE accounts. */
export function planPolicy(
    invitations: Invitation[],
    args: CheckedPolicyArgs,
    resolved: ResolvedTargets = {},
): PolicyPlan {
    const targets = args.allowedOrganizationTargets;
    const plan: PolicyPlan = {
        unwanted: [],
        rejectedEarlier: [],
        wanted: [],
        acceptedEarlier: [],
        summary: {
            ...emptySummary(args),
            ...(targets && {
                organizationTargets: Object.fromEntries(targets.map((t) => [t, resolved[t]?.length ?? 0])),
                allowedBy: {},
            }),
        },
    };
    const listFor: Partial<Record<Decision, Invitation[]>> = {
        reject: plan.unwanted,
        "keep-rejected": plan.rejectedEarlier,
        accept: plan.wanted,
        "keep-accepted": plan.acceptedEarlier,
    };
    for (const invitation of invitations) {
        const decision = decide(invitation, args, resolved);
        if (decision === "ignore") {
            continue;
        }
        if (plan.summary.allowedBy && ["allowed", "accept", "keep-accepted"].includes(decision)) {
            plan.summary.allowedBy[invitation.senderAccountId] = matchedSender(
                invitation.senderAccountId,
                args,
                resolved,
            )!;
        }
        const counter = countedAs(decision, args.mode);
        plan.summary[counter]++;
        plan.summary.bySender[invitation.senderAccountId] ??= noCounts();
        plan.summary.bySender[invitation.senderAccountId][counter]++;
        listFor[decision]?.push(invitation);
    }
    return plan;
}

/** The summary of a policy that has seen nothing (yet). */
export function emptySummary(args: Pick<CheckedPolicyArgs, "mode" | "regions">): PolicySummary {
    return { mode: args.mode, regions: args.regions, ...noCounts(), bySender: {} };
}

/**
 * The summary of a run that did not go ahead: what it would have rejected or accepted is counted as
 * `wouldReject` and `wouldAccept`, in all and per sender, so that no "now" count reads as if it acted.
 */
export function refusedSummary(summary: PolicySummary): PolicySummary {
    const bySender = Object.entries(summary.bySender).map(([sender, counts]) => [
        sender,
        { ...counts, ...undone(counts) },
    ]);
    return { ...summary, ...undone(summary), bySender: Object.fromEntries(bySender), refused: true };
}

function undone(
    counts: PolicyCounts,
): Pick<PolicyCounts, "rejectedNow" | "wouldReject" | "acceptedNow" | "wouldAccept"> {
    return {
        rejectedNow: 0,
        wouldReject: counts.wouldReject + counts.rejectedNow,
        acceptedNow: 0,
        wouldAccept: counts.wouldAccept + counts.acceptedNow,
    };
}

function countedAs(decision: Exclude<Decision, "ignore">, mode: PolicyMode): keyof PolicyCounts {
    switch (decision) {
        case "allowed":
            return "pendingAllowed";
        case "keep-rejected":
            return "rejectedEarlier";
        case "reject":
            return mode === "enforce" ? "rejectedNow" : "wouldReject";
        case "accept":
            return mode === "enforce" ? "acceptedNow" : "wouldAccept";
        case "keep-accepted":
            return "acceptedEarlier";
    }
}

function noCounts(): PolicyCounts {
    return {
        pendingAllowed: 0,
        rejectedNow: 0,
        wouldReject: 0,
        rejectedEarlier: 0,
        acceptedNow: 0,
        wouldAccept: 0,
        acceptedEarlier: 0,
    };
}

/**
 * Why this run must not go ahead, or undefined: in enforce mode, more pending invitations to reject
 * than `maxRejectionsPerRun`, or to accept than `maxAcceptancesPerRun`. Either refuses the whole
 * run, before any write of either kind. Each message names the count, the senders and the setting.
 */
export function guardProblem(policyName: string, plan: PolicyPlan, args: CheckedPolicyArgs): string | undefined {
    if (args.mode !== "enforce") {
        return undefined;
    }
    const who = `InvitationPolicy "${policyName}"${args.roleArn ? ` (through role ${args.roleArn})` : ""}`;
    const problems: string[] = [];
    const rejections = plan.unwanted.length;
    if (rejections > args.maxRejectionsPerRun) {
        problems.push(
            `${who} would reject ${rejections} pending invitations in this run, more than maxRejectionsPerRun ` +
                `(${args.maxRejectionsPerRun}); it rejected none of them. Senders: ${sendersOf(plan.unwanted)}. ` +
                `Rejection cannot be undone: if a sender you trust is among them, add it to allowedSenderAccountIds ` +
                `(or its OU to allowedOrganizationTargets); ` +
                `if every one of them is unwanted, raise maxRejectionsPerRun to at least ${rejections} for this run ` +
                `(mode: "report" lists them without rejecting).`,
        );
    }
    const acceptances = plan.wanted.length;
    if (acceptances > args.maxAcceptancesPerRun) {
        problems.push(
            `${who} would accept ${acceptances} pending invitations in this run, more than maxAcceptancesPerRun ` +
                `(${args.maxAcceptancesPerRun}); it accepted none of them. Senders: ${sendersOf(plan.wanted)}. ` +
                `An acceptance makes the share's resources visible to the account: if a sender is among them by ` +
                `mistake, remove it from allowedSenderAccountIds (or name the shares in allowedResourceShareNames); ` +
                `if every one of them is wanted, raise maxAcceptancesPerRun to at least ${acceptances} for this run ` +
                `(mode: "report" lists them without accepting).`,
        );
    }
    return problems.length > 0 ? problems.join(" ") : undefined;
}

/** `111111111111 (3), 222222222222 (1)`: the senders of `invitations`, most first. */
function sendersOf(invitations: Invitation[]): string {
    const bySender = new Map<string, number>();
    invitations.forEach((i) => bySender.set(i.senderAccountId, (bySender.get(i.senderAccountId) ?? 0) + 1));
    return [...bySender]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([sender, n]) => `${sender} (${n})`)
        .join(", ");
}

/**
 * The name of the policy's rejection (or acceptance) of `invitation`: from the policy's name and the
 * invitation's id, never from its place in a list, so that its URN, and so its client token, is the
 * same on every run, and two policies in one stack never collide.
 */
export function rejectionName(policyName: string, invitation: Invitation): string {
    return `${policyName}-${invitation.invitationArn.slice(invitation.invitationArn.lastIndexOf("/") + 1)}`;
}
