import { ApiProperty } from '@nestjs/swagger';
import { CODE_LISTS } from '@app/domain';

class LabelledCodeResponse {
  @ApiProperty({ example: 'RURAL' }) code: string;
  @ApiProperty({ example: '乡村' }) zh: string;
  @ApiProperty({ example: 'Rural' }) en: string;
}

export class ErrorCodeResponse {
  @ApiProperty({ example: 'POSTING_OVERLAP' }) code: string;
  @ApiProperty({ example: 422, description: 'The HTTP status it is answered with' }) status: number;
  @ApiProperty({ example: '任教经历重叠：某一天的任教比例合计将超过 1' }) zh: string;
  @ApiProperty({ example: "On some day the teacher's postings would add up to more than one full post" }) en: string;
}

/** One property per code list of libs/domain (declared from CODE_LISTS, so the document never misses one), then `errors`. */
export class CodesResponse {
  errors: ErrorCodeResponse[];
}
for (const list of Object.keys(CODE_LISTS)) {
  ApiProperty({ type: [LabelledCodeResponse], description: `The ${list} codes in list order, with Chinese and English labels` })(
    CodesResponse.prototype,
    list,
  );
}
ApiProperty({ type: [ErrorCodeResponse], description: 'The error codes the API answers (`code` of an error body), with their statuses' })(
  CodesResponse.prototype,
  'errors',
);
