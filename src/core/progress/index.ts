/** The one measure of progress: every figure an output shows about progress is computed here. */
export * from './status.js';
export * from './time-share.js';
export * from './score.js';
export * from './aggregate.js';
export * from './judgement.js';
export * from './plausibility.js';
export * from './version.js';
export * from './rules.js';
