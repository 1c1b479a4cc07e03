import { expect } from "chai";
import fc from "fast-check";
import type { Invitation } from "../../../provider/listing/get-invitations";
import { checkPolicyArgs, CheckedPolicyArgs, InvitationPolicyArgs } from "../../../provider/policy/policy-args";
import { decide, guardProblem, planPolicy, rejectionName } from "../../../provider/policy/plan";

const ALLOWED = "111111111111";
const OTHER = "444444444444";
const VENDOR = "555555555555";

function argsOf(overrides: Partial<InvitationPolicyArgs> = {}): CheckedPolicyArgs {
    const { args, problems } = checkPolicyArgs(
        { allowedSenderAccountIds: [ALLOWED], regions: ["us-east-1"], ...overrides },
        "policy",
    );
    expect(problems).to.deep.equal([]);
    return args!;
}

let serial = 0;
function invitation(senderAccountId: string, status: string, resourceShareName = "share"): Invitation {
    serial++;
    return {
        invitationArn: `arn:aws:ram:us-east-1:${senderAccountId}:resource-share-invitation/id-${serial}`,
        resourceShareArn: `arn:aws:ram:us-east-1:${senderAccountId}:resource-share/share-${serial}`,
        resourceShareName,
        senderAccountId,
        receiverAccountId: "222222222222",
        status,
        invitationTimestamp: "2026-11-26T00:00:00.000Z",
        region: "us-east-1",
    };
}

describe("the policy's rule", () => {
    // Each row: sender, status, share name, the share names allowed (if any), the decision.
    const ROWS: [string, string, string, string[] | undefined, string][] = [
        [ALLOWED, "PENDING", "share", undefined, "allowed"],
        [OTHER, "PENDING", "share", undefined, "reject"],
        [OTHER, "REJECTED", "share", undefined, "keep-rejected"],
        [ALLOWED, "REJECTED", "share", undefined, "ignore"],
        [OTHER, "ACCEPTED", "share", undefined, "ignore"],
        [OTHER, "EXPIRED", "share", undefined, "ignore"],
        [ALLOWED, "ACCEPTED", "share", undefined, "ignore"],
        // Share names narrow an allowed sender: only its listed shares are left alone.
        [ALLOWED, "PENDING", "subnets", ["subnets"], "allowed"],
        [ALLOWED, "PENDING", "databases", ["subnets"], "reject"],
        [OTHER, "PENDING", "subnets", ["subnets"], "reject"],
    ];
    for (const [sender, status, share, shareNames, decision] of ROWS) {
        const from = sender === ALLOWED ? "an allowed" : "another";
        it(`${status} from ${from} sender, share ${share}: ${decision}`, () => {
            const args = argsOf(shareNames ? { allowedResourceShareNames: shareNames } : {});
            expect(decide(invitation(sender, status, share), args)).to.equal(decision);
        });
    }

    it("never rejects an allowed sender's invitation, whatever else is listed (property)", () => {
        const statuses = fc.constantFrom("PENDING", "REJECTED", "ACCEPTED", "EXPIRED");
        const senders = fc.constantFrom(ALLOWED, OTHER, VENDOR);
        fc.assert(
            fc.property(fc.array(fc.tuple(senders, statuses)), (rows) => {
                const plan = planPolicy(
                    rows.map(([sender, status]) => invitation(sender, status)),
                    argsOf(),
                );
                return (
                    plan.unwanted.every((i) => i.senderAccountId !== ALLOWED && i.status === "PENDING") &&
                    plan.unwanted.length === rows.filter(([s, st]) => s !== ALLOWED && st === "PENDING").length
                );
            }),
        );
    });
});

describe("planPolicy", () => {
    const listed = [
        invitation(ALLOWED, "PENDING"),
        invitation(OTHER, "PENDING"),
        invitation(OTHER, "REJECTED"),
        invitation(VENDOR, "PENDING"),
        invitation(VENDOR, "ACCEPTED"),
    ];

    it("counts what it saw, in all and per sender", () => {
        const { summary, unwanted, rejectedEarlier } = planPolicy(listed, argsOf());
        expect(unwanted.map((i) => i.senderAccountId)).to.deep.equal([OTHER, VENDOR]);
        expect(rejectedEarlier).to.have.length(1);
        expect(summary).to.deep.equal({
            mode: "enforce",
            regions: ["us-east-1"],
            pendingAllowed: 1,
            rejectedNow: 2,
            wouldReject: 0,
            rejectedEarlier: 1,
            bySender: {
                [ALLOWED]: { pendingAllowed: 1, rejectedNow: 0, wouldReject: 0, rejectedEarlier: 0 },
                [OTHER]: { pendingAllowed: 0, rejectedNow: 1, wouldReject: 0, rejectedEarlier: 1 },
                [VENDOR]: { pendingAllowed: 0, rejectedNow: 1, wouldReject: 0, rejectedEarlier: 0 },
            },
        });
    });

    it("in report mode counts the unwanted as would-reject", () => {
        const { summary } = planPolicy(listed, argsOf({ mode: "report" }));
        expect(summary).to.deep.include({ rejectedNow: 0, wouldReject: 2 });
    });
});

describe("the guard", () => {
    const unwanted = [invitation(OTHER, "PENDING"), invitation(VENDOR, "PENDING"), invitation(VENDOR, "PENDING")];

    it("lets a run within maxRejectionsPerRun go ahead", () => {
        const args = argsOf({ maxRejectionsPerRun: 3 });
        expect(guardProblem("p", planPolicy(unwanted, args), args)).to.equal(undefined);
    });

    it("stops a run over it, naming the count, the senders and the setting", () => {
        const args = argsOf({ maxRejectionsPerRun: 2 });
        const problem = guardProblem("vendors", planPolicy(unwanted, args), args);
        expect(problem).to.contain('InvitationPolicy "vendors" would reject 3 pending invitations in this run');
        expect(problem).to.contain("more than maxRejectionsPerRun (2); it rejected none of them");
        expect(problem).to.contain(`Senders: ${VENDOR} (2), ${OTHER} (1)`);
        expect(problem).to.contain("raise maxRejectionsPerRun to at least 3");
    });

    it("names the role, and so the account, of a policy that acts through one", () => {
        const args = argsOf({ maxRejectionsPerRun: 2, roleArn: "arn:aws:iam::444444444444:role/ram" });
        const problem = guardProblem("data-prod-policy", planPolicy(unwanted, args), args);
        expect(problem).to.contain(
            'InvitationPolicy "data-prod-policy" (through role arn:aws:iam::444444444444:role/ram) would reject 3',
        );
    });

    it("does not stop report mode", () => {
        const args = argsOf({ maxRejectionsPerRun: 1, mode: "report" });
        expect(guardProblem("p", planPolicy(unwanted, args), args)).to.equal(undefined);
    });
});

describe("rejectionName", () => {
    it("comes from the policy's name and the invitation's id, so it is stable and per policy", () => {
        const one = invitation(OTHER, "PENDING");
        expect(rejectionName("vendors", one)).to.equal(`vendors-id-${one.invitationArn.split("/id-")[1]}`);
        expect(rejectionName("partners", one)).not.to.equal(rejectionName("vendors", one));
    });
});
