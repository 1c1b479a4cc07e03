import {
    GetResourceShareInvitationsCommand,
    OperationNotPermittedException,
    RAMClient,
    RejectResourceShareInvitationCommand,
    ServerInternalException,
    ServiceUnavailableException,
    ThrottlingException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator, startEmulator } from "../../../emulator";
import { BASIC_SEED, expectRamError, ramClient, RECEIVER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

describe("emulator: fault injection", () => {
    let emulator: RunningEmulator;
    let receiver: RAMClient;
    let invitationArn: string;

    const suite = emulatorPerSuite();
    before(() => {
        emulator = suite.emulator;
        receiver = ramClient(emulator.endpoint, RECEIVER);
    });

    beforeEach(async () => {
        invitationArn = (await emulator.admin.seed(BASIC_SEED)).resourceShares[0].invitationArns[RECEIVER.accountId];
    });

    const list = (client: RAMClient = receiver) => client.send(new GetResourceShareInvitationsCommand({}));
    const reject = (client: RAMClient = receiver) =>
        client.send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken: "t" }),
        );
    const outcomes = async () => (await emulator.admin.calls()).map((c) => c.outcome);

    it("adds latency to one operation only", async () => {
        await emulator.admin.setFaults("GetResourceShareInvitations", { latencyMs: 150 });
        const started = Date.now();
        await list();
        expect(Date.now() - started).to.be.at.least(150);
        const quick = Date.now();
        await reject();
        expect(Date.now() - quick).to.be.lessThan(150);
    });

    it("throttles beyond N requests in a sliding second, with ThrottlingException 429", async () => {
        await emulator.admin.setFaults("GetResourceShareInvitations", { maxRequestsPerSecond: 2 });
        await list();
        await list();
        await expectRamError(list(), ThrottlingException, 429);
        await new Promise((resolve) => setTimeout(resolve, 1100)); // the window slides past the first two
        await list();
        expect(await outcomes()).to.deep.equal(["ok", "ok", "ThrottlingException", "ok"]);
    });

    it("throttles the next N requests whatever the rate", async () => {
        await emulator.admin.setFaults("RejectResourceShareInvitation", { throttleNext: 1 });
        await expectRamError(reject(), ThrottlingException, 429);
        expect((await reject()).resourceShareInvitation?.status).to.equal("REJECTED");
    });

    it("answers the next N requests with the chosen server error, before anything changes", async () => {
        await emulator.admin.setFaults("RejectResourceShareInvitation", { serverErrorNext: 1, serverErrorStatus: 503 });
        await expectRamError(reject(), ServiceUnavailableException, 503);
        await emulator.admin.setFaults("RejectResourceShareInvitation", { serverErrorNext: 1 });
        await expectRamError(reject(), ServerInternalException, 500);
        expect((await emulator.admin.state()).invitations[0].status).to.equal("PENDING");
        expect((await reject()).resourceShareInvitation?.status).to.equal("REJECTED");
    });

    it("is retried away by the SDK, as 5xx answers are retryable", async () => {
        await emulator.admin.setFaults("RejectResourceShareInvitation", { serverErrorNext: 2 });
        const retrying = ramClient(emulator.endpoint, RECEIVER, { maxAttempts: 3 });
        const answer = await reject(retrying);
        expect(answer.$metadata.attempts).to.equal(3);
        expect(await outcomes()).to.deep.equal(["ServerInternalException", "ServerInternalException", "ok"]);
    });

    it("commits, then drops the connection: the caller sees a network error, the state has changed", async () => {
        await emulator.admin.setFaults("RejectResourceShareInvitation", { dropAfterCommitNext: 1 });
        let networkError: unknown;
        await reject().catch((err: unknown) => (networkError = err));
        expect(networkError).to.be.instanceOf(Error);
        expect((networkError as NodeJS.ErrnoException).code).to.equal("ECONNRESET");
        const [call] = await emulator.admin.calls();
        expect(call).to.deep.include({ outcome: "ok", stateChanged: true, connectionDropped: true });
        expect((await emulator.admin.state()).invitations[0].status).to.equal("REJECTED");
    });

    it('counts "next N" faults down, shows them in the state, and clears them', async () => {
        await emulator.admin.setFaults("GetResourceShareInvitations", { serverErrorNext: 2, latencyMs: 1 });
        await expectRamError(list(), ServerInternalException, 500);
        expect((await emulator.admin.state()).faults).to.deep.equal({
            GetResourceShareInvitations: { serverErrorNext: 1, latencyMs: 1 },
        });
        await emulator.admin.clearFaults();
        expect((await emulator.admin.state()).faults).to.deep.equal({});
        await list();
    });

    it("replays probabilistic faults the same way for the same random seed", async () => {
        async function run(randomSeed: number): Promise<string[]> {
            const seeded = await startEmulator({ randomSeed, seed: BASIC_SEED });
            try {
                await seeded.admin.setFaults("GetResourceShareInvitations", { serverErrorRate: 0.5 });
                const client = ramClient(seeded.endpoint, RECEIVER);
                for (let i = 0; i < 20; i++) {
                    await list(client).catch(() => undefined);
                }
                return (await seeded.admin.calls()).map((c) => c.outcome);
            } finally {
                await seeded.stop();
            }
        }
        const first = await run(42);
        expect(first).to.include("ok").and.to.include("ServerInternalException");
        expect(await run(42)).to.deep.equal(first);
        expect(await run(7)).to.not.deep.equal(first);
    });

    it("answers the next N requests with a chosen error of RAM's model, with its status", async () => {
        await emulator.admin.setFaults("RejectResourceShareInvitation", {
            errorNext: 2,
            errorName: "OperationNotPermittedException",
        });
        await expectRamError(reject(), OperationNotPermittedException, 400);
        await expectRamError(reject(), OperationNotPermittedException, 400);
        expect((await emulator.admin.state()).invitations[0].status).to.equal("PENDING");
        expect((await reject()).resourceShareInvitation?.status).to.equal("REJECTED");
    });

    it("refuses faults it cannot apply", async () => {
        for (const faults of [
            { serverErrorRate: 2 },
            { serverErrorStatus: 502 },
            { latencyMs: -1 },
            { slowness: 1 },
            { errorNext: 1 },
            { errorNext: 1, errorName: "NoSuchException" },
        ]) {
            const refused = await emulator.admin
                .setFaults("GetResourceShareInvitations", faults as never)
                .catch((e: unknown) => e);
            expect(refused).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
        }
        const unknown = await emulator.admin.setFaults("TagResource" as never, {}).catch((e: unknown) => e);
        expect(unknown).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
    });
});
