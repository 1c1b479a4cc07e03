/**
 * The life cycle of an end-to-end suite: one emulator for the suite, reset before each test, and
 * every Pulumi stack a test creates disposed of after it. Call inside `describe`.
 */
import { ClientCredentials, clientEnvironment, RunningEmulator } from "../../emulator";
import { projectConfig, PulumiHarness, PulumiHarnessOptions } from "../../scripts/pulumi-harness";
import { ROOT_PROJECT, rootProjectCopy } from "../../scripts/root-project";
import { RECEIVER } from "./accounts";
import { emulatorPerSuite } from "./emulator-suite";

/** An entry of the root program's `rejections` config. */
export type RejectionEntry = { invitationArn: string } | { resourceShareArn: string };

export interface RootStackOptions {
    /** The RAM endpoint the stack calls. Default: the suite's emulator. */
    endpoint?: string;
    /** Whose credentials the stack runs with. Default: RECEIVER's. */
    credentials?: ClientCredentials;
    /** More variables for every process of a run. */
    env?: Record<string, string>;
    /** See PulumiHarnessOptions.backendQuery. */
    backendQuery?: string;
    /** More `ram-invitations:*` config values, by key (e.g. `policy`, `accounts`), as JSON. */
    config?: Record<string, unknown>;
    /** See PulumiHarnessOptions.typeCheckEveryRun. */
    typeCheckEveryRun?: boolean;
}

export interface EndToEndSuite {
    readonly emulator: RunningEmulator;
    /** A fresh stack (see PulumiHarness.create), disposed of after the test. */
    stack(options: PulumiHarnessOptions): Promise<PulumiHarness>;
    /**
     * A fresh stack of the repository's own project (rootProjectCopy) that declares `rejections`;
     * with `undefined`, and no `options.config`, the stack has no config at all.
     */
    rootStack(
        rejections: Record<string, RejectionEntry> | undefined,
        options?: RootStackOptions,
    ): Promise<PulumiHarness>;
}

export function endToEndSuite(): EndToEndSuite {
    const emulatorSuite = emulatorPerSuite();
    let harnesses: PulumiHarness[] = [];
    afterEach(async () => {
        await Promise.all(harnesses.map((h) => h.dispose()));
        harnesses = [];
    });
    const suite: EndToEndSuite = {
        get emulator() {
            return emulatorSuite.emulator;
        },
        async stack(options) {
            const harness = await PulumiHarness.create(options);
            harnesses.push(harness);
            return harness;
        },
        rootStack(rejections, options = {}) {
            return suite.stack({
                copy: rootProjectCopy(),
                config:
                    rejections === undefined && options.config === undefined
                        ? undefined
                        : projectConfig(ROOT_PROJECT, {
                              ...(rejections ? { rejections } : {}),
                              ...options.config,
                          }),
                env: {
                    ...clientEnvironment(
                        options.endpoint ?? emulatorSuite.emulator.endpoint,
                        options.credentials ?? RECEIVER,
                    ),
                    ...options.env,
                },
                backendQuery: options.backendQuery,
                typeCheckEveryRun: options.typeCheckEveryRun,
            });
        },
    };
    return suite;
}
