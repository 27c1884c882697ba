import type { InstitutionLevel } from '../format/enums';
import type { UnitInfo } from './types';

/** Who is scored against whom (spec section 3). */

/**
 * L(p, level): the units of `level` with A > 0 at p (`isScored`), in code order.
 */
export function levelPopulation(
  units: UnitInfo[],
  level: InstitutionLevel,
  isScored: (code: string) => boolean,
): UnitInfo[] {
  return units
    .filter((u) => u.level === level && isScored(u.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The units of L in u's real peer group (used for rank_peer even when the group is small). */
export function realPeerGroup(u: UnitInfo, population: UnitInfo[]): UnitInfo[] {
  return population.filter((v) => v.peerGroup === u.peerGroup);
}

export interface PeerSet {
  members: UnitInfo[];
  /** true when u's peer group had fewer than `minSize` units and P(u) = L (SMALL_PEER_GROUP) */
  small: boolean;
}

/**
 * P(u): the units of L with u's peer_group; when fewer than `minSize`, all of L and `small`.
 */
export function peerSet(u: UnitInfo, population: UnitInfo[], minSize: number): PeerSet {
  const group = realPeerGroup(u, population);
  return group.length < minSize
    ? { members: population, small: true }
    : { members: group, small: false };
}
