/**
 * What the suites of Organizations over awsJson1_1 share: the emulator seeded with ORGANIZATION_SEED
 * before each test, a client for the management account and one for a member, the SDK's typed
 * errors, every page of a listing, and an unchecked SigV4 header for raw requests.
 */
import { OrganizationsClient, OrganizationsServiceException } from "@aws-sdk/client-organizations";
import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { BYSTANDER, ORGANIZATION_SEED, organizationsClient, RECEIVER, SENDER } from "../helpers";

export const ARN_PREFIX = `arn:aws:organizations::${SENDER.accountId}`;

/** Asserts the SDK's typed error: its class, name and HTTP status; answers it. */
export async function expectOrganizationsError(
    promise: Promise<unknown>,
    errorClass: abstract new (...args: never[]) => OrganizationsServiceException,
    httpStatus: number,
): Promise<OrganizationsServiceException & { Reason?: string }> {
    const caught = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(caught, `expected ${errorClass.name}`).to.be.instanceOf(errorClass);
    const error = caught as OrganizationsServiceException;
    expect(error.name).to.equal(errorClass.name);
    expect(error.$metadata.httpStatusCode).to.equal(httpStatus);
    return error;
}

/** Every item of every page, and how many pages there were. */
export async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
    const collected: T[] = [];
    for await (const page of pages) {
        collected.push(page);
    }
    return collected;
}

/** The suite's emulator and its clients: the management account's and a member's. */
export const world = {} as { emulator: RunningEmulator; management: OrganizationsClient; member: OrganizationsClient };

/** Starts an emulator for the suite, its two clients, and seeds ORGANIZATION_SEED afresh before each test. */
export function useOrganizationSeed(): void {
    const suite = emulatorPerSuite();
    before(() => {
        world.emulator = suite.emulator;
        world.management = organizationsClient(world.emulator.endpoint, SENDER);
        world.member = organizationsClient(world.emulator.endpoint, RECEIVER);
    });
    beforeEach(() => world.emulator.admin.seed(ORGANIZATION_SEED));
}

/** A SigV4 header naming the bystander (seeded without a secret, so not checked), scoped to Organizations. */
export function bystanderAuthorization(): string {
    return (
        `AWS4-HMAC-SHA256 Credential=${BYSTANDER.accessKeyId}/20250101/us-east-1/organizations/aws4_request, ` +
        "SignedHeaders=host;x-amz-date, Signature=0000"
    );
}
