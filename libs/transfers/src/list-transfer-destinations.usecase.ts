import { Injectable } from '@nestjs/common';
import { ReferenceRepository, SchoolRepository } from '@app/database';
import { Actor, NotFoundError, PROVINCE_SCOPE, REGISTRY_WRITERS, requireRole } from '@app/domain';

/** A school a teacher may be transferred to, named as the sending officer needs to pick it. */
export interface TransferDestinationView {
  id: string;
  code: string;
  name: string;
  countyId: string;
  countyName: string;
}

/** At most this many schools answer one search (a county has a few dozen to a few hundred). */
const MAX_DESTINATIONS = 500;

/**
 * The schools of a county a teacher may be transferred to (docs/rules.md, "Transfers"): any county of the province,
 * since a transfer's destination may lie outside the sending county; by code. Names and codes only: the schools'
 * records stay with their own county's officers. County officers and the administrator (those who transfer).
 */
@Injectable()
export class ListTransferDestinationsUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute(command: { actor: Actor; countyId: string; q?: string }): Promise<TransferDestinationView[]> {
    requireRole(command.actor, REGISTRY_WRITERS, 'look up transfer destinations');
    const county = await this.reference.findCounty(command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);
    const [rows] = await this.schools.list(PROVINCE_SCOPE, { countyId: county.id, q: command.q }, 0, MAX_DESTINATIONS);
    return rows.map((school) => ({ id: school.id, code: school.code, name: school.name, countyId: county.id, countyName: county.name }));
  }
}
