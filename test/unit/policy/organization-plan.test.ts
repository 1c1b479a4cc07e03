/**
 * The plan with organization targets: a sender is allowed when it is named, or is an ACTIVE account
 * of a resolved target; the summary says what each target resolved to and what each allowed sender
 * matched.
 */
import { expect } from "chai";
import type { Invitation } from "../../../provider/core/listing";
import { checkPolicyArgs, CheckedPolicyArgs } from "../../../provider/policy/policy-args";
import { guardProblem, matchedSender, planPolicy } from "../../../provider/policy/plan";

import { ALLOWED_OU as OU, MEMBER_IDS, OTHER_OU } from "../../support/organization-ids";

const PARTNER = "555555555555";
const { inOu: IN_OU, inNestedOu: NESTED, inOtherOu: IN_OTHER_OU, suspended: SUSPENDED } = MEMBER_IDS;
const OUTSIDER = "666666666666";

/** What the OU resolved to: its ACTIVE accounts, nested OUs included (the suspended one is not). */
const RESOLVED = { [OU]: [IN_OU, NESTED] };

function argsOf(allowed: "leave" | "accept" = "leave"): CheckedPolicyArgs {
    const { args, problems } = checkPolicyArgs(
        { allowedSenderAccountIds: [PARTNER], allowedOrganizationTargets: [OU], regions: ["us-east-1"], allowed },
        "policy",
    );
    expect(problems).to.deep.equal([]);
    return args!;
}

function pending(senderAccountId: string): Invitation {
    return {
        invitationArn: `arn:aws:ram:us-east-1:${senderAccountId}:resource-share-invitation/from-${senderAccountId}`,
        resourceShareArn: `arn:aws:ram:us-east-1:${senderAccountId}:resource-share/s-${senderAccountId}`,
        resourceShareName: "share",
        senderAccountId,
        receiverAccountId: "222222222222",
        status: "PENDING",
        invitationTimestamp: "2026-11-26T00:00:00.000Z",
        region: "us-east-1",
    };
}

const SENDERS = [IN_OU, NESTED, IN_OTHER_OU, SUSPENDED, OUTSIDER, PARTNER];

describe("the policy's plan with organization targets", () => {
    it("allows the OU's ACTIVE accounts and the named partner, and rejects the rest", () => {
        const plan = planPolicy(SENDERS.map(pending), argsOf(), RESOLVED);
        expect(plan.unwanted.map((i) => i.senderAccountId)).to.deep.equal([IN_OTHER_OU, SUSPENDED, OUTSIDER]);
        expect(plan.summary.pendingAllowed).to.equal(3);
        expect(plan.summary.organizationTargets).to.deep.equal({ [OU]: 2 });
        expect(plan.summary.allowedBy).to.deep.equal({ [IN_OU]: OU, [NESTED]: OU, [PARTNER]: PARTNER });
    });

    it("accepts what the OU allows, and says which target each acceptance matched", () => {
        const plan = planPolicy(SENDERS.map(pending), argsOf("accept"), RESOLVED);
        expect(plan.wanted.map((i) => i.senderAccountId)).to.deep.equal([IN_OU, NESTED, PARTNER]);
        expect(plan.summary.acceptedNow).to.equal(3);
        expect(plan.summary.allowedBy).to.deep.equal({ [IN_OU]: OU, [NESTED]: OU, [PARTNER]: PARTNER });
    });

    it("allows an account once the OU's resolution holds it, with no other change", () => {
        const joined = { [OU]: [...RESOLVED[OU], IN_OTHER_OU] };
        expect(matchedSender(IN_OTHER_OU, argsOf(), RESOLVED)).to.equal(undefined);
        expect(matchedSender(IN_OTHER_OU, argsOf(), joined)).to.equal(OU);
    });

    it("prefers the sender's own id, then the first target that holds it", () => {
        const { args } = checkPolicyArgs(
            { allowedSenderAccountIds: [IN_OU], allowedOrganizationTargets: [OTHER_OU, OU], regions: ["us-east-1"] },
            "policy",
        );
        const resolved = { [OTHER_OU]: [NESTED], [OU]: [IN_OU, NESTED] };
        expect(matchedSender(IN_OU, args!, resolved)).to.equal(IN_OU);
        expect(matchedSender(NESTED, args!, resolved)).to.equal(OTHER_OU);
    });

    it("counts what a target resolved to as none when it holds no ACTIVE account", () => {
        const plan = planPolicy([pending(OUTSIDER)], argsOf(), { [OU]: [] });
        expect(plan.summary.organizationTargets).to.deep.equal({ [OU]: 0 });
        expect(plan.unwanted).to.have.length(1);
    });

    it("adds no organization fields to the summary of a policy that names no target", () => {
        const { args } = checkPolicyArgs({ allowedSenderAccountIds: [PARTNER], regions: ["us-east-1"] }, "policy");
        const plan = planPolicy([pending(PARTNER)], args!);
        expect(plan.summary).to.not.have.any.keys("organizationTargets", "allowedBy");
    });

    it("points a guard's refusal at the organization targets too", () => {
        const { args } = checkPolicyArgs(
            { allowedOrganizationTargets: [OU], regions: ["us-east-1"], maxRejectionsPerRun: 1 },
            "policy",
        );
        const plan = planPolicy([pending(OUTSIDER), pending(SUSPENDED)], args!, RESOLVED);
        expect(guardProblem("p", plan, args!)).to.include("(or its OU to allowedOrganizationTargets)");
    });
});
