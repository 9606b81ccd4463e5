import { Injectable } from '@nestjs/common';
import { offsetOf, Page, PageRequest } from '@app/core';
import { ReferenceRepository, ShortageScanRepository } from '@app/database';
import { Actor, NotFoundError, OFFICERS, requireRole, ScanStatus, scopeOf } from '@app/domain';
import { scanView, ShortageScanView } from './shortage-views';

/** Scans an officer may read: their county's (its own scans and the rescans of its schools), their city's and its counties', every scan for the administrator. */
@Injectable()
export class ReadShortageScansUseCase {
  constructor(
    private readonly scans: ShortageScanRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async get(command: { actor: Actor; id: string }): Promise<ShortageScanView> {
    requireRole(command.actor, OFFICERS, 'read shortage scans');
    const scan = await this.scans.findInScope(scopeOf(command.actor), command.id);
    if (!scan) throw new NotFoundError('shortage scan', command.id);
    return scanView(scan);
  }

  async list(command: { actor: Actor; filter: { countyId?: string; status?: ScanStatus }; page: PageRequest }): Promise<Page<ShortageScanView>> {
    requireRole(command.actor, OFFICERS, 'read shortage scans');
    const scope = scopeOf(command.actor);
    if (command.filter.countyId && !(await this.reference.findCountyInScope(scope, command.filter.countyId))) {
      throw new NotFoundError('county', command.filter.countyId);
    }
    const [rows, total] = await this.scans.list(scope, command.filter, offsetOf(command.page), command.page.pageSize);
    return { items: rows.map(scanView), total, ...command.page };
  }
}
