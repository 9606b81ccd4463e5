import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffingQuotas1796100787593 implements MigrationInterface {
  name = 'StaffingQuotas1796100787593';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`county_quota\` (\`county_id\` varchar(6) NOT NULL, \`year\` int NOT NULL, \`approved_total\` int NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`county_id\`, \`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`quota_change\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`school_id\` varchar(36) NULL, \`year\` int NOT NULL, \`kind\` varchar(20) NOT NULL, \`previous_value\` int NULL, \`new_value\` int NOT NULL, \`move_id\` varchar(36) NULL, \`other_school_id\` varchar(36) NULL, \`reason\` varchar(500) NULL, \`actor_id\` varchar(36) NULL, \`actor_username\` varchar(64) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_d337c6ece2cfc0dc695c8cb2fe\` (\`county_id\`, \`year\`, \`at\`), INDEX \`IDX_ede00bcc15601e45ae6f63ab0b\` (\`school_id\`, \`year\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`school_quota_allocation\` (\`school_id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`county_id\` varchar(6) NOT NULL, \`allocated\` int NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_da9e56630fbbf4dbc7fda575b0\` (\`county_id\`, \`year\`), PRIMARY KEY (\`school_id\`, \`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`county_quota\` ADD CONSTRAINT \`FK_09d9710b288c735eed0ce237a57\` FOREIGN KEY (\`county_id\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`school_quota_allocation\` ADD CONSTRAINT \`FK_c5963843e27ea67f0c87d644371\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`school_quota_allocation\` DROP FOREIGN KEY \`FK_c5963843e27ea67f0c87d644371\``);
    await queryRunner.query(`ALTER TABLE \`county_quota\` DROP FOREIGN KEY \`FK_09d9710b288c735eed0ce237a57\``);
    await queryRunner.query(`DROP INDEX \`IDX_da9e56630fbbf4dbc7fda575b0\` ON \`school_quota_allocation\``);
    await queryRunner.query(`DROP TABLE \`school_quota_allocation\``);
    await queryRunner.query(`DROP INDEX \`IDX_ede00bcc15601e45ae6f63ab0b\` ON \`quota_change\``);
    await queryRunner.query(`DROP INDEX \`IDX_d337c6ece2cfc0dc695c8cb2fe\` ON \`quota_change\``);
    await queryRunner.query(`DROP TABLE \`quota_change\``);
    await queryRunner.query(`DROP TABLE \`county_quota\``);
  }
}
