/**
 * Shared pieces of the emulator's tests: accounts, SDK clients, raw requests, and asserting
 * typed errors.
 */
import {
    GetResourceShareInvitationsCommand,
    RAMClient,
    RAMClientConfig,
    RAMServiceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { Seed } from "../../emulator";
import { BYSTANDER, RECEIVER, SENDER } from "../support/accounts";

export const REGION = "eu-west-1";
export const OTHER_REGION = "us-east-1";

export { BYSTANDER, RECEIVER, SENDER } from "../support/accounts";

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

/** A SigV4 header naming the bystander, whose signatures the seed does not check. */
export const BYSTANDER_AUTHORIZATION =
    `AWS4-HMAC-SHA256 Credential=${BYSTANDER.accessKeyId}/20250101/${REGION}/ram/aws4_request, ` +
    "SignedHeaders=host;x-amz-date, Signature=0000";

/** A raw POST, for requests the SDK would never send; answers the status, error type and body. */
export async function post(
    endpoint: string,
    path: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
): Promise<{ status: number; errorType: string | null; body: string }> {
    const response = await fetch(endpoint + path, {
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

/** Asserts that the emulator (seeded with {@link BASIC_SEED}) still answers a real SDK call. */
export async function expectStillServing(endpoint: string): Promise<void> {
    const { resourceShareInvitations } = await ramClient(endpoint, RECEIVER).send(
        new GetResourceShareInvitationsCommand({}),
    );
    expect(resourceShareInvitations).to.have.length(1);
}

export type ErrorClass = abstract new (...args: never[]) => RAMServiceException;

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
