import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { IndexLockedError, IndexLockLostError } from '../errors/search-core.error.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { isProcessAlive } from '../server/server-registry.js';

/** One run's claim on the lock, stored as a document of the lock index. */
interface Claim extends Record<string, unknown> {
  key: string;
  /** Who holds or wants the lock: host, process id and command, for the waiting run's message. */
  owner: string;
  host: string;
  pid: number;
  /** The task uid of the claim's first write: the queue's order, or null until it is known. */
  seq: number | null;
  /** Unix ms after which the claim is dead unless its owner renews it. */
  expires_at: number;
  claimed_at: string;
}

/** How to take the lock. */
export interface IndexLockOptions {
  /** Says who is running, e.g. "reindex". */
  purpose: string;
  /** A claim not renewed for this long is dead (its owner crashed or was killed). */
  ttlMs?: number;
  /** Wait for the holder to finish instead of failing at once. */
  wait?: boolean;
  /** Told once while waiting, with the holder's description. */
  onWait?: (holder: string) => void;
  signal?: AbortSignal;
}

/** A renewed claim expires after this long without its owner. */
export const DEFAULT_LOCK_TTL_MS = 60_000;

/** The lock index of a live index: beside it, like the bookkeeping index. */
export function lockIndexOf(liveIndex: string): string {
  return `${liveIndex}-lock`;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A claim is dead when not renewed in time, or at once when its owner ran on this machine and
 * its process is gone (killed): a run restarted after a crash need not wait for the expiry.
 */
function isDead(claim: Claim, now: number): boolean {
  if (claim.expires_at <= now) return true;
  return claim.host === hostname() && claim.pid !== process.pid && !isProcessAlive(claim.pid);
}

function describe(claim: Claim): string {
  return `${claim.owner}, since ${claim.claimed_at}`;
}

/**
 * One writing run at a time per live index (reindex, add, delete), across processes and
 * machines: the lock lives in Meilisearch, in the index `<live>-lock`.
 *
 * Meilisearch has no compare-and-set, but it runs the tasks of its queue one after another in
 * the order of their uids. A run writes its claim, learns the claim's task uid, and writes that
 * uid into the claim; the live claim with the smallest uid holds the lock (the bakery
 * algorithm, with the queue as the ticket dispenser). A claim still without its uid makes the
 * others wait until it has one. The holder renews its claim every ttl/4; a claim not renewed
 * for ttl, or of a process of this machine that is gone, is dead: ignored and removed by the
 * next run. Expiry compares the owner's clock with the reader's (machines are assumed to keep
 * time within seconds of each other, as NTP does). A holder that finds
 * its claim gone or expired has lost the lock and must not swap.
 */
export class IndexLock {
  private renewal: NodeJS.Timeout | undefined;
  private lostReason: string | null = null;

  private constructor(
    private readonly repository: MeiliRepository,
    private readonly lockIndex: string,
    private claim: Claim,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lock of `liveIndex`; throws IndexLockedError when held and `wait` is false. */
  static async acquire(
    repository: MeiliRepository,
    liveIndex: string,
    options: IndexLockOptions,
  ): Promise<IndexLock> {
    const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
    const lockIndex = lockIndexOf(liveIndex);
    await repository.ensureIndex(lockIndex);
    const claim: Claim = {
      key: randomBytes(8).toString('hex'),
      owner: `${options.purpose} on ${hostname()} (pid ${process.pid})`,
      host: hostname(),
      pid: process.pid,
      seq: null,
      expires_at: Date.now() + ttlMs,
      claimed_at: new Date().toISOString(),
    };
    const first = await repository.enqueueDocuments(lockIndex, [claim]);
    await repository.waitForTask(first, `claim the lock of ${liveIndex}`);
    claim.seq = first;
    await repository.putDocuments(lockIndex, [claim]);
    const lock = new IndexLock(repository, lockIndex, claim, ttlMs);
    lock.startRenewal();
    try {
      await lock.waitForTurn(liveIndex, options);
      return lock;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Why the lock was lost, or null while it is held. */
  get lost(): string | null {
    return this.lostReason;
  }

  /** Throws IndexLockLostError unless the claim is still the live holder in Meilisearch. */
  async assertHeld(): Promise<void> {
    if (this.lostReason === null) {
      const claims = await this.repository.allDocuments<Claim>(this.lockIndex);
      const holder = IndexLock.holderOf(claims, Date.now());
      if (holder?.key !== this.claim.key)
        this.lostReason = holder === null ? 'its claim expired' : `held by ${describe(holder)}`;
    }
    if (this.lostReason !== null)
      throw new IndexLockLostError(`the index lock was lost (${this.lostReason})`);
  }

  /** Gives the lock up (removes the claim); never throws. */
  async release(): Promise<void> {
    clearInterval(this.renewal);
    this.renewal = undefined;
    await this.repository.deleteDocuments(this.lockIndex, [this.claim.key]).catch(() => undefined);
  }

  /** The live claim with the smallest queue position, or null when none is live. */
  private static holderOf(claims: Claim[], now: number): Claim | null {
    let holder: Claim | null = null;
    for (const claim of claims) {
      if (isDead(claim, now) || claim.seq === null) continue;
      if (holder === null || claim.seq < (holder.seq ?? Infinity)) holder = claim;
    }
    return holder;
  }

  private async waitForTurn(liveIndex: string, options: IndexLockOptions): Promise<void> {
    let told = false;
    for (;;) {
      const now = Date.now();
      const claims = await this.repository.allDocuments<Claim>(this.lockIndex);
      const dead = claims.filter((c) => isDead(c, now) && c.key !== this.claim.key);
      if (dead.length > 0)
        await this.repository.deleteDocuments(
          this.lockIndex,
          dead.map((c) => c.key),
        );
      const pending = claims.some(
        (c) => c.seq === null && !isDead(c, now) && c.key !== this.claim.key,
      );
      const holder = IndexLock.holderOf(claims, now);
      if (!pending && holder?.key === this.claim.key) return;
      if (!pending && holder !== null && options.wait !== true) {
        throw new IndexLockedError(
          `another run is writing to "${liveIndex}" (${describe(holder)}); ` +
            'try again when it has finished, or pass --wait to wait for it',
        );
      }
      if (!told && holder !== null && holder.key !== this.claim.key) {
        options.onWait?.(describe(holder));
        told = true;
      }
      await delay(pending ? 100 : 1_000, options.signal);
    }
  }

  /** Renews the claim every ttl/4; a renewal past the claim's expiry marks the lock lost. */
  private startRenewal(): void {
    this.renewal = setInterval(() => {
      void this.renew();
    }, this.ttlMs / 4);
    this.renewal.unref();
  }

  private async renew(): Promise<void> {
    if (this.lostReason !== null) return;
    const now = Date.now();
    // Past its expiry another run may already have removed the claim and taken the lock:
    // writing it again would make two holders.
    if (now >= this.claim.expires_at) {
      this.lostReason = 'its claim expired before it was renewed';
      return;
    }
    const renewed = { ...this.claim, expires_at: now + this.ttlMs };
    try {
      const claims = await this.repository.allDocuments<Claim>(this.lockIndex);
      if (!claims.some((claim) => claim.key === this.claim.key)) {
        this.lostReason = 'its claim was removed';
        return;
      }
      await this.repository.putDocuments(this.lockIndex, [renewed]);
      this.claim = renewed;
    } catch {
      // Meilisearch unreachable: the next renewal tries again until the claim expires.
    }
  }
}
