import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The votes themselves. In a secret ballot nothing here may lead back to an
 * organisation: no organisation column is filled, there is no timestamp,
 * and the key is random. Rows are kept in key order, not the order they
 * came in: InnoDB clusters by the primary key, and on SQLite the table is
 * WITHOUT ROWID, because a rowid would keep the order of arrival, which
 * the list of who voted (ballot_voters) could be matched against.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name.includes('sqlite')) {
      this.schema.raw(`CREATE TABLE votes (
        id varchar(36) NOT NULL PRIMARY KEY,
        ballot_id integer NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
        choice text NOT NULL,
        organisation_id integer NULL REFERENCES organisations(id) ON DELETE SET NULL
      ) WITHOUT ROWID`)
      this.schema.raw('CREATE INDEX votes_ballot_id_index ON votes (ballot_id)')
      return
    }
    this.schema.createTable('votes', (table) => {
      table.string('id', 36).primary()
      table
        .integer('ballot_id')
        .unsigned()
        .notNullable()
        .references('ballots.id')
        .onDelete('CASCADE')
      table.text('choice').notNullable()
      // Open ballots only: who voted what is public there.
      table
        .integer('organisation_id')
        .unsigned()
        .nullable()
        .references('organisations.id')
        .onDelete('SET NULL')
      table.index(['ballot_id'])
    })
  }

  async down() {
    this.schema.dropTable('votes')
  }
}
