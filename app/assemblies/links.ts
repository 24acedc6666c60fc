import db from '@adonisjs/lucid/services/db'
import Assembly from '#assemblies/models/assembly'
import Organisation from '#members/models/organisation'
import { generateToken, hashToken, isLinkToken } from '#shared/tokens'
import { sqlTimestamp } from '#shared/sql_time'
import { absoluteUrlFor } from '#shared/absolute_url'
import encryption from '@adonisjs/core/services/encryption'

/**
 * An organisation's personal link to an assembly: check in, and vote from
 * a phone. Only the hash is stored; a new link replaces the old one.
 */
export async function issueAssemblyLink(assemblyId: number, organisationId: number) {
  const token = generateToken()
  await db
    .table('assembly_links')
    .insert({
      assembly_id: assemblyId,
      organisation_id: organisationId,
      token_hash: hashToken(token),
      token_sealed: encryption.encrypt(token),
      created_at: sqlTimestamp(),
    })
    .onConflict(['assembly_id', 'organisation_id'])
    .merge(['token_hash', 'token_sealed', 'created_at'])
  return absoluteUrlFor('delegate.show', { token })
}

/** The assembly and organisation behind a personal link, or null. */
export async function findByAssemblyLink(token: string) {
  if (!isLinkToken(token)) return null
  const row = await db.from('assembly_links').where('token_hash', hashToken(token)).first()
  if (!row) return null
  const assembly = await Assembly.find(row.assembly_id)
  const organisation = await Organisation.find(row.organisation_id)
  return assembly && organisation ? { assembly, organisation } : null
}

/**
 * The organisation's current personal link, for its own contacts in the
 * portal; null when none was issued or it predates sealed tokens.
 */
export async function currentAssemblyLink(assemblyId: number, organisationId: number) {
  const row = await db
    .from('assembly_links')
    .where('assembly_id', assemblyId)
    .where('organisation_id', organisationId)
    .first()
  const token = row?.token_sealed ? encryption.decrypt<string>(row.token_sealed) : null
  return token && isLinkToken(token) ? absoluteUrlFor('delegate.show', { token }) : null
}
