import { describe, expect, it } from 'vitest';
import { CAN_TIE_CHILDREN } from './child-process.js';

describe('spawnTiedToParent', () => {
  it('is available on the machines the project runs on (Linux with util-linux)', () => {
    expect(CAN_TIE_CHILDREN).toBe(process.platform === 'linux');
  });
});
