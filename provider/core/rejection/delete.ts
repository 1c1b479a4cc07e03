import { info } from "../../diagnostics";

/** `delete` for a rejection: nothing to call, since a rejection cannot be undone; the stack forgets it. */
export async function forgetRejection(id: string): Promise<void> {
    info(`${id}: a rejection cannot be undone; removing it from the stack only.`);
}
