import { setTimeout as sleep } from "node:timers/promises";
import type { PulumiRun } from "../../scripts/pulumi-harness";

/** Polls `condition`; fails early, with the CLI's output, if `run` ends first. */
export async function waitUntil(
    what: string,
    condition: () => Promise<boolean> | boolean,
    run?: PulumiRun,
): Promise<void> {
    let exitCode: number | null | undefined;
    run?.exited.then(
        (code) => (exitCode = code),
        () => (exitCode = null),
    );
    const deadline = Date.now() + 120_000;
    while (!(await condition())) {
        if (run && exitCode !== undefined) {
            throw new Error(`pulumi up ended (exit code ${exitCode}) before ${what}:\n${run.output()}`);
        }
        if (Date.now() > deadline) {
            throw new Error(`gave up waiting until ${what}${run ? `:\n${run.output()}` : ""}`);
        }
        await sleep(20);
    }
}
