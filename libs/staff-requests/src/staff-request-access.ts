import { Injectable } from '@nestjs/common';
import { StaffRequestRepository, StaffRequestRow } from '@app/database';
import { NotFoundError, Scope } from '@app/domain';
import { citedFlagView, fulfilmentView, historyEntryView, StaffRequestDetailView, staffRequestView } from './staff-request-view';

/** Loads staff requests within the caller's scope (404 outside it), for reading or for a change, and their details. */
@Injectable()
export class StaffRequestAccess {
  constructor(private readonly requests: StaffRequestRepository) {}

  async inScope(scope: Scope, id: string): Promise<StaffRequestRow> {
    const request = await this.requests.findInScope(scope, id);
    if (!request) throw new NotFoundError('staff request', id);
    return request;
  }

  /** The request for a change: its row locked first (two officers at once take turns), then read as it now stands. */
  async forChange(scope: Scope, id: string): Promise<StaffRequestRow> {
    await this.requests.lock(id);
    return this.inScope(scope, id);
  }

  /** The request with its cited flags (as they stand now), its fulfilments and its history. */
  async detail(request: StaffRequestRow): Promise<StaffRequestDetailView> {
    const [flags, fulfilments, events] = await Promise.all([
      this.requests.citedFlags(request.id),
      this.requests.fulfilmentsOf(request.id),
      this.requests.eventsOf(request.id),
    ]);
    return {
      ...staffRequestView(request, request.school),
      flags: flags.map(citedFlagView),
      fulfilments: fulfilments.map(fulfilmentView),
      history: events.map(historyEntryView),
    };
  }
}
