import { installPublicSuffixes } from '../../src/node/use-public-suffixes.js';

// Root hooks: what every unit test's process needs, loaded once.
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await installPublicSuffixes();
  },
};
