/**
 * The repository's own project (Pulumi.yaml and its root program, examples/stack-config) as a user
 * has it after `git clone` and `npm ci`, for the end-to-end tests, the demo and the benchmarks to
 * run exactly as a user runs it.
 */
import * as path from "node:path";
import { installCheckout } from "./install-checkout";
import type { ProjectCopy } from "./pulumi-harness";

const REPO = path.resolve(__dirname, "..");

/** The project name in Pulumi.yaml: the namespace of its config keys and part of every URN. */
export const ROOT_PROJECT = "ram-invitations";

/**
 * What to copy of the repository to run its own project, after making sure node_modules holds the
 * checkout's current build (which the program imports by package name, as a user's would).
 */
export function rootProjectCopy(): ProjectCopy {
    installCheckout();
    return { root: REPO, paths: ["Pulumi.yaml", "package.json", "tsconfig.json", "examples/stack-config"] };
}
