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
import { OrganizationsClient, OrganizationsClientConfig } from "@aws-sdk/client-organizations";
import { AssumeRoleCommandOutput, STSClient } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { EmulatorAdminError, RunningEmulator, Seed } from "../../emulator";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";

export const REGION = "eu-west-1";
export const OTHER_REGION = "us-east-1";

export { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";

/** Credentials a client signs with: an account's own key, or a role session's temporary ones. */
export interface TestCredentials {
    accessKeyId: string;
    /** Accounts seeded without a secret are not signature-checked; any value will do then. */
    secretAccessKey?: string;
    sessionToken?: string;
}

function sdkCredentials({ accessKeyId, secretAccessKey, sessionToken }: TestCredentials) {
    return { accessKeyId, secretAccessKey: secretAccessKey ?? "not-checked", sessionToken };
}

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
    account: TestCredentials,
    config: Partial<RAMClientConfig> = {},
): RAMClient {
    return new RAMClient({ region: REGION, endpoint, credentials: sdkCredentials(account), maxAttempts: 1, ...config });
}

/** The temporary credentials in an AssumeRole answer. */
export function credentialsOf({ Credentials }: AssumeRoleCommandOutput): TestCredentials {
    return {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
    };
}

/** An STS client signing with `credentials`, without retries. */
export function stsClient(endpoint: string, credentials: TestCredentials, region = REGION): STSClient {
    return new STSClient({ region, endpoint, credentials: sdkCredentials(credentials), maxAttempts: 1 });
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

/**
 * Asserts that `promise` rejects with an AWS error of this name and HTTP status (for errors the
 * SDK has no class of its own for, e.g. STS's AccessDenied); answers it.
 */
export async function expectAwsError(
    promise: Promise<unknown>,
    name: string,
    httpStatus: number,
): Promise<Error & { $fault?: string }> {
    const error = await promise.then(
        () => undefined,
        (e: Error & { $fault?: string; $metadata?: { httpStatusCode?: number } }) => e,
    );
    expect(error?.name, `expected ${name}`).to.equal(name);
    expect(error?.$metadata?.httpStatusCode).to.equal(httpStatus);
    return error!;
}

/** The organization of {@link ORGANIZATION_SEED}: ids of the forms Organizations gives them. */
export const ORG = {
    id: "o-exampleorg1",
    rootId: "r-ex12",
    /** Holds the receiver. */
    prodOu: "ou-ex12-prod0001",
    /** Inside prod; holds the bystander. */
    teamOu: "ou-ex12-team0001",
    /** A member account with no credentials: any id can be a member. */
    memberOnly: "999999999999",
} as const;

/**
 * The sender manages an organization: root ⊃ prod ⊃ team; the receiver in prod, the bystander in
 * team (a delegated administrator), a suspended credential-less member in the root. OTHER and HUB
 * are seeded but in no organization.
 */
export const ORGANIZATION_SEED: Seed = {
    accounts: [SENDER, RECEIVER, BYSTANDER, OTHER, HUB],
    organization: {
        id: ORG.id,
        managementAccountId: SENDER.accountId,
        rootId: ORG.rootId,
        delegatedAdministrators: [BYSTANDER.accountId],
        organizationalUnits: [
            { id: ORG.teamOu, name: "team", parentId: ORG.prodOu },
            { id: ORG.prodOu, name: "prod", parentId: ORG.rootId },
        ],
        accounts: [
            { id: RECEIVER.accountId, parentId: ORG.prodOu, email: "receiver@example.com" },
            { id: BYSTANDER.accountId, parentId: ORG.teamOu },
            { id: ORG.memberOnly, parentId: ORG.rootId, status: "SUSPENDED", name: "old" },
        ],
    },
};

/** An Organizations client for one account (Organizations signs for us-east-1), without retries. */
export function organizationsClient(
    endpoint: string,
    account: TestCredentials,
    config: Partial<OrganizationsClientConfig> = {},
): OrganizationsClient {
    return new OrganizationsClient({
        region: "us-east-1",
        endpoint,
        credentials: sdkCredentials(account),
        maxAttempts: 1,
        ...config,
    });
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Asserts that the emulator refuses `seed` with 400 and one problem, at `path`
 * (`seed <path> must be ...`).
 */
export async function expectSeedRefused(emulator: RunningEmulator, seed: unknown, path: string): Promise<void> {
    const refused = await emulator.admin.seed(seed as Seed).catch((e: unknown) => e);
    expect(refused, JSON.stringify(seed)).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
    expect((refused as Error).message).to.match(new RegExp(`^seed ${escapeRegExp(path)} must be [^;]+$`));
}
