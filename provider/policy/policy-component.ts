/**
 * A policy component, the same for both shells: it lists the account's invitations in each region,
 * plans what to reject, accept or leave, applies the guards, and declares one child per answer
 * through its shell (the dynamic resource's InvitationPolicy, ../dynamic/invitation-policy.ts, or the
 * plugin's component, ../plugin/policy-component.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { Invitation, listInvitations } from "../core/listing";
import type { RamSession } from "../ram/ram-session";
import { declareInTurn } from "./declare-in-turn";
import { ListedInvitation, LISTED_INPUT } from "../core/answer/properties";
import { CheckedPolicyArgs, checkPolicyArgs, InvitationPolicyArgs, organizationAccess } from "./policy-args";
import { resolveOrganizationTargets } from "../organizations/cache";
import { describeTarget } from "../organizations/targets";
import {
    decide,
    emptySummary,
    guardProblem,
    planPolicy,
    PolicyPlan,
    PolicySummary,
    refusedSummary,
    rejectionName,
} from "./plan";

/** What a policy made of this run: its plan, or why it refuses to run (with the plan, when it got that far). */
export type PolicyOutcome = { plan: PolicyPlan; refusal?: undefined } | { plan?: PolicyPlan; refusal: string };

export interface InvitationPolicyOptions extends pulumi.ComponentResourceOptions {
    /**
     * Declare this policy's rejections only once this resolves, and only if it resolves to true.
     * Several policies of one stack share one such promise, resolved once every one of them has
     * listed RAM and passed its guard (see {@link InvitationPolicy.planned}): so one refusal stops
     * every rejection of the stack, whatever the timing. `declareFromStackConfig` does this.
     */
    declareWhen?: Promise<boolean>;
}

/** The arguments a policy gives each rejection (and acceptance) it declares. */
export interface PolicyRejectionArgs {
    invitationArn: string;
    [LISTED_INPUT]: ListedInvitation;
    roleArn?: string;
    externalId?: string;
    roleSessionName?: string;
}

/**
 * How a policy is served: the dynamic resource's (this file's {@link InvitationPolicy}) or the
 * provider plugin's component. Everything else (the listing, the plan, the guard, the gate, the
 * names and arguments of the rejections) is the same code for both.
 */
export interface PolicyShell<R extends pulumi.Resource, A extends pulumi.Resource = pulumi.Resource> {
    /** The component's type token. */
    type: string;
    /** Declares one rejection, as the policy's child. */
    declareRejection(name: string, args: PolicyRejectionArgs, policy: pulumi.Resource): R;
    /** Declares one acceptance (with `allowed: "accept"`), as the policy's child. */
    declareAcceptance(name: string, args: PolicyRejectionArgs, policy: pulumi.Resource): A;
    /** Fails the run with `reason`, once the policy has refused (its guard, or a listing that failed). */
    refuse(reason: string, policy: pulumi.Resource): void;
    /** How the policy lists RAM: configured as that shell's provider is, acting as `args` say. */
    session(args: CheckedPolicyArgs): RamSession;
    /**
     * How the policy reads AWS Organizations (with allowedOrganizationTargets): as that shell's
     * provider is configured, through `access`'s role when it names one (organizationRoleArn), else
     * with the provider's own credentials, never through the policy's roleArn.
     */
    organizationSession(access: Pick<InvitationPolicyArgs, "roleArn" | "externalId" | "roleSessionName">): RamSession;
    /** The provider's region, which stands in for `regions` when the policy names none. */
    defaultRegion(): string | undefined;
}

/**
 * A policy component, served by `shell`: see {@link InvitationPolicy}, which is this with the
 * dynamic resource's shell.
 */
