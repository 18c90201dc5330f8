import type { Firestore } from 'firebase/firestore';
import { subscribeToProfileChanges, type ProfileChanges } from '../../data/auditTrail.js';
import { useLive, type Live } from '../../data/hooks.js';

/** The last recorded changes of one profile, live. Only admins may read them: call it for admins only. */
export function useProfileChanges(db: Firestore, phone: string, sessionEpoch: number): Live<ProfileChanges> {
  return useLive<ProfileChanges>((onData, onError) => subscribeToProfileChanges(db, phone, onData, onError), phone, { sessionEpoch });
}
