import { expect } from "chai";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { RunningEmulator, startEmulator } from "../../../emulator";
import { expectAwsError, stsClient } from "../helpers";

const ACCOUNT = { accountId: "222222222222", accessKeyId: "AKIDSTSTEST00000001", secretAccessKey: "sts-secret" };

describe("emulator: STS GetCallerIdentity", () => {
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ seed: { accounts: [ACCOUNT] } });
    });

    after(() => emulator.stop());

    function sts(credentials: { accessKeyId: string; secretAccessKey: string }, region = "eu-central-1"): STSClient {
        return stsClient(emulator.endpoint, credentials, region);
    }

    it("names the account of the access key, for the unmodified SDK", async () => {
        const identity = await sts(ACCOUNT).send(new GetCallerIdentityCommand({}));
        expect(identity).to.deep.include({ Account: ACCOUNT.accountId, Arn: `arn:aws:iam::${ACCOUNT.accountId}:root` });
    });

    // The root user's ARN is in the partition of the region the request was signed for.
    for (const [region, partition] of [
        ["us-gov-west-1", "aws-us-gov"],
        ["cn-north-1", "aws-cn"],
        ["eusc-de-east-1", "aws-eusc"],
    ]) {
        it(`names the ARN in ${partition} for ${region}`, async () => {
            const identity = await sts(ACCOUNT, region).send(new GetCallerIdentityCommand({}));
            expect(identity.Arn).to.equal(`arn:${partition}:iam::${ACCOUNT.accountId}:root`);
        });
    }

    it("refuses an unknown access key as STS does, and a wrong signature", async () => {
        for (const [credentials, name] of [
            [{ accessKeyId: "AKIDUNKNOWN00000001", secretAccessKey: "x" }, "InvalidClientTokenId"],
            [{ accessKeyId: ACCOUNT.accessKeyId, secretAccessKey: "wrong" }, "InvalidSignatureException"],
        ] as const) {
            await expectAwsError(sts(credentials).send(new GetCallerIdentityCommand({})), name, 403);
        }
    });
});
