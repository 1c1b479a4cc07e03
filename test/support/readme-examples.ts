/**
 * The examples of the documentation (README.md and the topic pages docs/*.md), read out of it by
 * section heading, so that the tests run what the documentation shows and the two cannot drift.
 * A heading that a test reads must be found exactly once across those files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { appendFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import type { RunningEmulator, SeedAccount } from "../../emulator";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

const REPO = path.resolve(__dirname, "..", "..");

/** The documentation files, relative to the repository: README.md, then docs/*.md by name. */
export function documentationFiles(): string[] {
    const docs = path.join(REPO, "docs");
    const pages = (existsSync(docs) ? readdirSync(docs) : [])
        .filter((name) => name.endsWith(".md"))
        .sort()
        .map((name) => `docs/${name}`);
    return ["README.md", ...pages];
}

/** A file's headings (`#` lines outside a fenced block: a YAML or shell comment inside one is not). */
function headingLines(lines: string[]): boolean[] {
    let fenced = false;
    return lines.map((line) => {
        fenced = line.startsWith("```") ? !fenced : fenced;
        return !fenced && /^#+ /.test(line);
    });
}

/** The headings of every documentation file, as written (without the `#`s), with their file. */
export function documentationHeadings(): { file: string; heading: string }[] {
    return documentationFiles().flatMap((file) => {
        const lines = readFileSync(path.join(REPO, file), "utf8").split("\n");
        const isHeading = headingLines(lines);
        return lines.filter((_, i) => isHeading[i]).map((line) => ({ file, heading: line.replace(/^#+ /, "") }));
    });
}

/**
 * The text of the section under `heading` (its own text, before any sub-heading) and its file. Throws
 * when no documentation file has the heading, or when it is found more than once.
 */
function sectionUnder(heading: string): { file: string; text: string } {
    const found: { file: string; text: string }[] = [];
    for (const file of documentationFiles()) {
        const lines = readFileSync(path.join(REPO, file), "utf8").split("\n");
        const isHeading = headingLines(lines);
        lines.forEach((line, start) => {
            if (isHeading[start] && line.replace(/^#+ /, "") === heading) {
                const next = isHeading.findIndex((headingLine, i) => headingLine && i > start);
                found.push({ file, text: lines.slice(start + 1, next < 0 ? undefined : next).join("\n") });
            }
        });
    }
    if (found.length === 0) {
        throw new Error(`No section "${heading}" in ${documentationFiles().join(", ")}`);
    }
    if (found.length > 1) {
        throw new Error(
            `The section "${heading}" is found ${found.length} times, in ${found.map((s) => s.file).join(", ")}: ` +
                `a heading the tests read must be unique across the documentation`,
        );
    }
    return found[0];
}

/** The fenced code blocks (```lang) of the section under `heading` (its own text, before any sub-heading). */
export function codeBlocksUnder(heading: string, lang: string): string[] {
    const { file, text } = sectionUnder(heading);
    const blocks = [...text.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]);
    if (blocks.length === 0) {
        throw new Error(`${file} section "${heading}" has no ${lang} block`);
    }
    return blocks;
}

/** The one `Pulumi.<stack>.yaml` example of a documentation section. */
export function stackConfigExample(heading: string): string {
    const blocks = codeBlocksUnder(heading, "yaml").filter((block) => /^# Pulumi\.[\w-]+\.yaml\n/.test(block));
    if (blocks.length !== 1) {
        throw new Error(`The section "${heading}" has ${blocks.length} Pulumi.<stack>.yaml examples, not one`);
    }
    return blocks[0];
}

/** Every invitation ARN an example names. */
export function invitationArnsIn(text: string): string[] {
    return [...new Set(text.match(/arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[0-9a-f-]+/g) ?? [])];
}

/**
 * For each invitation ARN an example names, seeds a pending invitation from the same sender, in the
 * same region, to `receiver`; answers the example with each ARN swapped for its seeded one (an
 * invitation's id is RAM's to choose), and the seeded ARNs.
 */
export async function seedInvitationsNamedIn(
    emulator: RunningEmulator,
    example: string,
    receiver: SeedAccount,
): Promise<[string, string[]]> {
    let text = example;
    const seeded: string[] = [];
    for (const [i, arn] of invitationArnsIn(example).entries()) {
        const [, , , region, sender] = arn.split(":");
        const { resourceShares } = await emulator.admin.seed({
            accounts: [],
            resourceShares: [
                { name: `readme-share-${i}`, ownerAccountId: sender, region, principals: [receiver.accountId] },
            ],
        });
        seeded.push(resourceShares[0].invitationArns[receiver.accountId]);
        text = text.replaceAll(arn, seeded[i]);
    }
    return [text, seeded];
}

/** The AWS profile that the GitOps example (docs/gitops.md) names for the receiving account. */
export const README_PROFILE = "platform-prod";

/**
 * Gives the stack of `harness` the documentation's stack config `example` (appended to its `Pulumi.test.yaml`,
 * after the encryption salt the stack got when it was created), and `account`'s keys as the profile
 * the GitOps example names, in the AWS config file, as a user keeps it.
 */
export async function useReadmeStackConfig(harness: PulumiHarness, example: string, account: SeedAccount) {
    await appendFile(path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml"), `\n${example}`);
    await writeFile(
        harness.env.AWS_CONFIG_FILE,
        `[profile ${README_PROFILE}]\naws_access_key_id = ${account.accessKeyId}\n` +
            `aws_secret_access_key = ${account.secretAccessKey}\nregion = us-east-1\n`,
    );
}
