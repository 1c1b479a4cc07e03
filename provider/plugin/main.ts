#!/usr/bin/env node
/**
 * The executable `pulumi-resource-ram-invitations`: the engine starts it (found on PATH, or where a
 * project's Pulumi.yaml `plugins:` points) and talks to it over gRPC.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RamInvitationsProvider } from "./provider";
import { serve } from "./server/serve";

/** The release's version, set in the plugin archive's bundle (esbuild `define`): no package.json lies beside it. */
declare const RELEASED_PLUGIN_VERSION: string | undefined;

// The package's own version: the engine asks for it, and it is the version `pulumi plugin` lists.
function packageVersion(): string {
    if (typeof RELEASED_PLUGIN_VERSION === "string") {
        return RELEASED_PLUGIN_VERSION;
    }
    const manifest = path.resolve(__dirname, "..", "..", "..", "package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

// The plugin archive runs on the `node` found on PATH: say so plainly rather than fail obscurely on an old one.
if (Number(process.versions.node.split(".")[0]) < 20) {
    process.stderr.write(
        `pulumi-resource-ram-invitations needs Node.js 20 or later; the node on PATH is ${process.version}. ` +
            "Install Node.js 20 or later (https://nodejs.org) and run Pulumi again.\n",
    );
    process.exit(1);
}

serve(new RamInvitationsProvider(packageVersion()), process.argv.slice(2)).then(
    // The engine reads the port from the first line of stdout.
    ({ port }) => process.stdout.write(`${port}\n`),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    },
);
