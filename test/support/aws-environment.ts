import { awsVariableNames, clientEnvironment } from "../../emulator";

/**
 * Points the AWS SDK's standard environment at an emulator and one account's credentials, and
 * puts back what was there before. The provider is not told about the emulator in any other
 * way: it finds it the way a user's program would, through AWS_ENDPOINT_URL_RAM.
 */

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

/**
 * Sets `variables` in this process's environment, after clearing every AWS variable the machine
 * had; returns a function that puts the environment's AWS variables back as they were.
 */
export function useEnvironment(variables: Record<string, string>): () => void {
    const names = new Set([...awsVariableNames(), ...Object.keys(variables)]);
    const saved = new Map([...names].map((name) => [name, process.env[name]]));
    for (const name of awsVariableNames()) {
        delete process.env[name];
    }
    Object.assign(process.env, variables);
    return () => {
        for (const name of awsVariableNames()) {
            delete process.env[name];
        }
        for (const [name, value] of saved) {
            if (value !== undefined) {
                process.env[name] = value;
            }
        }
    };
}
