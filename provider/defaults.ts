/**
 * Every default of the library, in one place, each with the reason it is what it is. (Plain data
 * only: see test/unit/provider-module-scope.test.ts.)
 */

/**
 * With `resourceShareArn`: how long to wait, by default, for the share's invitation to show up.
 * RAM is eventually consistent; a minute covers what is seen in practice without holding a
 * preview for long when the share really names another account.
 */
export const DEFAULT_INVITATION_WAIT_SECONDS = 60;

/**
 * Retry policy for every RAM write. Rejections are safe to retry because each carries the same
 * client token, so the policy leans towards finishing the update rather than failing it:
 * - "adaptive" mode adds a client-side rate limiter to the SDK's exponential backoff with
 *   jitter. All resources of a program share one provider process and so one client per
 *   region; when RAM throttles, the whole burst slows down together instead of each call
 *   spending its own attempts against the limit.
 * - 8 attempts (the SDK default is 3) ride out a throttled burst of a few hundred rejections and
 *   short 5xx outages; the SDK caps each backoff at 20 s.
 * The SDK's standard AWS_MAX_ATTEMPTS and AWS_RETRY_MODE, when set, replace these.
 */
export const RETRY_POLICY = { retryMode: "adaptive", maxAttempts: 8 } as const;

/**
 * Policy for lookups (GetResourceShareInvitations). They run in `pulumi preview` too, where an
 * unreachable endpoint must not hold up the preview: fewer attempts and short timeouts, after
 * which the preview goes on with offline validation only.
 */
export const LOOKUP_POLICY = {
    retryMode: "adaptive",
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
} as const;

/**
 * Policy for finding the caller's account (STS GetCallerIdentity). Best effort and quick: the
 * account only makes an error message clearer, so asking for it must never delay or replace the
 * error it explains.
 */
export const CALLER_ACCOUNT_POLICY = {
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 3_000 },
} as const;

/**
 * How lookups are grouped into GetResourceShareInvitations calls. 100 ARNs a call keeps requests
 * small and answers within one page; a 5 ms window is far below a RAM round trip, so a lookup never
 * waits noticeably for company, yet it gathers every lookup that the engine issues together
 * (refresh reads and creates run concurrently); 500 is the largest page RAM serves.
 */
export const DEFAULT_BATCHING = { maxArnsPerCall: 100, windowMs: 5, listingPageSize: 500 } as const;

/**
 * How many pending invitations one run of an InvitationPolicy may reject. Rejection cannot be
 * undone, so this is the guard against a mistaken allow list (a partner's account left out, a typo):
 * a platform team that enforces its policy hourly sees a handful of new invitations in an hour, and
 * a run that would reject more than 10 is far more likely a wrong list than a wave of unwanted
 * shares. A first run over a backlog raises it once, after a report-mode run shows what it would do.
 */
export const DEFAULT_MAX_REJECTIONS_PER_RUN = 10;

/**
 * Attempts for STS AssumeRole. A refusal (an untrusted caller, a wrong external id) is not retried
 * by the SDK anyway; three attempts ride out a throttled or failing STS without holding up an update.
 */
export const ROLE_ATTEMPTS = 3;

/**
 * How long an acceptance waits, by default, for the share's association with the account to become
 * ASSOCIATED (RAM shows the share as shared only then). Terraform's accepter allows five minutes for
 * its whole create; two are more than RAM takes in practice, and a stalled association then fails
 * with the share named instead of holding the update for longer.
 */
export const DEFAULT_ASSOCIATION_WAIT_SECONDS = 120;

/**
 * With `allowed: "accept"`: how many pending invitations one policy run may accept. An acceptance
 * makes a share's resources visible to the account, so a wrong allow list (a sender's whole
 * catalogue of shares, where one was meant) must not pass unnoticed; the same 10 as for rejections.
 */
export const DEFAULT_MAX_ACCEPTANCES_PER_RUN = 10;

/**
 * Policy for AWS Organizations reads (a policy's allowedOrganizationTargets). Organizations allows
 * few requests per second per account and answers more with TooManyRequestsException, which the
 * SDK retries as throttling; "adaptive" paces the burst of paginated reads of a large organization,
 * and 5 attempts ride out a throttled moment. They run in preview too, so timeouts are short; past
 * them the policy refuses rather than allow fewer accounts.
 */
export const ORGANIZATIONS_POLICY = {
    retryMode: "adaptive",
    maxAttempts: 5,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
} as const;
