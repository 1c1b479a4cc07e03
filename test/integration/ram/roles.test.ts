/**
 * Many accounts from one identity: the provider in-process, as a hub identity that assumes a role
 * in each receiving account (STS AssumeRole against the emulator, real SDK over HTTP).
 */
import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { RejectionInputs } from "../../../provider/core/answer/properties";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { HUB, OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { describeWithPageSizes } from "../../support/page-sizes";
import { expectFailure } from "../../support/expect-failure";

const REGION = "us-east-1";
const ROLE_A = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
const ROLE_B = `arn:aws:iam::${OTHER.accountId}:role/ram-invitations`;
const EXTERNAL_ID_B = "platform-team-b";
/** A role in account B that trusts the sender only, not the hub. */
const UNTRUSTING_ROLE = `arn:aws:iam::${OTHER.accountId}:role/not-for-hub`;

describeWithPageSizes("rejections through roles, one hub identity for many accounts", function (pageSize) {
    this.timeout(60_000);
    // The process's credentials are the hub's; each rejection names the role it acts through.
    const suite = emulatorPerSuite({ actAs: HUB, pageSize });
    let emulator: RunningEmulator;
    let forA: string;
    let forB: string;

    before(() => (emulator = suite.emulator));

    beforeEach(async () => {
        const seeded = await emulator.admin.seed({
            accounts: [HUB, SENDER, RECEIVER, OTHER],
            roles: [
                { roleArn: ROLE_A, trustedPrincipals: [HUB.accountId] },
                { roleArn: ROLE_B, trustedPrincipals: [HUB.accountId], externalId: EXTERNAL_ID_B },
                { roleArn: UNTRUSTING_ROLE, trustedPrincipals: [SENDER.accountId] },
            ],
            resourceShares: [
                { name: "for-a", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
                { name: "for-b", ownerAccountId: SENDER.accountId, region: REGION, principals: [OTHER.accountId] },
            ],
        });
        forA = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        forB = seeded.resourceShares[1].invitationArns[OTHER.accountId];
        await emulator.admin.clearCalls();
    });

    function inputs(invitationArn: string, role: Partial<RejectionInputs>): RejectionInputs {
        return {
            invitationArn,
            clientToken: deriveClientToken(`urn:pulumi:s::p::t::${invitationArn}`, invitationArn),
            roleSessionName: "pulumi-test",
            __preview: false,
            ...role,
        };
    }

    async function statuses(): Promise<Record<string, string>> {
        const { invitations } = await emulator.admin.state();
        return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
    }

    it("each account rejects only its own invitation, as the role's account", async () => {
        const provider = rejectionProvider();
        for (const [arn, role] of [
            [forA, { roleArn: ROLE_A }],
            [forB, { roleArn: ROLE_B, externalId: EXTERNAL_ID_B }],
        ] as const) {
            const checked = await provider.check!({}, inputs(arn, role));
            expect(checked.failures).to.deep.equal([]);
            const created = await provider.create(checked.inputs as RejectionInputs);
            expect(created.outs).to.deep.include({ status: "REJECTED", roleArn: role.roleArn });
        }
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(rejects.map((c) => c.accountId)).to.deep.equal([RECEIVER.accountId, OTHER.accountId]);
        expect(await statuses()).to.deep.equal({ [forA]: "REJECTED", [forB]: "REJECTED" });
        // One AssumeRole per role for the whole process.
        const sessions = await emulator.admin.issuedCredentials();
        expect(sessions.map((s) => s.roleArn).sort()).to.deep.equal([ROLE_A, ROLE_B].sort());
    });

    it("a role of another account: not found, naming the role; nothing changes", async () => {
        const provider = rejectionProvider();
        const checked = await provider.check!(
            {},
            { ...inputs(forA, { roleArn: ROLE_B, externalId: EXTERNAL_ID_B }), __preview: true },
        );
        expect(checked.failures).to.have.length(1);
        expect(checked.failures![0].reason)
            .to.contain("RAM does not show this invitation")
            .and.to.contain(`account ${OTHER.accountId} (role ${ROLE_B})`);
        const { message } = await expectFailure(
            provider.create(inputs(forA, { roleArn: ROLE_B, externalId: EXTERNAL_ID_B })),
        );
        expect(message).to.contain(`(account ${OTHER.accountId} (role ${ROLE_B}) in region ${REGION})`);
        expect(await statuses()).to.deep.equal({ [forA]: "PENDING", [forB]: "PENDING" });
    });

    it("one process never answers an account from another's listing", async () => {
        const provider = rejectionProvider();
        // Role A's listing is read first and holds forA only.
        expect(
            (await provider.check!({}, { ...inputs(forA, { roleArn: ROLE_A }), __preview: true })).failures,
        ).to.deep.equal([]);
        const throughA = await provider.check!({}, { ...inputs(forB, { roleArn: ROLE_A }), __preview: true });
        expect(throughA.failures![0].reason).to.contain(`account ${RECEIVER.accountId} (role ${ROLE_A})`);
        const throughB = await provider.check!(
            {},
            { ...inputs(forB, { roleArn: ROLE_B, externalId: EXTERNAL_ID_B }), __preview: true },
        );
        expect(throughB.failures).to.deep.equal([]);
        const listings = (await emulator.admin.calls({ operation: "GetResourceShareInvitations" })).map(
            (c) => c.accountId,
        );
        expect([...new Set(listings)].sort()).to.deep.equal([RECEIVER.accountId, OTHER.accountId].sort());
    });

    it("renews credentials that expired during a long update, without a failure", async () => {
        const provider = rejectionProvider();
        const [second] = await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 1,
            regions: [REGION],
            namePrefix: "later",
        });
        await provider.create(inputs(forA, { roleArn: ROLE_A }));
        // Past the session's hour on the emulator's clock: the credentials the provider holds expire.
        await emulator.admin.advanceClock(2 * 3600_000);

        const created = await provider.create(inputs(second, { roleArn: ROLE_A }));

        expect(created.outs).to.deep.include({ status: "REJECTED" });
        const sessions = (await emulator.admin.issuedCredentials()).filter((s) => s.roleArn === ROLE_A);
        expect(sessions).to.have.length(2);
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(rejects.map((c) => c.outcome)).to.deep.equal(["ok", "ExpiredTokenException", "ok"]);
    });

    // AssumeRole refused (untrusted caller, wrong external id, missing role) fails the preview and the
    // update, naming the role, the calling identity and what to fix.
    const REFUSED = [
        { title: "untrusted caller", role: { roleArn: UNTRUSTING_ROLE } },
        { title: "wrong external id", role: { roleArn: ROLE_B, externalId: "guess" } },
        { title: "missing role", role: { roleArn: `arn:aws:iam::${RECEIVER.accountId}:role/absent` } },
    ];
    for (const c of REFUSED) {
        it(`AssumeRole refused (${c.title}): preview and update fail, naming role and caller`, async () => {
            const provider = rejectionProvider();
            const checked = await provider.check!({}, { ...inputs(forA, c.role), __preview: true });
            expect(checked.failures).to.have.length(1);
            const reason = checked.failures![0].reason;
            expect(reason).to.contain(`assume role ${c.role.roleArn}`);
            expect(reason).to.contain(`arn:aws:iam::${HUB.accountId}:root`);
            expect(reason).to.contain("trust policy");
            const { message } = await expectFailure(provider.create(inputs(forA, c.role)));
            expect(message).to.contain(`assume role ${c.role.roleArn}`).and.to.contain("trust policy");
            expect(await statuses()).to.deep.equal({ [forA]: "PENDING", [forB]: "PENDING" });
        });
    }
});
