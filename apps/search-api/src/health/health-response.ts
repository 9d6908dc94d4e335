import { ApiProperty } from '@nestjs/swagger';

/** Response of GET /health. */
export class HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** Response of GET /ready. */
export class ReadyStatus {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ description: 'The live index searched', example: 'articles' })
  index!: string;

  @ApiProperty({ type: 'integer', description: 'Articles in the live index' })
  documents!: number;
}
