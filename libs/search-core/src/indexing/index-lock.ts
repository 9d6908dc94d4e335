import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { IndexLockedError, IndexLockLostError } from '../errors/search-core.error.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { isProcessAlive } from '../server/server-registry.js';
import { sleep } from '../util/sleep.js';
import { machineIdentity, sharesProcessIds } from './machine-identity.js';

/** One run's claim on the lock, stored as a document of the lock index. */
interface Claim extends Record<string, unknown> {
  key: string;
  /** Who holds or wants the lock: host, process id and command, for the waiting run's message. */
  owner: string;
  /** The machine and pid namespace of `pid` (see machineIdentity). */
  machine: string;
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
/**
 * Clocks of two machines may differ by this much: a reader takes a claim for expired only this
 * long after its expiry, and an owner gives its claim up rather than renew it this close to it.
 */
const CLOCK_SKEW_MS = 5_000;

/** The lock index of a live index: beside it, like the bookkeeping index. */
export function lockIndexOf(liveIndex: string): string {
  return `${liveIndex}-lock`;
}

/**
 * A claim is dead when not renewed in time, or at once when its owner's process is gone and
 * this process sees the same process ids: a run restarted after a crash need not wait.
 */
function isDead(claim: Claim, now: number): boolean {
  if (claim.expires_at + CLOCK_SKEW_MS <= now) return true;
  return sharesProcessIds(claim.machine) && claim.pid !== process.pid && !isProcessAlive(claim.pid);
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
 * others wait until it has one. The owner renews its claim every ttl/4 and gives it up rather
 * than renew it within CLOCK_SKEW_MS of its expiry; a reader takes a claim for dead
 * CLOCK_SKEW_MS after its expiry, or at once when its process on this machine is gone, and
 * removes it. Expiry so compares clocks of machines that agree within seconds, as NTP keeps
 * them. A run that finds its claim gone or expired has lost the lock: a waiting run takes a new
 * place in the queue, a running one stops writing and never swaps.
 */
export class IndexLock {
  private renewal: NodeJS.Timeout | undefined;
  private renewing: Promise<void> = Promise.resolve();
  private released = false;
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
    const lock = new IndexLock(
      repository,
      lockIndex,
      await IndexLock.ticket(repository, lockIndex, options.purpose, ttlMs),
      ttlMs,
    );
    lock.startRenewal();
    try {
      await lock.waitForTurn(liveIndex, options);
      return lock;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Writes a new claim and its place in the queue; removes it again when that fails. */
  private static async ticket(
    repository: MeiliRepository,
    lockIndex: string,
    purpose: string,
    ttlMs: number,
  ): Promise<Claim> {
    const claim: Claim = {
      key: randomBytes(8).toString('hex'),
      owner: `${purpose} on ${hostname()} (pid ${process.pid})`,
      machine: machineIdentity(),
      pid: process.pid,
      seq: null,
      expires_at: Date.now() + ttlMs,
      claimed_at: new Date().toISOString(),
    };
    try {
      const first = await repository.enqueueDocuments(lockIndex, [claim]);
      await repository.waitForTask(first, `claim the lock of ${lockIndex}`);
      // The first write may have waited in the queue: the expiry counts from now.
      const placed = { ...claim, seq: first, expires_at: Date.now() + ttlMs };
      await repository.putDocuments(lockIndex, [placed]);
      return placed;
    } catch (error) {
      await repository.deleteDocuments(lockIndex, [claim.key]).catch(() => undefined);
      throw error;
    }
  }

  /** Throws IndexLockLostError when the lock is known to be lost; no request. */
  ensureHeld(): void {
    if (this.lostReason !== null)
      throw new IndexLockLostError(`the index lock was lost (${this.lostReason})`);
  }

  /** Throws IndexLockLostError unless the claim is still the live holder in Meilisearch. */
  async assertHeld(): Promise<void> {
    if (this.lostReason === null) {
      const claims = await this.repository.allDocuments<Claim>(this.lockIndex);
      const holder = IndexLock.holderOf(claims, Date.now());
      if (holder?.key !== this.claim.key)
        this.lostReason = holder === null ? 'its claim expired' : `held by ${describe(holder)}`;
    }
    this.ensureHeld();
  }

  /** Gives the lock up (removes the claim, after any renewal under way); never throws. */
  async release(): Promise<void> {
    this.released = true;
    clearInterval(this.renewal);
    this.renewal = undefined;
    await this.renewing;
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
      const mine = claims.find((c) => c.key === this.claim.key);
      if (mine === undefined || isDead(mine, now) || this.lostReason !== null) {
        // Waiting outlived the claim (its renewals queued behind a long batch): queue again.
        await this.requeue(options.purpose);
        continue;
      }
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
      await sleep(pending ? 100 : 1_000, options.signal);
    }
  }

  /** Replaces a lost claim with a new one at the end of the queue. */
  private async requeue(purpose: string): Promise<void> {
    clearInterval(this.renewal);
    await this.renewing;
    await this.repository.deleteDocuments(this.lockIndex, [this.claim.key]).catch(() => undefined);
    this.claim = await IndexLock.ticket(this.repository, this.lockIndex, purpose, this.ttlMs);
    this.lostReason = null;
    this.startRenewal();
  }

  /** Renews the claim every ttl/4, one renewal at a time. */
  private startRenewal(): void {
    this.renewal = setInterval(() => {
      this.renewing = this.renewing.then(() => this.renew());
    }, this.ttlMs / 4);
    this.renewal.unref();
  }

  /** Read through a method: `release()` may set it while a renewal awaits. */
  private isReleased(): boolean {
    return this.released;
  }

  private async renew(): Promise<void> {
    if (this.lostReason !== null || this.released) return;
    // Close to its expiry another run may remove the claim at any moment and take the lock:
    // writing it again then would make two holders.
    if (Date.now() >= this.claim.expires_at - CLOCK_SKEW_MS) {
      this.lostReason = 'its claim expired before it was renewed';
      return;
    }
    try {
      const claims = await this.repository.allDocuments<Claim>(this.lockIndex);
      if (!claims.some((claim) => claim.key === this.claim.key)) {
        this.lostReason = 'its claim was removed';
        return;
      }
      if (this.isReleased()) return;
      const renewed = { ...this.claim, expires_at: Date.now() + this.ttlMs };
      await this.repository.putDocuments(this.lockIndex, [renewed]);
      this.claim = renewed;
    } catch {
      // Meilisearch unreachable: the next renewal tries again until the claim is too old.
    }
  }
}
