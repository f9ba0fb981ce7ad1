import type {AccountStatus, PortalProfile, PortalRole} from './types';

/** The DocSpace role of a profile, highest first (DocSpace 3 calls collaborators users and visitors guests). */
export function describeRole(profile: PortalProfile): PortalRole {
  if (profile.isOwner) return 'owner';
  if (profile.isAdmin) return 'admin';
  if (profile.isRoomAdmin) return 'room admin';
  if (profile.isVisitor) return 'guest';
  return 'user';
}

const STATUS: Record<number, AccountStatus['status']> = {1: 'active', 2: 'terminated', 4: 'pending'};
const ACTIVATION: Record<number, AccountStatus['activation']> = {0: 'not-activated', 1: 'activated', 2: 'activation-pending', 4: 'auto-generated'};

/** The profile's status numbers as names, for a caller that words them itself (the try-it panel, per locale). */
export function accountStatus(profile: PortalProfile): AccountStatus {
  return {status: STATUS[profile.status ?? -1], activation: ACTIVATION[profile.activationStatus ?? -1]};
}
