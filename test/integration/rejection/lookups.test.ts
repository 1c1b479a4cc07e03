import { expect } from "chai";
import { AcceptResourceShareInvitationCommand, RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { RunningEmulator, SeedShare } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { capturingStderr } from "../../support/capture-stderr";
import { InvitationLoader } from "../../../provider/ram/invitation-loader";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { emulatorEnvironment, useEnvironment } from "../../support/aws-environment";
import { RECEIVER, SENDER } from "../../support/accounts";
import { ramClientAs } from "../../support/ram-client";
import { seedShares, SeededShare } from "../../support/seeding";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { describeWithPageSizes, isFirstPage, pagesFor } from "../../support/page-sizes";

const REGION = "us-east-1";
const LOOKUP = "GetResourceShareInvitations";
const URN = "urn:pulumi:test::p::pulumi-nodejs:dynamic/ram:InvitationRejection::r";

describeWithPageSizes("lookups: check against RAM, batching, selection by share (emulator)", function (pageSize) {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER, pageSize });
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    function seed(count: number, extra: Partial<SeedShare> = {}): Promise<SeededShare[]> {
        return seedShares(emulator, count, { region: REGION, extra });
    }

    /** How many ARNs each lookup asked for: a call without nextToken starts one, later pages go on with it. */
    async function lookupSizes(): Promise<number[]> {
        return (await emulator.admin.calls({ operation: LOOKUP }))
            .filter(isFirstPage)
            .map((c) => (c.parameters as { resourceShareInvitationArns: string[] }).resourceShareInvitationArns.length);
    }

    /** The lookups were one listing of `items` invitations, every page of it read. */
    async function expectOneListingOf(items: number): Promise<void> {
        const calls = await emulator.admin.calls({ operation: LOOKUP });
        expect(calls.filter(isFirstPage), "listings").to.have.length(1);
        expect(calls, "pages of the listing").to.have.length(pagesFor(items, pageSize));
    }

    function byInvitation(arn: string) {
        return { invitationArn: arn, clientToken: deriveClientToken(URN, arn) };
    }

    it("check passes a pending invitation and adds who shares what, for the reviewer", async () => {
        const [{ invitation }] = await seed(1);
        const result = await rejectionProvider().check({}, byInvitation(invitation));
        expect(result.failures).to.deep.equal([]);
        expect(result.inputs).to.deep.include({
            invitationArn: invitation,
            senderAccountId: SENDER.accountId,
            resourceShareName: "share-0",
        });
    });

    // A policy hands check what it has just listed: check takes it instead of a listing of its own,
    // and judges it the same way (an accepted one still fails).
    it("check takes what a policy just listed, without a call", async () => {
        const [{ invitation }] = await seed(1);
        const listed = {
            resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/s",
            resourceShareName: "listed-share",
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            invitationTimestamp: "2026-11-26T00:00:00.000Z",
        };
        const provider = rejectionProvider();
        const pending = await provider.check(
            {},
            { ...byInvitation(invitation), __listed: { ...listed, status: "PENDING" } },
        );
        const accepted = await provider.check(
            {},
            { ...byInvitation(invitation), __listed: { ...listed, status: "ACCEPTED" } },
        );

        expect(pending.failures).to.deep.equal([]);
        expect(pending.inputs).to.deep.include({
            senderAccountId: SENDER.accountId,
            resourceShareName: "listed-share",
        });
        expect(pending.inputs).not.to.have.property("__listed");
        expect(accepted.failures![0].reason).to.contain("already accepted");
        expect((await emulator.admin.calls()).filter((c) => c.operation === LOOKUP)).to.deep.equal([]);
    });

    it("check fails an accepted invitation and an unknown one, against invitationArn", async () => {
        const [{ invitation }] = await seed(1);
        await ramClientAs(emulator.endpoint, RECEIVER, REGION).send(
            new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }),
        );
        const provider = rejectionProvider();
        const accepted = await provider.check({}, byInvitation(invitation));
        expect(accepted.failures).to.have.length(1);
        expect(accepted.failures![0]).to.deep.include({ property: "invitationArn" });
        expect(accepted.failures![0].reason).to.contain("already accepted").and.to.contain(invitation);

        const unknown = invitation.replace(/\/.*$/, "/00000000-0000-0000-0000-000000000000");
        const missing = await provider.check({}, byInvitation(unknown));
        expect(missing.failures![0].reason).to.contain("does not show this invitation");
    });

    // In the update, check hands an accepted invitation's failure to create, which fails with it
    // and makes no call, so the engine goes on with the other resources.
    it("in the update, check hands an accepted invitation's failure to create", async () => {
        const [{ invitation }, { invitation: pending }] = await seed(2);
        await ramClientAs(emulator.endpoint, RECEIVER, REGION).send(
            new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }),
        );
        await emulator.admin.clearCalls();
        const provider = rejectionProvider();

        const checked = await provider.check({}, { ...byInvitation(invitation), __preview: false });
        expect(checked.failures).to.deep.equal([]);
        // The same invitation as in state: only the deferred failure can make diff send it to create.
        const diff = await provider.diff(invitation, { invitationArn: invitation } as never, checked.inputs as never);
        expect(diff.changes).to.equal(true);
        const failure = await provider.create(checked.inputs as never).then(
            () => undefined,
            (error: Error) => error,
        );
        expect(failure?.message).to.contain("already accepted").and.to.contain(invitation);
        expect(
            (await emulator.admin.calls()).filter((c) => c.operation === "RejectResourceShareInvitation"),
        ).to.deep.equal([]);

        const fine = await provider.check({}, { ...byInvitation(pending), __preview: false });
        expect(fine.failures).to.deep.equal([]);
        expect(fine.inputs).to.not.have.property("__deferredFailure");
        expect(fine.inputs).to.not.have.property("__preview");
        expect((await provider.create(fine.inputs as never)).outs?.status).to.equal("REJECTED");
    });

    // In the update, a malformed selection still fails check:
    // it is a bug in the program, which the preview shows.
    it("in the update, a malformed selection still fails check", async () => {
        const result = await rejectionProvider().check(
            {},
            {
                invitationArn: "arn:aws:ram:us-east-1:1:nope",
                clientToken: deriveClientToken(URN, "x"),
                __preview: false,
            },
        );
        expect(result.failures).to.have.length.greaterThan(0);
    });

    it("check passes an expired invitation (with a warning)", async () => {
        const [{ invitation }] = await seed(1);
        await emulator.admin.advanceClock(8 * 24 * 3600 * 1000);
        const { result, stderr } = await capturingStderr(() => rejectionProvider().check({}, byInvitation(invitation)));
        expect(result.failures).to.deep.equal([]);
        expect(stderr).to.contain(`invitation ${invitation} has expired`);
    });

    it("check validates offline, and passes, when RAM cannot be reached", async () => {
        const [{ invitation }] = await seed(1);
        const restore = useEnvironment(emulatorEnvironment("http://127.0.0.1:9", RECEIVER));
        try {
            const result = await rejectionProvider().check({}, byInvitation(invitation));
            expect(result.failures).to.deep.equal([]);
            expect(result.inputs).to.not.have.property("senderAccountId");
        } finally {
            restore();
        }
    });

    it("checking 250 new rejections one after another (as the engine does) makes one listing call", async () => {
        const invitations = await seed(250);
        const provider = rejectionProvider();
        for (const { invitation } of invitations) {
            const result = await provider.check({}, byInvitation(invitation));
            expect(result.failures).to.deep.equal([]);
        }
        await expectOneListingOf(250);
    });

    it("a refresh of 250 rejections (concurrent reads) makes one listing call", async () => {
        const invitations = await seed(250);
        const provider = rejectionProvider();
        const results = await Promise.all(
            invitations.map(({ invitation }) => provider.read(invitation, { invitationArn: invitation } as never)),
        );
        expect(results.every((r) => r.props?.status === "PENDING")).to.equal(true);
        await expectOneListingOf(250);
    });

    // Concurrent loads coalesce into calls of at most 100 ARNs:
    // 250 at once make calls of 100, 100 and 50.
    it("concurrent loads coalesce into calls of at most 100 ARNs", async () => {
        const invitations = await seed(250);
        const loader = new InvitationLoader((region) =>
            ramClientAs(emulator.endpoint, RECEIVER, region, { maxAttempts: 3 }),
        );
        const found = await Promise.all(invitations.map(({ invitation }) => loader.load(REGION, invitation)));
        expect(found.map((i) => i?.resourceShareInvitationArn)).to.deep.equal(invitations.map((i) => i.invitation));
        expect(await lookupSizes()).to.deep.equal([100, 100, 50]);
        const pages = [100, 100, 50].reduce((sum, size) => sum + pagesFor(size, pageSize), 0);
        expect(await emulator.admin.calls({ operation: LOOKUP }), "every page of each lookup").to.have.length(pages);
    });

    it("concurrent adoptions in create coalesce their fresh lookups (at most 100 ARNs a call)", async () => {
        const invitations = await seed(250);
        const ram = ramClientAs(emulator.endpoint, RECEIVER, REGION);
        for (const { invitation } of invitations) {
            await ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitation }));
        }
        await emulator.admin.clearCalls();
        const provider = rejectionProvider();
        const created = await Promise.all(
            invitations.map(({ invitation }) => provider.create(byInvitation(invitation))),
        );
        expect(
            created.every((c) => c.outs?.status === "REJECTED" && c.outs.resourceShareName.startsWith("share-")),
        ).to.equal(true);
        // The creates finish their rejection calls at different moments, so how many lookups share
        // a call depends on timing; every lookup is made, fewer calls than lookups, none over 100.
        const sizes = await lookupSizes();
        expect(sizes.reduce((a, b) => a + b, 0)).to.equal(250);
        expect(sizes.length).to.be.lessThan(250);
        expect(Math.max(...sizes)).to.be.at.most(100);
    });

    it("one unknown ARN in a batch does not hide the others: the batch is split until it stands alone", async () => {
        const invitations = await seed(3);
        const gone = invitations[1].invitation;
        await emulator.admin.removeInvitation(gone);
        await emulator.admin.clearCalls();
        const loader = new InvitationLoader((region) =>
            ramClientAs(emulator.endpoint, RECEIVER, region, { maxAttempts: 3 }),
        );
        const found = await Promise.all(invitations.map(({ invitation }) => loader.load(REGION, invitation)));
        expect(found.map((i) => i?.resourceShareName)).to.deep.equal(["share-0", undefined, "share-2"]);
        // All three in one call, refused for the unknown one; then halves, until it stands alone.
        expect((await lookupSizes())[0]).to.equal(3);
        expect(await lookupSizes()).to.include(1);
    });

    it("selects the invitation of a share, in check and in create", async () => {
        const [{ share, invitation }] = await seed(1);
        const provider = rejectionProvider();
        const checked = await provider.check(
            {},
            { resourceShareArn: share, clientToken: deriveClientToken(URN, share) },
        );
        expect(checked.failures).to.deep.equal([]);
        expect(checked.inputs).to.deep.include({ invitationArn: invitation, resourceShareArn: share });
        const created = await provider.create(checked.inputs);
        expect(created.outs).to.deep.include({ invitationArn: invitation, status: "REJECTED" });
    });

    it("waits for a share's invitation that RAM does not show yet", async () => {
        const [{ share, invitation }] = await seed(1, { invitationVisibleAfterMs: 1500 });
        const checked = await rejectionProvider().check(
            {},
            { resourceShareArn: share, clientToken: deriveClientToken(URN, share) },
        );
        expect(checked.failures).to.deep.equal([]);
        expect(checked.inputs?.invitationArn).to.equal(invitation);
    });

    it("fails clearly when a share's invitation never shows up within invitationWaitSeconds", async () => {
        const [{ share }] = await seed(1, { invitationVisibleAfterMs: 3_600_000 });
        const started = Date.now();
        const checked = await rejectionProvider().check(
            {},
            {
                resourceShareArn: share,
                clientToken: deriveClientToken(URN, share),
                invitationWaitSeconds: 2,
            },
        );
        expect(Date.now() - started).to.be.lessThan(15_000);
        expect(checked.failures).to.have.length(1);
        expect(checked.failures![0]).to.deep.include({ property: "resourceShareArn" });
        expect(checked.failures![0].reason).to.contain(share).and.to.contain("after waiting 2 s");
    });
});
