// search-local's worker imports this module in place of its own (see ./index.ts): it runs on the
// sorted results just before they are returned, the one place to drop a section's second hit.
import {processTreeStatusOfSearchResults as markTree} from '../startup/worker-deep-imports';
import {keepOneHitPerSection, type SectionHit} from './precision';

export function processTreeStatusOfSearchResults(results: SectionHit[]): void {
  keepOneHitPerSection(results);
  markTree(results);
}
