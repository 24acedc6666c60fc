import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The newsletter's image library. The files live on disk under
 * storage/media/<key>/; a row says what they are. The key is random, so the
 * public URLs cannot be guessed or counted; the SHA-256 of the original is
 * unique, so the same picture uploaded twice is stored once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('newsletter_media', (table) => {
      table.increments('id')
      table.string('key', 32).notNullable().unique()
      table.string('original_name', 200).notNullable()
      // The stored variants' type (a GIF or a WebP is stored as PNG or JPEG).
      table.string('mime', 30).notNullable()
      table.integer('width').unsigned().notNullable()
      table.integer('height').unsigned().notNullable()
      // The original upload's size in bytes.
      table.integer('bytes').unsigned().notNullable()
      table.string('sha256', 64).notNullable().unique()
      // Null until someone describes the image; only described images can be used.
      table.string('alt_text', 250).nullable()
      table.string('created_by', 254).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable('newsletter_media')
  }
}
