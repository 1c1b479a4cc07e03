/**
 * The provider's configuration from Python, on the real CLI against the emulator (the rest in
 * provider-config.test.ts): ram-invitations:profile for the default provider in examples/python, and
 * an explicit provider with a profile in examples/python-provider. Credentials only in profiles the
 * tests write.
 */
import { expect } from "chai";
import { RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import {
    PYTHON_FILES,
    endpointsOnly,
    writeProfiles,
    exampleCopy,
    pendingFor,
    failureText,
    expectRejectedAs,
} from "../support/provider-config-programs";

describe("the default provider's stack config in a Python program (examples/python)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    it("ram-invitations:profile rejects with the profile's key; a bad roleArn fails naming the key", async () => {
        const invitationArn = await pendingFor(suite.emulator, RECEIVER);
        const harness = await suite.stack({
            copy: exampleCopy("python", PYTHON_FILES),
            config: {
                "ram-invitations-python:invitationArn": { value: invitationArn },
                "ram-invitations:profile": { value: "receiving" },
            },
            env: endpointsOnly(suite.emulator.endpoint),
        });
        await writeProfiles(harness, { receiving: RECEIVER });
        await expectRejectedAs(suite, harness, invitationArn, RECEIVER);

        await harness.stack.setConfig("ram-invitations:roleArn", { value: "not-an-arn" });
        await suite.emulator.admin.clearCalls();
        const badRole = await failureText(harness.stack.preview());
        expect(badRole).to.include(`ram-invitations:roleArn: roleArn "not-an-arn" is not an IAM role ARN`);
        expect(await suite.emulator.admin.calls()).to.deep.equal([]);
    });
});

describe("an explicit provider with a profile in a Python program (examples/python-provider)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    it("rejects with the profile's key, no credentials in the environment", async () => {
        const invitationArn = await pendingFor(suite.emulator, RECEIVER);
        const harness = await suite.stack({
            copy: exampleCopy("python-provider", PYTHON_FILES),
            config: {
                "ram-invitations-python-provider:invitationArn": { value: invitationArn },
                "ram-invitations-python-provider:profile": { value: "platform-prod" },
            },
            env: endpointsOnly(suite.emulator.endpoint),
        });
        await writeProfiles(harness, { "platform-prod": RECEIVER });
        await expectRejectedAs(suite, harness, invitationArn, RECEIVER);
    });
});
