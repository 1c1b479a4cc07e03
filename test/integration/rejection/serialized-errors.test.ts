/**
 * Every error path gives the same message whether the provider is loaded as the installed package
 * does it (the module itself) or as a program that imports the library by path does it (serialized
 * by value, then loaded from text). Errors come from the emulator over real HTTP: each RAM error
 * of RejectResourceShareInvitation (injected by name), throttling and 5xx answers that outlast the
 * SDK's retries, dropped connections, credentials AWS refuses, and no credentials at all; and the
 * errors the provider makes itself: an account allowedAccountIds leave out, a role AWS refuses.
 */
import { expect } from "chai";
import type * as pulumi from "@pulumi/pulumi";
import { RunningEmulator } from "../../../emulator";
import type { OperationFaults } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { loadSerializedProvider, serializeProviderByValue } from "../../support/serialized-provider";
import { emulatorEnvironment, useEnvironment } from "../../support/aws-environment";
import { RECEIVER, SENDER } from "../../support/accounts";
import { capturingStderr } from "../../support/capture-stderr";
import { expectFailure } from "../../support/expect-failure";
import { documentedErrors } from "../../support/sdk-errors";
import { emulatorPerSuite } from "../../support/emulator-suite";

const REGION = "eu-west-1";

/** The words that show a message says what happened, for each error `create` fails on. */
const EXPECTED_ADVICE: Record<string, string> = {
    IdempotentParameterMismatchException: "client token with different parameters",
    InvalidClientTokenException: "refused the client token",
    MalformedArnException: "refused the ARN as malformed",
    OperationNotPermittedException: "does not permit rejecting it",
    ResourceShareInvitationAlreadyAcceptedException: "already accepted",
    ResourceShareInvitationArnNotFoundException: "does not show this invitation",
    ServerInternalException: "kept failing with ServerInternalException",
    ServiceUnavailableException: "kept failing with ServiceUnavailableException",
};

interface Case {
    title: string;
    faults?: OperationFaults;
    /** Variables on top of the suite's (emulator endpoint, receiver's credentials). */
    env?: Record<string, string>;
    /** The provider's configuration, by stack config key. */
    config?: Record<string, string>;
    /** Inputs of the rejection beyond the invitation and its token. */
    inputs?: Record<string, string>;
    expected: string;
}

/** A role of the receiving account that trusts the sender only: AssumeRole is refused. */
const UNTRUSTING_ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/not-for-receiver`;

/** Each mode rejects an invitation of its own; the messages differ in its id only. */
function withoutInvitationId(message: string): string {
    return message.replace(/resource-share-invitation\/[\w-]+/g, "resource-share-invitation/<id>");
}

const NO_CREDENTIALS = {
    AWS_ACCESS_KEY_ID: "",
    AWS_SECRET_ACCESS_KEY: "",
};

const CASES: Case[] = [
    ...documentedErrors("RejectResourceShareInvitation")
        .filter((name) => EXPECTED_ADVICE[name])
        .map((name) => ({
            title: name,
            faults: { errorNext: 10, errorName: name },
            expected: EXPECTED_ADVICE[name],
        })),
    // Faults that outlast the SDK's retries (two attempts here, to keep the test short).
    { title: "throttling", faults: { throttleNext: 10 }, expected: "kept failing with ThrottlingException" },
    {
        title: "HTTP 503",
        faults: { serverErrorNext: 10, serverErrorStatus: 503 },
        expected: "kept failing with ServiceUnavailableException",
    },
    { title: "HTTP 500", faults: { serverErrorNext: 10 }, expected: "kept failing with ServerInternalException" },
    {
        title: "dropped connections",
        faults: { dropAfterCommitNext: 10 },
        expected: "the connection to RAM in region eu-west-1 failed (ECONNRESET",
    },
    {
        title: "refused credentials",
        env: { AWS_ACCESS_KEY_ID: "AKIDUNKNOWN00000001" },
        expected: "AWS refused the credentials",
    },
    { title: "no credentials", env: NO_CREDENTIALS, expected: "no AWS credentials were found, so no request was sent" },
    // Errors the provider makes itself, before any request to RAM.
    {
        title: "an account allowedAccountIds leave out",
        config: { "ram-invitations:allowedAccountIds": JSON.stringify(["999999999999"]) },
        expected: `account ${RECEIVER.accountId} (the current credentials) is not in the provider's allowedAccountIds`,
    },
    {
        title: "a role that does not trust the caller",
        inputs: { roleArn: UNTRUSTING_ROLE, roleSessionName: "pulumi-test" },
        expected: `AWS refused to let arn:aws:iam::${RECEIVER.accountId}:root assume role ${UNTRUSTING_ROLE}`,
    },
];

