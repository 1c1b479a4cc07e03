import * as pulumi from "@pulumi/pulumi";
import { Invitation, listInvitations, programSession } from "../listing/get-invitations";
import { declareInTurn } from "../rejection/declare-in-turn";
import { InvitationRejection } from "../rejection/invitation-rejection";
import { LISTED_INPUT } from "../rejection/listed-invitation";
import { CheckedPolicyArgs, checkPolicyArgs, InvitationPolicyArgs } from "./policy-args";
import { guardProblem, planPolicy, PolicyPlan, PolicySummary, rejectionName } from "./plan";

export const INVITATION_POLICY_TYPE = "ram-invitations:policy:InvitationPolicy";

/**
 * Rejects every pending invitation whose sender (or share) the policy does not allow, in each of
 * its regions, each time the program runs. The policy lists the invitations the calling account
 * sees and declares, as its children, one ordinary {@link InvitationRejection} per unwanted one:
 * the preview shows each on its own line, and each keeps the idempotency of a single rejection.
 *
 * Rejection cannot be undone, so a run that would reject more than `maxRejectionsPerRun` pending
 * invitations fails before any rejection is declared, in preview and in the update alike; and
 * `mode: "report"` declares none at all.
 */
export class InvitationPolicy extends pulumi.ComponentResource {
    /** What the policy saw and did in this run: counts in all and per sender. */
    public readonly summary: pulumi.Output<PolicySummary>;
    /**
     * The rejections this run declared, by resource name. Rejects (and so fails the program) when
     * RAM cannot be listed or the run would reject more than the policy allows.
     */
    public readonly rejections: Promise<Record<string, InvitationRejection>>;

    constructor(name: string, args: InvitationPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before anything is registered or sent.
        const { args: checked, problems } = checkPolicyArgs(args, `InvitationPolicy "${name}"`);
        if (!checked) {
            throw new pulumi.RunError(`The policy is not valid:\n  - ${problems.join("\n  - ")}`);
        }
        super(INVITATION_POLICY_TYPE, name, {}, opts);
        const plan = planFromRam(name, checked, this);
        this.rejections = plan.then((p) => this.declare(name, p, checked));
        this.summary = pulumi.output(plan.then((p) => p.summary));
        this.registerOutputs({ summary: this.summary });
    }

    private async declare(
        name: string,
        plan: PolicyPlan,
        args: CheckedPolicyArgs,
    ): Promise<Record<string, InvitationRejection>> {
        if (args.mode === "report") {
            return {};
        }
        // Invitations rejected earlier stay declared, so that a later run shows no change.
        const declared = await declareInTurn(
            [...plan.unwanted, ...plan.rejectedEarlier],
            (invitation): [string, InvitationRejection] => {
                const childName = rejectionName(name, invitation);
                const { invitationArn, region: _region, ...listed } = invitation;
                const rejectionArgs = {
                    invitationArn,
                    [LISTED_INPUT]: listed,
                    roleArn: args.roleArn,
                    externalId: args.externalId,
                    roleSessionName: args.roleSessionName,
                };
                return [childName, new InvitationRejection(childName, rejectionArgs, { parent: this })];
            },
        );
        return Object.fromEntries(declared);
    }
}

/** Lists every region, decides, reports what will be rejected, and applies the guard. */
async function planFromRam(name: string, args: CheckedPolicyArgs, policy: pulumi.Resource): Promise<PolicyPlan> {
    const session = programSession(args);
    const listed = await Promise.all(args.regions.map((region) => listInvitations(session, { region })));
    const plan = planPolicy(listed.flat(), args);
    const problem = guardProblem(name, plan, args);
    if (problem) {
        throw new pulumi.RunError(problem);
    }
    const verb =
        args.mode === "report" ? "would reject (report mode)" : pulumi.runtime.isDryRun() ? "will reject" : "rejects";
    for (const invitation of plan.unwanted) {
        void pulumi.log.info(`${verb} ${describe(invitation)}`, policy);
    }
    return plan;
}

function describe(invitation: Invitation): string {
    return (
        `${invitation.invitationArn}: from account ${invitation.senderAccountId}, ` +
        `share "${invitation.resourceShareName}", in ${invitation.region}`
    );
}
