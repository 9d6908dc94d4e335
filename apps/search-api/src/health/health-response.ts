import { ApiProperty } from '@nestjs/swagger';

/** Response of GET /health. */
export class HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** How one shard answers /ready's probe. */
export class ShardStatus {
  @ApiProperty({ example: 's0', description: 'The shard (`single` when the index is not sharded)' })
  shard!: string;

  @ApiProperty({ example: 's0r0', description: 'The node that answered, or the last one asked' })
  node!: string;

  @ApiProperty()
  ready!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Articles on the shard' })
  documents!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the shard cannot search' })
  reason!: string | null;
}

/** Response of GET /ready. */
export class ReadyStatus {
  @ApiProperty({ enum: ['ready'] })
  status!: 'ready';

  @ApiProperty({ description: 'The live index searched', example: 'articles' })
  index!: string;

  @ApiProperty({
    type: 'integer',
    description: 'Articles in the live index (of the shards that answer)',
  })
  documents!: number;

  @ApiProperty({ type: [ShardStatus], description: 'Each shard; one entry when not sharded' })
  shards!: ShardStatus[];
}
