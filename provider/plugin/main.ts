#!/usr/bin/env node
/**
 * The executable `pulumi-resource-ram-invitations`: the engine starts it (found on PATH, or where a
 * project's Pulumi.yaml `plugins:` points) and talks to it over gRPC.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RamInvitationsProvider } from "./provider";
import { serve } from "./server/serve";

// The package's own version: the engine asks for it, and it is the version `pulumi plugin` lists.
function packageVersion(): string {
    const manifest = path.resolve(__dirname, "..", "..", "..", "package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

serve(new RamInvitationsProvider(packageVersion()), process.argv.slice(2)).then(
    // The engine reads the port from the first line of stdout.
    ({ port }) => process.stdout.write(`${port}\n`),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    },
);