export class PolicyComponent<R extends pulumi.Resource, A extends pulumi.Resource = pulumi.Resource>
    extends pulumi.ComponentResource
{
    /**
     * What the policy saw and did in this run: counts in all and per sender; with `refused`, when the
     * run did not go ahead, what it would have done is counted as `wouldReject` and `wouldAccept`.
     */
    public readonly summary: pulumi.Output<PolicySummary>;
    /**
     * The rejections this run declared, by resource name; none when the policy (or, with
     * `declareWhen`, another policy of the stack) refused.
     */
    public readonly rejections: Promise<Record<string, R>>;
    /** The acceptances this run declared (with `allowed: "accept"`), by resource name; none when it refused. */
    public readonly acceptances: Promise<Record<string, A>>;
    /** Resolves once the policy has listed RAM and applied its guard: its plan, or its refusal. Never rejects. */
    public readonly planned: Promise<PolicyOutcome>;

    constructor(
        name: string,
        args: InvitationPolicyArgs,
        opts: InvitationPolicyOptions | undefined,
        private readonly shell: PolicyShell<R, A>,
    ) {
        // Checked before anything is registered or sent.
        const { args: checked, problems } = checkPolicyArgs(args, `InvitationPolicy "${name}"`, shell.defaultRegion());
        if (!checked) {
            throw new pulumi.RunError(`The policy is not valid:\n  - ${problems.join("\n  - ")}`);
        }
        const { declareWhen, ...componentOptions } = opts ?? {};
        super(shell.type, name, {}, componentOptions);
        this.planned = planFromRam(name, checked, shell, this);
        // The plan this run carries out; undefined when the policy refused, or another policy of the stack did.
        const carriedOut = this.planned.then(async (outcome) => {
            if (outcome.refusal !== undefined) {
                shell.refuse(outcome.refusal, this);
                return undefined;
            }
            if (declareWhen !== undefined && !(await declareWhen)) {
                holdBack(outcome.plan, checked, this);
                return undefined;
            }
            return outcome.plan;
        });
        const declared = carriedOut.then((plan) =>
            plan ? this.declare(name, plan, checked) : { rejections: {}, acceptances: {} },
        );
        this.rejections = declared.then((d) => d.rejections);
        this.acceptances = declared.then((d) => d.acceptances);
        // Never a rejected promise in an output: Pulumi would report it as an error serializing the
        // outputs, on the stack instead of the policy. A refusal fails the run through shell.refuse.
        this.summary = pulumi.output(
            Promise.all([this.planned, carriedOut]).then(([outcome, plan]) =>
                plan ? plan.summary : refusedSummary(outcome.plan?.summary ?? emptySummary(checked)),
            ),
        );
        this.registerOutputs({ summary: this.summary });
    }

    private async declare(
        name: string,
        plan: PolicyPlan,
        args: CheckedPolicyArgs,
    ): Promise<{ rejections: Record<string, R>; acceptances: Record<string, A> }> {
        // Invitations answered earlier stay declared in both modes, so that a later run (or a switch
        // between report and enforce) shows no change; they cost no write (see create.ts).
        const enforce = args.mode === "enforce";
        const toReject = enforce ? [...plan.unwanted, ...plan.rejectedEarlier] : plan.rejectedEarlier;
        const toAccept = enforce ? [...plan.wanted, ...plan.acceptedEarlier] : plan.acceptedEarlier;
        const declareEach = <T>(
            invitations: Invitation[],
            declareOne: (childName: string, childArgs: PolicyRejectionArgs, policy: pulumi.Resource) => T,
        ) =>
            declareInTurn(invitations, (invitation): [string, T] => {
                const childName = rejectionName(name, invitation);
                const { invitationArn, region: _region, ...listed } = invitation;
                const childArgs: PolicyRejectionArgs = {
                    invitationArn,
                    [LISTED_INPUT]: listed,
                    roleArn: args.roleArn,
                    externalId: args.externalId,
                    roleSessionName: args.roleSessionName,
                };
                return [childName, declareOne(childName, childArgs, this)];
            });
        const rejections = await declareEach(toReject, (n, a, p) => this.shell.declareRejection(n, a, p));
        const acceptances = await declareEach(toAccept, (n, a, p) => this.shell.declareAcceptance(n, a, p));
        return { rejections: Object.fromEntries(rejections), acceptances: Object.fromEntries(acceptances) };
    }
}

