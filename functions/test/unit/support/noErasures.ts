import type { ErasureRegistry } from '../../../src/adapters/erasureRegistry.js';

/** No number was ever erased: the erasure gate lets every event through (its own behaviour is tested against the emulator). */
export const noErasures: ErasureRegistry = {
  hashOf: () => 'f'.repeat(64),
  entriesFor: () => Promise.resolve([]),
  entryFor: () => Promise.resolve(null),
  recordErasure: () => Promise.reject(new Error('not expected')),
  recordErasureFinished: () => Promise.reject(new Error('not expected')),
  setSuppression: () => Promise.reject(new Error('not expected')),
};
