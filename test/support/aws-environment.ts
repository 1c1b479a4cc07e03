import { clientEnvironment, RunningEmulator, startEmulator } from "../../emulator";

/**
 * Points the AWS SDK's standard environment at an emulator and one account's credentials, and
 * puts back what was there before. The provider is not told about the emulator in any other
 * way: it finds it the way a user's program would, through AWS_ENDPOINT_URL_RAM.
 */

/** The AWS variables a test controls; everything else about AWS in the environment is cleared. */
const CONTROLLED = [
    "AWS_ENDPOINT_URL_RAM",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ENDPOINT_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_MAX_ATTEMPTS",
    "AWS_RETRY_MODE",
    "AWS_EC2_METADATA_DISABLED",
];

export interface AccountCredentials {
    accessKeyId: string;
    secretAccessKey: string;
}

/** The variables that make the SDK call `endpoint` as the account with `credentials`. */
export function emulatorEnvironment(endpoint: string, credentials: AccountCredentials): Record<string, string> {
    return {
        ...clientEnvironment(endpoint, credentials),
        // No profile or config file of the machine may leak into a test.
        AWS_CONFIG_FILE: "/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
        // The chain's last resort is the EC2 instance metadata address, which tests must never call.
        AWS_EC2_METADATA_DISABLED: "true",
    };
}

/** Sets `variables` in this process's environment; returns a function that restores the old one. */
export function useEnvironment(variables: Record<string, string>): () => void {
    const saved = new Map(CONTROLLED.map((name) => [name, process.env[name]]));
    for (const name of CONTROLLED) {
        delete process.env[name];
    }
    Object.assign(process.env, variables);
    return () => {
        for (const [name, value] of saved) {
            if (value === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = value;
            }
        }
    };
}

/** The accounts of the integration tests: a sharing account, the receiving account, and a third. */
export const SENDER = {
    accountId: "111111111111",
    accessKeyId: "AKIDSENDER000000001",
    secretAccessKey: "sender-secret",
};
export const RECEIVER = {
    accountId: "222222222222",
    accessKeyId: "AKIDRECEIVER0000001",
    secretAccessKey: "receiver-secret",
};
export const OTHER = { accountId: "333333333333", accessKeyId: "AKIDOTHER0000000001", secretAccessKey: "other-secret" };

/**
 * Starts an emulator before the suite and points the SDK's environment at it as `credentials`;
 * stops it and restores the environment after. Call inside `describe`; read `.emulator` in tests.
 */
export function emulatorForSuite(credentials: AccountCredentials = RECEIVER): { readonly emulator: RunningEmulator } {
    const suite = { emulator: undefined as unknown as RunningEmulator };
    let restoreEnvironment: () => void = () => undefined;
    before(async () => {
        suite.emulator = await startEmulator();
        restoreEnvironment = useEnvironment(emulatorEnvironment(suite.emulator.endpoint, credentials));
    });
    after(async () => {
        restoreEnvironment();
        await suite.emulator?.stop();
    });
    return suite;
}
