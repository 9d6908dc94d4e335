import { describe, expect, it } from 'vitest';
import { canTieChildren } from './child-process.js';

describe('spawnTiedToParent', () => {
  it('is available on the machines the project runs on (Linux with util-linux)', () => {
    expect(canTieChildren()).toBe(process.platform === 'linux');
  });
});
