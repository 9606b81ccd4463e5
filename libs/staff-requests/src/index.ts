export * from './cancel-staff-request.usecase';
export * from './decide-staff-request.usecase';
export * from './get-staff-request.usecase';
export * from './list-staff-requests.usecase';
export * from './record-fulfilment.usecase';
export * from './staff-request-view';
export * from './staff-requests.module';
export * from './submit-staff-request.usecase';
