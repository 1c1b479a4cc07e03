import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { RunningEmulator } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { RejectionProvider, rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { emulatorEnvironment, useEnvironment } from "../../support/aws-environment";
import { OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";

const REGION = "ap-southeast-2";

describe("AWS profiles: the stack's aws:profile and AWS_PROFILE choose the credentials", function () {
    this.timeout(30_000);
    const suite = emulatorPerSuite();
    let emulator: RunningEmulator;
    let folder: string;
    let credentialsFile: string;

    before(async () => {
        emulator = suite.emulator;
        folder = mkdtempSync(path.join(tmpdir(), "aws-profile-test-"));
        credentialsFile = path.join(folder, "credentials");
        writeFileSync(
            credentialsFile,
            `[receiver]\naws_access_key_id = ${RECEIVER.accessKeyId}\n` +
                `aws_secret_access_key = ${RECEIVER.secretAccessKey}\n`,
        );
    });

    after(async () => {
        rmSync(folder, { recursive: true, force: true });
    });

    async function seededInvitation(): Promise<string> {
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER, OTHER],
            resourceShares: [
                { name: "s", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
            ],
        });
        return seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
    }

    // The environment holds another account's keys: only the profile can make the call succeed.
    function environment(extra: Record<string, string>): () => void {
        return useEnvironment({
            ...emulatorEnvironment(emulator.endpoint, OTHER),
            AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
            ...extra,
        });
    }

    async function rejectWith(provider: RejectionProvider, invitationArn: string) {
        return provider.create({
            invitationArn,
            clientToken: deriveClientToken("urn:pulumi:s::p::t::n", invitationArn),
        });
    }

    it("uses the profile named by the stack's aws:profile", async () => {
        const invitationArn = await seededInvitation();
        const restore = environment({});
        try {
            const provider = rejectionProvider();
            await provider.configure({
                config: { get: (key) => (key === "aws:profile" ? "receiver" : undefined), require: () => "" },
            });
            const created = await rejectWith(provider, invitationArn);
            expect(created.outs).to.deep.include({ status: "REJECTED", receiverAccountId: RECEIVER.accountId });
        } finally {
            restore();
        }
        const calls = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(calls.map((c) => c.accountId)).to.deep.equal([RECEIVER.accountId]);
    });

    it("uses AWS_PROFILE when the stack sets no profile", async () => {
        const invitationArn = await seededInvitation();
        const restore = environment({ AWS_PROFILE: "receiver" });
        try {
            const created = await rejectWith(rejectionProvider(), invitationArn);
            expect(created.outs).to.deep.include({ status: "REJECTED" });
        } finally {
            restore();
        }
    });
});
