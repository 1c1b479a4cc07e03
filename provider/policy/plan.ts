/**
 * What an InvitationPolicy does in one run, decided from the invitations RAM lists: pure logic,
 * so that the rule and the guard are tested without RAM.
 */
import { ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import type { Invitation } from "../listing/get-invitations";
import type { CheckedPolicyArgs, PolicyMode } from "./policy-args";

/**
 * What the policy makes of one invitation:
 * - `reject`: pending, and its sender (or share) is not allowed;
 * - `keep-rejected`: rejected, and not allowed: the policy's earlier rejection (or one it agrees
 *   with) stays declared, so that a later run shows no change;
 * - `allowed`: pending from an allowed sender: left pending;
 * - `ignore`: anything else (accepted, expired, or an allowed sender's rejected invitation).
 */
export type Decision = "reject" | "keep-rejected" | "allowed" | "ignore";

/** The rule: allowed means an allowed sender and, when share names are given, an allowed share name. */
export function isAllowed(invitation: Invitation, args: CheckedPolicyArgs): boolean {
    return (
        args.allowedSenderAccountIds.includes(invitation.senderAccountId) &&
        (args.allowedResourceShareNames === undefined ||
            args.allowedResourceShareNames.includes(invitation.resourceShareName))
    );
}

export function decide(invitation: Invitation, args: CheckedPolicyArgs): Decision {
    const allowed = isAllowed(invitation, args);
    switch (invitation.status) {
        case ResourceShareInvitationStatus.PENDING:
            return allowed ? "allowed" : "reject";
        case ResourceShareInvitationStatus.REJECTED:
            return allowed ? "ignore" : "keep-rejected";
        default:
            return "ignore";
    }
}

/** Counts for one sender, or for the whole policy. */
export interface PolicyCounts {
    /** Pending invitations the policy allows (left pending). */
    pendingAllowed: number;
    /** Pending invitations this run rejects (enforce mode). */
    rejectedNow: number;
    /** Pending invitations this run would reject (report mode). */
    wouldReject: number;
    /** Rejected invitations the policy keeps declared (rejected by an earlier run, or out of band). */
    rejectedEarlier: number;
}

/** What the policy saw and did, as its `summary` output. */
export interface PolicySummary extends PolicyCounts {
    mode: PolicyMode;
    regions: string[];
    /** The same counts per sender account. */
    bySender: Record<string, PolicyCounts>;
    /**
     * True when the policy refused to run (its guard, or RAM could not be listed; its error says
     * why): it rejected nothing, and the counts are what it saw. Absent when it ran.
     */
    refused?: boolean;
}

export interface PolicyPlan {
    /** Pending invitations that are not allowed: rejected in enforce mode, reported in report mode. */
    unwanted: Invitation[];
    /** Rejected invitations that are not allowed: declared again in enforce mode. */
    rejectedEarlier: Invitation[];
    summary: PolicySummary;
}

export function planPolicy(invitations: Invitation[], args: CheckedPolicyArgs): PolicyPlan {
    const plan: PolicyPlan = { unwanted: [], rejectedEarlier: [], summary: emptySummary(args) };
    for (const invitation of invitations) {
        const decision = decide(invitation, args);
        if (decision === "ignore") {
            continue;
        }
        const counter = countedAs(decision, args.mode);
        plan.summary[counter]++;
        plan.summary.bySender[invitation.senderAccountId] ??= noCounts();
        plan.summary.bySender[invitation.senderAccountId][counter]++;
        if (decision === "reject") {
            plan.unwanted.push(invitation);
        } else if (decision === "keep-rejected") {
            plan.rejectedEarlier.push(invitation);
        }
    }
    return plan;
}

/** The summary of a policy that has seen nothing (yet). */
export function emptySummary(args: Pick<CheckedPolicyArgs, "mode" | "regions">): PolicySummary {
    return { mode: args.mode, regions: args.regions, ...noCounts(), bySender: {} };
}

function countedAs(decision: Exclude<Decision, "ignore">, mode: PolicyMode): keyof PolicyCounts {
    switch (decision) {
        case "allowed":
            return "pendingAllowed";
        case "keep-rejected":
            return "rejectedEarlier";
        case "reject":
            return mode === "enforce" ? "rejectedNow" : "wouldReject";
    }
}

function noCounts(): PolicyCounts {
    return { pendingAllowed: 0, rejectedNow: 0, wouldReject: 0, rejectedEarlier: 0 };
}

/**
 * Why this run must not go ahead, or undefined: in enforce mode, more pending invitations to reject
 * than `maxRejectionsPerRun`. The message names the count, the senders and the setting to raise.
 */
export function guardProblem(policyName: string, plan: PolicyPlan, args: CheckedPolicyArgs): string | undefined {
    const count = plan.unwanted.length;
    if (args.mode !== "enforce" || count <= args.maxRejectionsPerRun) {
        return undefined;
    }
    const bySender = new Map<string, number>();
    plan.unwanted.forEach((i) => bySender.set(i.senderAccountId, (bySender.get(i.senderAccountId) ?? 0) + 1));
    const senders = [...bySender]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([sender, n]) => `${sender} (${n})`)
        .join(", ");
    return (
        `InvitationPolicy "${policyName}"${args.roleArn ? ` (through role ${args.roleArn})` : ""} would reject ` +
        `${count} pending invitations in this run, more than maxRejectionsPerRun (${args.maxRejectionsPerRun}); ` +
        `it rejected none of them. Senders: ${senders}. ` +
        `Rejection cannot be undone: if a sender you trust is among them, add it to allowedSenderAccountIds; ` +
        `if every one of them is unwanted, raise maxRejectionsPerRun to at least ${count} for this run ` +
        `(mode: "report" lists them without rejecting).`
    );
}

/**
 * The name of the policy's rejection of `invitation`: from the policy's name and the invitation's
 * id, never from its place in a list, so that its URN, and so its client token, is the same on every
 * run, and two policies in one stack never collide.
 */
export function rejectionName(policyName: string, invitation: Invitation): string {
    return `${policyName}-${invitation.invitationArn.slice(invitation.invitationArn.lastIndexOf("/") + 1)}`;
}
