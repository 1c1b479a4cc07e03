/**
 * The standard AWS SDK (and AWS CLI) variables that make a client, or the provider process a
 * Pulumi run starts, call the emulator at `endpoint` as one of its seeded accounts.
 */
export interface ClientCredentials {
    accessKeyId: string;
    /** Accounts seeded without a secret are not signature-checked; any value will do then. */
    secretAccessKey?: string;
    sessionToken?: string;
}

export function clientEnvironment(endpoint: string, credentials: ClientCredentials): Record<string, string> {
    return {
        AWS_ENDPOINT_URL_RAM: endpoint,
        AWS_ENDPOINT_URL_STS: endpoint,
        AWS_ENDPOINT_URL_ORGANIZATIONS: endpoint,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey ?? "not-checked",
        ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    };
}

/**
 * The names of the AWS SDK and AWS CLI variables set in `env`. A test, or a run of the CLI, that
 * must see only the variables it is given clears these first, so that nothing of the machine's
 * (a profile, credentials, a region, an endpoint) leaks in.
 */
export function awsVariableNames(env: NodeJS.ProcessEnv = process.env): string[] {
    return Object.keys(env).filter((name) => name.startsWith("AWS_"));
}
