import { GiveProxy } from '#assemblies/actions/give_proxy'
import { assemblyWithMembers, board, openBallot } from '#tests/helpers/assemblies'
import { agendaOf, plannedAssembly } from '#tests/functional/assemblies/helpers'
import type { FormCase } from '#tests/functional/shared/form_cases'

/** An assembly and its agenda's first item. */
async function assemblyWithItem() {
  const assembly = await plannedAssembly()
  const [item] = await agendaOf(assembly.id)
  return { ids: { assembly: assembly.id, item: item.id } }
}

/** The forms used at the assembly itself (chair, register, minutes), each failing on one field. */
export const MEETING_DAY_FORM_CASES: FormCase[] = [
  {
    route: 'ballots.store',
    who: 'admin',
    setup: assemblyWithItem,
    page: (ids) => `/assemblies/${ids.assembly}/chair`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/ballots`,
    form: {
      agenda_item_id: '',
      motion_id: '',
      question: 'Valg af "to" bestyrelsesmedlemmer',
      kind: 'election',
      majority: 'two_thirds',
      quorum_percent: '50',
      seats: '2',
      method: 'show_of_hands',
      options: 'Anna Ø\nBo Åberg',
      secret: '1',
    },
    invalid: 'agenda_item_id',
  },
  {
    route: 'ballots.close',
    who: 'admin',
    setup: async () => {
      const { assembly } = await assemblyWithMembers()
      const ballot = await openBallot(assembly, { method: 'show_of_hands' })
      return { ids: { assembly: assembly.id, ballot: ballot.id } }
    },
    page: (ids) => `/assemblies/${ids.assembly}/chair`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/ballots/${ids.ballot}/close`,
    // Counted hands are kept, 0 included, when one count is mistyped.
    form: { yes: '-1', no: '12', blank: '0' },
    invalid: 'yes',
  },
  {
    route: 'minutes.save',
    who: 'admin',
    setup: assemblyWithItem,
    page: (ids) => `/assemblies/${ids.assembly}/minutes`,
    method: 'put',
    action: (ids) => `/assemblies/${ids.assembly}/minutes`,
    // The notes to an agenda item are what takes longest to write.
    form: (ids) => ({
      dirigent_name: 'Karen Ølgaard',
      dirigent_email: 'karen@',
      referent_name: 'Bo Åberg',
      referent_email: 'bo@example.org',
      statement: 'Generalforsamlingen blev "lovligt" indkaldt.',
      [`notes[i${ids.item}]`]: 'Karen Ølgaard blev valgt.\nIngen indsigelser <noteret>.',
    }),
    invalid: 'dirigent_email',
  },
  {
    route: 'register.check_in',
    who: 'admin',
    setup: async () => {
      const { assembly, organisations } = await assemblyWithMembers({ members: 3, present: 1 })
      return { ids: { assembly: assembly.id, organisation: organisations[2].id } }
    },
    page: (ids) => `/assemblies/${ids.assembly}/register`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/attendance`,
    // A pasted name and title, one character too long; the row shows it back, the others stay empty.
    form: { representative: 'Karen "Kasserer" Ølgaard, '.padEnd(201, 'æ') },
    invalid: 'representative',
    hidden: (ids) => ({
      organisation_id: String(ids.organisation),
      present: '1',
      _form: `checkin-${ids.organisation}`,
    }),
    idOf: (_name, ids) => `rep-${ids.organisation}`,
  },
  {
    route: 'register.proxy',
    who: 'admin',
    setup: async () => {
      // Forening 1 already holds as many proxies as the statutes allow (one).
      const { assembly, organisations } = await assemblyWithMembers({ members: 4, present: 2 })
      const [holder, , first, giver] = organisations
      await new GiveProxy().handle(
        { assemblyId: assembly.id, giverId: first.id, holderId: holder.id },
        board
      )
      return { ids: { assembly: assembly.id, holder: holder.id, giver: giver.id } }
    },
    page: (ids) => `/assemblies/${ids.assembly}/register`,
    method: 'post',
    action: (ids) => `/assemblies/${ids.assembly}/proxies`,
    // The refused holder is shown chosen, not the "no proxy" on record.
    form: (ids) => ({ holder_id: String(ids.holder) }),
    invalid: 'holder_id',
    hidden: (ids) => ({ giver_id: String(ids.giver), _form: `proxy-${ids.giver}` }),
    idOf: (_name, ids) => `proxy-${ids.giver}`,
  },
]
