// R-ORG-6 as the server checks it (src/modules/partyorg/rules.cpp
// check_placement), so the dialogs offer only the types a parent may hold.
import type { PartyOrgType } from '@/utils/dict'

/** Types a party org of type `parent` may hold (null: the top of the tree). */
export function allowedChildTypes(parent: PartyOrgType | null): PartyOrgType[] {
  switch (parent) {
    case null:
      return ['committee', 'general_branch', 'branch']
    case 'committee':
      return ['committee', 'general_branch', 'branch']
    case 'general_branch':
      return ['branch']
    case 'branch':
      return ['group']
    case 'group':
      return []
  }
}

/** Whether `child` may sit under `parent` (null: the top). */
export function fits(parent: PartyOrgType | null, child: PartyOrgType): boolean {
  return allowedChildTypes(parent).includes(child)
}
