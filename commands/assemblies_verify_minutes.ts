import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

const PROBLEMS: Record<string, string> = {
  content_changed: 'the stored text has changed since the version was prepared',
  signature_mismatch: 'a signature was given to other text than the version now holds',
  signature_without_hash: 'a signature is older than content hashes and cannot be checked',
  audit_mismatch: 'the audit log recorded another hash when the version was signed',
  signatures_missing: 'the version is marked signed without both signatures',
}

/**
 * node ace assemblies:verify-minutes 1
 * Recomputes the SHA-256 of every signed version of an assembly's minutes
 * and says whether each is still exactly the text its signers signed.
 * Exit code 0 when intact (or nothing is signed yet), 1 when tampered or
 * not found, 2 when the signatures are too old to check.
 */
export default class AssembliesVerifyMinutes extends BaseCommand {
  static commandName = 'assemblies:verify-minutes'
  static description = 'Check that the signed minutes of an assembly are exactly what was signed'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The assembly id' })
  declare assemblyId: string

  async run() {
    const { verifyMinutes } = await import('#assemblies/queries/verify_minutes')
    const id = Number(this.assemblyId)
    const report = Number.isSafeInteger(id) && id > 0 ? await verifyMinutes(id) : null
    if (!report) {
      this.logger.error(`No assembly with id ${this.assemblyId}`)
      this.exitCode = 1
      return
    }
    this.logger.log(`${report.assembly.title} (assembly ${report.assembly.id})`)
    for (const version of report.versions) {
      this.logger.log(`Version ${version.version} (${version.status}): SHA-256 ${version.hash}`)
      for (const signature of version.signatures) {
        const how = signature.method ? ` by ${signature.method}` : ''
        const who = signature.signerEmail ? ` <${signature.signerEmail}>` : ''
        const bound = signature.hash ? `, signed ${signature.hash}` : ', no hash recorded'
        this.logger.log(
          `  ${signature.role}: ${signature.name}${who}${how} at ${signature.signedAt}${bound}`
        )
      }
      for (const problem of version.problems) this.logger.log(`  ! ${PROBLEMS[problem]}`)
    }
    if (report.verdict === 'intact') {
      this.logger.success('Intact: every signed version is exactly the text its signers signed.')
    } else if (report.verdict === 'unsigned') {
      this.logger.info('Nothing is signed yet.')
    } else if (report.verdict === 'unverifiable') {
      this.logger.warning('Cannot verify: the signatures were given before hashes were recorded.')
      this.exitCode = 2
    } else {
      this.logger.error('TAMPERED: a signed version is no longer the text that was signed.')
      this.exitCode = 1
    }
  }
}
