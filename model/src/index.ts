export * from './comment.js';
export * from './customer.js';
export * from './interaction.js';
export * from './paths.js';
export * from './phone.js';
export * from './reasonCodes.js';
export * from './roles.js';
export * from './taskAttributes.js';
