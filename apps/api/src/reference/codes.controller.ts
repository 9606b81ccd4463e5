import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { codeTables } from '@app/domain';
import type { CodeTables } from '@app/domain';
import { ApiErrors } from '../common/api-errors.decorator';
import { CodesResponse } from './codes.dto';

@ApiTags('Reference data')
@ApiBearerAuth()
@Controller('codes')
export class CodesController {
  @Get()
  @ApiOperation({
    summary: 'Every code list with Chinese and English labels, in list order, and the error codes the API answers',
    description:
      'E.g. `{"stages": [{"code": "PRIMARY", "zh": "小学", "en": "Primary school"}, …], …, "errors": [{"code": "POSTING_OVERLAP", "status": 422, "zh": …, "en": …}, …]}`. ' +
      'Imports accept a code or its Chinese label.',
  })
  @ApiOkResponse({ type: CodesResponse })
  @ApiErrors(401)
  codes(): CodeTables {
    return codeTables();
  }
}
