export * from './cancel-transfer.usecase';
export * from './decide-transfer.usecase';
export * from './get-transfer.usecase';
export * from './list-transfers.usecase';
export * from './record-transfer-exception.usecase';
export * from './request-transfer.usecase';
export * from './transfer-view';
export * from './transfers.module';
