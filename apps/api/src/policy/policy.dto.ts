import { ApiProperty } from '@nestjs/swagger';
import { DateField, PageQuery } from '@app/core';

export class PolicyQuery {
  @DateField({ required: false, description: 'The day whose policy you want (default today)' })
  asOf?: string;
}

export class PolicyVersionsQuery extends PageQuery {}

class PolicyVersionResponse {
  @ApiProperty({ example: 'jiangsu-2024.1' }) version: string;
  @ApiProperty({ example: '2024-05-07' }) effectiveFrom: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty() publishedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Account that published it (null for the shipped default)' }) publishedBy: string | null;
}

export class PolicyVersionListItem extends PolicyVersionResponse {
  @ApiProperty({ description: 'The version in force today' }) inForce: boolean;
}

export class PolicyResponse extends PolicyVersionResponse {
  @ApiProperty({
    type: Object,
    description:
      'Every parameter of the rules: quota, shortage, rotation, antiPoaching, eligibility, training. See GET /policy for the shipped values; POST /policy/versions validates a whole document.',
  })
  parameters: Record<string, unknown>;
}

/** Documentation only: the body is validated against the policy schema, which names the path of any bad field. */
export class PublishPolicyDocument {
  @ApiProperty({ example: 'jiangsu-2024.2', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' }) version: string;
  @ApiProperty({ example: '2027-01-01' }) effectiveFrom: string;
  @ApiProperty({ example: '江苏省 2027 年参数调整' }) title: string;
  @ApiProperty({ required: false }) source?: string;
  @ApiProperty({ type: Object, description: 'A complete parameter set (start from GET /policy).' }) parameters: Record<string, unknown>;
}
