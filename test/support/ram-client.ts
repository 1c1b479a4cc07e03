import { RAMClient, RAMClientConfig } from "@aws-sdk/client-ram";
import { silenceNodeVersionNotice } from "../../provider/ram/sdk-notices";

/**
 * An SDK client that calls `endpoint` in `region` as `account`, to act on the emulator the way a
 * user would out of band (accept, reject, list). One attempt unless `config` says otherwise, so
 * that faults show.
 */
export function ramClientAs(
    endpoint: string,
    account: { accessKeyId: string; secretAccessKey?: string },
    region: string,
    config: Partial<RAMClientConfig> = {},
): RAMClient {
    silenceNodeVersionNotice();
    return new RAMClient({
        region,
        endpoint,
        credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey ?? "not-checked" },
        maxAttempts: 1,
        ...config,
    });
}
