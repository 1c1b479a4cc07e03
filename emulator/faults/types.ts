/** The faults the admin API sets per operation; documented in emulator/README.md. */

/**
 * Faults injected into one operation. Faults that refuse a request (throttling, 5xx) act
 * before the operation runs, so they never change state; a dropped connection acts after.
 */
export interface OperationFaults {
    /** Delay before the request is handled, in milliseconds. */
    latencyMs?: number;
    /**
     * Answer the service's throttling error (RAM's `ThrottlingException`, Organizations'
     * `TooManyRequestsException`; 429) to requests beyond this many in any sliding one-second window.
     */
    maxRequestsPerSecond?: number;
    /** The next N requests are answered with the service's throttling error, whatever the rate. */
    throttleNext?: number;
    /** Probability (0 to 1) that a request is answered with a server error instead of being handled. */
    serverErrorRate?: number;
    /** The next N requests are answered with a server error, whatever the rate. */
    serverErrorNext?: number;
    /**
     * 500 answers `ServerInternalException` (Organizations: `ServiceException`), 503
     * `ServiceUnavailableException`. Default 500.
     */
    serverErrorStatus?: 500 | 503;
    /**
     * Probability (0 to 1) that a request that succeeds commits its change and then loses its
     * connection instead of getting the answer: the case client tokens exist for.
     */
    dropAfterCommitRate?: number;
    /** The next N requests that succeed commit and then lose their connection. */
    dropAfterCommitNext?: number;
    /** The next N requests are answered with `errorName`, whatever else holds. */
    errorNext?: number;
    /**
     * With `errorNext`: the name of an error the model of the operation's service declares, e.g.
     * RAM's `OperationNotPermittedException`, answered with the status the model gives it.
     */
    errorName?: string;
    /**
     * For AcceptResourceShareInvitation: the next N acceptances succeed, but their association
     * with the share stays ASSOCIATING forever (the share never shows as shared with the receiver).
     */
    associationNeverCompletesNext?: number;
}
