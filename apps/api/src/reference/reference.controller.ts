import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DivisionCodeField } from '@app/core';
import { ZONES } from '@app/domain';
import type { Zone } from '@app/domain';
import { ListReferenceDataUseCase } from '@app/registry';
import { ApiErrors } from '../common/api-errors.decorator';

class CityResponse {
  @ApiProperty({ example: '320300' }) id: string;
  @ApiProperty({ example: '320300' }) code: string;
  @ApiProperty({ example: '徐州市' }) name: string;
  @ApiProperty({ example: 'Xuzhou' }) nameEn: string;
  @ApiProperty({ enum: ZONES }) zone: Zone;
  @ApiProperty({ description: 'Zone is developed under the policy in force today' }) developed: boolean;
}

class CountyResponse {
  @ApiProperty({ example: '320321' }) id: string;
  @ApiProperty({ example: '320321' }) code: string;
  @ApiProperty({ example: '丰县' }) name: string;
  @ApiProperty({ example: '320300' }) cityId: string;
}

class CountiesQuery {
  @DivisionCodeField({ required: false, example: '320300' })
  cityId?: string;
}

@ApiTags('Reference data')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ListReferenceDataUseCase) {}

  @Get('cities')
  @ApiOperation({ summary: "Jiangsu's 13 cities with their zones" })
  @ApiOkResponse({ type: [CityResponse] })
  @ApiErrors(401)
  cities(): Promise<CityResponse[]> {
    return this.reference.cities();
  }

  @Get('counties')
  @ApiOperation({ summary: 'The 95 county-level units, optionally of one city' })
  @ApiOkResponse({ type: [CountyResponse] })
  @ApiErrors(400, 401)
  counties(@Query() query: CountiesQuery): Promise<CountyResponse[]> {
    return this.reference.counties(query.cityId);
  }
}
