import { expect } from "chai";
import * as fs from "node:fs";
import * as ram from "@aws-sdk/client-ram";

/** An error as the SDK throws it for RAM's error `name`: an instance of the class it exports. */
export function sdkError(name: string): Error {
    const ErrorClass = (ram as unknown as Record<string, new (o: object) => Error>)[name];
    expect(ErrorClass, `@aws-sdk/client-ram exports ${name}`).to.be.a("function");
    return new ErrorClass({ message: `${name} from RAM`, $metadata: { httpStatusCode: 400 } });
}

/**
 * The RAM errors the SDK documents for `operation` (e.g. "RejectResourceShareInvitation"), read from
 * the installed SDK, so that an SDK update that adds one is met by every test that goes through them.
 */
export function documentedErrors(operation: string): string[] {
    const file = require.resolve(`@aws-sdk/client-ram/dist-types/commands/${operation}Command.d.ts`);
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/@throws \{@link (\w+)\}/g)].map((m) => m[1]).filter((n) => n !== "RAMServiceException");
}
