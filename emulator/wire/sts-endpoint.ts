/**
 * STS: GetCallerIdentity (which account, and which identity, the credentials belong to) and
 * AssumeRole (temporary credentials of a role, see sts-assume-role.ts). STS speaks awsQuery: a
 * form-encoded POST to `/` and an XML answer (sts-query.ts). Requests are told apart from RAM's by
 * the service in their SigV4 credential scope. They are not written to the call log, which
 * records RAM operations.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { ApiError } from "./api-error";
import { authenticate, Caller, callerArn } from "./authenticate";
import type { Emulator } from "../emulator";
import { assumeRole } from "./sts-assume-role";
import { sendStsError, sendStsResult, StsError, xmlElements } from "./sts-query";

/** An STS action: the XML inside its `<Action>Result`. */
type StsAction = (caller: Caller, parameters: URLSearchParams, emulator: Emulator) => string;

const ACTIONS: Record<string, StsAction> = {
    GetCallerIdentity: (caller) =>
        xmlElements({
            Arn: callerArn(caller),
            UserId: caller.session?.assumedRoleId ?? caller.accountId,
            Account: caller.accountId,
        }),
    AssumeRole: assumeRole,
};

/** STS's names for what the front end refuses, where they differ from RAM's. */
const STS_CODES: Record<string, string> = {
    UnrecognizedClientException: "InvalidClientTokenId",
    ExpiredTokenException: "ExpiredToken",
};

/** Whether a request is signed for STS (and so is not a RAM call). */
export function isStsRequest(req: IncomingMessage): boolean {
    return /Credential=[^/]+\/\d{8}\/[^/]+\/sts\//.test(req.headers.authorization ?? "");
}

/** Answers an STS request: an action's result, or an error in STS's XML form. */
export async function handleStsRequest(
    req: IncomingMessage,
    body: Buffer,
    emulator: Emulator,
    res: ServerResponse,
    log: (line: string) => void,
): Promise<void> {
    const requestId = randomUUID();
    try {
        const signed = { method: req.method ?? "", rawUrl: req.url ?? "", headers: req.headersDistinct, body };
        const caller = await authenticate(signed, emulator, () => undefined, "sts");
        const parameters = new URLSearchParams(body.toString("utf8"));
        const action = parameters.get("Action") ?? "";
        if (!Object.prototype.hasOwnProperty.call(ACTIONS, action)) {
            throw new StsError(
                "InvalidAction",
                400,
                `The action ${action || "(none)"} is not valid for this web service.`,
            );
        }
        sendStsResult(res, action, ACTIONS[action](caller, parameters, emulator), requestId);
    } catch (err) {
        sendStsError(res, asStsError(err, log), requestId);
    }
}

function asStsError(err: unknown, log: (line: string) => void): StsError {
    if (err instanceof StsError) {
        return err;
    }
    if (err instanceof ApiError) {
        return new StsError(STS_CODES[err.code] ?? err.code, err.httpStatus, err.message);
    }
    log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return new StsError(
        "InternalFailure",
        500,
        "The request processing has failed because of an unknown error.",
        "Receiver",
    );
}
