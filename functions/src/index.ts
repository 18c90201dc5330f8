// Wiring only: each deployed function lives in its own file.
export { taskrouterEvents } from './http/taskrouterEvents.js';
export { updateCustomerStats } from './triggers/updateCustomerStats.js';
