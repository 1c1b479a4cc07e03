/**
 * The policy's plan of one run: the rule that decides each listed invitation (a table of cases, and
 * properties over any listing), the summary it counts, the refused run's summary, the guards of
 * maxRejectionsPerRun and maxAcceptancesPerRun, and the names of the rejections it declares.
 */
import { expect } from "chai";
import fc from "fast-check";
import type { Invitation } from "../../../provider/core/listing";
import { checkPolicyArgs, CheckedPolicyArgs, InvitationPolicyArgs } from "../../../provider/policy/policy-args";
import type { PolicyCounts, PolicySummary } from "../../../provider/policy/plan";
import {
    decide,
    emptySummary,
    guardProblem,
    planPolicy,
    refusedSummary,
    rejectionName,
} from "../../../provider/policy/plan";

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

/** What the property tests list: any number of invitations, each from one of three senders, in any status. */
const LISTINGS = fc.array(
    fc.tuple(fc.constantFrom(ALLOWED, OTHER, VENDOR), fc.constantFrom("PENDING", "REJECTED", "ACCEPTED", "EXPIRED")),
);
const listedFrom = (rows: [string, string][]): Invitation[] =>
    rows.map(([sender, status]) => invitation(sender, status));

describe("the policy's rule", () => {
    // Each row: what the policy does with the allowed, sender, status, share name, the share names
    // allowed (if any), the decision.
    type Row = ["leave" | "accept", string, string, string, string[] | undefined, string];
    const ROWS: Row[] = [
        ["leave", ALLOWED, "PENDING", "share", undefined, "allowed"],
        ["leave", OTHER, "PENDING", "share", undefined, "reject"],
        ["leave", OTHER, "REJECTED", "share", undefined, "keep-rejected"],
        ["leave", ALLOWED, "REJECTED", "share", undefined, "ignore"],
        ["leave", OTHER, "ACCEPTED", "share", undefined, "ignore"],
        ["leave", OTHER, "EXPIRED", "share", undefined, "ignore"],
        ["leave", ALLOWED, "ACCEPTED", "share", undefined, "ignore"],
        // Share names narrow an allowed sender: only its listed shares are left alone.
        ["leave", ALLOWED, "PENDING", "subnets", ["subnets"], "allowed"],
        ["leave", ALLOWED, "PENDING", "databases", ["subnets"], "reject"],
        ["leave", OTHER, "PENDING", "subnets", ["subnets"], "reject"],
        // With allowed: "accept", what is allowed is accepted (and kept declared once accepted).
        ["accept", ALLOWED, "PENDING", "share", undefined, "accept"],
        ["accept", ALLOWED, "ACCEPTED", "share", undefined, "keep-accepted"],
        ["accept", ALLOWED, "REJECTED", "share", undefined, "ignore"],
        ["accept", ALLOWED, "EXPIRED", "share", undefined, "ignore"],
        ["accept", OTHER, "PENDING", "share", undefined, "reject"],
        ["accept", OTHER, "ACCEPTED", "share", undefined, "ignore"],
        ["accept", ALLOWED, "PENDING", "databases", ["subnets"], "reject"],
        ["accept", ALLOWED, "ACCEPTED", "databases", ["subnets"], "ignore"],
    ];
    for (const [allowed, sender, status, share, shareNames, decision] of ROWS) {
        const from = sender === ALLOWED ? "an allowed" : "another";
        it(`allowed "${allowed}": ${status} from ${from} sender, share ${share}: ${decision}`, () => {
            const args = argsOf({ allowed, ...(shareNames ? { allowedResourceShareNames: shareNames } : {}) });
            expect(decide(invitation(sender, status, share), args)).to.equal(decision);
        });
    }

    it("accepts only pending invitations of allowed senders, and rejects only the others (property)", () => {
        fc.assert(
            fc.property(LISTINGS, (rows) => {
                const plan = planPolicy(listedFrom(rows), argsOf({ allowed: "accept" }));
                const pendingFrom = (allowed: boolean) =>
                    rows.filter(([s, st]) => (s === ALLOWED) === allowed && st === "PENDING").length;
                return (
                    plan.wanted.every((i) => i.senderAccountId === ALLOWED && i.status === "PENDING") &&
                    plan.unwanted.every((i) => i.senderAccountId !== ALLOWED) &&
                    plan.wanted.length === pendingFrom(true) &&
                    plan.unwanted.length === pendingFrom(false) &&
                    plan.summary.pendingAllowed === 0
                );
            }),
        );
    });

    it("never rejects an allowed sender's invitation, whatever else is listed (property)", () => {
        fc.assert(
            fc.property(LISTINGS, (rows) => {
                const plan = planPolicy(listedFrom(rows), argsOf());
                return (
                    plan.unwanted.every((i) => i.senderAccountId !== ALLOWED && i.status === "PENDING") &&
                    plan.unwanted.length === rows.filter(([s, st]) => s !== ALLOWED && st === "PENDING").length &&
                    plan.wanted.length === 0
                );
            }),
        );
    });
});

