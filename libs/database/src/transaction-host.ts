import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

interface TransactionContext {
  readonly manager: EntityManager;
  readonly afterCommit: (() => Promise<void>)[];
}

/**
 * Runs a unit of work in one database transaction and lets repositories find it without
 * passing a manager around. Nested calls join the outer transaction. Work registered with
 * `afterCommit` runs only once the transaction has committed (the job outbox uses it to wake its
 * relay; a job itself is recorded inside the transaction with `JobOutbox.add`, never queued from
 * such a hook).
 *
 * SQLite (better-sqlite3) has one connection shared by the whole process, so transactions
 * there are run one after another; MySQL gives each its own pooled connection.
 */
@Injectable()
export class TransactionHost {
  private readonly logger = new Logger(TransactionHost.name);
  private readonly storage = new AsyncLocalStorage<TransactionContext>();
  private readonly serialize: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  /** The current transaction's manager, or the data source's outside a transaction. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  get dialect(): 'mysql' | 'sqlite' {
    return this.serialize ? 'sqlite' : 'mysql';
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const afterCommit: (() => Promise<void>)[] = [];
    const inTransaction = (manager: EntityManager) => this.storage.run({ manager, afterCommit }, work);
    const result = await this.exclusive(() =>
      // READ COMMITTED on MySQL: a check made after taking a row lock (such as the postings of a
      // locked teacher) must see what the previous lock holder committed, not the snapshot of the
      // transaction's first read (REPEATABLE READ). SQLite transactions run one at a time anyway.
      this.serialize ? this.dataSource.transaction(inTransaction) : this.dataSource.transaction('READ COMMITTED', inTransaction),
    );
    for (const hook of afterCommit) {
      try {
        await hook();
      } catch (error) {
        this.logger.error(`after-commit work failed: ${(error as Error).message}`, (error as Error).stack);
      }
    }
    return result;
  }

  /** Runs `hook` after the current transaction commits (at once when there is none); never if it rolls back. */
  async afterCommit(hook: () => Promise<void>): Promise<void> {
    const context = this.storage.getStore();
    if (context) context.afterCommit.push(hook);
    else await hook();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serialize) return work();
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
