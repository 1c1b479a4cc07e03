/**
 * What a program that imports the library by path serializes with the provider: Pulumi's closure
 * serializer copies every module-level value the provider reaches, property by property. Plain
 * data, functions and regular expressions (which it rebuilds) survive that; a Set, a Map, a Date or
 * any other object with internal slots arrives as a plain object whose methods throw, and a class
 * field initializer is lost (the class is rebuilt from its constructor's text). So the rule, for
 * every file under provider/: module-level values are plain data or functions, built without
 * `new` or calls, never reassigned; class fields are set in the constructor.
 *
 * provider/plugin/ is the exception: the provider plugin runs as an executable of its own, loaded
 * by `require`, and nothing of it is ever serialized (the dynamic provider does not reach it).
 */
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const PROVIDER = path.resolve(__dirname, "..", "..", "provider");

function providerFiles(): string[] {
    return readdirSync(PROVIDER, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
        .filter((file) => !file.startsWith(`plugin${path.sep}`))
        .map((file) => path.join(PROVIDER, file));
}

/** Why `node` would not survive serialization by value; undefined when it would. */
function unsafeValue(node: ts.Expression): string | undefined {
    if (
        ts.isStringLiteral(node) ||
        ts.isNumericLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isRegularExpressionLiteral(node) ||
        ts.isIdentifier(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) ||
        node.kind === ts.SyntaxKind.TrueKeyword ||
        node.kind === ts.SyntaxKind.FalseKeyword ||
        node.kind === ts.SyntaxKind.NullKeyword
    ) {
        return undefined;
    }
    if (ts.isPrefixUnaryExpression(node)) {
        return unsafeValue(node.operand);
    }
    if (ts.isPropertyAccessExpression(node)) {
        return unsafeValue(node.expression);
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) {
        return unsafeValue(node.expression);
    }
    // Arithmetic or concatenation of plain values is a plain value (a description written over lines).
    if (ts.isBinaryExpression(node)) {
        return unsafeValue(node.left) ?? unsafeValue(node.right);
    }
    if (ts.isTemplateExpression(node)) {
        return node.templateSpans.map((span) => unsafeValue(span.expression)).find(Boolean);
    }
    if (ts.isArrayLiteralExpression(node)) {
        return node.elements
            .map((element) => unsafeValue(ts.isSpreadElement(element) ? element.expression : element))
            .find(Boolean);
    }
    if (ts.isObjectLiteralExpression(node)) {
        for (const property of node.properties) {
            const value = ts.isPropertyAssignment(property)
                ? property.initializer
                : ts.isSpreadAssignment(property)
                  ? property.expression
                  : undefined;
            const problem = value && unsafeValue(value);
            if (problem) {
                return problem;
            }
        }
        return undefined;
    }
    if (ts.isNewExpression(node)) {
        return (
            `"new ${node.expression.getText()}" builds an object that does not survive serialization; ` +
            "use plain data"
        );
    }
    return `${ts.SyntaxKind[node.kind]} is computed at load time; use plain data or a function`;
}

/** Every breach of the rule in one file's text, as "file:line: what". */
function breaches(file: string, text: string = readFileSync(file, "utf8")): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const report = (node: ts.Node, what: string) => {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${path.relative(PROVIDER, file)}:${line + 1}: ${what}`);
    };
    for (const statement of source.statements) {
        if (ts.isVariableStatement(statement)) {
            if (!(statement.declarationList.flags & ts.NodeFlags.Const)) {
                report(
                    statement,
                    "a module-level let or var is copied into each call when serialized; keep state on the provider",
                );
            }
            for (const declaration of statement.declarationList.declarations) {
                const problem = declaration.initializer && unsafeValue(declaration.initializer);
                if (problem) {
                    report(declaration, problem);
                }
            }
        }
        if (ts.isClassDeclaration(statement)) {
            for (const member of statement.members) {
                if (ts.isPropertyDeclaration(member) && member.initializer) {
                    report(
                        member,
                        "a field initializer is lost when the class is serialized; set the field in the constructor",
                    );
                }
            }
        }
    }
    return found;
}

describe("provider modules survive serialization by value", () => {
    it("finds the provider files", () => {
        expect(providerFiles().map((file) => path.relative(PROVIDER, file))).to.include.members([
            path.join("ram", "errors.ts"),
            "serializable-provider.ts",
        ]);
    });

    it("hold only plain data and functions at module level", () => {
        expect(providerFiles().flatMap((file) => breaches(file))).to.deep.equal([]);
    });

    it("would catch a Set, a call (also in a concatenation), a let and a field initializer", () => {
        const text = [
            'const NAMES = new Set(["a"]);',
            "const TABLE = { retryable: new Map() };",
            "const BUILT = build();",
            "let counter = 0;",
            'const FINE = { list: ["a"], pattern: /a/, fn: () => 1, nested: [{ text: `x${"y"}` }] } as const;',
            "class Holder { private cache = new Map(); }",
            'const JOINED = { description: "a " + "b" + `c${"d"}` };',
            'const JOINED_WITH_A_CALL = "a " + build();',
        ].join("\n");
        const found = breaches(path.join(PROVIDER, "__example.ts"), text);
        expect(found.map((line) => line.split(":")[1])).to.deep.equal(["1", "2", "3", "4", "6", "8"]);
    });
});
