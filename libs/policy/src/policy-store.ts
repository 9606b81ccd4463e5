import { Injectable, Logger } from '@nestjs/common';
import { PolicyRepository } from '@app/database';
import { JIANGSU_2024_POLICY, PolicyDocument, PolicyParameters } from '@app/domain';

/** The policy a computation uses, with the version it reports. */
export interface PolicyInForce {
  readonly version: string;
  readonly effectiveFrom: string;
  readonly parameters: PolicyParameters;
}

/**
 * Reads the policy in force on a day. Versions are immutable once published, so documents are
 * cached by id; which version is in force is asked of the database each time (cheap, and right
 * in every process the moment a new version is published).
 */
@Injectable()
export class PolicyStore {
  private readonly logger = new Logger(PolicyStore.name);
  private readonly documents = new Map<string, PolicyDocument>();

  constructor(private readonly repository: PolicyRepository) {}

  /**
   * The latest version effective on or before `date` (ties: the later published). A day before
   * every version is answered with the earliest one, so that history can still be computed.
   */
  async inForce(date: string): Promise<PolicyInForce> {
    const versions = await this.repository.heads();
    if (versions.length === 0) throw new Error('no policy version is stored; the shipped default should have been loaded at start');
    const applicable = versions.filter((v) => v.effectiveFrom <= date);
    const chosen = applicable.length > 0 ? applicable[applicable.length - 1] : versions[0];
    const document = await this.documentOf(chosen.id);
    return { version: chosen.id, effectiveFrom: chosen.effectiveFrom, parameters: document.parameters };
  }

  /** Stores the shipped default (Jiangsu 2024) unless it is there already. */
  async ensureDefault(now: Date): Promise<void> {
    if (await this.repository.findById(JIANGSU_2024_POLICY.version)) return;
    await this.repository.insert({
      id: JIANGSU_2024_POLICY.version,
      effectiveFrom: JIANGSU_2024_POLICY.effectiveFrom,
      title: JIANGSU_2024_POLICY.title,
      document: JIANGSU_2024_POLICY,
      publishedAt: now,
      publishedBy: null,
    });
    this.logger.log(`Stored the default policy ${JIANGSU_2024_POLICY.version}`);
  }

  /** A version's document: read once, then from the cache (a published version never changes). */
  private async documentOf(id: string): Promise<PolicyDocument> {
    let document = this.documents.get(id);
    if (!document) {
      const version = await this.repository.findById(id);
      if (!version) throw new Error(`policy version ${id} was listed but cannot be read`);
      document = version.document;
      this.documents.set(id, document);
    }
    return document;
  }
}
