/**
 * Command line: `npm run -s emulator -- --port 0 --seed <seed file> [--state-file path] [--random-seed n]`.
 *
 * The first line on stdout is the endpoint URL, so a script can read it and go; everything
 * else (one line per request) goes to stderr. SIGINT or SIGTERM stops it cleanly (exit 0); a
 * failure to start exits with 2.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator } from "./index";
import type { Seed } from "./model/types";

const USAGE = "usage: emulator [--port N] [--seed seed.json] [--state-file path] [--random-seed N] [--quiet]";

class UsageError extends Error {}

function integerOption(value: string | undefined, name: string, max: number): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) {
        throw new UsageError(`--${name} must be an integer from 0 to ${max}`);
    }
    return n;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            port: { type: "string" },
            seed: { type: "string" },
            "state-file": { type: "string" },
            "random-seed": { type: "string" },
            quiet: { type: "boolean" },
            help: { type: "boolean" },
        },
    });
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return;
    }
    const emulator = await startEmulator({
        port: integerOption(values.port, "port", 65535),
        seed: values.seed === undefined ? undefined : (JSON.parse(readFileSync(values.seed, "utf8")) as Seed),
        stateFile: values["state-file"],
        randomSeed: integerOption(values["random-seed"], "random-seed", 2 ** 32 - 1),
        log: values.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${emulator.endpoint}\n`);

    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
            return;
        }
        stopping = true;
        process.stderr.write(`${signal}: stopping\n`);
        emulator.stop().then(
            () => process.exit(0),
            (err: unknown) => {
                process.stderr.write(`stopping failed: ${String(err)}\n`);
                process.exit(1);
            },
        );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    // Usage mistakes also get the usage line; other failures (an unreadable seed, a taken port) just their message.
    const usageMistake =
        err instanceof UsageError || String((err as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    process.stderr.write(usageMistake ? `${message}\n${USAGE}\n` : `${message}\n`);
    process.exit(2);
});
