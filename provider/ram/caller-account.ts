import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { CALLER_ACCOUNT_POLICY } from "../defaults";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { AwsSettings } from "./clients";
import { silenceNodeVersionNotice } from "./sdk-notices";

/**
 * Finds the account id of the credentials in use (STS GetCallerIdentity in `region`), so that an
 * error can say which account a call ran in. Undefined when it cannot be found out. The endpoint
 * follows the SDK's standard overrides (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL).
 */
export async function findCallerAccount(
    region: string,
    settings: AwsSettings,
    credentials?: AwsCredentialIdentityProvider,
): Promise<string | undefined> {
    return (await findCallerIdentity(region, settings, credentials))?.Account;
}

/**
 * The ARN of the identity the standard chain (or the stack's profile) yields, before any role is
 * assumed: what a role's trust policy must allow. Undefined when it cannot be found out.
 */
export async function findCallerArn(region: string, settings: AwsSettings): Promise<string | undefined> {
    return (await findCallerIdentity(region, settings, undefined))?.Arn;
}

async function findCallerIdentity(
    region: string,
    settings: AwsSettings,
    credentials: AwsCredentialIdentityProvider | undefined,
): Promise<{ Account?: string; Arn?: string } | undefined> {
    silenceNodeVersionNotice();
    const client = new STSClient({
        region,
        profile: settings.profile,
        ...(settings.endpoints?.sts ? { endpoint: settings.endpoints.sts } : {}),
        ...(credentials ? { credentials } : {}),
        ...CALLER_ACCOUNT_POLICY,
    });
    try {
        return await client.send(new GetCallerIdentityCommand({}));
    } catch {
        return undefined;
    } finally {
        client.destroy();
    }
}