/**
 * Lists every region and reads the organization's targets, decides, reports what will be rejected,
 * and applies the guard.
 */
async function planFromRam(
    name: string,
    args: CheckedPolicyArgs,
    shell: PolicyShell<pulumi.Resource>,
    policy: pulumi.Resource,
): Promise<PolicyOutcome> {
    const session = shell.session(args);
    const listing = Promise.all(args.regions.map((region) => listInvitations(session, { region })));
    const targets = args.allowedOrganizationTargets;
    const resolution = targets
        ? resolveOrganizationTargets(shell.organizationSession(organizationAccess(args)), targets, args.regions[0])
        : Promise.resolve({});
    // Both are asked for at once; neither failure may go unhandled while the other is awaited.
    const [listed, resolved] = await Promise.allSettled([listing, resolution]);
    if (resolved.status === "rejected") {
        return {
            refusal:
                `InvitationPolicy "${name}" could not read the AWS Organization its allowedOrganizationTargets ` +
                `name, so it rejects and accepts nothing: ${messageOf(resolved.reason)}`,
        };
    }
    if (listed.status === "rejected") {
        return {
            refusal:
                `InvitationPolicy "${name}" could not list its invitations, so it rejects nothing: ` +
                messageOf(listed.reason),
        };
    }
    const plan = planPolicy(listed.value.flat(), args, resolved.value);
    const refusal = guardProblem(name, plan, args);
    if (refusal) {
        return { plan, refusal };
    }
    const [rejectVerb, acceptVerb] =
        args.mode === "report"
            ? ["would reject (report mode)", "would accept (report mode)"]
            : pulumi.runtime.isDryRun()
              ? ["will reject", "will accept"]
              : ["rejects", "accepts"];
    for (const [target, count] of Object.entries(plan.summary.organizationTargets ?? {})) {
        void pulumi.log.info(`allows ${describeTarget(target)}: ${count} ACTIVE accounts`, policy);
    }
    for (const invitation of plan.unwanted) {
        void pulumi.log.info(`${rejectVerb} ${describe(invitation)}`, policy);
    }
    for (const invitation of plan.wanted) {
        void pulumi.log.info(`${acceptVerb} ${describe(invitation)}${matchOf(invitation, plan)}`, policy);
    }
    if (plan.summary.allowedBy) {
        // Only with organization targets: then which part of the organization allowed a sender is news.
        const left = listed.value.flat().filter((i) => decide(i, args, resolved.value) === "allowed");
        for (const invitation of left) {
            void pulumi.log.info(`leaves pending ${describe(invitation)}${matchOf(invitation, plan)}`, policy);
        }
    }
    return { plan };
}

/** Says why a policy that passed declares none of its rejections: another policy of the stack refused. */
function holdBack(plan: PolicyPlan, args: CheckedPolicyArgs, policy: pulumi.Resource): void {
    if (args.mode === "enforce" && plan.unwanted.length + plan.wanted.length > 0) {
        void pulumi.log.warn(
            `rejects none of its ${plan.unwanted.length} unwanted invitations and accepts none of its ` +
                `${plan.wanted.length} wanted ones in this run: another policy of this stack refused (see its ` +
                `error), and nothing is declared anywhere until every policy passes`,
            policy,
        );
    }
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** `, allowed as a member of OU ou-…` (or `, an allowed account`), when the policy names organization targets. */
function matchOf(invitation: Invitation, plan: PolicyPlan): string {
    const matched = plan.summary.allowedBy?.[invitation.senderAccountId];
    if (matched === undefined) {
        return "";
    }
    return matched === invitation.senderAccountId
        ? " (an allowed account)"
        : ` (allowed as an ACTIVE account of ${describeTarget(matched)})`;
}

function describe(invitation: Invitation): string {
    return (
        `${invitation.invitationArn}: from account ${invitation.senderAccountId}, ` +
        `share "${invitation.resourceShareName}", in ${invitation.region}`
    );
}
