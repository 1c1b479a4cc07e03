#!/usr/bin/env node
/**
 * The executable `pulumi-resource-ram-invitations`: the engine starts it (found on PATH, or where a
 * project's Pulumi.yaml `plugins:` points) and talks to it over gRPC.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RamInvitationsProvider } from "./provider";
import { serve } from "./provider-server";

// The package's own version: the engine asks for it, and it is the version `pulumi plugin` lists.
function packageVersion(): string {
    const manifest = path.resolve(__dirname, "..", "..", "..", "package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

void serve(new RamInvitationsProvider(packageVersion()), process.argv.slice(2));
