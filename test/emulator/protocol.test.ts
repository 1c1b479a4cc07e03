import {
    GetResourceShareInvitationsCommand,
    InvalidParameterException,
    RAMServiceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { connect } from "node:net";
import { EmulatorAdmin, EmulatorAdminError, MAX_BODY_BYTES, RunningEmulator, startEmulator } from "../../emulator";
import { isLoopback } from "../../emulator/server";
import { BASIC_SEED, BYSTANDER, expectRamError, ramClient, RECEIVER, REGION } from "./helpers";

/** A SigV4 header naming the bystander, whose signatures the seed does not check. */
const BYSTANDER_AUTHORIZATION =
    `AWS4-HMAC-SHA256 Credential=${BYSTANDER.accessKeyId}/20250101/${REGION}/ram/aws4_request, ` +
    "SignedHeaders=host;x-amz-date, Signature=0000";

describe("emulator: wire protocol, authentication and robustness", () => {
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ seed: BASIC_SEED });
    });

    after(() => emulator.stop());

    beforeEach(() => emulator.admin.clearCalls());

    async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
        const response = await fetch(emulator.endpoint + path, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body,
        });
        return {
            status: response.status,
            errorType: response.headers.get("x-amzn-errortype"),
            body: await response.text(),
        };
    }

    /** The server still answers a real SDK call. */
    async function stillServing(): Promise<void> {
        const { resourceShareInvitations } = await ramClient(emulator.endpoint, RECEIVER).send(
            new GetResourceShareInvitationsCommand({}),
        );
        expect(resourceShareInvitations).to.have.length(1);
    }

    describe("authentication", () => {
        it("refuses a request without credentials with MissingAuthenticationTokenException 403", async () => {
            const answer = await post("/getresourceshareinvitations", "{}");
            expect(answer).to.deep.include({ status: 403, errorType: "MissingAuthenticationTokenException" });
            expect(JSON.parse(answer.body)).to.deep.equal({ message: "Missing Authentication Token" });
            const [call] = await emulator.admin.calls();
            expect(call).to.deep.include({
                accountId: null,
                region: null,
                outcome: "MissingAuthenticationTokenException",
            });
        });

        it("refuses a header that is not SigV4 with IncompleteSignatureException 400", async () => {
            const answer = await post("/getresourceshareinvitations", "{}", { authorization: "Bearer abc" });
            expect(answer).to.deep.include({ status: 400, errorType: "IncompleteSignatureException" });
        });

        it("refuses an unknown access key: the SDK surfaces UnrecognizedClientException 403", async () => {
            const stranger = ramClient(emulator.endpoint, { accessKeyId: "AKIDSTRANGER0000001", secretAccessKey: "s" });
            await expectRamError(
                stranger.send(new GetResourceShareInvitationsCommand({})),
                RAMServiceException,
                403,
                "UnrecognizedClientException",
            );
        });

        it("checks signatures of accounts seeded with a secret key: InvalidSignatureException 403", async () => {
            const forger = ramClient(emulator.endpoint, { ...RECEIVER, secretAccessKey: "guessed" });
            await expectRamError(
                forger.send(new GetResourceShareInvitationsCommand({})),
                RAMServiceException,
                403,
                "InvalidSignatureException",
            );
            const [call] = await emulator.admin.calls();
            expect(call).to.deep.include({
                accountId: null,
                region: REGION,
                outcome: "InvalidSignatureException",
                httpStatus: 403,
            });
        });

        it("admits only loopback peers to the admin API", () => {
            for (const address of ["127.0.0.1", "127.5.6.7", "::1", "::ffff:127.0.0.1"]) {
                expect(isLoopback(address), address).to.equal(true);
            }
            for (const address of ["10.0.0.1", "::ffff:192.168.1.2", "fe80::1", undefined]) {
                expect(isLoopback(address), String(address)).to.equal(false);
            }
        });
    });

    describe("malformed requests", () => {
        // Answers a body that is not JSON (or not an object) with SerializationException 400,
        // and keeps serving.
        it("answers a body that is not a JSON object with a 400, and keeps serving", async () => {
            for (const body of ["{not json", "[1,2]", '"text"']) {
                const answer = await post("/getresourceshareinvitations", body, {
                    authorization: BYSTANDER_AUTHORIZATION,
                });
                expect(answer, body).to.deep.include({ status: 400, errorType: "SerializationException" });
            }
            await stillServing();
        });

        it("answers a member of the wrong JSON type with InvalidParameterException 400", async () => {
            const answer = await post("/getresourceshareinvitations", '{"maxResults":"ten"}', {
                authorization: BYSTANDER_AUTHORIZATION,
            });
            expect(answer).to.deep.include({ status: 400, errorType: "InvalidParameterException" });
            await expectRamError(
                ramClient(emulator.endpoint, RECEIVER).send(
                    new GetResourceShareInvitationsCommand({ resourceShareArns: "not-a-list" as unknown as string[] }),
                ),
                InvalidParameterException,
                400,
            );
        });

        it(`answers a body over ${MAX_BODY_BYTES} bytes with 413, and keeps serving`, async () => {
            const huge = Buffer.alloc(MAX_BODY_BYTES + 1024, "a");
            const answer = await post("/rejectresourceshareinvitation", huge, {
                authorization: BYSTANDER_AUTHORIZATION,
            });
            expect(answer).to.deep.include({ status: 413, errorType: "RequestEntityTooLargeException" });
            const admin = await fetch(`${emulator.endpoint}/_emulator/seed`, { method: "POST", body: huge });
            expect(admin.status).to.equal(413);
            await stillServing();
        });

        it("answers an unknown path with UnknownOperationException 404", async () => {
            const answer = await post("/deleteeverything", "{}");
            expect(answer).to.deep.include({ status: 404, errorType: "UnknownOperationException" });
            const wrongMethod = await fetch(`${emulator.endpoint}/rejectresourceshareinvitation`);
            expect(wrongMethod.status).to.equal(404);
        });

        it("answers bytes that are not HTTP with 400 and keeps serving", async () => {
            const port = Number(new URL(emulator.endpoint).port);
            const reply = await new Promise<string>((resolve, reject) => {
                const socket = connect(port, "127.0.0.1", () => socket.write("this is not http\r\n\r\n"));
                let received = "";
                socket.on("data", (chunk) => (received += chunk.toString()));
                socket.on("end", () => resolve(received));
                socket.on("error", reject);
            });
            expect(reply).to.match(/^HTTP\/1\.1 400/);
            await stillServing();
        });

        it("copes with a client that leaves in the middle of its body", async () => {
            const port = Number(new URL(emulator.endpoint).port);
            await new Promise<void>((resolve) => {
                const socket = connect(port, "127.0.0.1", () => {
                    socket.write(
                        'POST /rejectresourceshareinvitation HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"resou',
                    );
                    setTimeout(() => socket.destroy(), 20);
                });
                socket.on("close", () => resolve());
            });
            await stillServing(); // and after() shows that stopping does not wait for it forever
        });
    });

    describe("admin API errors", () => {
        it("refuses a bad seed with 400 and applies none of it", async () => {
            const before = await emulator.admin.state();
            const badSeeds = [
                { accounts: [{ accountId: "12", accessKeyId: "A" }] },
                { accounts: [{ accountId: "444444444444", accessKeyId: RECEIVER.accessKeyId }] },
                { accounts: [], resourceShares: [{ name: "s", ownerAccountId: "111111111111", region: "mars" }] },
            ];
            for (const seed of badSeeds) {
                const refused = await emulator.admin.seed(seed).catch((e: unknown) => e);
                expect(refused, JSON.stringify(seed))
                    .to.be.instanceOf(EmulatorAdminError)
                    .and.to.have.property("status", 400);
            }
            const after = await emulator.admin.state();
            expect(after.accounts).to.deep.equal(before.accounts);
            expect(after.resourceShares).to.deep.equal(before.resourceShares);
        });

        it("answers unknown routes with 404 and unknown invitations with 400", async () => {
            const response = await fetch(`${emulator.endpoint}/_emulator/nothing-here`);
            expect(response.status).to.equal(404);
            const refused = await emulator.admin
                .removeInvitation("arn:aws:ram:eu-west-1:1:resource-share-invitation/x")
                .catch((e: unknown) => e);
            expect(refused).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
            const unreachable = await new EmulatorAdmin("http://127.0.0.1:1").state().catch((e: unknown) => e);
            expect(unreachable).to.be.instanceOf(Error);
        });
    });
});
