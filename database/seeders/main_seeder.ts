import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { seedDemoData } from '#database/demo/demo_data'

/** `node ace db:seed`: the demo data, into an empty database only. Never in production. */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'testing']

  async run() {
    await seedDemoData()
  }
}
