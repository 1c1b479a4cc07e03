import {
    AcceptResourceShareInvitationCommand,
    CreateResourceShareCommand,
    IdempotentParameterMismatchException,
    InvalidClientTokenException,
    RAMClient,
    RejectResourceShareInvitationCommand,
    ResourceShareInvitationAlreadyRejectedException,
    ResourceShareInvitationArnNotFoundException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { BASIC_SEED, BYSTANDER, expectRamError, OTHER_REGION, ramClient, RECEIVER, REGION, SENDER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

/** Client tokens RAM's rules (as the emulator holds clients to them) refuse. */
const BAD_TOKENS = [
    { title: "65 characters", token: "x".repeat(65) },
    { title: "not ASCII", token: "naïve" },
    { title: "control character", token: "tab\there" },
    { title: "empty", token: "" },
];

describe("emulator: client tokens", () => {
    let emulator: RunningEmulator;
    let receiver: RAMClient;
    let invitationArn: string;
    let secondInvitationArn: string;

    const suite = emulatorPerSuite();
    before(() => {
        emulator = suite.emulator;
        receiver = ramClient(emulator.endpoint, RECEIVER);
    });

    beforeEach(async () => {
        const seeded = await emulator.admin.seed({
            ...BASIC_SEED,
            resourceShares: [
                ...BASIC_SEED.resourceShares!,
                { name: "second", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
            ],
        });
        invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        secondInvitationArn = seeded.resourceShares[2].invitationArns[RECEIVER.accountId];
    });

    const reject = (client: RAMClient, arn: string, clientToken?: string) =>
        client.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }));
    const withoutMetadata = <T extends { $metadata: unknown }>({ $metadata: _, ...rest }: T) => rest;

    it("answers a repeated call with the first reply, byte for byte, even after the state moved on", async () => {
        const first = await reject(receiver, invitationArn, "retry-me");
        await emulator.admin.setInvitationStatus(invitationArn, "ACCEPTED");
        const again = await reject(receiver, invitationArn, "retry-me");
        expect(withoutMetadata(again)).to.deep.equal(withoutMetadata(first));
        expect(again.resourceShareInvitation?.status).to.equal("REJECTED");

        const calls = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(calls.map((c) => [c.outcome, c.stateChanged, c.idempotentReplay])).to.deep.equal([
            ["ok", true, false],
            ["ok", false, true],
        ]);
    });

    it("refuses the same token with other parameters", async () => {
        await reject(receiver, invitationArn, "one-token");
        await expectRamError(
            reject(receiver, secondInvitationArn, "one-token"),
            IdempotentParameterMismatchException,
            400,
        );
        const state = await emulator.admin.state();
        expect(state.invitations.find((i) => i.resourceShareInvitationArn === secondInvitationArn)?.status).to.equal(
            "PENDING",
        );
    });

    it("keeps tokens apart per account, region and operation", async () => {
        await reject(receiver, invitationArn, "shared-token");
        const bystanderArn = (await emulator.admin.state()).invitations.find(
            (i) => i.receiverAccountId === BYSTANDER.accountId,
        )!.resourceShareInvitationArn;
        const byBystander = await reject(ramClient(emulator.endpoint, BYSTANDER), bystanderArn, "shared-token");
        expect(byBystander.resourceShareInvitation?.status).to.equal("REJECTED");

        await expectRamError(
            reject(
                ramClient(emulator.endpoint, RECEIVER, { region: OTHER_REGION }),
                secondInvitationArn,
                "shared-token",
            ),
            ResourceShareInvitationArnNotFoundException,
            400,
        );
        const accepted = await receiver.send(
            new AcceptResourceShareInvitationCommand({
                resourceShareInvitationArn: secondInvitationArn,
                clientToken: "shared-token",
            }),
        );
        expect(accepted.resourceShareInvitation?.status).to.equal("ACCEPTED");
    });

    // Tokens must be 1 to 64 printable ASCII characters.
    for (const c of BAD_TOKENS) {
        it(`refuses a token: ${c.title}`, async () => {
            await expectRamError(reject(receiver, invitationArn, c.token), InvalidClientTokenException, 400);
        });
    }

    it("takes a token of 64 characters", async () => {
        const ok = await reject(receiver, invitationArn, "x".repeat(64));
        expect(ok.clientToken).to.equal("x".repeat(64));
    });

    it("makes up a token when none is sent, and that token repeats the call", async () => {
        const first = await reject(receiver, invitationArn);
        expect(first.clientToken).to.match(/^[0-9a-f-]{36}$/);
        const again = await reject(receiver, invitationArn, first.clientToken);
        expect(withoutMetadata(again)).to.deep.equal(withoutMetadata(first));
    });

    it("remembers only calls that succeeded: a failed call can be tried again with its token", async () => {
        await emulator.admin.setInvitationStatus(invitationArn, "REJECTED");
        await expectRamError(
            reject(receiver, invitationArn, "after-failure"),
            ResourceShareInvitationAlreadyRejectedException,
            400,
        );
        await emulator.admin.setInvitationStatus(invitationArn, "PENDING");
        const retried = await reject(receiver, invitationArn, "after-failure");
        expect(retried.resourceShareInvitation?.status).to.equal("REJECTED");
    });

    it("makes a retry after a lost answer safe with a token, and not without one", async () => {
        const retrying = ramClient(emulator.endpoint, RECEIVER, { maxAttempts: 3 });
        await emulator.admin.setFaults("RejectResourceShareInvitation", { dropAfterCommitNext: 1 });
        const withToken = await reject(retrying, invitationArn, "lost-answer");
        expect(withToken.resourceShareInvitation?.status).to.equal("REJECTED");
        expect(withToken.$metadata.attempts).to.equal(2);

        // Without a token each attempt gets a fresh one, so the SDK's own retry is not idempotent.
        await emulator.admin.setFaults("RejectResourceShareInvitation", { dropAfterCommitNext: 1 });
        await expectRamError(
            reject(retrying, secondInvitationArn),
            ResourceShareInvitationAlreadyRejectedException,
            400,
        );

        const calls = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(calls.map((c) => [c.outcome, c.stateChanged, c.idempotentReplay, c.connectionDropped])).to.deep.equal([
            ["ok", true, false, true],
            ["ok", false, true, false],
            ["ok", true, false, true],
            ["ResourceShareInvitationAlreadyRejectedException", false, false, false],
        ]);
    });

    it("makes CreateResourceShare idempotent too: one share, one set of invitations", async () => {
        const sender = ramClient(emulator.endpoint, SENDER);
        const input = { name: "once", principals: [RECEIVER.accountId], clientToken: "create-once" };
        const first = await sender.send(new CreateResourceShareCommand(input));
        const again = await sender.send(new CreateResourceShareCommand(input));
        expect(again.resourceShare?.resourceShareArn).to.equal(first.resourceShare?.resourceShareArn);
        await expectRamError(
            sender.send(new CreateResourceShareCommand({ ...input, name: "twice" })),
            IdempotentParameterMismatchException,
            400,
        );
        const state = await emulator.admin.state();
        expect(state.resourceShares.filter((s) => s.name === "once")).to.have.length(1);
    });
});