describe("error messages of the provider serialized by value", function () {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER });
    let emulator: RunningEmulator;
    let serializedText: string;

    before(async () => {
        emulator = suite.emulator;
        serializedText = await serializeProviderByValue();
    });

    async function seedInvitation(): Promise<string> {
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER],
            roles: [{ roleArn: UNTRUSTING_ROLE, trustedPrincipals: [SENDER.accountId] }],
            resourceShares: [
                { name: "s", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
            ],
        });
        return seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
    }

    /** The message `create` fails with, for a provider made by `make`, under `testCase`'s faults and variables. */
    async function createFailure(make: () => pulumi.dynamic.ResourceProvider, testCase: Case): Promise<string> {
        const invitationArn = await seedInvitation();
        await emulator.admin.setFaults("RejectResourceShareInvitation", testCase.faults ?? {});
        const restore = useEnvironment({
            ...emulatorEnvironment(emulator.endpoint, RECEIVER),
            AWS_MAX_ATTEMPTS: "2",
            ...testCase.env,
        });
        try {
            const provider = make();
            const get = (key: string) => testCase.config?.[key];
            await provider.configure!({ config: { get, require: () => "" } });
            const inputs = {
                invitationArn,
                clientToken: deriveClientToken("urn:pulumi:s::p::t::n", invitationArn),
                ...testCase.inputs,
            };
            return (await expectFailure(provider.create(inputs))).message;
        } finally {
            restore();
            await emulator.admin.reset();
        }
    }

    for (const testCase of CASES) {
        it(`${testCase.title}: the same message in both modes`, async () => {
            const installed = await createFailure(() => rejectionProvider(), testCase);
            const byValue = await createFailure(() => loadSerializedProvider(serializedText), testCase);

            expect(withoutInvitationId(byValue)).to.equal(withoutInvitationId(installed));
            expect(byValue).to.contain(testCase.expected);
            expect(byValue).to.match(/^Could not reject invitation arn:aws:ram:eu-west-1:/);
            expect(byValue).not.to.contain("incompatible receiver");
        });
    }

    it("no credentials: preview's warning says so, in both modes", async () => {
        const invitationArn = await seedInvitation();
        const restore = useEnvironment({ ...emulatorEnvironment(emulator.endpoint, RECEIVER), ...NO_CREDENTIALS });
        try {
            for (const make of [() => rejectionProvider(), () => loadSerializedProvider(serializedText)]) {
                const provider = make();
                const inputs = {
                    invitationArn,
                    clientToken: deriveClientToken("urn:pulumi:s::p::t::n", invitationArn),
                };
                const { result, stderr } = await capturingStderr(() => provider.check!({}, inputs));
                expect(result.failures).to.deep.equal([]);
                expect(stderr).to.contain(`could not look up ${invitationArn} in RAM (no AWS credentials were found`);
                expect(stderr).to.contain("it was validated offline only");
                expect(stderr).not.to.contain("refused");
            }
        } finally {
            restore();
        }
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });

    it("a role that does not trust the caller: preview fails on roleArn, in both modes", async () => {
        const invitationArn = await seedInvitation();
        const restore = useEnvironment(emulatorEnvironment(emulator.endpoint, RECEIVER));
        try {
            for (const make of [() => rejectionProvider(), () => loadSerializedProvider(serializedText)]) {
                const inputs = {
                    invitationArn,
                    clientToken: deriveClientToken("urn:pulumi:s::p::t::n", invitationArn),
                    roleArn: UNTRUSTING_ROLE,
                    roleSessionName: "pulumi-test",
                    __preview: true,
                };
                const { failures } = await make().check!({}, inputs);
                expect(failures).to.have.length(1);
                expect(failures![0].property).to.equal("roleArn");
                expect(failures![0].reason).to.contain(`assume role ${UNTRUSTING_ROLE}`).and.to.contain("trust policy");
            }
        } finally {
            restore();
        }
    });
});
