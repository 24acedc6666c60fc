import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Invoice from '#dues/models/invoice'
import Organisation from '#members/models/organisation'
import { getBalances } from '#dues/queries/invoice_balances'
import { danishToday } from '#dues/actions/issue_dues_invoice'
import { fikPaymentIdFor } from '#dues/rules/fik_payment_id'
import type { OpenInvoiceForMatching, MemberForMatching } from '#dues/bank/match_bank_entries'

/** Every invoice with money still owed, and every member by name, as the matching rules read them. */
export async function getOpenInvoicesForMatching(client: QueryClientContract = db.connection()) {
  const openInvoices = await getOpenInvoices(client)
  const organisations = await Organisation.query({ client }).select('id', 'name')
  const members: MemberForMatching[] = organisations.map((org) => ({ id: org.id, name: org.name }))
  return { openInvoices, members }
}

/** Every invoice with money still owed, with what it owes and its FI-kort payment ID. */
export async function getOpenInvoices(
  client: QueryClientContract = db.connection()
): Promise<OpenInvoiceForMatching[]> {
  const invoices = await Invoice.query({ client }).where('kind', 'invoice').preload('organisation')
  const balances = await getBalances(invoices, danishToday(), client)
  return invoices
    .filter((invoice) => (balances.get(invoice.id)?.balanceOre ?? 0) > 0)
    .map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      organisationId: invoice.organisationId,
      organisationName: invoice.organisation.name,
      amountOre: invoice.totalOre,
      openOre: balances.get(invoice.id)!.balanceOre,
      fikPaymentId: paymentIdOf(invoice.number),
    }))
}

function paymentIdOf(number: string) {
  try {
    return fikPaymentIdFor(number)
  } catch {
    return null
  }
}
