/**
 * The dynamic provider behind InvitationRejection and InvitationAcceptance: the dynamic shell over
 * an answer's lifecycle (../core/answer/lifecycle.ts). Pulumi serializes it into state and runs it
 * in a process of its own; everything that talks to AWS comes from sessions made in that process,
 * configured from the stack (`ram-invitations:*`, then `aws:profile` and `aws:region`), so the
 * serialized provider holds no client or credential. What only this shell does: the preview flag
 * comes in an input from the program (see ../core/answer/phase.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AnswerLifecycle } from "../core/answer/lifecycle";
import { phaseOf } from "../core/answer/phase";
import { ACCEPTANCE } from "../core/acceptance/lifecycle";
import type { AcceptanceInputs, AcceptanceState } from "../core/acceptance/properties";
import type { RejectionInputs, RejectionState } from "../core/answer/properties";
import { REJECTION } from "../core/rejection/lifecycle";
import { RamSessions } from "../ram/ram-sessions";
import { configureFromStack } from "./configure-from-stack";

type Properties = Record<string, unknown>;

export class AnswerProvider<Inputs extends object, State extends object> implements pulumi.dynamic.ResourceProvider<
    Inputs,
    State
> {
    private readonly sessions: RamSessions;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(private readonly lifecycle: AnswerLifecycle) {
        this.sessions = new RamSessions();
    }

    async configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
        configureFromStack(this.sessions, (key) => request.config.get(key));
    }

    check(olds: Partial<Inputs>, news: Partial<Inputs>): Promise<pulumi.dynamic.CheckResult> {
        return this.lifecycle.check(this.sessions, olds as Properties, news as Properties, phaseOf(news));
    }

    async diff(_id: pulumi.ID, olds: State, news: Inputs): Promise<pulumi.dynamic.DiffResult> {
        return this.lifecycle.diff(olds as Properties, news as Properties);
    }

    async create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult<State>> {
        return (await this.lifecycle.create(this.sessions, inputs as Properties)) as pulumi.dynamic.CreateResult<State>;
    }

    async update(_id: pulumi.ID, olds: State, news: Inputs): Promise<pulumi.dynamic.UpdateResult<State>> {
        return this.lifecycle.update(olds as Properties, news as Properties) as pulumi.dynamic.UpdateResult<State>;
    }

    async read(id: pulumi.ID, props?: State): Promise<pulumi.dynamic.ReadResult<State>> {
        return (await this.lifecycle.read(
            this.sessions,
            id,
            props as Properties | undefined,
        )) as pulumi.dynamic.ReadResult<State>;
    }

    delete(id: pulumi.ID, props: State): Promise<void> {
        return this.lifecycle.delete(this.sessions, id, props as Properties);
    }
}

// Plain functions and type names, not subclasses: Pulumi's closure serializer rebuilds a class from
// its own text, and a subclass serialized by value would lose the methods of its base.

/** The dynamic provider of every InvitationRejection. */
export type RejectionProvider = AnswerProvider<RejectionInputs, RejectionState>;

export function rejectionProvider(): RejectionProvider {
    return new AnswerProvider(REJECTION);
}

/** The dynamic provider of every InvitationAcceptance. */
export type AcceptanceProvider = AnswerProvider<AcceptanceInputs, AcceptanceState>;

export function acceptanceProvider(): AcceptanceProvider {
    return new AnswerProvider(ACCEPTANCE);
}
