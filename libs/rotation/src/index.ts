export * from './list-rotation-exemptions.usecase';
export * from './read-rotation-candidates.usecase';
export * from './record-rotation-exemption.usecase';
export * from './rotation-candidates-view';
export * from './rotation-exemption-view';
export * from './rotation.module';
export * from './withdraw-rotation-exemption.usecase';
