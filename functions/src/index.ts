// Wiring only: each deployed function lives in its own file.
import './startupCheck.js';

export { mintFirebaseTokenFunction as mintFirebaseToken } from './http/mintFirebaseToken.js';
export { taskrouterEvents } from './http/taskrouterEvents.js';
export { updateCustomerStats } from './triggers/updateCustomerStats.js';
export { reconcileTaskrouterEvents } from './scheduled/reconcileTaskrouterEvents.js';
export { eraseCustomerFunction as eraseCustomer } from './http/eraseCustomer.js';
export { exportCustomerFunction as exportCustomer } from './http/exportCustomer.js';
export { setRecordingSuppressionFunction as setRecordingSuppression } from './http/setRecordingSuppression.js';
export { uncountDeletedInteraction } from './triggers/uncountDeletedInteraction.js';
export { updateDashboard } from './triggers/updateDashboard.js';
export { fileCaptureFailureFunction as fileCaptureFailure } from './http/fileCaptureFailure.js';
export { auditReasonCodes } from './triggers/auditReasonCodes.js';
export { auditCustomerProfile } from './triggers/auditCustomerProfile.js';
export { removeNonCanonicalProfile } from './triggers/removeNonCanonicalProfile.js';
export { withdrawErasedInteraction } from './triggers/withdrawErasedInteraction.js';
export { withdrawErasedCaptureFailure } from './triggers/withdrawErasedCaptureFailure.js';
