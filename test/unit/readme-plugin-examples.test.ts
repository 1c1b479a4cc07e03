/**
 * The documentation's plugin programs (README.md and docs/*.md) are the examples' programs, which the
 * end-to-end tests run as written: each code block of those sections must be the example file, or a
 * verbatim part of one, so the documentation cannot drift from what is tested. And every section
 * that a test reads out of the documentation is found there exactly once.
 */
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { codeBlocksUnder, documentationHeadings, stackConfigExample } from "../support/readme-examples";

const REPO = path.resolve(__dirname, "..", "..");
const EXAMPLES = path.join(REPO, "examples");

function example(file: string): string {
    return readFileSync(path.join(EXAMPLES, file), "utf8");
}

describe("docs/_index.md's example in every language is the tested example files", () => {
    const section = "Example: reject one invitation";

    it("the TypeScript, Python and Go programs are examples/typescript-sdk, examples/python and examples/go", () => {
        expect(codeBlocksUnder(section, "ts")).to.deep.equal([example("typescript-sdk/index.ts")]);
        expect(codeBlocksUnder(section, "python")).to.deep.equal([example("python/__main__.py")]);
        expect(codeBlocksUnder(section, "go")).to.deep.equal([example("go/main.go")]);
    });

    it("the YAML program is examples/yaml's, verbatim from its name on", () => {
        const blocks = codeBlocksUnder(section, "yaml");
        expect(blocks).to.have.length(1);
        expect(blocks[0]).to.match(/^name: /);
        expect(example("yaml/Pulumi.yaml")).to.include(blocks[0]);
    });
});

describe("the plugin's policy in YAML is the tested example file", () => {
    it("the YAML block is part of examples/yaml-policy, verbatim", () => {
        const blocks = codeBlocksUnder("A policy in YAML", "yaml");
        expect(blocks).to.have.length(1);
        expect(example("yaml-policy/Pulumi.yaml")).to.include(blocks[0]);
    });
});

describe("the explicit-provider examples are the tested example files", () => {
    const section = "One provider per account";

    it("the Python program is examples/python-provider as it is, the YAML parts of examples/yaml-providers", () => {
        expect(codeBlocksUnder(section, "python")).to.deep.equal([example("python-provider/__main__.py")]);
        const blocks = codeBlocksUnder(section, "yaml");
        expect(blocks).to.have.length(2);
        for (const block of blocks) {
            expect(example("yaml-providers/Pulumi.yaml"), block).to.include(block);
        }
    });
});

describe("the acceptance examples are the tested example files", () => {
    const section = "Accepting what you want: InvitationAcceptance";

    it("the TypeScript program is examples/acceptance as it is, the YAML part of examples/yaml-acceptance", () => {
        expect(codeBlocksUnder(section, "ts")).to.deep.equal([example("acceptance/index.ts")]);
        const blocks = codeBlocksUnder(section, "yaml");
        expect(blocks).to.have.length(1);
        expect(example("yaml-acceptance/Pulumi.yaml")).to.include(blocks[0]);
    });
});

/**
 * The sections the end-to-end tests read (test/e2e/readme-programs, own-project, root-project,
 * plugin-migration), by the helper each calls: so that moving or renaming one fails here, at once,
 * rather than in a long suite.
 */
const END_TO_END_SECTIONS: { heading: string; read: (heading: string) => unknown }[] = [
    { heading: "A minimal program", read: (heading) => codeBlocksUnder(heading, "ts") },
    {
        heading: "Rejection policies: reject everything not from an allowed sender",
        read: (heading) => codeBlocksUnder(heading, "ts"),
    },
    { heading: "Many accounts from one stack: roles", read: (heading) => codeBlocksUnder(heading, "ts") },
    {
        heading: "Moving a stack from the dynamic resource to the plugin",
        read: (heading) => expect(codeBlocksUnder(heading, "ts")).to.have.length(2),
    },
    { heading: "In a project of your own", read: (heading) => codeBlocksUnder(heading, "ts") },
    { heading: "GitOps: rejections declared in stack config", read: stackConfigExample },
    { heading: "The policy in stack config", read: stackConfigExample },
    { heading: "A fleet in stack config", read: stackConfigExample },
];

describe("every section the tests read is found once across README.md and docs/*.md", () => {
    for (const { heading, read } of END_TO_END_SECTIONS) {
        it(heading, () => {
            read(heading);
        });
    }

    it("the list holds every heading the end-to-end tests pass to the helpers as a literal", () => {
        const e2e = path.join(REPO, "test", "e2e");
        const literals = readdirSync(e2e)
            .filter((name) => name.endsWith(".ts"))
            .flatMap((name) => {
                const text = readFileSync(path.join(e2e, name), "utf8");
                const calls = text.matchAll(/(?:codeBlocksUnder|stackConfigExample)\(\s*"([^"]+)"/g);
                return [...calls].map((match) => match[1]);
            });
        expect(literals).to.not.be.empty;
        const listed = END_TO_END_SECTIONS.map((section) => section.heading);
        for (const literal of literals) {
            expect(listed, literal).to.include(literal);
        }
    });

    it("no heading is written twice across the documentation", () => {
        const seen = new Map<string, string>();
        for (const { file, heading } of documentationHeadings()) {
            expect(seen.get(heading), `"${heading}" in ${file}`).to.equal(undefined);
            seen.set(heading, file);
        }
    });
});
