/**
 * A local AWS RAM endpoint (with STS and AWS Organizations beside it) that the unmodified AWS SDK
 * and AWS CLI talk to over HTTP.
 *
 * ```ts
 * const emulator = await startEmulator({ seed });
 * const ram = new RAMClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
 * // ... then read emulator.admin.calls(), and finally:
 * await emulator.stop();
 * ```
 */
import { randomInt } from "node:crypto";
import { EmulatorAdmin } from "./admin/admin-client";
import { Emulator } from "./emulator";
import type { Seed } from "./model/types";
import { listen } from "./server";

export { EmulatorAdmin, EmulatorAdminError } from "./admin/admin-client";
export type { JoinOrganizationOptions, NewOrganizationalUnit, PendingInvitationsRequest } from "./admin/admin-client";
export type * from "./admin/types";
export { awsVariableNames, clientEnvironment } from "./client-environment";
export { sampleAccounts } from "./sample-accounts";
export type { ClientCredentials } from "./client-environment";
export type { OperationFaults } from "./faults/types";
export { INVITATION_LIFETIME_MS } from "./model/store";
export type * from "./model/types";
export { MAX_BODY_BYTES } from "./server";
export type { CallFilter, CallLogEntry, CallOutcome } from "./wire/call-log";
export { ORGANIZATIONS_OPERATIONS } from "./wire/organizations-schema";
export type { OrganizationsErrorName, OrganizationsOperationName } from "./wire/organizations-schema";
export { RAM_OPERATIONS } from "./wire/ram-schema";
export type { RamErrorName, RamOperationName } from "./wire/ram-schema";
export { RAM_WRITE_OPERATIONS, SERVED_OPERATIONS } from "./wire/served-operations";
export type { ServedOperationName, ServiceName } from "./wire/served-operations";

/** How to start an emulator. Every field is optional. */
export interface EmulatorOptions {
    /** The port on 127.0.0.1; 0 (the default) takes any free port. */
    port?: number;
    /** Accounts and shares to start with. Not applied when the state file already holds state. */
    seed?: Seed;
    /** Keep state in this file (written atomically after every change) so it survives a restart. */
    stateFile?: string;
    /** Seeds the generator behind probabilistic faults; the same seed replays the same faults. Random by default. */
    randomSeed?: number;
    /** Receives a line per request and per notable event; silent by default. */
    log?: (line: string) => void;
}

/** A running emulator. */
export interface RunningEmulator {
    /** `http://127.0.0.1:<port>`: the endpoint for the SDK (`endpoint`) or the CLI (`--endpoint-url`). */
    endpoint: string;
    /** A client of this emulator's admin API. */
    admin: EmulatorAdmin;
    /** Stops serving and waits for requests in flight. */
    stop(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const log = options.log ?? (() => undefined);
    const randomSeed = options.randomSeed ?? randomInt(2 ** 31);
    const emulator = new Emulator(randomSeed, options.stateFile);
    if (options.seed && !emulator.restored) {
        emulator.seed(options.seed);
    }
    const server = await listen(emulator, options.port ?? 0, log);
    log(
        `RAM emulator listening on ${server.endpoint} (random seed ${randomSeed}` +
            `${options.stateFile ? `, state file ${options.stateFile}${emulator.restored ? ", restored" : ""}` : ""})`,
    );
    return {
        endpoint: server.endpoint,
        admin: new EmulatorAdmin(server.endpoint),
        stop: () => server.close(),
    };
}
