import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { AwsSettings } from "./ram-clients";
import { silenceNodeVersionNotice } from "./sdk-notices";

// Best effort and quick: the account only makes an error message clearer, so asking for it must
// never delay or replace the error it explains.
const LOOKUP_POLICY = { maxAttempts: 1, requestHandler: { connectionTimeout: 2_000, requestTimeout: 3_000 } } as const;

/**
 * Finds the account id of the credentials in use (STS GetCallerIdentity in `region`), so that an
 * error can say which account a call ran in. Undefined when it cannot be found out. The endpoint
 * follows the SDK's standard overrides (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL).
 */
export async function findCallerAccount(region: string, settings: AwsSettings): Promise<string | undefined> {
    silenceNodeVersionNotice();
    const client = new STSClient({ region, profile: settings.profile, ...LOOKUP_POLICY });
    try {
        return (await client.send(new GetCallerIdentityCommand({}))).Account;
    } catch {
        return undefined;
    } finally {
        client.destroy();
    }
}
