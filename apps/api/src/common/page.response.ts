import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** `{ items, total, page, pageSize }` of a given item type, for the OpenAPI description. */
export function PageResponse<T>(item: Type<T>): Type<{ items: T[]; total: number; page: number; pageSize: number }> {
  class PageOf {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ example: 1 })
    total: number;

    @ApiProperty({ example: 1 })
    page: number;

    @ApiProperty({ example: 50 })
    pageSize: number;
  }
  Object.defineProperty(PageOf, 'name', { value: `PageOf${item.name.replace(/Response$/, '')}` });
  return PageOf;
}
