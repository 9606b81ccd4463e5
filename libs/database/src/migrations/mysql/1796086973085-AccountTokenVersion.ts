import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountTokenVersion1796086973085 implements MigrationInterface {
  name = 'AccountTokenVersion1796086973085';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`token_version\` int NOT NULL DEFAULT '1'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`token_version\``);
  }
}
