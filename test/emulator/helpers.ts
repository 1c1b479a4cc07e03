/**
 * Shared pieces of the emulator's tests: accounts, SDK clients, and asserting typed errors.
 */
import { RAMClient, RAMClientConfig, RAMServiceException } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { RunningEmulator, Seed, SeedAccount, startEmulator } from "../../emulator";

export const REGION = "eu-west-1";
export const OTHER_REGION = "us-east-1";

/** Owns the shares. Its requests must be signed with its secret key. */
export const SENDER = {
    accountId: "111111111111",
    accessKeyId: "AKIDSENDER000000001",
    secretAccessKey: "sender-secret",
    name: "sender",
} satisfies SeedAccount;
/** Receives invitations. Signed requests, too. */
export const RECEIVER = {
    accountId: "222222222222",
    accessKeyId: "AKIDRECEIVER0000001",
    secretAccessKey: "receiver-secret",
    name: "receiver",
} satisfies SeedAccount;
/** Another receiver, seeded without a secret key: its signatures are not checked. */
export const BYSTANDER = {
    accountId: "333333333333",
    accessKeyId: "AKIDBYSTANDER000001",
    name: "bystander",
} satisfies SeedAccount;

/** The sender shares one thing with the receiver and one with the bystander, in {@link REGION}. */
export const BASIC_SEED: Seed = {
    accounts: [SENDER, RECEIVER, BYSTANDER],
    resourceShares: [
        { name: "subnets", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
        { name: "for-bystander", ownerAccountId: SENDER.accountId, region: REGION, principals: [BYSTANDER.accountId] },
    ],
};

/** An SDK client for one account, without retries unless asked, so faults show. */
export function ramClient(
    endpoint: string,
    account: { accessKeyId: string; secretAccessKey?: string },
    config: Partial<RAMClientConfig> = {},
): RAMClient {
    return new RAMClient({
        region: REGION,
        endpoint,
        credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey ?? "not-checked" },
        maxAttempts: 1,
        ...config,
    });
}

type ErrorClass = abstract new (...args: never[]) => RAMServiceException;

/**
 * Asserts that `promise` rejects with the SDK's typed error: the class (`instanceof`), the
 * name and the HTTP status. Errors RAM's model does not declare (AWS's front end answers
 * them) come as the generic `RAMServiceException` carrying their own `name`.
 */
export async function expectRamError(
    promise: Promise<unknown>,
    errorClass: ErrorClass & { name: string },
    httpStatus: number,
    name: string = errorClass.name,
): Promise<RAMServiceException> {
    let caught: unknown;
    try {
        await promise;
    } catch (err) {
        caught = err;
    }
    expect(caught, `expected ${name}`).to.be.instanceOf(errorClass);
    const error = caught as RAMServiceException;
    expect(error.name).to.equal(name);
    expect(error.$metadata.httpStatusCode).to.equal(httpStatus);
    return error;
}

/**
 * One emulator for the enclosing suite: started before it, stopped after it, and reset to an
 * empty state before each test (the suite's own `beforeEach` then seeds what it needs). Call
 * inside `describe`; read `.emulator` in hooks and tests.
 */
export function emulatorResetPerTest(): { readonly emulator: RunningEmulator } {
    const suite = { emulator: undefined as unknown as RunningEmulator };
    before(async () => {
        suite.emulator = await startEmulator();
    });
    after(() => suite.emulator?.stop());
    beforeEach(() => suite.emulator.admin.reset());
    return suite;
}
