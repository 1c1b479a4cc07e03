/**
 * Error codes are named in one module only, provider/ram/errors.ts, which maps each to what it
 * means; everywhere else matches by what errors.ts says (problemOf, classifyRejectError, ...). The
 * scan reads every string of provider/ (literals, template text and the keys of object literals) for
 * a RAM or STS error code: a name ending in `Exception`, or a code the SDK's exports give (with or
 * without that suffix), or one of AWS's common codes that no export names.
 */
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as ram from "@aws-sdk/client-ram";
import * as sts from "@aws-sdk/client-sts";
import * as ts from "typescript";

const PROVIDER = path.resolve(__dirname, "..", "..", "..", "provider");
const MAPPING_MODULE = path.join("ram", "errors.ts");

/** Codes without the `Exception` suffix: the exports' names shortened, and AWS's common codes. */
const BARE_CODES: readonly string[] = [
    ...[...Object.keys(ram), ...Object.keys(sts)]
        .filter((name) => name.endsWith("Exception"))
        .map((name) => name.slice(0, -"Exception".length)),
    "AccessDenied",
    "UnrecognizedClient",
    "InvalidSignature",
    "TimeoutError",
    "RequestTimeout",
    "CredentialsProviderError",
];

/** The error codes named in `text`. */
function errorCodesIn(text: string): string[] {
    const words = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
    return words.filter((word) => /^[A-Z]\w*Exception$/.test(word) || BARE_CODES.includes(word));
}

/** Every string of a file's text that names an error code, as "file:line: code". */
function codeLiterals(file: string, text: string): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
        const isString =
            ts.isStringLiteralLike(node) ||
            ts.isTemplateHead(node) ||
            ts.isTemplateMiddle(node) ||
            ts.isTemplateTail(node) ||
            (ts.isIdentifier(node) &&
                (ts.isPropertyAssignment(node.parent) || ts.isPropertySignature(node.parent)) &&
                node.parent.name === node);
        if (isString) {
            for (const code of errorCodesIn((node as ts.LiteralLikeNode | ts.Identifier).text)) {
                const { line } = source.getLineAndCharacterOfPosition(node.getStart());
                found.push(`${file}:${line + 1}: ${code}`);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

function providerFiles(): string[] {
    return readdirSync(PROVIDER, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
        .sort();
}

describe("error codes are named only where they are mapped", () => {
    it(`no file of provider/ but ${MAPPING_MODULE} names a RAM or STS error code in a string`, () => {
        const found = providerFiles()
            .filter((file) => file !== MAPPING_MODULE)
            .flatMap((file) => codeLiterals(file, readFileSync(path.join(PROVIDER, file), "utf8")));
        expect(found).to.deep.equal([]);
    });

    it(`${MAPPING_MODULE} is where they are named`, () => {
        const text = readFileSync(path.join(PROVIDER, MAPPING_MODULE), "utf8");
        expect(codeLiterals(MAPPING_MODULE, text)).to.not.deep.equal([]);
    });

    it("would catch a code in a literal, a template, a key or a message, and not in a comment", () => {
        const text = [
            "// a comment may name ThrottlingException",
            'if (error.name === "ResourceShareInvitationAlreadyAcceptedException") {}',
            "const a = `${x} kept failing with ThrottlingException`;",
            "const b = { AccessDeniedException: () => 1, 'ExpiredTokenException': 2 };",
            'const c = "UnknownResource"; const d = `${e}RequestTimeout${f}`;',
            'process.on("uncaughtException", () => undefined);',
        ].join("\n");
        expect(codeLiterals("fixture.ts", text)).to.deep.equal([
            "fixture.ts:2: ResourceShareInvitationAlreadyAcceptedException",
            "fixture.ts:3: ThrottlingException",
            "fixture.ts:4: AccessDeniedException",
            "fixture.ts:4: ExpiredTokenException",
            "fixture.ts:5: UnknownResource",
            "fixture.ts:5: RequestTimeout",
        ]);
    });
});
