/** Roles as the Firebase custom token carries them, from least to most privileged. */
export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Custom claims of a Firebase session minted from a Flex token; the rules read exactly these names. */
export interface StaffClaims {
  readonly role: StaffRole;
  readonly workerSid: string;
  /** Expiry of the Flex token, seconds since the Unix epoch: the rules refuse a session past it. */
  readonly flexExp: number;
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** The most privileged staff role among Flex's roles (`admin`, `supervisor`, `agent`, `guest`...), or null. */
export function highestStaffRole(flexRoles: readonly unknown[]): StaffRole | null {
  for (const role of [...STAFF_ROLES].reverse()) {
    if (flexRoles.includes(role)) return role;
  }
  return null;
}

/** Who writes a document from the browser: the rules require its stamps to equal the session's uid and role claim. */
export interface Author {
  readonly uid: string;
  readonly role: StaffRole;
}
