/**
 * Organizations' side of a request (the steps every served call takes are service-call.ts's):
 * awsJson1_1 bodies and errors, Organizations' error names for what does not fit the model, and
 * the operations over the emulator's organization. Organizations is a global service: the SDK
 * signs for us-east-1, and the emulator takes whatever region a request was signed for.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "../emulator";
import { ORGANIZATIONS_OPERATIONS_BY_NAME } from "../model/organizations-operations";
import { ApiError } from "./api-error";
import { validateInput, ValidationErrors } from "./input-validation";
import { sendJson11, sendJson11Error } from "./json-1-1";
import { ORGANIZATIONS_OPERATION_SHAPES, OrganizationsOperationName } from "./organizations-schema";
import { encodeJson, parseJsonObject } from "./rest-json";
import { RequestBody, serveCall, ServiceProtocol } from "./service-call";

/**
 * Organizations answers a missing member with its `InvalidInputException` (reason
 * `INPUT_REQUIRED`); a member of the wrong JSON type never gets past AWS's JSON front end.
 */
const ORGANIZATIONS_VALIDATION_ERRORS: ValidationErrors = {
    missing: (path) =>
        new ApiError("InvalidInputException", `You must specify a value for ${path}.`, { Reason: "INPUT_REQUIRED" }),
    wrongType: (path, expected) => new ApiError("SerializationException", `Value at '${path}' must be ${expected}.`),
};

/** Whether `name` is one of the Organizations operations served. */
export function isServedOrganizationsOperation(name: string): name is OrganizationsOperationName {
    return ORGANIZATIONS_OPERATION_SHAPES.has(name as OrganizationsOperationName);
}

/** Answers a request for an Organizations operation the emulator does not serve. */
export function sendUnknownOrganizationsOperation(res: ServerResponse, name: string): void {
    sendJson11Error(
        res,
        new ApiError("UnknownOperationException", `The emulator serves no Organizations operation ${name}.`),
    );
}

/** Serves one request to an Organizations operation. */
export function handleOrganizationsRequest(
    emulator: Emulator,
    name: OrganizationsOperationName,
    req: IncomingMessage,
    res: ServerResponse,
    body: RequestBody,
    log: (line: string) => void,
): Promise<void> {
    const shape = ORGANIZATIONS_OPERATION_SHAPES.get(name)!;
    const protocol: ServiceProtocol = {
        service: "organizations",
        operation: name,
        nextTokenMember: "NextToken",
        parseInput: (bytes) => parseJsonObject(bytes),
        validate: (input) => validateInput(shape.input, input, ORGANIZATIONS_VALIDATION_ERRORS),
        run: (caller, input) => {
            const reply = ORGANIZATIONS_OPERATIONS_BY_NAME[name](input as never, {
                caller,
                organizations: emulator.organizations,
                store: emulator.store,
            });
            return { reply: encodeJson(reply), stateChanged: false, replayed: false };
        },
        throttlingError: () =>
            new ApiError("TooManyRequestsException", "You have sent too many requests in too short a period of time.", {
                Type: "TooManyRequestsException",
            }),
        serverError: (status) =>
            status === 500
                ? new ApiError("ServiceException", "Injected fault: try again later.")
                : new ApiError("ServiceUnavailableException", "Injected fault: try again later."),
        internalError: () =>
            new ApiError(
                "ServiceException",
                "AWS Organizations can't complete your request because of an internal service error. Try again later.",
            ),
        sendReply: sendJson11,
        sendError: sendJson11Error,
    };
    return serveCall(emulator, protocol, req, res, body, log);
}
