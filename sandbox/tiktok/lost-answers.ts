import type { FastifyReply, FastifyRequest } from 'fastify';

/** The calls whose answer the admin API can make the sandbox lose after doing the work. */
export const LOSABLE_STEPS = ['init', 'upload'] as const;
export type LosableStep = (typeof LOSABLE_STEPS)[number];

/**
 * "The call took effect but its answer never arrived": the next N inits (Direct Post or inbox) or chunk PUTs run
 * in full, then the connection is closed without an answer. Unlike the core's `drop` fault (which closes before
 * the handler runs), the platform state has changed, which is what a client must survive without posting twice.
 */
export class LostAnswers {
  private readonly pending: Record<LosableStep, number> = { init: 0, upload: 0 };

  /** Loses the answers of the next `count` calls of `step`. */
  add(step: LosableStep, count: number): void {
    this.pending[step] += count;
  }

  /** Answers left to lose, per step. */
  list(): Record<LosableStep, number> {
    return { ...this.pending };
  }

  /**
   * Call after the work is done: when an answer of `step` is due to be lost, closes the connection and returns
   * true (the route then returns the reply untouched).
   */
  loseIfDue(step: LosableStep, request: FastifyRequest, reply: FastifyReply): boolean {
    if (this.pending[step] <= 0) return false;
    this.pending[step] -= 1;
    reply.hijack();
    request.raw.socket.destroy();
    return true;
  }
}
