/**
 * Error answers of the RAM and Organizations endpoints.
 *
 * Most errors are the service's own, with the status the SDK's schema gives them. A few come from
 * AWS's front end before a request reaches the service (authentication, unreadable bodies, unknown
 * paths); they are not in the services' models, so their statuses are listed here, from AWS's
 * "Common Errors" reference and from answers of other restJson1 services (e.g. Lambda).
 */
import { ModelledErrorName, modelledErrorShape } from "./served-operations";

const FRONT_END_ERRORS = {
    /** No `Authorization` header at all. */
    MissingAuthenticationTokenException: 403,
    /** An `Authorization` header that is not a well-formed SigV4 header. */
    IncompleteSignatureException: 400,
    /** An access key the emulator does not know. */
    UnrecognizedClientException: 403,
    /** Temporary credentials (from AssumeRole) past their expiration on the emulator's clock. */
    ExpiredTokenException: 403,
    /** A signature that does not match the seeded secret key. */
    InvalidSignatureException: 403,
    /** A body that is not a JSON object. */
    SerializationException: 400,
    /** A path or method that names no served operation. */
    UnknownOperationException: 404,
    /** A body over the emulator's size cap. */
    RequestEntityTooLargeException: 413,
    /** Organizations has no modelled 503; AWS's front end answers this one (RAM models it under the same name). */
    ServiceUnavailableException: 503,
} as const;

/** Errors answered before the service sees the request; not part of its model. */
export type FrontEndErrorName = keyof typeof FRONT_END_ERRORS;

/** Every error name the endpoints can answer with. */
export type ApiErrorName = ModelledErrorName | FrontEndErrorName;

function isFrontEndError(name: ApiErrorName): name is FrontEndErrorName {
    return Object.prototype.hasOwnProperty.call(FRONT_END_ERRORS, name);
}

/** An error answer: thrown by any stage of request handling, turned into an HTTP reply once. */
export class ApiError extends Error {
    readonly httpStatus: number;

    /**
     * @param details members of the error beyond its message that its model declares, e.g.
     *   Organizations' `InvalidInputException` `Reason`; sent by protocols that carry them
     */
    constructor(
        readonly code: ApiErrorName,
        message: string,
        readonly details: Record<string, string> = {},
    ) {
        super(message);
        this.name = code;
        this.httpStatus = isFrontEndError(code) ? FRONT_END_ERRORS[code] : modelledErrorShape(code).httpStatus;
    }
}
