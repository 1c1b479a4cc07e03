/**
 * The lifecycle of one answer to an invitation (a rejection, an acceptance), written once: check,
 * diff, create, read, update, delete and import, and the token. Both shells are thin layers over
 * it: the dynamic provider (provider/dynamic/answer-provider.ts) and the provider plugin
 * (provider/plugin/answer-resource.ts) call these and decide nothing of their own.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RamSessions } from "../../ram/ram-sessions";
import type { ImportTarget } from "../../inputs/import-id";
import type { CheckPhase } from "./phase";

type Properties = Record<string, unknown>;

/** The state of an imported answer: what refresh would read, with the invitation (its id) and role. */
export type ImportedState = Properties & { invitationArn: string; roleArn?: string };

export interface AnswerLifecycle {
    /** The resource's name in messages, e.g. `InvitationRejection`. */
    resourceName: string;
    /** The client token for the resource `urn` answering `invitationArn` (its own namespace per answer). */
    deriveToken(urn: string, invitationArn: string): string;
    check(
        sessions: RamSessions,
        olds: Properties,
        news: Properties,
        phase: CheckPhase,
    ): Promise<pulumi.dynamic.CheckResult>;
    diff(olds: Properties, news: Properties): pulumi.dynamic.DiffResult;
    create(sessions: RamSessions, inputs: Properties): Promise<pulumi.dynamic.CreateResult>;
    /** Refresh; `state` is absent when only the id is known, which only a rejection can read from. */
    read(sessions: RamSessions, id: string, state: Properties | undefined): Promise<pulumi.dynamic.ReadResult>;
    update(olds: Properties, news: Properties): pulumi.dynamic.UpdateResult;
    delete(sessions: RamSessions, id: string, state: Properties): Promise<void>;
    /** `pulumi import`: the state of an invitation already answered so (no call is made). */
    importState(sessions: RamSessions, target: ImportTarget, urn: string): Promise<ImportedState>;
}
