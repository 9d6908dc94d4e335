import { z } from 'zod';
import { parseShardLayout, ShardLayoutError } from './shard-layout.js';

/**
 * `MEILI_SHARDS` as both apps read it: shards separated by commas, replicas by `|`
 * (see parseShardLayout), with the reason when it cannot be used.
 */
export const shardLayoutSchema = z.string().transform((value, context) => {
  try {
    return parseShardLayout(value);
  } catch (error) {
    if (!(error instanceof ShardLayoutError)) throw error;
    context.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});
