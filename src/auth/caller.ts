/** Staff roles, from the identity provider's groups. */
export const STAFF_ROLES = ['ADMIN', 'UNIT_HEAD', 'EMPLOYEE'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is calling, as established from the bearer token (or its absence). */
export type Caller =
  | { kind: 'public' }
  | {
      kind: 'staff';
      role: StaffRole;
      agencyId: string;
      unitId?: string | undefined;
      employeeId?: string | undefined;
      subject: string;
      /** The app client the token was issued to (a dashboard), when the token says. */
      clientId?: string | undefined;
    }
  | { kind: 'partner'; partnerId: string; subject: string; scopes: string[] };

export const PUBLIC_CALLER: Caller = { kind: 'public' };
