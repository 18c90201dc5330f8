/**
 * Every access module, in the order of the README's table. To cover a new
 * path, add a module file beside these (seed + cases) and list it here; the
 * suite runs each case for every session and `npm run rules:table` puts it
 * in the README.
 */
import type { AccessModule } from '../accessTable.js';
import { anythingElse } from './anythingElse.js';
import { auditLog } from './auditLog.js';
import { customers } from './customers.js';
import { interactions } from './interactions.js';
import { captureFailures, customerStats } from './operationalData.js';
import { dashboard, reasonCodeLists } from './supervisorViews.js';

export const accessModules: readonly AccessModule[] = [
  customers,
  interactions,
  customerStats,
  captureFailures,
  auditLog,
  dashboard,
  reasonCodeLists,
  // New paths go above this line.
  anythingElse,
];
