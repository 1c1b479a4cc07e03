/**
 * Reading the "Diagnostics:" section of a Pulumi CLI run's output: the messages under each header
 * (the resource or stack they are about), and the expectation that a warning stands under one only.
 */
import { expect } from "chai";

/**
 * The "Diagnostics:" section of a CLI run's output, by header (`<type> (<name>)`, as the CLI prints
 * the resource or stack a message is about): the messages under each, as one text.
 */
export function diagnostics(output: string): Map<string, string> {
    const byHeader = new Map<string, string>();
    const start = output.indexOf("\nDiagnostics:\n");
    if (start === -1) {
        return byHeader;
    }
    const section = output.slice(start + "\nDiagnostics:\n".length).split("\n");
    let header: string | undefined;
    for (const line of section) {
        if (line !== "" && !line.startsWith(" ")) {
            break; // the next section: Outputs, Resources, ...
        }
        const heading = /^ {2}(\S.*\)):$/.exec(line);
        if (heading) {
            header = heading[1];
            byHeader.set(header, "");
        } else if (header !== undefined && line.trim() !== "") {
            byHeader.set(header, `${byHeader.get(header)}${line.trim()}\n`);
        }
    }
    return byHeader;
}

/** Expects `message` under `header` in the output's diagnostics and under no other; answers its line. */
export function expectWarningOnlyOn(output: string, message: string, header: string): string {
    const found = [...diagnostics(output)].filter(([, text]) => text.includes(message));
    expect(
        found.map(([where]) => where),
        `"${message}" in the diagnostics of:\n${output}`,
    ).to.deep.equal([header]);
    const line = found[0][1].split("\n").find((l) => l.includes(message)) as string;
    expect(line).to.match(/^warning: /);
    return line;
}
