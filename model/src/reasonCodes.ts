/**
 * The reason codes an agent chooses from when none are configured. Admins
 * replace the list through the plugin's configuration, without a code change.
 */
export const DEFAULT_REASON_CODES: readonly string[] = [
  'Question answered',
  'Order placed',
  'Complaint',
  'Technical support',
  'Billing',
  'Callback requested',
  'Wrong number',
  'Other',
];

export const REASON_CODE_MAX_LENGTH = 100;
