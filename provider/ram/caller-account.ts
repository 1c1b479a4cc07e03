import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { CALLER_ACCOUNT_POLICY } from "../defaults";
import type { AwsSettings } from "./clients";
import { silenceNodeVersionNotice } from "./sdk-notices";

/**
 * Finds the account id of the credentials in use (STS GetCallerIdentity in `region`), so that an
 * error can say which account a call ran in. Undefined when it cannot be found out. The endpoint
 * follows the SDK's standard overrides (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL).
 */
export async function findCallerAccount(region: string, settings: AwsSettings): Promise<string | undefined> {
    silenceNodeVersionNotice();
    const client = new STSClient({ region, profile: settings.profile, ...CALLER_ACCOUNT_POLICY });
    try {
        return (await client.send(new GetCallerIdentityCommand({}))).Account;
    } catch {
        return undefined;
    } finally {
        client.destroy();
    }
}
