/**
 * The README's section on the provider plugin shows the examples' programs (the end-to-end tests run
 * those files as written): each code block there must be the example file, or a verbatim part of
 * one, so the README cannot drift from what is tested.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { codeBlocksUnder } from "../support/readme-examples";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");
const SECTION = "Every Pulumi language: the provider plugin";

function example(file: string): string {
    return readFileSync(path.join(EXAMPLES, file), "utf8");
}

describe("the README's plugin examples are the tested example files", () => {
    it("the TypeScript and Python programs are examples/typescript-sdk and examples/python as they are", () => {
        expect(codeBlocksUnder(SECTION, "ts")).to.deep.equal([example("typescript-sdk/index.ts")]);
        expect(codeBlocksUnder(SECTION, "python")).to.deep.equal([example("python/__main__.py")]);
    });

    it("every YAML block is part of examples/yaml or examples/yaml-policy, verbatim", () => {
        const programs = [example("yaml/Pulumi.yaml"), example("yaml-policy/Pulumi.yaml")];
        const blocks = codeBlocksUnder(SECTION, "yaml");
        expect(blocks).to.have.length(3);
        for (const block of blocks) {
            expect(
                programs.some((program) => program.includes(block)),
                block,
            ).to.equal(true);
        }
    });
});

describe("the README's explicit-provider examples are the tested example files", () => {
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

describe("the README's acceptance examples are the tested example files", () => {
    const section = "Accepting what you want: InvitationAcceptance";

    it("the TypeScript program is examples/acceptance as it is, the YAML part of examples/yaml-acceptance", () => {
        expect(codeBlocksUnder(section, "ts")).to.deep.equal([example("acceptance/index.ts")]);
        const blocks = codeBlocksUnder(section, "yaml");
        expect(blocks).to.have.length(1);
        expect(example("yaml-acceptance/Pulumi.yaml")).to.include(blocks[0]);
    });
});
