/**
 * Builds the provider plugin as a tarball that `pulumi plugin install` takes, for a machine that has
 * Node.js but installs plugins as Pulumi does rather than from npm:
 *
 *   npm run -s plugin-tarball                 # prints the tarball's path
 *   pulumi plugin install resource ram-invitations 0.1.0 --file <that path>
 *
 * The tarball holds, at its root, the executable `pulumi-resource-ram-invitations` (a launcher that
 * runs the plugin with the `node` on PATH) and the packed package with its production dependencies
 * (installed by npm from the registry), the layout Pulumi unpacks into ~/.pulumi/plugins/.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { installCheckout } from "./install-checkout";

const REPO = path.resolve(__dirname, "..");
const OUT = path.join(REPO, ".tools", "plugin");

const LAUNCHER = `#!/bin/sh
# The ram-invitations provider plugin: Node.js runs it from the package installed beside this file.
here=$(dirname "$(readlink -f "$0")")
exec node "$here/node_modules/pulumi-ram-invitations/bin/provider/plugin/main.js" "$@"
`;

/** Pulumi's name for this machine's platform, as in plugin tarball names: linux-amd64, darwin-arm64, ... */
function platform(): string {
    const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string] ?? process.arch;
    return `${process.platform}-${arch}`;
}

/** Builds the tarball of the checkout's plugin; answers its path. */
export function buildPluginTarball(): string {
    installCheckout();
    const { version } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    const staging = mkdtempSync(path.join(tmpdir(), "plugin-tarball-"));
    try {
        const packed = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", staging], {
            cwd: REPO,
            encoding: "utf8",
        }).trim();
        const root = path.join(staging, "root");
        mkdirSync(root);
        writeFileSync(path.join(root, "package.json"), JSON.stringify({ private: true }));
        // npm installs the peer dependency @pulumi/pulumi too: the plugin runs on it.
        execFileSync(
            "npm",
            ["install", "--omit=dev", "--no-fund", "--no-audit", "--ignore-scripts", path.join(staging, packed)],
            { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
        );
        writeFileSync(path.join(root, "pulumi-resource-ram-invitations"), LAUNCHER);
        chmodSync(path.join(root, "pulumi-resource-ram-invitations"), 0o755);
        mkdirSync(OUT, { recursive: true });
        const tarball = path.join(OUT, `pulumi-resource-ram-invitations-v${version}-${platform()}.tar.gz`);
        execFileSync("tar", ["-czf", tarball, "-C", root, "."]);
        return tarball;
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}

if (require.main === module) {
    console.log(buildPluginTarball());
}
