import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { PolicyModule } from '@app/policy';
import { RegistryModule } from '@app/registry';
import { CancelTransferUseCase } from './cancel-transfer.usecase';
import { DecideTransferUseCase } from './decide-transfer.usecase';
import { GetTransferUseCase } from './get-transfer.usecase';
import { ListTransferDestinationsUseCase } from './list-transfer-destinations.usecase';
import { ListTransfersUseCase } from './list-transfers.usecase';
import { RecordTransferExceptionUseCase } from './record-transfer-exception.usecase';
import { RequestTransferUseCase } from './request-transfer.usecase';
import { TransferAccess } from './transfer-access';
import { TransferExecution } from './transfer-execution';
import { TransferNotices } from './transfer-notices';

const USE_CASES = [
  RequestTransferUseCase,
  ListTransfersUseCase,
  ListTransferDestinationsUseCase,
  GetTransferUseCase,
  DecideTransferUseCase,
  RecordTransferExceptionUseCase,
  CancelTransferUseCase,
];

/** Transfers of teachers (调动, plan item 7): within a county or to another, under the anti-poaching rule. */
@Module({
  imports: [RegistryModule, PolicyModule, NotificationsModule],
  providers: [...USE_CASES, TransferAccess, TransferExecution, TransferNotices],
  exports: USE_CASES,
})
export class TransfersModule {}
