import { setTimeout as sleep } from "node:timers/promises";

/**
 * Asks `attempt` until it answers something, with growing pauses (1 s, 2 s, 4 s, ... at most
 * 10 s), for at most `waitSeconds`: the one backoff for everything RAM shows only after a while (a
 * new invitation, a share's association after an acceptance). Undefined if nothing came in time.
 */
export async function pollWithBackoff<T>(
    attempt: () => Promise<T | undefined>,
    waitSeconds: number,
): Promise<T | undefined> {
    const deadline = Date.now() + waitSeconds * 1000;
    for (let pause = 1000; ; pause = Math.min(pause * 2, 10_000)) {
        const answer = await attempt();
        const remaining = deadline - Date.now();
        if (answer !== undefined || remaining <= 0) {
            return answer;
        }
        await sleep(Math.min(pause, remaining));
    }
}
