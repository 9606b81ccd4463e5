import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { RequestContext } from './request-context';

@Global()
@Module({ providers: [Clock, RequestContext], exports: [Clock, RequestContext] })
export class CoreModule {}