const NO_ACCEPTANCES = { acceptedNow: 0, wouldAccept: 0, acceptedEarlier: 0 };
const NO_REJECTIONS = { rejectedNow: 0, wouldReject: 0, rejectedEarlier: 0 };

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
            ...NO_ACCEPTANCES,
            bySender: {
                [ALLOWED]: { pendingAllowed: 1, rejectedNow: 0, wouldReject: 0, rejectedEarlier: 0, ...NO_ACCEPTANCES },
                [OTHER]: { pendingAllowed: 0, rejectedNow: 1, wouldReject: 0, rejectedEarlier: 1, ...NO_ACCEPTANCES },
                [VENDOR]: { pendingAllowed: 0, rejectedNow: 1, wouldReject: 0, rejectedEarlier: 0, ...NO_ACCEPTANCES },
            },
        });
    });

    it("in report mode counts the unwanted as would-reject", () => {
        const { summary } = planPolicy(listed, argsOf({ mode: "report" }));
        expect(summary).to.deep.include({ rejectedNow: 0, wouldReject: 2 });
    });

    it('with allowed "accept", counts acceptances per sender, in enforce and in report mode', () => {
        const accepting = [...listed, invitation(ALLOWED, "ACCEPTED"), invitation(ALLOWED, "PENDING")];
        const { summary, wanted, acceptedEarlier } = planPolicy(accepting, argsOf({ allowed: "accept" }));
        expect(wanted).to.have.length(2);
        expect(acceptedEarlier).to.have.length(1);
        expect(summary).to.deep.include({ pendingAllowed: 0, acceptedNow: 2, wouldAccept: 0, acceptedEarlier: 1 });
        expect(summary.bySender[ALLOWED]).to.deep.include({ acceptedNow: 2, acceptedEarlier: 1 });
        expect(summary.bySender[VENDOR]).to.deep.include({ acceptedNow: 0, acceptedEarlier: 0 });
        const report = planPolicy(accepting, argsOf({ allowed: "accept", mode: "report" })).summary;
        expect(report).to.deep.include({ acceptedNow: 0, wouldAccept: 2, acceptedEarlier: 1, wouldReject: 2 });
    });
});

describe("refusedSummary", () => {
    const accepting = [
        invitation(ALLOWED, "PENDING"),
        invitation(ALLOWED, "PENDING"),
        invitation(ALLOWED, "ACCEPTED"),
        invitation(OTHER, "PENDING"),
        invitation(OTHER, "REJECTED"),
    ];

    it("says nothing was done: no now counts, what it would have done in the would counts, per sender too", () => {
        const { summary } = planPolicy(accepting, argsOf({ allowed: "accept", maxAcceptancesPerRun: 1 }));
        expect(summary).to.deep.include({ acceptedNow: 2, rejectedNow: 1 }); // what it would have done
        const refused = refusedSummary(summary);
        expect(refused).to.deep.equal({
            mode: "enforce",
            regions: ["us-east-1"],
            refused: true,
            pendingAllowed: 0,
            rejectedNow: 0,
            wouldReject: 1,
            rejectedEarlier: 1,
            acceptedNow: 0,
            wouldAccept: 2,
            acceptedEarlier: 1,
            bySender: {
                [ALLOWED]: { ...NO_REJECTIONS, pendingAllowed: 0, acceptedNow: 0, wouldAccept: 2, acceptedEarlier: 1 },
                [OTHER]: { pendingAllowed: 0, rejectedNow: 0, wouldReject: 1, rejectedEarlier: 1, ...NO_ACCEPTANCES },
            },
        });
        expect(summary.rejectedNow, "the plan's own summary is left as it was").to.equal(1);
    });

    it("in report mode, and for a policy that could not list, only adds refused", () => {
        const { summary } = planPolicy(accepting, argsOf({ allowed: "accept", mode: "report" }));
        expect(refusedSummary(summary)).to.deep.equal({ ...summary, refused: true });
        const empty = emptySummary(argsOf());
        expect(refusedSummary(empty)).to.deep.equal({ ...empty, refused: true });
    });

    it("never shows a now count, and keeps every invitation counted once (property)", () => {
        const modes = fc.constantFrom("enforce" as const, "report" as const);
        fc.assert(
            fc.property(LISTINGS, modes, (rows, mode) => {
                const { summary } = planPolicy(listedFrom(rows), argsOf({ allowed: "accept", mode }));
                const refused = refusedSummary(summary);
                const total = (c: PolicyCounts) => Object.values(c).reduce((sum: number, n) => sum + Number(n), 0);
                const counts = (s: PolicySummary): PolicyCounts => {
                    const { mode: _mode, regions: _regions, bySender: _bySender, refused: _refused, ...rest } = s;
                    return rest;
                };
                const pairs: [PolicyCounts, PolicyCounts][] = [
                    [counts(summary), counts(refused)],
                    ...Object.keys(summary.bySender).map((sender): [PolicyCounts, PolicyCounts] => [
                        summary.bySender[sender],
                        refused.bySender[sender],
                    ]),
                ];
                return (
                    Object.keys(refused.bySender).length === Object.keys(summary.bySender).length &&
                    pairs.every(
                        ([before, after]) =>
                            after.rejectedNow === 0 &&
                            after.acceptedNow === 0 &&
                            after.wouldReject + after.wouldAccept ===
                                before.rejectedNow + before.wouldReject + before.acceptedNow + before.wouldAccept &&
                            total(after) === total(before),
                    )
                );
            }),
        );
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

    it("stops a run over maxAcceptancesPerRun, naming the count, the senders and the setting", () => {
        const wanted = [invitation(ALLOWED, "PENDING"), invitation(ALLOWED, "PENDING")];
        const args = argsOf({ allowed: "accept", maxAcceptancesPerRun: 1 });
        const problem = guardProblem("partners", planPolicy([...wanted, ...unwanted], args), args);
        expect(problem).to.contain('InvitationPolicy "partners" would accept 2 pending invitations in this run');
        expect(problem).to.contain("more than maxAcceptancesPerRun (1); it accepted none of them");
        expect(problem).to.contain(`Senders: ${ALLOWED} (2)`);
        expect(problem).to.not.contain("would reject");
        const within = argsOf({ allowed: "accept", maxAcceptancesPerRun: 2 });
        expect(guardProblem("partners", planPolicy(wanted, within), within)).to.equal(undefined);
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
