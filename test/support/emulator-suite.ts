import { RunningEmulator, startEmulator } from "../../emulator";
import { AccountCredentials, emulatorEnvironment, useEnvironment } from "./aws-environment";

export interface EmulatorSuiteOptions {
    /**
     * Point this process's AWS SDK environment at the emulator, as this account, for the suite
     * (for tests that run the provider in-process: it finds the emulator as a user's program
     * would, through AWS_ENDPOINT_URL_RAM). Default: leave the environment alone.
     */
    actAs?: AccountCredentials;
    /**
     * The most items one page of every list call holds (Seed.pageSize), set again after each reset,
     * before the suite's own seeding. Default: the emulator's own, as the client asks.
     */
    pageSize?: number;
}

/**
 * One emulator for the enclosing suite: started before it, stopped after it, and reset to an
 * empty state (with the suite's page size, if any) before each test (the suite's own `beforeEach`
 * then seeds what it needs). Call inside `describe`; read `.emulator` in hooks and tests.
 */
export function emulatorPerSuite(options: EmulatorSuiteOptions = {}): { readonly emulator: RunningEmulator } {
    let emulator: RunningEmulator | undefined;
    let restoreEnvironment = () => undefined as void;
    before(async () => {
        emulator = await startEmulator();
        if (options.actAs) {
            restoreEnvironment = useEnvironment(emulatorEnvironment(emulator.endpoint, options.actAs));
        }
    });
    after(async () => {
        restoreEnvironment();
        await emulator?.stop();
    });
    beforeEach(async () => {
        await emulator!.admin.reset();
        if (options.pageSize !== undefined) {
            await emulator!.admin.seed({ accounts: [], pageSize: options.pageSize });
        }
    });
    return {
        get emulator() {
            return emulator!;
        },
    };
}
