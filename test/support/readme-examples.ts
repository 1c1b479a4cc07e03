/**
 * The examples of README.md, read out of it, so that the tests run what the README shows and the
 * two cannot drift.
 */
import { readFileSync } from "node:fs";
import { appendFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import type { RunningEmulator, SeedAccount } from "../../emulator";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

const README = path.resolve(__dirname, "..", "..", "README.md");

/** The fenced code blocks (```lang) of the README section under `heading` (its own text, before any sub-heading). */
export function codeBlocksUnder(heading: string, lang: string): string[] {
    const lines = readFileSync(README, "utf8").split("\n");
    // A heading is a `#` line outside a fenced block (a YAML or shell comment inside one is not).
    let fenced = false;
    const isHeading = lines.map((line) => {
        fenced = line.startsWith("```") ? !fenced : fenced;
        return !fenced && /^#+ /.test(line);
    });
    const start = lines.findIndex((line, i) => isHeading[i] && line.replace(/^#+ /, "") === heading);
    if (start < 0) {
        throw new Error(`README.md has no section "${heading}"`);
    }
    const next = isHeading.findIndex((headingLine, i) => headingLine && i > start);
    const section = lines.slice(start + 1, next < 0 ? undefined : next).join("\n");
    const blocks = [...section.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]);
    if (blocks.length === 0) {
        throw new Error(`README.md section "${heading}" has no ${lang} block`);
    }
    return blocks;
}

/** The one `Pulumi.<stack>.yaml` example of a README section. */
export function stackConfigExample(heading: string): string {
    const blocks = codeBlocksUnder(heading, "yaml").filter((block) => /^# Pulumi\.[\w-]+\.yaml\n/.test(block));
    if (blocks.length !== 1) {
        throw new Error(`README.md section "${heading}" has ${blocks.length} Pulumi.<stack>.yaml examples, not one`);
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

/** The AWS profile that the README's GitOps example names for the receiving account. */
export const README_PROFILE = "platform-prod";

/**
 * Gives the stack of `harness` the README stack config `example` (appended to its `Pulumi.test.yaml`,
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
