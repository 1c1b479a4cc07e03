/**
 * STS GetCallerIdentity, the one STS call a client needs to learn which account its
 * credentials belong to (the provider names that account in its error messages). STS speaks
 * the awsQuery protocol: a form-encoded POST to `/` and an XML answer. Requests are told apart
 * from RAM's by the service in their SigV4 credential scope. They are not written to the call
 * log, which records RAM operations.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { ApiError } from "./api-error";
import { authenticate, Caller } from "./authenticate";
import { partitionOf } from "../model/arns";
import type { Store } from "../model/store";

const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** Whether a request is signed for STS (and so is not a RAM call). */
export function isStsRequest(req: IncomingMessage): boolean {
    return /Credential=[^/]+\/\d{8}\/[^/]+\/sts\//.test(req.headers.authorization ?? "");
}

/** Answers an STS request: GetCallerIdentity, or an error in STS's XML form. */
export function handleStsRequest(req: IncomingMessage, body: Buffer, store: Store, res: ServerResponse): void {
    const requestId = randomUUID();
    const signed = { method: req.method ?? "", rawUrl: req.url ?? "", headers: req.headersDistinct, body };
    let caller: Caller;
    try {
        caller = authenticate(signed, store, () => undefined, "sts");
    } catch (err) {
        if (!(err instanceof ApiError)) {
            throw err;
        }
        // STS calls an unknown access key InvalidClientTokenId where RAM says UnrecognizedClientException.
        const code = err.code === "UnrecognizedClientException" ? "InvalidClientTokenId" : err.code;
        sendStsError(res, err.httpStatus, code, err.message, requestId);
        return;
    }
    const action = new URLSearchParams(body.toString("utf8")).get("Action");
    if (action !== "GetCallerIdentity") {
        sendStsError(
            res,
            400,
            "InvalidAction",
            `The action ${action ?? "(none)"} is not valid for this web service.`,
            requestId,
        );
        return;
    }
    const { accountId } = caller;
    // The root user's ARN, in the partition of the region the request was signed for.
    sendXml(
        res,
        200,
        `<GetCallerIdentityResponse xmlns="${NAMESPACE}"><GetCallerIdentityResult>` +
            `<Arn>arn:${partitionOf(caller.region)}:iam::${accountId}:root</Arn><UserId>${accountId}</UserId>` +
            `<Account>${accountId}</Account></GetCallerIdentityResult>` +
            `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
}

function sendStsError(res: ServerResponse, status: number, code: string, message: string, requestId: string): void {
    sendXml(
        res,
        status,
        `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code>` +
            `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
    res.writeHead(status, { "content-type": "text/xml", "content-length": Buffer.byteLength(xml) });
    res.end(xml);
}

function escapeXml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
