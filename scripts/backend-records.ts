/**
 * What the Automation API asks the CLI for after an update, read from the file backend instead.
 *
 * `Stack.up` runs `pulumi stack output --json` twice (masked, then with secrets) and `pulumi stack
 * history --page-size 1` after the update itself, and `refresh` and `destroy` run the history call:
 * three more CLI starts after every `up`, about 0.5 CPU s each, which the test suite paid some 500
 * times. The file backend keeps the same records as plain files, which is where those commands read
 * them: the stack's checkpoint, `.pulumi/stacks/<project>/<stack>.json` (the outputs are those of its
 * root resource), and each update's summary, `.pulumi/history/<project>/<stack>/<stack>-<time>.history.json`.
 *
 * `readRecordsFromBackend` makes a stack read them there, converted as the CLI converts them. Whatever
 * only the CLI can answer (a secret output or config value, which needs the passphrase; a compressed
 * or missing file) is asked of the CLI as before, so the results are the Automation API's own.
 */
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import { Deployment, OutputMap, Stack, UpdateSummary } from "@pulumi/pulumi/automation";

/** The key Pulumi marks a secret value with, in state and in engine events. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/**
 * Makes `stack.outputs()`, `stack.exportStack()` and the summaries of `up`, `refresh` and `destroy`
 * come from `backendDir`.
 */
export function readRecordsFromBackend(stack: Stack, backendDir: string): void {
    const askCli = {
        outputs: stack.outputs.bind(stack),
        info: stack.info.bind(stack),
        exportStack: stack.exportStack.bind(stack),
    };
    stack.outputs = async () => (await outputsInCheckpoint(backendDir, stack.name)) ?? askCli.outputs();
    stack.info = async (showSecrets?: boolean) =>
        (await latestSummary(backendDir, stack.name)) ?? askCli.info(showSecrets);
    stack.exportStack = async () => (await deploymentInCheckpoint(backendDir, stack.name)) ?? askCli.exportStack();
}

/**
 * The stack's state as `stack export --show-secrets` gives it; undefined when only the CLI can tell
 * (no checkpoint file, or a secret in it, whose plaintext needs the stack's passphrase).
 */
export async function deploymentInCheckpoint(backendDir: string, stackName: string): Promise<Deployment | undefined> {
    const project = await onlyProjectFolder(path.join(backendDir, ".pulumi", "stacks"));
    const file = project && (await readFile(path.join(project, `${stackName}.json`), "utf8").catch(() => undefined));
    if (!file || file.includes(SECRET_SIGNATURE)) {
        return undefined;
    }
    const { checkpoint } = JSON.parse(file) as { version: number; checkpoint?: { latest?: Deployment["deployment"] } };
    return checkpoint?.latest ? { version: 3, deployment: checkpoint.latest } : undefined;
}

/** The root resource's outputs as `stack output` gives them; undefined when only the CLI can tell. */
export async function outputsInCheckpoint(backendDir: string, stackName: string): Promise<OutputMap | undefined> {
    const state = await deploymentInCheckpoint(backendDir, stackName);
    if (!state) {
        return undefined;
    }
    const resources = (state.deployment.resources ?? []) as { type: string; outputs?: Record<string, unknown> }[];
    const outputs = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs ?? {};
    return Object.fromEntries(Object.entries(outputs).map(([key, value]) => [key, { value, secret: false }]));
}

/** The newest update's summary as `stack history --json` prints it; undefined when only the CLI can tell. */
export async function latestSummary(backendDir: string, stackName: string): Promise<UpdateSummary | undefined> {
    const project = await onlyProjectFolder(path.join(backendDir, ".pulumi", "history"));
    if (!project) {
        return undefined;
    }
    const folder = path.join(project, stackName);
    // <stack>-<unix nanoseconds>.history.json: the newest has the largest number.
    const newest = (await entries(folder))
        .filter((name) => name.endsWith(".history.json"))
        .map((name) => ({ name, time: BigInt(name.slice(stackName.length + 1, -".history.json".length)) }))
        .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0))[0];
    if (!newest) {
        return undefined;
    }
    const record = JSON.parse(await readFile(path.join(folder, newest.name), "utf8")) as StoredUpdate;
    const config = configAsPrinted(record.config ?? {});
    if (!config) {
        return undefined;
    }
    return {
        version: record.version,
        kind: record.kind,
        startTime: new Date(record.startTime * 1000),
        message: record.message,
        environment: record.environment,
        config,
        result: record.result,
        endTime: record.endTime === undefined ? undefined : new Date(record.endTime * 1000),
        resourceChanges: record.resourceChanges,
    } as UpdateSummary;
}

/** An update's summary as the file backend stores it (times in Unix seconds). */
interface StoredUpdate {
    version: number;
    kind: UpdateSummary["kind"];
    startTime: number;
    endTime?: number;
    message: string;
    environment: Record<string, string>;
    config?: Record<string, unknown>;
    result: UpdateSummary["result"];
    resourceChanges?: UpdateSummary["resourceChanges"];
}

/**
 * Stored config (`value`, an object, or `{ secure }`) as `stack history --json` prints it (`value`,
 * `objectValue`, `secret`); undefined when a value is secret.
 */
function configAsPrinted(stored: Record<string, unknown>): UpdateSummary["config"] | undefined {
    const printed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stored)) {
        if (typeof value === "string") {
            printed[key] = { value, secret: false };
        } else if (JSON.stringify(value).includes('"secure"')) {
            return undefined;
        } else {
            printed[key] = { value: JSON.stringify(value), objectValue: value, secret: false };
        }
    }
    return printed as UpdateSummary["config"];
}

/** The one project's folder under `dir` (the harness's backend holds one project), or undefined. */
async function onlyProjectFolder(dir: string): Promise<string | undefined> {
    const projects = await entries(dir);
    return projects.length === 1 ? path.join(dir, projects[0]) : undefined;
}

async function entries(dir: string): Promise<string[]> {
    try {
        return await readdir(dir);
    } catch {
        return [];
    }
}
