import {
    GetResourceShareInvitationsCommand,
    InvalidParameterException,
    RAMServiceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { RunningEmulator, startEmulator } from "../../../emulator";
import {
    BASIC_SEED,
    BYSTANDER_AUTHORIZATION,
    expectRamError,
    expectStillServing,
    post,
    ramClient,
    RECEIVER,
    REGION,
} from "../helpers";

describe("emulator: wire protocol and authentication", () => {
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ seed: BASIC_SEED });
    });

    after(() => emulator.stop());

    beforeEach(() => emulator.admin.clearCalls());

    describe("authentication", () => {
        it("refuses a request without credentials with MissingAuthenticationTokenException 403", async () => {
            const answer = await post(emulator.endpoint, "/getresourceshareinvitations", "{}");
            expect(answer).to.deep.include({ status: 403, errorType: "MissingAuthenticationTokenException" });
            expect(JSON.parse(answer.body)).to.deep.equal({ message: "Missing Authentication Token" });
            const [call] = await emulator.admin.calls();
            expect(call).to.deep.include({
                accountId: null,
                callerArn: null,
                region: null,
                outcome: "MissingAuthenticationTokenException",
            });
        });

        it("refuses a header that is not SigV4 with IncompleteSignatureException 400", async () => {
            const answer = await post(emulator.endpoint, "/getresourceshareinvitations", "{}", {
                authorization: "Bearer abc",
            });
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
    });

    describe("request bodies", () => {
        // Answers a body that is not JSON (or not an object) with SerializationException 400,
        // and keeps serving.
        it("answers a body that is not a JSON object with a 400, and keeps serving", async () => {
            for (const body of ["{not json", "[1,2]", '"text"']) {
                const answer = await post(emulator.endpoint, "/getresourceshareinvitations", body, {
                    authorization: BYSTANDER_AUTHORIZATION,
                });
                expect(answer, body).to.deep.include({ status: 400, errorType: "SerializationException" });
            }
            await expectStillServing(emulator.endpoint);
        });

        it("answers a member of the wrong JSON type with InvalidParameterException 400", async () => {
            const answer = await post(emulator.endpoint, "/getresourceshareinvitations", '{"maxResults":"ten"}', {
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
    });
});
