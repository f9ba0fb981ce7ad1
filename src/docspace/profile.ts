import type {PortalProfile, PortalRole} from './types';

/** The DocSpace role of a profile, highest first (DocSpace 3 calls collaborators users and visitors guests). */
export function describeRole(profile: PortalProfile): PortalRole {
  if (profile.isOwner) return 'owner';
  if (profile.isAdmin) return 'admin';
  if (profile.isRoomAdmin) return 'room admin';
  if (profile.isVisitor) return 'guest';
  return 'user';
}

const STATUS: Record<number, string> = {1: 'active', 2: 'terminated', 4: 'pending'};
const ACTIVATION: Record<number, string> = {0: 'not activated', 1: 'activated', 2: 'activation pending', 4: 'auto-generated'};

/** The account status in words, such as `active (activated)` or `pending (not activated)`. */
export function describeStatus(profile: PortalProfile): string {
  const status = STATUS[profile.status ?? -1] ?? 'unknown status';
  const activation = ACTIVATION[profile.activationStatus ?? -1];
  return activation ? `${status} (${activation})` : status;
}
