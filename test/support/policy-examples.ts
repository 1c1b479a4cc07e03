/**
 * The plugin's policy examples (examples/yaml-policy and examples/python-policy, the same program and
 * stack settings in each language) run as written: only their Pulumi.<stack>.yaml is written, as a
 * user writes it. Shared by plugin-policy-programs.test.ts and organization-policy-languages.test.ts.
 */
import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { clientEnvironment } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import type { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, RECEIVER, SENDER } from "./accounts";
import type { EndToEndSuite } from "./end-to-end-suite";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");

export interface PolicyExample {
    folder: string;
    language: string;
    paths: string[];
}

/** The policy examples: the same program and stack settings in YAML and in Python. */
export const POLICY_EXAMPLES: PolicyExample[] = [
    { folder: "yaml-policy", language: "Pulumi YAML", paths: ["Pulumi.yaml"] },
    { folder: "python-policy", language: "Python", paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"] },
];

/** The role in RECEIVER that the examples' policy reaches its invitations through. */
export const POLICY_ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
/** The regions the examples' policy enforces. */
export const POLICY_REGIONS = ["us-east-1", "eu-west-1"];

/**
 * The example run from the hub account, reaching RECEIVER through its role, with `extra` config
 * lines (`key: value`, under the project's name) after the settings every run has.
 */
export async function policyExampleStack(
    suite: EndToEndSuite,
    example: PolicyExample,
    extra: string[] = [],
): Promise<PulumiHarness> {
    await suite.emulator.admin.seed({
        accounts: [HUB, RECEIVER],
        roles: [{ roleArn: POLICY_ROLE, trustedPrincipals: [HUB.accountId] }],
    });
    installCheckout();
    const links: Record<string, string> = { node_modules: MODULES };
    if (example.paths.includes("__main__.py")) {
        links.venv = installPythonSdk();
    }
    const harness = await suite.stack({
        copy: { root: path.join(REPO, "examples", example.folder), paths: example.paths, links },
        env: clientEnvironment(suite.emulator.endpoint, HUB),
    });
    const project = `ram-invitations-${example.folder}`;
    const settings = [
        "config:",
        `  ${project}:roleArn: ${POLICY_ROLE}`,
        `  ${project}:allowedSenderAccountIds: ["${SENDER.accountId}"]`,
        `  ${project}:regions: [${POLICY_REGIONS.join(", ")}]`,
        ...extra.map((line) => `  ${project}:${line}`),
    ];
    await writeFile(path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml"), `${settings.join("\n")}\n`);
    return harness;
}

/** An object with its snake_case keys in camelCase (Python's SDK exports the summary with its own names). */
export function camelCaseKeys(value: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(value).map(([key, v]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
    );
}
