/**
 * The life cycle of an end-to-end suite: one emulator for the suite, reset before each test, and
 * every Pulumi stack a test creates disposed of after it. Call inside `describe`.
 */
import { RunningEmulator, startEmulator } from "../../emulator";
import { PulumiHarness, PulumiHarnessOptions } from "../../scripts/pulumi-harness";

export interface EndToEndSuite {
    readonly emulator: RunningEmulator;
    /** A fresh stack (see PulumiHarness.create), disposed of after the test. */
    stack(options: PulumiHarnessOptions): Promise<PulumiHarness>;
}

export function endToEndSuite(): EndToEndSuite {
    let emulator: RunningEmulator | undefined;
    let harnesses: PulumiHarness[] = [];
    before(async () => {
        emulator = await startEmulator();
    });
    after(() => emulator?.stop());
    beforeEach(() => emulator!.admin.reset());
    afterEach(async () => {
        await Promise.all(harnesses.map((h) => h.dispose()));
        harnesses = [];
    });
    return {
        get emulator() {
            return emulator!;
        },
        async stack(options) {
            const harness = await PulumiHarness.create(options);
            harnesses.push(harness);
            return harness;
        },
    };
}
